package main

import (
	"errors"
	"flag"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelp_ShowsArguments asks each command for its help, which must show
// the arguments it takes after its flags, not only the flags.
func TestHelp_ShowsArguments(t *testing.T) {
	for cmd, want := range map[string]string{
		"import":           "usage: mapsrv import [flags] FILE...",
		"backup":           "usage: mapsrv backup [flags] OUT",
		"geocode":          "usage: mapsrv geocode [flags] QUERY...",
		"extract":          "usage: mapsrv extract [flags] [FILE|-]",
		"gazetteer import": "usage: mapsrv gazetteer import [flags] FILE...",
		"serve":            "usage: mapsrv serve [flags]",
		"export":           "usage: mapsrv export [flags]",
	} {
		_, stderr, err := runCmd(t, "", append(strings.Fields(cmd), "-h")...)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, want) || !strings.Contains(stderr, "-db") {
			t.Errorf("mapsrv %s -h: %v, %q; want help starting %q and listing the flags", cmd, err, stderr, want)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		out, _, err := runCmd(t, "", arg)
		if err != nil || !strings.HasPrefix(out, "mapsrv "+version+" (go") {
			t.Errorf("mapsrv %s = %q, %v; want the version", arg, out, err)
		}
	}
}

// TestJSONByDefault runs geocode and extract without --json, which they
// once refused with a usage line: JSON is their only output, so it is the
// default, and --json is still accepted.
func TestJSONByDefault(t *testing.T) {
	const report = "قُتل ثلاثة مدنيين في قصف مدفعي على بلدة سراقب أمس.\n"
	for _, args := range [][]string{{"geocode", "Saraqib"}, {"extract", "--published", "2025-12-05"}} {
		plain, _, err := runCmd(t, report, args...)
		if err != nil || !strings.HasPrefix(plain, "{") || !strings.Contains(plain, `"admin1_pcode":"SY07"`) {
			t.Errorf("mapsrv %s = %q, %v; want JSON naming Saraqib's governorate", strings.Join(args, " "), plain, err)
			continue
		}
		withFlag, _, err := runCmd(t, report, append(args[:1:1], append([]string{"--json"}, args[1:]...)...)...)
		if err != nil || withFlag != plain {
			t.Errorf("with --json: %q, %v; want the same output %q", withFlag, err, plain)
		}
	}
}

// TestServe_BusyPort starts serve on a port already taken: it must fail
// naming the address, before it creates (and seeds) the database file.
func TestServe_BusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	db := filepath.Join(t.TempDir(), "never.db")
	_, _, err = runCmd(t, "", "serve", "--addr", ln.Addr().String(), "--db", db)
	if err == nil || !strings.Contains(err.Error(), ln.Addr().String()) || !strings.Contains(err.Error(), "--addr") {
		t.Errorf("serve on a busy port: %v, want an error naming the address and how to choose another", err)
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("serve on a busy port left %s behind (stat: %v)", db, err)
	}
}

// TestMakeRun_Address checks the command make run would run: ADDR= on the
// command line, else MAPSRV_ADDR (and MAPSRV_DB) from the environment.
func TestMakeRun_Address(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	dryRun := func(env []string, args ...string) string {
		cmd := exec.Command("make", append([]string{"-s", "-n", "-C", "../..", "run"}, args...)...)
		cmd.Env = env
		for _, kv := range os.Environ() { // but the settings under test, and the outer make's
			if !strings.HasPrefix(kv, "MAPSRV_") && !strings.HasPrefix(kv, "MAKE") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("make -n run: %v", err)
		}
		return string(out)
	}
	for _, c := range []struct {
		env  []string
		args []string
		want string
	}{
		{nil, []string{"ADDR=127.0.0.1:9123"}, "serve --addr 127.0.0.1:9123 --db mapsrv.db"},
		{[]string{"MAPSRV_ADDR=0.0.0.0:9124", "MAPSRV_DB=/srv/m.db"}, nil, "serve --addr 0.0.0.0:9124 --db /srv/m.db"},
		{[]string{"MAPSRV_ADDR=0.0.0.0:9124"}, []string{"ADDR=127.0.0.1:9125"}, "serve --addr 127.0.0.1:9125"},
	} {
		if out := dryRun(c.env, c.args...); !strings.Contains(out, c.want) {
			t.Errorf("make run %v with %v would run %q, want %q", c.args, c.env, out, c.want)
		}
	}
}
