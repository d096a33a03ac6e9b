package search

import (
	"bytes"
	"cmp"
	"errors"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// meta is search/meta.json: what the page loads first.
type meta struct {
	Version int               `json:"version"`
	Shards  int               `json:"shards"`
	Blind   string            `json:"blind"`
	T2S     map[string]string `json:"t2s"`
	Docs    []metaDoc         `json:"docs"`
	Themes  []metaTheme       `json:"themes"`
}

// metaDoc is a document: [slug, entries, [first entry of each chunk after the first]].
type metaDoc [3]any

// metaTheme is a theme: [title, English title, page, [its names, normalized]].
type metaTheme [4]any

// Join puts the index together from the documents' parts, in site order,
// and the themes: search/meta.json and the shards of posting lists. The
// documents' chunks are NewPart's files.
func Join(parts []*Part, themes []Theme) ([]File, error) {
	shards := shardCount(parts)
	data, err := metaJSON(parts, themes, shards)
	if err != nil {
		return nil, err
	}
	files := make([]File, 1+shards)
	files[0] = File{Name: MetaPath[1:], Data: data}
	err = joinShards(parts, shards, func(k int, data []byte) error {
		files[1+k] = File{Name: ShardName(k), Data: data}
		return nil
	})
	return files, err
}

// JoinTo is Join, handing each file to put as it is made (from several
// goroutines) rather than holding them all: a build that joins once
// keeps no more than a shard per core. It stops at put's first error.
func JoinTo(parts []*Part, themes []Theme, put func(File) error) error {
	shards := shardCount(parts)
	data, err := metaJSON(parts, themes, shards)
	if err != nil {
		return err
	}
	if err := put(File{Name: MetaPath[1:], Data: data}); err != nil {
		return err
	}
	return joinShards(parts, shards, func(k int, data []byte) error {
		return put(File{Name: ShardName(k), Data: data})
	})
}

// shardCount is the number of shards: a power of two, so that a shard is
// about shardBytes.
func shardCount(parts []*Part) int {
	total := 0
	for _, p := range parts {
		total += len(p.data) + 2*p.lines
	}
	shards := 1
	for shards*shardBytes < total {
		shards *= 2
	}
	return shards
}

// metaJSON is search/meta.json.
func metaJSON(parts []*Part, themes []Theme, shards int) ([]byte, error) {
	used := map[rune]bool{}
	for _, p := range parts {
		for _, r := range p.runes {
			used[r] = true
		}
	}
	m := meta{Version: 1, Shards: shards, Blind: Blind, T2S: map[string]string{}}
	// The browser maps a query's traditional characters with the pairs
	// whose simplified form the texts hold: no other can make a match.
	for trad, simp := range defaultNormalizer().t2s {
		if used[simp] {
			m.T2S[string(trad)] = string(simp)
		}
	}
	for _, t := range themes {
		var normalized []string
		for _, name := range append([]string{t.Title, t.TitleEn}, t.Aliases...) {
			if s := string(Normalize(name)); s != "" && !slices.Contains(normalized, s) {
				normalized = append(normalized, s)
			}
		}
		m.Themes = append(m.Themes, metaTheme{t.Title, t.TitleEn, t.URL, normalized})
	}
	for _, p := range parts {
		starts := p.starts
		if starts == nil {
			starts = []int{}
		}
		m.Docs = append(m.Docs, metaDoc{p.slug, p.entries, starts})
	}
	return encodeJSON(m)
}

// joinShards makes every shard and hands it to put (shard k as k), from
// several goroutines; it stops at put's first error, which it returns.
func joinShards(parts []*Part, shards int, put func(k int, data []byte) error) error {
	// Shards are made in the order of their bit-reversed numbers, the
	// order of each part's lines: a cursor per part moves through them.
	bitsOf := bits.TrailingZeros(uint(shards))
	var wg sync.WaitGroup
	var failed atomic.Bool
	errs := make([]error, min(runtime.GOMAXPROCS(0), shards))
	workers := len(errs)
	for w := range workers {
		lo, hi := shards*w/workers, shards*(w+1)/workers
		wg.Go(func() {
			j := joiner{parts: parts, bits: bitsOf, at: make([]cursor, len(parts)), ok: make([]bool, len(parts))}
			for i, p := range parts {
				c, ok := p.lineAt(0)
				for ok && int(c.rev>>(32-bitsOf)) < lo { // (a shift by 32 gives 0)
					c, ok = p.lineAt(c.end + 1)
				}
				j.at[i], j.ok[i] = c, ok
			}
			for r := lo; r < hi && !failed.Load(); r++ {
				k := int(bits.Reverse32(uint32(r)) >> (32 - bitsOf))
				if errs[w] = put(k, j.shard(uint32(r))); errs[w] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// joiner writes shards one after another, in the order of their
// bit-reversed numbers.
type joiner struct {
	parts []*Part
	bits  int      // log2 of the number of shards
	at    []cursor // per part, its next line
	ok    []bool   // per part, whether it has a next line
	refs  []ref    // scratch: the current shard's lines
}

// ref is a line of a part: the part's index and the line.
type ref struct {
	part uint32
	cursor
}

// shard writes the shard whose number, bit-reversed, is r: one line per key
// in the order of (hash, key), its postings those of each part that has
// it, in site order, each after the part's index.
func (j *joiner) shard(r uint32) []byte {
	j.refs = j.refs[:0]
	size := 0
	for i, p := range j.parts {
		for j.ok[i] && j.at[i].rev>>(32-j.bits) == r {
			c := j.at[i]
			j.refs = append(j.refs, ref{uint32(i), c})
			size += 3 + c.end - c.start
			j.at[i], j.ok[i] = p.lineAt(c.end + 1)
		}
	}
	return writeShard(j.parts, j.refs, size)
}

// writeShard writes a shard's lines (refs, in site order and each part's
// order; size is about the bytes they take).
func writeShard(parts []*Part, refs []ref, size int) []byte {
	key := func(r ref) []byte { return parts[r.part].data[r.start:r.tab] }
	// Lines of one key have one hash: sort by hash (and site order), then
	// by key only the rare runs of one hash with several keys.
	slices.SortFunc(refs, func(a, b ref) int {
		return cmp.Or(cmp.Compare(a.rev, b.rev), cmp.Compare(a.part, b.part))
	})
	for lo := 0; lo < len(refs); {
		hi, mixed := lo+1, false
		for ; hi < len(refs) && refs[hi].rev == refs[lo].rev; hi++ {
			mixed = mixed || !bytes.Equal(key(refs[hi]), key(refs[lo]))
		}
		if mixed {
			slices.SortStableFunc(refs[lo:hi], func(a, b ref) int { return bytes.Compare(key(a), key(b)) })
		}
		lo = hi
	}
	b := make([]byte, 0, size)
	var last []byte
	for i, r := range refs {
		k := key(r)
		if i == 0 || r.rev != refs[i-1].rev || !bytes.Equal(k, last) {
			if i > 0 {
				b = append(b, '\n')
			}
			b = append(b, k...)
			b = append(b, '\t')
			last = k
		}
		b = appendNumber(b, int(r.part))
		b = append(b, parts[r.part].data[r.tab+1:r.end]...)
	}
	if len(refs) > 0 {
		b = append(b, '\n')
	}
	return b
}
