package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/ingest"
)

// runExtract prints one JSON object per candidate incident in a news text,
// Arabic or English.
func runExtract(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "extract")
	db := dbFlag(fs, e, "")
	published := fs.String("published", "", "the article's publication date, YYYY-MM-DD, for relative dates (أمس, الشهر الماضي)")
	lang := fs.String("lang", "", "the report's language, ar or en; detected from the text when not given")
	fs.Bool("json", true, "print one JSON object per candidate: the default and only format (accepted for older scripts)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"usage: mapsrv extract [--db PATH] [--published YYYY-MM-DD] [--lang ar|en] [FILE|-]"}
	}
	if err := extract.CheckLanguage(*lang); err != nil {
		return usageError{fmt.Sprintf("--lang %q: want ar or en", *lang)}
	}
	var pub time.Time
	if *published != "" {
		var err error
		if pub, err = incidents.ParseDateField("--published", *published); err != nil {
			return usageError{err.Error()}
		}
	}
	text, err := readInput(e, fs.Arg(0))
	if err != nil {
		return err
	}
	gaz, err := openGazetteer(ctx, *db)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	// Read as reports of at most ingestion's size, each printed as soon as it
	// is read: read whole, 16 MiB of prose held 1.6 GB, and places were
	// found in its first 2,000 mentions only.
	x := extract.New(gaz)
	emit := func(c extract.Candidate) error { return enc.Encode(c) }
	var failed []string
	at := 0
	for _, part := range extract.SplitParts(text, extract.PartBytes) {
		// As ingestion reads a report: without the invisible marks inside words.
		err := extractPart(x, ingest.ReadableText(part), pub, *lang, emit)
		var pe partPanic
		if errors.As(err, &pe) {
			// One report the extractor cannot read (a defect) costs that
			// report, not the file: a part of a 16 MiB file once ended the
			// command with a stack trace and none of the later parts read.
			msg := fmt.Sprintf("%s: bytes %d to %d: %v", displayName(fs.Arg(0)), at, at+len(part), pe)
			fmt.Fprintln(e.stderr, "mapsrv extract:", msg)
			failed = append(failed, msg)
		} else if err != nil {
			return err
		}
		at += len(part)
	}
	if len(failed) > 0 {
		return fmt.Errorf("the extractor failed on %d of the text's reports (the rest printed): %s", len(failed), failed[0])
	}
	return nil
}

// partPanic is a part of a text the extractor panicked on.
type partPanic struct{ p any }

func (e partPanic) Error() string {
	return fmt.Sprintf("the extractor failed on this report (%v): its candidates are left out; please report the text", e.p)
}

// extractPart reads one part of at most extract.PartBytes, as ExtractParts
// reads each, turning a panic of the extractor into a partPanic.
func extractPart(x *extract.Extractor, part string, pub time.Time, lang string, emit func(extract.Candidate) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = partPanic{p}
		}
	}()
	return readPart(x, part, pub, lang, emit)
}

// readPart is extract.Extractor.ExtractParts; a variable so that a test can
// give an extractor that fails.
var readPart = (*extract.Extractor).ExtractParts

// readInput reads a file, or standard input for "" and "-".
func readInput(e env, name string) (string, error) {
	r := e.stdin
	if name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return "", err
	}
	// Text only, and all of it: a longer file had been cut at 16 MiB without
	// a word, and a binary one (or a report in another encoding) read as
	// text, both answered with nothing and success.
	switch {
	case len(b) > maxInput:
		return "", fmt.Errorf("%s: over %d MiB: give the reports in smaller files", displayName(name), maxInput>>20)
	case !utf8.Valid(b):
		return "", fmt.Errorf("%s: not UTF-8 text (a binary file, or text in another encoding)", displayName(name))
	case bytes.IndexByte(b, 0) >= 0:
		return "", fmt.Errorf("%s: holds NUL bytes: not text", displayName(name))
	}
	return string(b), nil
}

// maxInput is the most text extract reads from one file.
const maxInput = 16 << 20

func displayName(name string) string {
	if name == "" || name == "-" {
		return "standard input"
	}
	return name
}

// openGazetteer returns the embedded gazetteer, with the places imported into
// the database at db when one is given.
func openGazetteer(ctx context.Context, db string) (*gazetteer.Gazetteer, error) {
	if db == "" {
		return gazetteer.Default()
	}
	store, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	return loadGazetteer(ctx, store)
}
