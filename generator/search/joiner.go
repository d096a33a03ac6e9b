package search

import (
	"bytes"
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Joiner joins the index again and again, as the development server
// rebuilds: it remembers the parts and files of its last join, and when
// only a few documents' parts have changed (the same documents in the
// same order, the same number of shards) it makes again only the shards
// in which a changed part's lines differ, and meta.json; and it makes
// such a shard from its last version (spliceShard), replacing only the
// changed parts' postings, rather than from every part. Its files are
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
	changed, differ := j.changed(parts, shards)
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
		files[1+k] = File{Name: ShardName(k), Data: spliceShard(j.files[1+k].Data, parts, differ, shards, k)}
	}
	j.parts, j.files = slices.Clone(parts), files
	return files, nil
}

// maxChanged is the share of the documents (1/maxChanged) beyond which a
// full join is cheaper than remaking shards one by one.
const maxChanged = 8

// changed gives the shards whose lines differ between the last join's
// parts and these, sorted, and the indexes of the parts that are not the
// last join's; nil if the shards cannot be made one by one.
func (j *Joiner) changed(parts []*Part, shards int) (changed, differ []int) {
	if j.files == nil || len(parts) != len(j.parts) || shards != j.shards {
		return nil, nil
	}
	for i, p := range parts {
		if p != j.parts[i] {
			differ = append(differ, i)
		}
	}
	if len(differ)*maxChanged > len(parts) && len(differ) > 1 {
		return nil, nil
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
	return out, differ
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

// spliceShard makes shard k of shards from its last version, old: the
// postings of the parts whose indexes are in differ (sorted) are dropped
// from its lines and those of their new versions put in, in site order;
// a line left without postings goes, and a key only they have comes in
// at its place in the order of (reversed hash, key). (A key both old and
// fresh is written with the old line; its fresh segments are then gone,
// and nothing is written for it again.)
func spliceShard(old []byte, parts []*Part, differ []int, shards, k int) []byte {
	b := bits.TrailingZeros(uint(shards))
	r := bits.Reverse32(uint32(k)) >> (32 - b) // (a shift by 32 gives 0)
	// The changed parts' lines of the shard, by key, in site order.
	fresh := map[string][]segment{}
	var added []string // keys the last version may not have
	for _, i := range differ {
		p := parts[i]
		c, ok := p.lineAt(p.seek(r << (32 - b)))
		for ; ok && c.rev>>(32-b) == r; c, ok = p.lineAt(c.end + 1) {
			key := string(p.data[c.start:c.tab])
			if fresh[key] == nil {
				added = append(added, key)
			}
			fresh[key] = append(fresh[key], segment{i, p.data[c.tab+1 : c.end]})
		}
	}
	order := func(a, b string) int {
		return cmp.Or(cmp.Compare(bits.Reverse32(hashOf(a)), bits.Reverse32(hashOf(b))), strings.Compare(a, b))
	}
	slices.SortFunc(added, order)
	out := make([]byte, 0, len(old)+len(old)/4)
	line := func(key string, kept []byte) {
		start := len(out)
		out = append(out, key...)
		out = append(out, '\t')
		body := len(out)
		out = mergeSegments(out, kept, fresh[key], gramLength(key), differ)
		if len(out) == body {
			out = out[:start] // no postings left
			return
		}
		out = append(out, '\n')
		delete(fresh, key)
	}
	for len(old) > 0 {
		end := bytes.IndexByte(old, '\n')
		tab := bytes.IndexByte(old[:end], '\t')
		key := string(old[:tab])
		for len(added) > 0 && order(added[0], key) < 0 {
			line(added[0], nil)
			added = added[1:]
		}
		line(key, old[tab+1:end])
		old = old[end+1:]
	}
	for _, key := range added {
		line(key, nil)
	}
	return out
}

// segment is one part's postings of a key, without the part's index.
type segment struct {
	part     int
	postings []byte
}

// mergeSegments appends a shard line's postings: those of kept (a line's
// postings as joined, each after its part's index) whose part is not in
// differ, and the segments of fresh, all in the order of their parts.
func mergeSegments(out, kept []byte, fresh []segment, n int, differ []int) []byte {
	for len(kept) > 0 {
		rd := numberReader{s: unsafeString(kept)}
		part, _ := rd.next()
		skipPostings(&rd, n)
		for len(fresh) > 0 && fresh[0].part < part {
			out = appendSegment(out, fresh[0])
			fresh = fresh[1:]
		}
		if _, changed := slices.BinarySearch(differ, part); !changed {
			out = append(out, kept[:rd.pos]...)
		}
		kept = kept[rd.pos:]
	}
	for _, f := range fresh {
		out = appendSegment(out, f)
	}
	return out
}

// unsafeString is b as a string, without a copy, for reading while b is unchanged.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func appendSegment(out []byte, s segment) []byte {
	return append(appendNumber(out, s.part), s.postings...)
}

// skipPostings reads past one part's postings of a gram of n characters
// (0 for a number), as appendPostings wrote them.
func skipPostings(rd *numberReader, n int) {
	entries, _ := rd.next()
	for range entries {
		rd.next() // the entry
		if n < 2 {
			continue
		}
		count, _ := rd.next()
		if n == 3 {
			for range count {
				rd.next()
			}
		}
	}
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
