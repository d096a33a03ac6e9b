package annotate

import (
	"iter"
	"math/bits"

	"statements/generator/structure"
)

// tagSet says which themes tag each block of the documents: a row of bits
// per block, a bit per theme, in the documents' and their blocks' order.
// At a thousand documents a build settles tens of thousands of blocks'
// themes; rows of bits cost a fraction of a map per theme.
type tagSet struct {
	words  int   // words in a row
	starts []int // each document's first block, counted over all documents
	blocks int   // the blocks of all documents
	bits   []uint64
}

func newTagSet(docs []*structure.Document, themes int) *tagSet {
	ts := &tagSet{words: (themes + 63) / 64, starts: make([]int, len(docs))}
	for i, d := range docs {
		ts.starts[i] = ts.blocks
		ts.blocks += len(d.Blocks)
	}
	ts.bits = make([]uint64, ts.blocks*ts.words)
	return ts
}

// block is the place of block bi of document di among all the blocks.
func (ts *tagSet) block(di, bi int) int { return ts.starts[di] + bi }

func (ts *tagSet) row(di, bi int) []uint64 {
	k := ts.block(di, bi) * ts.words
	return ts.bits[k : k+ts.words]
}

// set tags block bi of document di with theme ti, or (on false) untags it.
func (ts *tagSet) set(di, bi, ti int, on bool) {
	row := ts.row(di, bi)
	if on {
		row[ti/64] |= 1 << (ti % 64)
	} else {
		row[ti/64] &^= 1 << (ti % 64)
	}
}

// has says whether theme ti tags block bi of document di.
func (ts *tagSet) has(di, bi, ti int) bool {
	return ts.row(di, bi)[ti/64]&(1<<(ti%64)) != 0
}

// of gives the themes that tag block bi of document di, by index, in order.
func (ts *tagSet) of(di, bi int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for wi, w := range ts.row(di, bi) {
			for w != 0 {
				if !yield(wi*64 + bits.TrailingZeros64(w)) {
					return
				}
				w &= w - 1
			}
		}
	}
}
