package sqlite

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// checkHeader reads the 100-byte header of the database file at path, if it
// exists and is not empty: the magic string, a page size SQLite writes, and
// a file made of whole pages. A file failing it is refused with a clear
// error before SQLite reads it as a database.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return err
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return fmt.Errorf("not a SQLite database: %d bytes, shorter than its header", info.Size())
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return errors.New("not a SQLite database: the file does not start with SQLite's header")
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("corrupt SQLite header: page size %d", pageSize)
	}
	if info.Size()%pageSize != 0 {
		return fmt.Errorf("corrupt or truncated database: %d bytes is not a whole number of %d-byte pages", info.Size(), pageSize)
	}
	return nil
}

// Ready reads a little of every table and index: the schema, and the first
// and last entry of each, which reads each b-tree's root and its two outer
// leaves. It costs a few milliseconds whatever the size (no full scan: that
// is Check), so serve runs it before serving and /readyz on each call. An
// error names what could not be read.
func (s *Store) Ready(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT s.type, s.name, s.tbl_name,
			coalesce((SELECT name FROM pragma_index_info(s.name) WHERE seqno = 0), ''),
			coalesce((SELECT wr OR type = 'virtual' FROM pragma_table_list(s.name)), 0),
			coalesce((SELECT substr(s.sql, instr(upper(s.sql), ' WHERE ') + 7) FROM pragma_index_list(s.tbl_name) AS l
				WHERE l.name = s.name AND l.partial), '')
		FROM sqlite_schema AS s WHERE s.type IN ('table', 'index') AND s.name NOT LIKE 'sqlite_%' ORDER BY s.name`)
	if err != nil {
		return fmt.Errorf("sqlite: ready: read the schema: %w", err)
	}
	var probes []probe
	for rows.Next() {
		var typ, name, table, first, partial string
		var firstOnly bool
		if err := rows.Scan(&typ, &name, &table, &first, &firstOnly, &partial); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: ready: read the schema: %w", err)
		}
		probes = append(probes, probesOf(typ, name, table, first, partial, firstOnly)...)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: ready: read the schema: %w", err)
	}
	for _, p := range probes {
		if err := p.run(ctx, s); err != nil {
			return fmt.Errorf("sqlite: ready: read %s: %w", p.name, err)
		}
	}
	return nil
}

// probe is one query reading one entry of the table or index name.
type probe struct{ name, query string }

// probesOf returns the probes reading the first and last entry of a table
// (in rowid order) or an index (by its first column, when that is a column);
// only the first of a table without rowid or a virtual one (the R*Tree, whose
// rowid order is a full scan; its shadow tables are probed themselves). A
// partial index is read under its own condition, partial, without which
// SQLite cannot use it.
func probesOf(typ, name, table, first, partial string, firstOnly bool) []probe {
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	var from, order string
	switch {
	case typ == "table" && firstOnly:
		return []probe{{name, "SELECT * FROM " + quote(name) + " LIMIT 1"}}
	case typ == "table":
		from, order = "SELECT * FROM "+quote(name), "rowid"
	case first != "":
		from, order = "SELECT 1 FROM "+quote(table)+" INDEXED BY "+quote(name), quote(first)
		if partial != "" {
			from += " WHERE " + partial
		}
	default:
		return nil
	}
	return []probe{{name, from + " ORDER BY " + order + " LIMIT 1"}, {name, from + " ORDER BY " + order + " DESC LIMIT 1"}}
}

func (p probe) run(ctx context.Context, s *Store) error {
	rows, err := s.db.QueryContext(ctx, p.query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}
