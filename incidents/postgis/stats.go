package postgis

// SnapshotStats describes the in-memory index of published points, for
// metrics: how many points it holds and about how many bytes it takes;
// both are zero before the first build.
func (s *Store) SnapshotStats() (points int, bytes int64) {
	ix := s.idx.Load()
	if ix == nil {
		return 0, 0
	}
	return ix.Len(), ix.Bytes()
}
