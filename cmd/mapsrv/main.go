// Command mapsrv serves a map of security incidents in Syria and the data
// behind it as an OGC API – Features service, and holds the command-line tools
// around it: import, export, geocode, gazetteer import, extract, migrate,
// synth, backup, check and version. 'mapsrv COMMAND -h' lists a command's
// flags.
//
// Usage:
//
//	mapsrv serve   [--addr 127.0.0.1:8080] [--db mapsrv.db] [--read-db postgres://STANDBY]
//	               [--tokens-file FILE] [--max-body BYTES] [--max-conns N] [--max-streams-per-client N] [--query-timeout 15s]
//	               [--cors-write-origins ORIGIN,...]
//	mapsrv import  [--db PATH] [--status published|draft] FILE...
//	mapsrv export  [--db PATH] [--format geojson|csv] [--bbox ...] [--datetime ...] [--incident_type ...]
//	               [--admin1_pcode ...] [--admin2_pcode ...] [--min_killed N] [--q WORDS] [--filter CQL2] [--filter-lang ...]
//	mapsrv geocode [--db PATH] QUERY...
//	mapsrv gazetteer import --db PATH FILE...
//	mapsrv extract [--db PATH] [--published YYYY-MM-DD] [--lang ar|en] [FILE|-]
//	mapsrv migrate --from PATH.db --to postgres://...
//	mapsrv synth   --db PATH --n N [--seed S]
//	mapsrv backup  --db PATH OUT
//	mapsrv check   --db PATH
//	mapsrv version
//
// Flags fall back to the environment: MAPSRV_ADDR, MAPSRV_DB, MAPSRV_READ_DB,
// MAPSRV_MAX_CONNS, MAPSRV_MAX_STREAMS_PER_CLIENT, MAPSRV_QUERY_TIMEOUT; MAPSRV_TOKENS holds the write
// tokens.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.As(err, new(usageError)):
		fmt.Fprintln(os.Stderr, "mapsrv:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "mapsrv:", err)
		os.Exit(1)
	}
}

// env is how commands read the environment; tests pass their own.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// usageError is a command line that does not parse; main exits 2 on it.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `usage: mapsrv COMMAND [flags]

commands:
  serve              serve the map and the API
  import FILE...     import incidents from GeoJSON (FeatureCollection or newline-delimited) or CSV
  export             write incidents as GeoJSON or CSV, with the API's filters
  geocode QUERY...   resolve place names
  gazetteer import   import OCHA gazetteer datasets into the database
  extract [FILE|-]   propose incidents from Arabic or English news text
  migrate            copy a SQLite database into PostgreSQL/PostGIS
  synth --n N        generate N synthetic incidents (load tests)
  backup OUT         copy the database consistently while it is in use
  check              verify the database and its R*Tree index
  version            print mapsrv's version (also --version)

Run 'mapsrv COMMAND -h' for a command's flags.`

// run executes one command line; main and the tests call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, e, rest)
	case "import":
		return runImport(ctx, e, rest)
	case "export":
		return runExport(ctx, e, rest)
	case "geocode":
		return runGeocode(ctx, e, rest)
	case "gazetteer":
		if len(rest) == 0 || rest[0] != "import" {
			return usageError{"usage: mapsrv gazetteer import --db PATH FILE..."}
		}
		return runGazetteerImport(ctx, e, rest[1:])
	case "extract":
		return runExtract(ctx, e, rest)
	case "migrate":
		return runMigrate(ctx, e, rest)
	case "synth":
		return runSynth(ctx, e, rest)
	case "backup":
		return runBackup(ctx, e, rest)
	case "check":
		return runCheck(ctx, e, rest)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "mapsrv %s (%s)\n", version, runtime.Version())
		return nil
	}
	fmt.Fprintln(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// arguments are what each command takes after its flags, for its help.
var arguments = map[string]string{
	"import": "FILE...", "geocode": "QUERY...", "gazetteer import": "FILE...",
	"extract": "[FILE|-]", "backup": "OUT",
}

// newFlags returns a flag set for a subcommand that reports errors as usage
// errors instead of exiting, and whose help shows its arguments.
func newFlags(e env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("mapsrv "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: mapsrv %s [flags] %s\n\nflags:\n", name, arguments[name])
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a parse failure into a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// dbFlag adds --db with MAPSRV_DB and then def as its default.
func dbFlag(fs *flag.FlagSet, e env, def string) *string {
	if v := e.getenv("MAPSRV_DB"); v != "" {
		def = v
	}
	return fs.String("db", def, "SQLite database file, or postgres://... for PostGIS (env MAPSRV_DB)")
}
