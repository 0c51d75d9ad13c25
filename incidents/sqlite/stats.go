package sqlite

// SnapshotStats describes the in-memory index of published points, for
// metrics: how many points it holds and about how many bytes it takes;
// both are zero before the first build.
func (s *Store) SnapshotStats() (points int, bytes int64) { return s.snap.Stats() }
