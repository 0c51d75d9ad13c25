package main

import "testing"

func TestMaxConns(t *testing.T) {
	tests := []struct {
		flag    int
		env     string
		files   uint64
		want    int
		wantErr bool
	}{
		{0, "", 1 << 20, defaultMaxConns, false}, // the default
		{0, "", 0, defaultMaxConns, false},       // the limit unknown
		{0, "300", 1 << 20, 300, false},          // the environment
		{50, "300", 1 << 20, 50, false},          // the flag first
		{0, "", 1024, 768, false},                // within the open-file limit, a reserve kept
		{0, "", 256, 192, false},
		{0, "many", 1024, 0, true},
		{-1, "", 1024, 0, true},
	}
	for _, tc := range tests {
		got, err := maxConns(tc.flag, tc.env, tc.files)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("maxConns(%d, %q, %d) = %d, %v; want %d, error %v", tc.flag, tc.env, tc.files, got, err, tc.want, tc.wantErr)
		}
	}
}
