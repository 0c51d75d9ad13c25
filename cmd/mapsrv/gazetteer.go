package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/gazetteer/answer"
	"github.com/mapsrv/mapsrv/incidents/postgis"
)

// areaPrefix marks the records of imported admin areas among place records.
const areaPrefix = "area:"

// loadGazetteer builds the gazetteer from the embedded data merged with the
// places and admin areas imported into the database, if any.
func loadGazetteer(ctx context.Context, store store) (*gazetteer.Gazetteer, error) {
	recs, err := store.PlaceRecords(ctx)
	if err != nil {
		return nil, err
	}
	var places []gazetteer.Place
	var areas []gazetteer.Area
	for _, r := range recs {
		if strings.HasPrefix(r.ID, areaPrefix) {
			a, err := gazetteer.UnmarshalArea(r.Data)
			if err != nil {
				return nil, fmt.Errorf("imported area %s: %w", r.ID, err)
			}
			areas = append(areas, a)
			continue
		}
		p, err := gazetteer.UnmarshalPlace(r.Data)
		if err != nil {
			return nil, fmt.Errorf("imported place %s: %w", r.ID, err)
		}
		places = append(places, p)
	}
	return gazetteer.DefaultWith(places, areas)
}

// runGazetteerImport loads OCHA datasets (communities, admin-1/2/3 and
// neighbourhood files as HDX distributes them) into the database, all files in
// one transaction. Re-importing replaces records by their P-codes. Every file
// is read and checked before the database is opened, as before; the records
// wait in a temporary file rather than in memory, so that memory is bounded
// by the largest feature whatever the files' size (200,000 communities took
// 616 MB). The file lies next to a SQLite database (the disk that will hold
// the records anyway), in the system's temporary directory for PostgreSQL,
// and holds at most maxSpoolBytes: it lay in TMPDIR for any database, often
// a tmpfs, that is memory, and without bound.
func runGazetteerImport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "gazetteer import")
	db := dbFlag(fs, e, "mapsrv.db")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"usage: mapsrv gazetteer import --db PATH FILE... (OCHA GeoJSON files)"}
	}
	spool, err := newRecordSpool(spoolDir(*db), maxSpoolBytes)
	if err != nil {
		return err
	}
	defer spool.Close()
	for _, name := range fs.Args() {
		n, err := spoolPlaceRecords(name, spool)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Fprintf(e.stderr, "%s: %d records\n", name, n)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.PutPlaceRecordsFrom(ctx, spool.records())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d gazetteer records into %s\n", n, displayDSN(*db))
	return nil
}

// spoolPlaceRecords parses one OCHA file into store records, written to
// spool as they are read, and returns how many it wrote.
func spoolPlaceRecords(name string, spool *recordSpool) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	err = gazetteer.ScanOCHA(f, func(p gazetteer.Place) error {
		b, err := gazetteer.MarshalPlace(p)
		if err != nil {
			return err
		}
		n++
		return spool.add(placeRecord{ID: p.ID, Source: p.Source, Data: b})
	}, func(a gazetteer.Area) error {
		b, err := gazetteer.MarshalArea(a)
		if err != nil {
			return err
		}
		n++
		return spool.add(placeRecord{ID: fmt.Sprintf("%s%d:%s", areaPrefix, a.Level, a.PCode), Source: "OCHA", Data: b})
	})
	return n, err
}

// maxSpoolBytes bounds the records one gazetteer import holds in its
// temporary file: some 3,000,000 communities (OCHA's file holds 7,000).
var maxSpoolBytes int64 = 1 << 30

// spoolDir is where the records of an import into db wait: next to a
// SQLite file, or the system's temporary directory ("") for PostgreSQL.
func spoolDir(db string) string {
	if postgis.IsDSN(db) {
		return ""
	}
	return filepath.Dir(db)
}

// recordSpool keeps place records in a temporary file, in order, until the
// store takes them.
type recordSpool struct {
	f        *os.File
	w        *bufio.Writer
	n, limit int64 // bytes written, and at most
}

// newRecordSpool makes the spool's file in dir and removes its name at once:
// the open file is still read and written, and whatever ends the import
// (a SIGKILL too) leaves nothing behind next to the database.
func newRecordSpool(dir string, limit int64) (*recordSpool, error) {
	f, err := os.CreateTemp(dir, ".mapsrv-gazetteer-*.records")
	if err != nil {
		return nil, fmt.Errorf("gazetteer import: %w", err)
	}
	os.Remove(f.Name()) // where it cannot be, Close removes it
	return &recordSpool{f: f, w: bufio.NewWriterSize(f, 256<<10), limit: limit}, nil
}

// add writes r as three length-prefixed fields.
func (s *recordSpool) add(r placeRecord) error {
	for _, field := range [][]byte{[]byte(r.ID), []byte(r.Source), r.Data} {
		s.n += int64(binary.MaxVarintLen64 + len(field))
		if s.n > s.limit {
			return fmt.Errorf("gazetteer import: the records of these files pass %d MiB, more than one import holds "+
				"(in %s until they are stored): import the files in parts (records are replaced by P-code)", s.limit>>20, filepath.Dir(s.f.Name()))
		}
		s.w.Write(binary.AppendUvarint(nil, uint64(len(field))))
		if _, err := s.w.Write(field); err != nil {
			return fmt.Errorf("gazetteer import: spool: %w", err)
		}
	}
	return nil
}

// records reads the records back in the order they were added.
func (s *recordSpool) records() iter.Seq2[placeRecord, error] {
	return func(yield func(placeRecord, error) bool) {
		fail := func(err error) { yield(placeRecord{}, fmt.Errorf("gazetteer import: spool: %w", err)) }
		if err := s.w.Flush(); err != nil {
			fail(err)
			return
		}
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			fail(err)
			return
		}
		r := bufio.NewReaderSize(s.f, 256<<10)
		for {
			var fields [3][]byte
			for i := range fields {
				n, err := binary.ReadUvarint(r)
				if err == io.EOF && i == 0 {
					return
				}
				if err != nil {
					fail(err)
					return
				}
				fields[i] = make([]byte, n)
				if _, err := io.ReadFull(r, fields[i]); err != nil {
					fail(err)
					return
				}
			}
			if !yield(placeRecord{ID: string(fields[0]), Source: string(fields[1]), Data: fields[2]}, nil) {
				return
			}
		}
	}
}

// Close closes the spool's file, and removes it if its name is still there.
func (s *recordSpool) Close() error {
	s.f.Close()
	if err := os.Remove(s.f.Name()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// runGeocode prints one JSON object per query, in order.
func runGeocode(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "geocode")
	db := dbFlag(fs, e, "")
	fs.Bool("json", true, "print one JSON object per query: the default and only format (accepted for older scripts)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"usage: mapsrv geocode [--db PATH] QUERY..."}
	}
	gaz, err := openGazetteer(ctx, *db)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, q := range fs.Args() {
		m, err := gaz.Geocode(q)
		var out any = answer.GeocodeOf(m)
		if errors.Is(err, gazetteer.ErrNotFound) {
			out = answer.Failure{Query: q, Error: "no place matches"}
		} else if err != nil {
			out = answer.Failure{Query: q, Error: err.Error()}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}
