package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The paths of the index's files in the site.
const (
	MetaPath   = "/search/meta.json"
	shardDir   = "search/g/"
	chunkDir   = "search/t/"
	shardBytes = 4 << 10  // about the size of a shard of posting lists
	chunkBytes = 12 << 10 // about the size of a chunk of texts
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
// document: its chunks of text, ready to be written, and its posting lists,
// which Join puts together with every other document's.
type Part struct {
	slug    string
	entries int
	starts  []int  // the entry each chunk after the first starts at
	chunks  []File // its chunks of text
	// Its posting lists, one line per key, in the order of (hash, key):
	// line i's key is data[lines[i-1].end:lines[i].keyEnd] and its
	// postings (without the document's index) data[keyEnd:end].
	data  []byte
	lines []line
	runes []rune // the characters of its normalized texts that the t2s table maps to, sorted
}

// line is one key's place in a Part's data.
type line struct {
	hash        uint32 // shardOf's hash of the key
	keyEnd, end uint32
}

// File is one file of the index.
type File struct {
	Name string // site path without the leading slash
	Data []byte
}

// Chunks are the files of a document's texts.
func (p *Part) Chunks() []File { return p.chunks }

// occurrence is one occurrence of a character or a bigram in an entry.
type occurrence struct {
	key   uint64 // a character: its code point; a bigram: bigramFlag | first<<32 | second
	entry int32
	at    int32 // where a bigram starts in the entry's normalized text
}

const bigramFlag = 1 << 63

// NewPart indexes a document.
func NewPart(d Document) (*Part, error) {
	n := defaultNormalizer()
	p := &Part{slug: d.Slug, entries: len(d.Blocks) + 1}
	texts := make([][]rune, 0, p.entries)
	texts = append(texts, n.runes(names(d.Title, d.Short, d.TitleEn)))
	size := len(texts[0])
	for _, b := range d.Blocks {
		texts = append(texts, n.runes(b.Text))
		size += len(texts[len(texts)-1])
	}
	occ := make([]occurrence, 0, 2*size)
	used := map[rune]bool{}
	for e, t := range texts {
		for i, r := range t {
			occ = append(occ, occurrence{key: uint64(r), entry: int32(e), at: -1})
			if i+1 < len(t) {
				occ = append(occ, occurrence{key: bigramFlag | uint64(r)<<32 | uint64(t[i+1]), entry: int32(e), at: int32(i)})
			}
			if r >= 0x80 && n.simplified()[r] {
				used[r] = true
			}
		}
	}
	keys := groupByKey(occ)
	numbers := map[string][]int{}
	for i, b := range d.Blocks {
		for _, form := range b.Numbers {
			if k := numberPrefix + NumberKey(form); k != numberPrefix && !slices.Contains(numbers[k], i+1) {
				numbers[k] = append(numbers[k], i+1)
			}
		}
	}
	for key, entries := range numbers {
		keys = append(keys, keyed{name: key, entries: entries})
	}
	p.encode(keys)
	for r := range used {
		p.runes = append(p.runes, r)
	}
	slices.Sort(p.runes)
	return p, p.chunk(d)
}

// groupByKey groups occurrences by key, keeping their order (that of
// entries and positions) within each key: a counting sort over the keys'
// first appearances.
func groupByKey(occ []occurrence) []keyed {
	id := make(map[uint64]int32, len(occ)/4)
	ids := make([]int32, len(occ))
	var counts []int32
	for i, o := range occ {
		k, ok := id[o.key]
		if !ok {
			k = int32(len(counts))
			id[o.key] = k
			counts = append(counts, 0)
		}
		ids[i] = k
		counts[k]++
	}
	starts := make([]int32, len(counts)+1)
	for k, c := range counts {
		starts[k+1] = starts[k] + c
	}
	sorted := make([]occurrence, len(occ))
	next := slices.Clone(starts[:len(counts)])
	for i, o := range occ {
		sorted[next[ids[i]]] = o
		next[ids[i]]++
	}
	keys := make([]keyed, len(counts), len(counts)+8)
	for k := range counts {
		g := sorted[starts[k]:starts[k+1]]
		keys[k] = keyed{name: keyText(g[0].key), postings: g}
	}
	return keys
}

// keyed is one key's occurrences in a document, before encoding: those of
// a character or a bigram (postings), or the entries of a number.
type keyed struct {
	name     string
	postings []occurrence
	entries  []int
}

// keyText is a character's or a bigram's key as the index writes it.
func keyText(key uint64) string {
	if key&bigramFlag != 0 {
		return string([]rune{rune(key >> 32 &^ (bigramFlag >> 32)), rune(uint32(key))})
	}
	return string(rune(key))
}

// encode writes the lines of a Part, in the order of (hash, key): per key,
// the number of its entries, and per entry the difference from the
// previous one (from 0) and, for a bigram, the number of its positions and
// their differences.
func (p *Part) encode(keys []keyed) {
	order := make([]int32, len(keys))
	hashes := make([]uint32, len(keys))
	size := 0
	for i, k := range keys {
		order[i], hashes[i] = int32(i), hashOf(k.name)
		size += len(k.name) + 2*len(k.postings) + len(k.entries) + 1
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(hashes[a], hashes[b]), strings.Compare(keys[a].name, keys[b].name))
	})
	p.lines = make([]line, len(keys))
	p.data = make([]byte, 0, size)
	for i, o := range order {
		k := &keys[o]
		p.data = append(p.data, k.name...)
		p.lines[i].hash, p.lines[i].keyEnd = hashes[o], uint32(len(p.data))
		if k.postings == nil {
			p.data = appendNumber(p.data, len(k.entries))
			prev := 0
			for _, e := range k.entries {
				p.data = appendNumber(p.data, e-prev)
				prev = e
			}
		} else {
			p.data = appendPostings(p.data, k.postings)
		}
		p.lines[i].end = uint32(len(p.data))
	}
	p.data = slices.Clip(p.data)
}

// appendPostings encodes one character's or bigram's occurrences, sorted
// by entry and position.
func appendPostings(b []byte, occ []occurrence) []byte {
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
		if occ[0].at >= 0 {
			b = appendNumber(b, k)
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

// isBigram tells a bigram's key, whose postings have positions, from a
// character's and a number's.
func isBigram(key string) bool {
	return key[:1] != numberPrefix && len([]rune(key)) == 2
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
func (p *Part) chunk(d Document) error {
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
		p.chunks = append(p.chunks, File{Name: ChunkName(d.Slug, len(p.chunks)), Data: data})
		start, size = end, 0
		return nil
	}
	for i, e := range entries {
		if size > 0 && size+len(e[2]) > chunkBytes {
			if err := flush(i); err != nil {
				return err
			}
		}
		size += len(e[0]) + len(e[1]) + len(e[2])
	}
	return flush(len(entries))
}

// ChunkName is the file of a document's kth chunk of texts.
func ChunkName(slug string, k int) string { return chunkDir + slug + "." + strconv.Itoa(k) + ".json" }

// ShardName is the file of the kth shard of posting lists.
func ShardName(k int) string { return shardDir + strconv.FormatInt(int64(k), 16) + ".txt" }

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
// documents' chunks are their parts' own files (Part.Chunks).
func Join(parts []*Part, themes []Theme) ([]File, error) {
	total := 0
	used := map[rune]bool{}
	for _, p := range parts {
		total += len(p.data) + 3*len(p.lines)
		for _, r := range p.runes {
			used[r] = true
		}
	}
	shards := 1
	for shards*shardBytes < total {
		shards *= 2
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
	data, err := encodeJSON(m)
	if err != nil {
		return nil, err
	}
	files := make([]File, 1+shards)
	files[0] = File{Name: MetaPath[1:], Data: data}
	buckets := bucket(parts, shards)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), shards)
	for w := range workers {
		wg.Go(func() {
			for k := w; k < shards; k += workers {
				files[1+k] = File{Name: ShardName(k), Data: writeShard(parts, buckets[k])}
			}
		})
	}
	wg.Wait()
	return files, nil
}

// ref is a line of a part: the line's hash, the part's index and the line's.
type ref struct{ hash, part, line uint32 }

// bucket gives each shard's lines, parts in site order and each part's
// lines in its order.
func bucket(parts []*Part, shards int) [][]ref {
	counts := make([]int, shards+1)
	for _, p := range parts {
		for _, l := range p.lines {
			counts[l.hash&uint32(shards-1)+1]++
		}
	}
	for k := 1; k <= shards; k++ {
		counts[k] += counts[k-1]
	}
	all := make([]ref, counts[shards])
	next := counts[:shards]
	for i, p := range parts {
		for j, l := range p.lines {
			k := l.hash & uint32(shards-1)
			all[next[k]] = ref{l.hash, uint32(i), uint32(j)}
			next[k]++
		}
	}
	out := make([][]ref, shards)
	start := 0
	for k := range out {
		out[k] = all[start:next[k]:next[k]]
		start = next[k]
	}
	return out
}

// writeShard writes a shard's lines, one line per key in the order of
// (hash, key), its postings those of each part that has it, in site order,
// each after the part's index.
func writeShard(parts []*Part, refs []ref) []byte {
	key := func(r ref) []byte {
		p := parts[r.part]
		start := uint32(0)
		if r.line > 0 {
			start = p.lines[r.line-1].end
		}
		return p.data[start:p.lines[r.line].keyEnd]
	}
	// Lines of one key have one hash: sort by hash (and site order), then
	// by key only the rare runs of one hash with several keys.
	slices.SortFunc(refs, func(a, b ref) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.part, b.part), cmp.Compare(a.line, b.line))
	})
	for lo := 0; lo < len(refs); {
		hi, mixed := lo+1, false
		for ; hi < len(refs) && refs[hi].hash == refs[lo].hash; hi++ {
			mixed = mixed || !bytes.Equal(key(refs[hi]), key(refs[lo]))
		}
		if mixed {
			slices.SortStableFunc(refs[lo:hi], func(a, b ref) int { return bytes.Compare(key(a), key(b)) })
		}
		lo = hi
	}
	size := 0
	for _, r := range refs {
		size += int(parts[r.part].lines[r.line].end) + 3
		if r.line > 0 {
			size -= int(parts[r.part].lines[r.line-1].end)
		}
	}
	b := make([]byte, 0, size)
	var last []byte
	for i, r := range refs {
		k := key(r)
		if i == 0 || r.hash != refs[i-1].hash || !bytes.Equal(k, last) {
			if i > 0 {
				b = append(b, '\n')
			}
			b = append(b, k...)
			b = append(b, '\t')
			last = k
		}
		l := parts[r.part].lines[r.line]
		b = appendNumber(b, int(r.part))
		b = append(b, parts[r.part].data[l.keyEnd:l.end]...)
	}
	if len(refs) > 0 {
		b = append(b, '\n')
	}
	return b
}

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
