package markdown

// ByBlock holds a run of values for each block of a document, by
// Block.Index, in one slice. A build digests every document's context
// (package digest), and one slice of plain values is one write of its
// memory where a slice per block was a walk of a hundred.
type ByBlock[T any] struct {
	values []T
	ends   []int32 // where each block's run ends in values
}

// Of is block i's run.
func (r ByBlock[T]) Of(i int) []T {
	start := int32(0)
	if i > 0 {
		start = r.ends[i-1]
	}
	return r.values[start:r.ends[i]:r.ends[i]]
}

// add adds v to the run of the block after the last ended.
func (r *ByBlock[T]) add(v T) { r.values = append(r.values, v) }

// end ends the run of the next block.
func (r *ByBlock[T]) end() { r.ends = append(r.ends, int32(len(r.values))) }
