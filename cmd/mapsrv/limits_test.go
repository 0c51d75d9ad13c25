package main

import (
	"flag"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/web"
)

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

// TestQueryTimeoutFromEnv: the flag wins over MAPSRV_QUERY_TIMEOUT, and a
// timeout the write timeout could not answer within is refused.
func TestQueryTimeoutFromEnv(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  string
		want time.Duration // 0: refused
	}{
		{nil, "", 15 * time.Second},
		{nil, "3s", 3 * time.Second},
		{[]string{"--query-timeout", "2s"}, "3s", 2 * time.Second},
		{nil, "soon", 0},
		{[]string{"--query-timeout", "2m"}, "", 0},
		{[]string{"--query-timeout", "0s"}, "", 0},
	} {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		d := fs.Duration("query-timeout", 15*time.Second, "")
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		e := env{getenv: func(k string) string {
			if k == "MAPSRV_QUERY_TIMEOUT" {
				return tc.env
			}
			return ""
		}}
		err := queryTimeoutFromEnv(fs, e, d)
		if tc.want == 0 && err == nil || tc.want != 0 && (err != nil || *d != tc.want) {
			t.Errorf("%v with MAPSRV_QUERY_TIMEOUT=%q: %s, %v; want %s", tc.args, tc.env, *d, err, tc.want)
		}
	}
}

// TestStreamsPerClient: the flag wins over MAPSRV_MAX_STREAMS_PER_CLIENT,
// the default applies without either, and a value that is no whole number
// is refused.
func TestStreamsPerClient(t *testing.T) {
	for _, tc := range []struct {
		flag    int
		env     string
		want    int
		wantErr bool
	}{
		{0, "", web.DefaultStreamsPerClient, false},
		{0, "40", 40, false},
		{4, "40", 4, false},
		{0, "many", 0, true},
		{0, "-3", 0, true},
		{-1, "", 0, true},
	} {
		got, err := streamsPerClient(tc.flag, tc.env)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("streamsPerClient(%d, %q) = %d, %v; want %d, error %v", tc.flag, tc.env, got, err, tc.want, tc.wantErr)
		}
	}
}

// TestConnsPerClient: the flag wins over MAPSRV_MAX_CONNS_PER_CLIENT, the
// default applies without either, and a value that is no whole number is
// refused.
func TestConnsPerClient(t *testing.T) {
	for _, tc := range []struct {
		flag    int
		env     string
		want    int
		wantErr bool
	}{
		{0, "", web.DefaultConnsPerClient, false},
		{0, "8192", 8192, false},
		{4, "40", 4, false},
		{0, "many", 0, true},
		{0, "-3", 0, true},
		{-1, "", 0, true},
	} {
		got, err := connsPerClient(tc.flag, tc.env)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("connsPerClient(%d, %q) = %d, %v; want %d, error %v", tc.flag, tc.env, got, err, tc.want, tc.wantErr)
		}
	}
}
