package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRun_Reproducible regenerates the embedded data from the OCHA files (when
// ../shared holds them) and the committed GeoNames and curated rows, and checks
// it is byte for byte what is committed: the merged places file must follow an
// edit of curated.tsv or of the merge rules.
func TestRun_Reproducible(t *testing.T) {
	ocha := "../../../../shared/data/ocha"
	if _, err := os.Stat(filepath.Join(ocha, "syr_communities_2015.geojson")); err != nil {
		t.Skipf("OCHA reference files not present in %s", ocha)
	}
	out := t.TempDir()
	for _, name := range []string{"geonames.tsv", "curated.tsv"} {
		b, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := run(ocha, "", out, 0.0005); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"places.tsv", "ocha_areas.tsv"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s regenerated differs from the committed file (%d bytes, want %d): run make gazetteer-data", name, len(got), len(want))
		}
	}
}
