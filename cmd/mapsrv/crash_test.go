package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestMain lets a test run mapsrv itself as a child process: with
// MAPSRV_CHILD_ARGS set, the test binary is mapsrv with those arguments.
func TestMain(m *testing.M) {
	if args := os.Getenv("MAPSRV_CHILD_ARGS"); args != "" {
		err := run(context.Background(), strings.Split(args, "\x1f"), os.Getenv, os.Stdin, os.Stdout, os.Stderr)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestImport_SIGKILL kills a real mapsrv process in the middle of a large
// import: what was committed before survives, nothing of the half import is
// left, and the database and its R*Tree check clean.
func TestImport_SIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process mid-import; skipped with -short")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	if _, err := openSeeded(context.Background(), db, "", nopLog()); err != nil { // 9 committed incidents
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.ndjson")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range 60000 {
		fmt.Fprintf(w, `{"type":"Feature","geometry":{"type":"Point","coordinates":[%g,%g]},"properties":{"incident_type":"shelling","date_from":"2024-01-01","date_precision":"day","geo_precision":"town","summary_en":"synthetic %d"}}`+"\n",
			36+float64(i%1000)/1000, 35+float64(i%700)/1000, i)
	}
	w.Flush()
	f.Close()

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "MAPSRV_CHILD_ARGS="+strings.Join([]string{"import", "--db", db, big}, "\x1f"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Progress comes every 10,000 incidents: the transaction is then well under way.
	progress := bufio.NewReader(stderr)
	got, err := progress.ReadString('d') // "imported 10000 incidents"
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("no progress from the child before it ended (%q): %v", got, err)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	state, _ := cmd.Process.Wait()
	if ws, ok := state.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the child was not killed mid-import (state %v): the import finished first", state)
	}

	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("reopening after SIGKILL: %v", err)
	}
	defer store.Close()
	if n, _ := store.Count(context.Background()); n != 9 {
		t.Errorf("after SIGKILL mid-import, %d incidents, want the 9 committed before", n)
	}
	if problems, err := store.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("check after SIGKILL: %v %v", problems, err)
	}
}
