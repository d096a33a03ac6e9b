package search

import (
	"bytes"
	"cmp"
	"math/bits"
	"slices"
	"sync"
)

// Joiner joins the index again and again, as the development server
// rebuilds: it remembers the parts and files of its last join, and when
// only a few documents' parts have changed (the same documents in the
// same order, the same number of shards) it makes again only the shards
// in which a changed part's lines differ, and meta.json. Its files are
// always those Join would make of the same parts (TestJoinerIsJoin).
type Joiner struct {
	mu     sync.Mutex
	parts  []*Part
	files  []File
	shards int
}

// Join is Join(parts, themes), made from the last join where it can be.
func (j *Joiner) Join(parts []*Part, themes []Theme) ([]File, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	shards := shardCount(parts)
	changed := j.changed(parts, shards)
	if changed == nil {
		files, err := Join(parts, themes)
		if err == nil {
			j.parts, j.files, j.shards = slices.Clone(parts), files, shards
		}
		return files, err
	}
	data, err := metaJSON(parts, themes, shards)
	if err != nil {
		return nil, err
	}
	files := slices.Clone(j.files)
	files[0] = File{Name: MetaPath[1:], Data: data}
	for _, k := range changed {
		files[1+k] = File{Name: ShardName(k), Data: shardOfParts(parts, shards, k)}
	}
	j.parts, j.files = slices.Clone(parts), files
	return files, nil
}

// maxChanged is the share of the documents (1/maxChanged) beyond which a
// full join is cheaper than remaking shards one by one.
const maxChanged = 8

// changed gives the shards whose lines differ between the last join's
// parts and these, sorted; nil if they cannot be made one by one.
func (j *Joiner) changed(parts []*Part, shards int) []int {
	if j.files == nil || len(parts) != len(j.parts) || shards != j.shards {
		return nil
	}
	var differ []int
	for i, p := range parts {
		if p != j.parts[i] {
			differ = append(differ, i)
		}
	}
	if len(differ)*maxChanged > len(parts) && len(differ) > 1 {
		return nil
	}
	marked := map[int]bool{}
	for _, i := range differ {
		linesDiffer(j.parts[i], parts[i], func(rev uint32) {
			marked[int(bits.Reverse32(rev)&uint32(shards-1))] = true
		})
	}
	out := make([]int, 0, len(marked))
	for k := range marked {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// linesDiffer calls differ with the reversed hash of every line of a or b
// that the other does not have byte for byte.
func linesDiffer(a, b *Part, differ func(rev uint32)) {
	ca, oka := a.lineAt(0)
	cb, okb := b.lineAt(0)
	for oka || okb {
		order := 0
		switch {
		case !okb:
			order = -1
		case !oka:
			order = 1
		default:
			order = cmp.Or(cmp.Compare(ca.rev, cb.rev), bytes.Compare(a.data[ca.start:ca.tab], b.data[cb.start:cb.tab]))
		}
		if order < 0 {
			differ(ca.rev)
		} else if order > 0 {
			differ(cb.rev)
		} else if !bytes.Equal(a.data[ca.tab:ca.end], b.data[cb.tab:cb.end]) {
			differ(ca.rev)
		}
		if order <= 0 {
			ca, oka = a.lineAt(ca.end + 1)
		}
		if order >= 0 {
			cb, okb = b.lineAt(cb.end + 1)
		}
	}
}

// shardOfParts makes shard k of shards from every part, finding each
// part's lines of the shard by a binary search.
func shardOfParts(parts []*Part, shards, k int) []byte {
	b := bits.TrailingZeros(uint(shards))
	r := bits.Reverse32(uint32(k)) >> (32 - b) // (a shift by 32 gives 0)
	var refs []ref
	size := 0
	for i, p := range parts {
		c, ok := p.lineAt(p.seek(r << (32 - b)))
		for ; ok && c.rev>>(32-b) == r; c, ok = p.lineAt(c.end + 1) {
			refs = append(refs, ref{uint32(i), c})
			size += 3 + c.end - c.start
		}
	}
	return writeShard(parts, refs, size)
}

// seek gives the start of the first line of p whose reversed hash is at
// least rev (len(p.data) if none is): a binary search over the marks, then
// the lines after the last mark below rev.
func (p *Part) seek(rev uint32) int {
	m, _ := slices.BinarySearchFunc(p.marks, rev, func(m mark, rev uint32) int { return cmp.Compare(m.rev, rev) })
	start := 0
	if m > 0 {
		start = int(p.marks[m-1].start)
	}
	c, ok := p.lineAt(start)
	for ok && c.rev < rev {
		c, ok = p.lineAt(c.end + 1)
	}
	return c.start
}
