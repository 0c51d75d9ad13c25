package feature

import (
	"bufio"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// benchIncidents are the items endpoint's largest page: 10,000 incidents.
func benchIncidents() []incidents.Incident {
	incs := make([]incidents.Incident, 10_000)
	day := time.Date(2016, 2, 3, 0, 0, 0, 0, time.UTC)
	for i := range incs {
		killed := i % 7
		incs[i] = incidents.Incident{ID: int64(i + 1), Type: incidents.TypeShelling, DateFrom: day, DateTo: day,
			DatePrecision: incidents.DateDay, PlaceNameEN: "Saraqib", PlaceNameAR: "سراقب", Admin1PCode: "SY07",
			Admin1Name: "Idlib", Location: orb.Point{36.8 + float64(i)/1e5, 35.86}, GeoPrecision: incidents.GeoTown,
			Killed: &killed, SummaryEN: "Synthetic shelling reported near Saraqib.", SummaryAR: "حادث اصطناعي: قصف قرب سراقب",
			Status: incidents.StatusPublished, CreatedAt: day, UpdatedAt: day}
	}
	return incs
}

// BenchmarkCollectionWriter encodes 10,000 incidents, the items endpoint's
// largest page, as one FeatureCollection.
func BenchmarkCollectionWriter(b *testing.B) {
	incs := benchIncidents()
	b.ReportAllocs()
	for b.Loop() {
		cw := NewCollectionWriter(io.Discard)
		for _, inc := range incs {
			if err := cw.Write(inc); err != nil {
				b.Fatal(err)
			}
		}
		if err := cw.Close(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCollectionWriter_Reflect encodes the same page the way
// CollectionWriter did before AppendFeature: encoding/json over Of(inc). It
// keeps the comparison in one run on a machine whose load moves.
func BenchmarkCollectionWriter_Reflect(b *testing.B) {
	incs := benchIncidents()
	b.ReportAllocs()
	for b.Loop() {
		bw := bufio.NewWriterSize(io.Discard, 32<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for _, inc := range incs {
			if err := enc.Encode(Of(inc)); err != nil {
				b.Fatal(err)
			}
		}
		bw.Flush()
	}
}

// BenchmarkDecodeCSV decodes 10,000 CSV rows.
func BenchmarkDecodeCSV(b *testing.B) {
	row := "35.866,36.8034,shelling,2025-12-03,2025-12-03,day,town,Saraqib,سراقب,2,Shelling on the town,,\n"
	head := "lat,lon,incident_type,date_from,date_to,date_precision,geo_precision,place_name_en,place_name_ar,killed,summary_en,source_titles,source_urls\n"
	var text []byte
	text = append(text, head...)
	for range 10_000 {
		text = append(text, row...)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, err := range DecodeCSV(bytesReader(text), incidents.StatusPublished) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
