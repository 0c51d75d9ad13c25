package feature

import "github.com/mapsrv/mapsrv/incidents"

// Collector lays out a page of stored features, read from a database in
// whatever order it returns them, in the page's order, all in one buffer:
// the stores read a page's features by ID and hand them over here.
type Collector struct {
	buf  []byte
	span map[int64][2]int
}

// featureBytes is about the size of a feature with two summaries and a
// source, to size a page's buffer once.
const featureBytes = 768

// NewCollector returns a Collector for a page of about n features.
func NewCollector(n int) *Collector {
	return &Collector{buf: make([]byte, 0, n*featureBytes), span: make(map[int64][2]int, n)}
}

// Add keeps a copy of the stored feature of incident id.
func (c *Collector) Add(id int64, json []byte) {
	c.span[id] = [2]int{len(c.buf), len(c.buf) + len(json)}
	c.buf = append(c.buf, json...)
}

// Encode encodes and keeps the feature of inc, for one that was not stored.
func (c *Collector) Encode(inc incidents.Incident) error {
	start := len(c.buf)
	var err error
	if c.buf, err = AppendFeature(c.buf, inc); err != nil {
		return err
	}
	c.span[inc.ID] = [2]int{start, len(c.buf)}
	return nil
}

// Missing lists the incidents of page whose features have not been kept.
func (c *Collector) Missing(page []incidents.Cursor) []int64 {
	var ids []int64
	for _, p := range page {
		if _, ok := c.span[p.ID]; !ok {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// Page returns the features of page, in its order, each with the cursor
// continuing after it. Every one must have been kept.
func (c *Collector) Page(page []incidents.Cursor) []Encoded {
	out := make([]Encoded, len(page))
	for i, p := range page {
		at := c.span[p.ID]
		out[i] = Encoded{After: p, JSON: c.buf[at[0]:at[1]:at[1]]}
	}
	return out
}
