package web

import (
	stdgzip "compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// BenchmarkGzip_CountryPage compresses a page of 10,000 features at
// BestSpeed as withGzip does, and with the standard library's writer for
// comparison.
func BenchmarkGzip_CountryPage(b *testing.B) {
	incs := storetest.LatticeIncidents(rand.New(rand.NewPCG(1, 2)), 10000)
	for i := range incs {
		incs[i].ID = int64(i + 1)
		incs[i].SummaryEN = fmt.Sprintf("synthetic incident %d, reported by two sources near the town centre", i)
	}
	page, err := feature.EncodeAll(incs)
	if err != nil {
		b.Fatal(err)
	}
	var body []byte
	for _, f := range page {
		body = append(append(body, f.JSON...), ",\n"...)
	}
	std, _ := stdgzip.NewWriterLevel(io.Discard, stdgzip.BestSpeed)
	for name, zw := range map[string]interface {
		io.WriteCloser
		Reset(io.Writer)
	}{"withGzip": gzipWriters.Get().(interface {
		io.WriteCloser
		Reset(io.Writer)
	}), "standard library": std} {
		b.Run(name, func(b *testing.B) {
			var n countingWriter
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				n = 0
				zw.Reset(&n)
				zw.Write(body)
				zw.Close()
			}
			b.ReportMetric(float64(n), "gzip-bytes")
		})
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
