package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The paths of the index's files in the site.
const (
	MetaPath   = "/search/meta.json"
	shardDir   = "search/g/"
	chunkDir   = "search/t/"
	shardBytes = 8 << 10 // about the size of a shard of posting lists
	chunkBytes = 4 << 10 // about the size of a chunk of texts
)

// Document is what the index holds of one document.
type Document struct {
	Slug, URL             string // URL: its page, under the site's base; a block's page is URL + EID + "/"
	Short, Title, TitleEn string
	Blocks                []Block
}

// Block is one block of a document.
type Block struct {
	EID, Label, Text string
	Numbers          []string // the forms of its number a reader may type: labels, id, locators
}

// Theme is what the index holds of a theme: it is searched by its names.
type Theme struct {
	Title, TitleEn, URL string
	Aliases             []string
}

// Part is one document's share of the index, made once per version of the
// document: its posting lists, which Join puts together with every other
// document's, and what meta.json says of it.
type Part struct {
	slug    string
	entries int
	starts  []int // the entry each chunk after the first starts at
	// Its posting lists, one line per key, "key\tpostings\n" without the
	// document's index, in the order of (reversed hash, key): the key's
	// hash with its bits reversed, so that the lines of one shard are
	// together whatever the number of shards. Parts are kept until they
	// are joined, so this is all a Part keeps of them.
	data  []byte
	lines int
	marks []mark // every markEvery-th line, for seek
	runes []rune // the characters of its normalized texts that the t2s table maps to, sorted
}

// mark is a line of a part's data that seek can start from: its start
// and its key's reversed hash.
type mark struct{ start, rev uint32 }

// markEvery is how many lines a mark stands for: seek reads at most as
// many lines after a binary search over the marks, and the marks take
// 8/markEvery bytes a line.
const markEvery = 16

// cursor is a line of a part's data: its start, the tab after its key,
// its newline, and its key's reversed hash.
type cursor struct {
	start, tab, end int
	rev             uint32
}

// lineAt reads the line that starts at start; ok is false at the end.
func (p *Part) lineAt(start int) (c cursor, ok bool) {
	if start >= len(p.data) {
		return cursor{start: start}, false
	}
	c.start = start
	c.end = start + bytes.IndexByte(p.data[start:], '\n')
	c.tab = start + bytes.IndexByte(p.data[start:c.end], '\t')
	c.rev = bits.Reverse32(hashOfBytes(p.data[start:c.tab]))
	return c, true
}

// File is one file of the index.
type File struct {
	Name string // site path without the leading slash
	Data []byte
}

// occurrence is where a gram (one, two or three characters) occurs: an
// entry, and where it starts in the entry's normalized text.
type occurrence struct{ entry, at int32 }

// gramKey packs a gram of one to three characters.
func gramKey(g ...rune) uint64 {
	var k uint64
	for i, r := range g {
		k |= uint64(r+1) << (21 * i)
	}
	return k
}

// keyText is a gram's key as the index writes it.
func keyText(key uint64) string {
	var g []rune
	for ; key != 0; key >>= 21 {
		g = append(g, rune(key&(1<<21-1))-1)
	}
	return string(g)
}

// NewPart indexes a document: its part of the posting lists, and its
// chunks of text, the files ready to be written.
func NewPart(d Document) (*Part, []File, error) {
	n := defaultNormalizer()
	p := &Part{slug: d.Slug, entries: len(d.Blocks) + 1}
	texts := make([][]rune, 0, p.entries)
	texts = append(texts, n.runes(names(d.Title, d.Short, d.TitleEn)))
	size := len(texts[0])
	for _, b := range d.Blocks {
		texts = append(texts, n.runes(b.Text))
		size += len(texts[len(texts)-1])
	}
	used := map[rune]bool{}
	for _, t := range texts {
		for _, r := range t {
			if r >= 0x80 && n.simplified()[r] {
				used[r] = true
			}
		}
	}
	numbers := map[string][]occurrence{}
	for i, b := range d.Blocks {
		for _, form := range b.Numbers {
			o := occurrence{entry: int32(i + 1)}
			if k := numberPrefix + NumberKey(form); k != numberPrefix && !slices.Contains(numbers[k], o) {
				numbers[k] = append(numbers[k], o)
			}
		}
	}
	keys := grams(texts, size, len(numbers))
	for key, entries := range numbers {
		keys = append(keys, keyed{name: key, postings: entries})
	}
	p.encode(keys)
	for r := range used {
		p.runes = append(p.runes, r)
	}
	slices.Sort(p.runes)
	chunks, err := p.chunk(d)
	if err != nil {
		return nil, nil, err
	}
	return p, chunks, nil
}

// maxGram is the longest gram indexed: a trigram.
const maxGram = 3

// grams gives the occurrences of every gram of the texts (size
// characters in all), grouped by gram, in the order of entries and
// positions within each: a counting sort, in two passes over the texts.
// The slice has room for more keys.
func grams(texts [][]rune, size, more int) []keyed {
	id := make(map[uint64]int32, size)
	ids := make([]int32, 0, maxGram*size)
	grams := make([]uint64, 0, size)
	counts := make([]int32, 0, size)
	for _, t := range texts {
		for i := range t {
			for k := i + 1; k <= min(i+maxGram, len(t)); k++ {
				g := gramKey(t[i:k]...)
				n, ok := id[g]
				if !ok {
					n = int32(len(counts))
					id[g] = n
					grams, counts = append(grams, g), append(counts, 0)
				}
				ids = append(ids, n)
				counts[n]++
			}
		}
	}
	next := make([]int32, len(counts)+1)
	for n, c := range counts {
		next[n+1] = next[n] + c
	}
	occ := make([]occurrence, len(ids))
	keys := make([]keyed, len(counts), len(counts)+more)
	for n := range counts {
		keys[n] = keyed{name: keyText(grams[n]), postings: occ[next[n] : next[n]+counts[n]]}
	}
	j := 0
	for e, t := range texts {
		for i := range t {
			for k := i + 1; k <= min(i+maxGram, len(t)); k++ {
				n := ids[j]
				occ[next[n]] = occurrence{int32(e), int32(i)}
				next[n]++
				j++
			}
		}
	}
	return keys
}

// keyed is one key's occurrences in a document, before encoding: those of
// a gram, or the entries of a number.
type keyed struct {
	name     string
	postings []occurrence
}

// encode writes the lines of a Part, in the order of (reversed hash, key):
// per key, its postings (appendPostings).
func (p *Part) encode(keys []keyed) {
	order := make([]int32, len(keys))
	revs := make([]uint32, len(keys))
	size := 0
	for i, k := range keys {
		order[i], revs[i] = int32(i), bits.Reverse32(hashOf(k.name))
		size += len(k.name) + 2*len(k.postings) + 2
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(revs[a], revs[b]), strings.Compare(keys[a].name, keys[b].name))
	})
	p.lines = len(keys)
	p.data = make([]byte, 0, size)
	p.marks = make([]mark, 0, (len(keys)+markEvery-1)/markEvery)
	for i, o := range order {
		k := &keys[o]
		if i%markEvery == 0 {
			p.marks = append(p.marks, mark{uint32(len(p.data)), revs[o]})
		}
		p.data = append(p.data, k.name...)
		p.data = append(p.data, '\t')
		p.data = appendPostings(p.data, k.postings, gramLength(k.name))
		p.data = append(p.data, '\n')
	}
	p.data = bytes.Clone(p.data) // no spare room: parts are kept until joined
}

// appendPostings encodes the occurrences of a gram of n characters (0 for
// a number), sorted by entry and position: the number of its entries, and
// per entry the difference from the previous one (from 0), then for a bigram the
// number of its occurrences, for a trigram the number of its positions
// and their differences.
func appendPostings(b []byte, occ []occurrence, n int) []byte {
	entries := 0
	for i, o := range occ {
		if i == 0 || o.entry != occ[i-1].entry {
			entries++
		}
	}
	b = appendNumber(b, entries)
	prev := int32(0)
	for len(occ) > 0 {
		k := 1
		for k < len(occ) && occ[k].entry == occ[0].entry {
			k++
		}
		b = appendNumber(b, int(occ[0].entry-prev))
		prev = occ[0].entry
		if n >= 2 {
			b = appendNumber(b, k)
		}
		if n == 3 {
			last := int32(0)
			for _, o := range occ[:k] {
				b = appendNumber(b, int(o.at-last))
				last = o.at
			}
		}
		occ = occ[k:]
	}
	return b
}

// numberPrefix begins the key of a clause number: a space, which no
// normalized text holds.
const numberPrefix = " "

// gramLength is the number of characters of a gram's key, 0 for a number's.
func gramLength(key string) int {
	if key[:1] == numberPrefix {
		return 0
	}
	return utf8.RuneCountInString(key)
}

// names joins a document's names into the text of its first entry.
func names(list ...string) string {
	var b []rune
	for _, s := range list {
		if s == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, Separator)
		}
		b = append(b, []rune(s)...)
	}
	return string(b)
}

// chunk is the JSON of a chunk of a document's texts: the document's short
// title and page, the number of its first entry, and [eid, label, text] per
// entry (the first entry of the first chunk is the document's names, with
// no eid and label).
type chunk struct {
	Doc     [2]string   `json:"doc"`
	Start   int         `json:"start"`
	Entries [][3]string `json:"entries"`
}

// chunk cuts a document's texts into chunks of about chunkBytes.
func (p *Part) chunk(d Document) ([]File, error) {
	var chunks []File
	entries := [][3]string{{"", "", names(d.Title, d.Short, d.TitleEn)}}
	for _, b := range d.Blocks {
		entries = append(entries, [3]string{b.EID, b.Label, b.Text})
	}
	start, size := 0, 0
	flush := func(end int) error {
		data, err := encodeJSON(chunk{Doc: [2]string{d.Short, d.URL}, Start: start, Entries: entries[start:end]})
		if err != nil {
			return err
		}
		if start > 0 {
			p.starts = append(p.starts, start)
		}
		chunks = append(chunks, File{Name: ChunkName(d.Slug, len(chunks)), Data: data})
		start, size = end, 0
		return nil
	}
	for i, e := range entries {
		if size > 0 && size+len(e[2]) > chunkBytes {
			if err := flush(i); err != nil {
				return nil, err
			}
		}
		size += len(e[0]) + len(e[1]) + len(e[2])
	}
	return chunks, flush(len(entries))
}

// ChunkName is the file of a document's kth chunk of texts.
func ChunkName(slug string, k int) string { return chunkDir + slug + "." + strconv.Itoa(k) + ".json" }

// ShardName is the file of the kth shard of posting lists.
func ShardName(k int) string { return shardDir + strconv.FormatInt(int64(k), 16) + ".txt" }

// simplified is the set of characters the t2s table maps to.
func (n *normalizer) simplified() map[rune]bool {
	n.once.Do(func() {
		n.simp = map[rune]bool{}
		for _, s := range n.t2s {
			n.simp[s] = true
		}
	})
	return n.simp
}

// encodeJSON is compact JSON, without HTML escapes, ending in a newline.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return b.Bytes(), nil
}
