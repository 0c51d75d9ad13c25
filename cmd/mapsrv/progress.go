package main

import (
	"fmt"
	"io"
	"os"
)

// progress reports long work on w: on a terminal, one line redrawn in place
// (a bar when the total is known); elsewhere (a log file, a pipe), a line at
// each tenth of the total, or at each progressStep when it is unknown, so
// that a log of a migration of a million gets ten lines, not five hundred
// carriage returns on one.
type progress struct {
	w        io.Writer
	label    string // what is being done: "migrate:", "imported"
	unit     string // what is counted: "incidents"
	total    int    // 0 when unknown
	terminal bool
	shown    int // the last tenth, or step, written off the terminal
	drawn    bool
}

// progressStep is how often a count of unknown total is written off a
// terminal: an import's, whose files are read as they come.
const progressStep = 10_000

func newProgress(w io.Writer, label, unit string, total int) *progress {
	return &progress{w: w, label: label, unit: unit, total: total, terminal: isTerminal(w)}
}

// update reports done items.
func (p *progress) update(done int) {
	switch {
	case p.terminal && p.total > 0:
		fmt.Fprintf(p.w, "\r%s %s %s", p.label, p.unit, progressBar(done, p.total))
	case p.terminal:
		fmt.Fprintf(p.w, "\r%s %d %s", p.label, done, p.unit)
	case p.total > 0:
		if tenth := done * 10 / p.total; tenth > p.shown {
			p.shown = tenth
			fmt.Fprintf(p.w, "%s %d of %d %s (%d%%)\n", p.label, done, p.total, p.unit, done*100/p.total)
		}
	default:
		if step := done / progressStep; step > p.shown {
			p.shown = step
			fmt.Fprintf(p.w, "%s %d %s\n", p.label, done, p.unit)
		}
	}
	p.drawn = true
}

// done ends the terminal's line, if it was drawn on.
func (p *progress) done() {
	if p.terminal && p.drawn {
		fmt.Fprintln(p.w)
	}
}

// isTerminal reports whether w is a character device, where a progress bar
// that rewrites its line makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar draws done out of total as a 30-column bar with a percentage.
func progressBar(done, total int) string {
	const width = 30
	filled := min(width, done*width/max(total, 1))
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = ' '
		if i < filled {
			bar[i] = '#'
		}
	}
	return fmt.Sprintf("[%s] %3d%% %d/%d", bar, done*100/max(total, 1), done, total)
}
