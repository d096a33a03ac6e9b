package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
)

// Index reads a built index the way search.js does, fetching only the files
// a query needs: the tests check its answers against a scan of the texts,
// and count the bytes a query costs.
type Index struct {
	fsys    fs.FS
	meta    meta
	shards  map[int]map[string]string
	chunks  map[string]*chunk
	Fetched int // bytes of the files read so far
}

// Hit is an entry that holds the query: a document's names (Entry 0) or a
// block (Entry k is the document's block k-1).
type Hit struct {
	Doc, Entry int
	Count      int   // how many times the entry holds the query; 0 for a number or a one-character query
	At         []int // where the matches start in the entry's normalized text, for a query of three characters or more
}

// Result is what a query finds.
type Result struct {
	Themes    []int // by their place in the index
	Documents []Hit // documents whose names hold the query
	Numbers   []Hit // blocks whose number is the query
	Texts     []Hit // blocks whose text holds the query, in site order
}

// Open reads the index's meta.json from fsys, the site's root.
func Open(fsys fs.FS) (*Index, error) {
	ix := &Index{fsys: fsys, shards: map[int]map[string]string{}, chunks: map[string]*chunk{}}
	data, err := ix.read(MetaPath[1:])
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &ix.meta); err != nil {
		return nil, fmt.Errorf("%s: %w", MetaPath, err)
	}
	return ix, nil
}

func (ix *Index) read(name string) ([]byte, error) {
	data, err := fs.ReadFile(ix.fsys, name)
	ix.Fetched += len(data)
	return data, err
}

// Query is a query as the index looks it up: normalized, without separators.
func Query(s string) []rune {
	return slices.DeleteFunc(Normalize(s), func(r rune) bool { return r == Separator })
}

// Search finds the query.
func (ix *Index) Search(query string) (Result, error) {
	var res Result
	q := Query(query)
	if len(q) == 0 {
		return res, nil
	}
	for i, t := range ix.meta.Themes {
		for _, name := range t[3].([]any) {
			if strings.Contains(name.(string), string(q)) {
				res.Themes = append(res.Themes, i)
				break
			}
		}
	}
	if k := NumberKey(query); k != "" && utf8.RuneCountInString(k) <= maxNumberKey {
		hits, err := ix.postings(numberPrefix + k)
		if err != nil {
			return res, err
		}
		res.Numbers = hits
	}
	var hits []Hit
	var err error
	if len(q) <= 2 {
		hits, err = ix.postings(string(q))
	} else {
		hits, err = ix.phrase(q)
	}
	if err != nil {
		return res, err
	}
	for _, h := range hits {
		if h.Entry == 0 {
			res.Documents = append(res.Documents, h)
		} else {
			res.Texts = append(res.Texts, h)
		}
	}
	return res, nil
}

// maxNumberKey is the longest number key looked up.
const maxNumberKey = 40

// Covering gives the offsets of the trigrams of a query of n ≥ 3
// characters that together cover every character: 0, 3, 6 … and n-3. A
// text holds the query at p if and only if it holds each of these
// trigrams at p + offset.
func Covering(n int) []int {
	var offsets []int
	for o := 0; o+3 <= n; o += 3 {
		offsets = append(offsets, o)
	}
	if offsets[len(offsets)-1] != n-3 {
		offsets = append(offsets, n-3)
	}
	return offsets
}

// phrase finds a query of three characters or more by its covering trigrams' positions.
func (ix *Index) phrase(q []rune) ([]Hit, error) {
	offsets := Covering(len(q))
	lists := make([]map[[2]int][]int, len(offsets))
	var first []Hit
	for i, o := range offsets {
		hits, err := ix.postings(string(q[o : o+3]))
		if err != nil {
			return nil, err
		}
		if i == 0 {
			first = hits
		}
		lists[i] = map[[2]int][]int{}
		for _, h := range hits {
			lists[i][[2]int{h.Doc, h.Entry}] = h.At
		}
	}
	var out []Hit
	for _, h := range first {
		var at []int
	starts:
		for _, p := range h.At {
			for i, o := range offsets[1:] {
				if _, found := slices.BinarySearch(lists[i+1][[2]int{h.Doc, h.Entry}], p+o); !found {
					continue starts
				}
			}
			at = append(at, p)
		}
		if len(at) > 0 {
			out = append(out, Hit{Doc: h.Doc, Entry: h.Entry, Count: len(at), At: at})
		}
	}
	return out, nil
}

// postings decodes a key's posting list, loading its shard.
func (ix *Index) postings(key string) ([]Hit, error) {
	k := shardOf(key, ix.meta.Shards)
	shard, ok := ix.shards[k]
	if !ok {
		data, err := ix.read(ShardName(k))
		if err != nil {
			return nil, err
		}
		shard = map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, "\t"); ok {
				shard[k] = v
			}
		}
		ix.shards[k] = shard
	}
	s, ok := shard[key]
	if !ok {
		return nil, nil
	}
	r := &numberReader{s: s}
	n := gramLength(key)
	var hits []Hit
	fail := fmt.Errorf("%s: the postings of %q are broken", ShardName(k), key)
	for r.more() {
		doc, ok1 := r.next()
		count, ok2 := r.next()
		if !ok1 || !ok2 {
			return nil, fail
		}
		entry := 0
		for range count {
			d, ok := r.next()
			if !ok {
				return nil, fail
			}
			entry += d
			h := Hit{Doc: doc, Entry: entry}
			if n >= 2 {
				if h.Count, ok = r.next(); !ok {
					return nil, fail
				}
			}
			if n == 3 {
				at := 0
				for range h.Count {
					d, ok := r.next()
					if !ok {
						return nil, fail
					}
					at += d
					h.At = append(h.At, at)
				}
			}
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// Entry gives an entry's eid, label and text, loading its chunk.
func (ix *Index) Entry(doc, entry int) (eid, label, text string, err error) {
	d := ix.meta.Docs[doc]
	k := 0
	for _, s := range d[2].([]any) {
		if int(s.(float64)) <= entry {
			k++
		}
	}
	name := ChunkName(d[0].(string), k)
	c, ok := ix.chunks[name]
	if !ok {
		data, err := ix.read(name)
		if err != nil {
			return "", "", "", err
		}
		c = &chunk{}
		if err := json.Unmarshal(data, c); err != nil {
			return "", "", "", fmt.Errorf("%s: %w", name, err)
		}
		ix.chunks[name] = c
	}
	e := c.Entries[entry-c.Start]
	return e[0], e[1], e[2], nil
}

// Documents is how many documents the index holds.
func (ix *Index) Documents() int { return len(ix.meta.Docs) }

// Slug is a document's slug.
func (ix *Index) Slug(doc int) string { return ix.meta.Docs[doc][0].(string) }
