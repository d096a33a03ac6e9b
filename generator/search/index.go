package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
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
	keys    map[string][]byte
	runes   []rune // the characters of its normalized texts that the t2s table maps to, sorted
}

// File is one file of the index.
type File struct {
	Name string // site path without the leading slash
	Data []byte
}

// Chunks are the files of a document's texts.
func (p *Part) Chunks() []File { return p.chunks }

// posting is one entry's occurrences of a key.
type posting struct {
	entry     int
	positions []int // of a bigram
}

// NewPart indexes a document.
func NewPart(d Document) (*Part, error) {
	n := defaultNormalizer()
	p := &Part{slug: d.Slug, entries: len(d.Blocks) + 1}
	postings := map[string][]posting{}
	add := func(key string, e, at int) {
		l := postings[key]
		if len(l) == 0 || l[len(l)-1].entry != e {
			l = append(l, posting{entry: e})
		}
		if at >= 0 {
			l[len(l)-1].positions = append(l[len(l)-1].positions, at)
		}
		postings[key] = l
	}
	used := map[rune]bool{}
	index := func(e int, text string) {
		t := n.runes(text)
		seen := map[rune]bool{}
		for i, r := range t {
			if !seen[r] {
				seen[r] = true
				add(string(r), e, -1)
			}
			if i+1 < len(t) {
				add(string(t[i:i+2]), e, i)
			}
		}
		for _, r := range t {
			if n.simplified()[r] {
				used[r] = true
			}
		}
	}
	index(0, names(d.Title, d.Short, d.TitleEn))
	for i, b := range d.Blocks {
		index(i+1, b.Text)
		seen := map[string]bool{}
		for _, form := range b.Numbers {
			if k := NumberKey(form); k != "" && !seen[k] {
				seen[k] = true
				add(numberPrefix+k, i+1, -1)
			}
		}
	}
	p.keys = make(map[string][]byte, len(postings))
	for key, l := range postings {
		b := appendNumber(nil, len(l))
		prev := 0
		for _, ps := range l {
			b = appendNumber(b, ps.entry-prev)
			prev = ps.entry
			if isBigram(key) {
				b = appendNumber(b, len(ps.positions))
				last := 0
				for _, at := range ps.positions {
					b = appendNumber(b, at-last)
					last = at
				}
			}
		}
		p.keys[key] = slices.Clip(b)
	}
	for r := range used {
		p.runes = append(p.runes, r)
	}
	slices.Sort(p.runes)
	return p, p.chunk(d)
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
		for key, b := range p.keys {
			total += len(key) + len(b) + 3
		}
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
	lists := make([]map[string][]byte, shards)
	for i := range lists {
		lists[i] = map[string][]byte{}
	}
	for i, p := range parts {
		starts := p.starts
		if starts == nil {
			starts = []int{}
		}
		m.Docs = append(m.Docs, metaDoc{p.slug, p.entries, starts})
		for key, b := range p.keys {
			l := lists[shardOf(key, shards)]
			l[key] = append(appendNumber(l[key], i), b...)
		}
	}
	data, err := encodeJSON(m)
	if err != nil {
		return nil, err
	}
	files := []File{{Name: MetaPath[1:], Data: data}}
	for i, l := range lists {
		keys := make([]string, 0, len(l))
		size := 0
		for key, b := range l {
			keys = append(keys, key)
			size += len(key) + len(b) + 2
		}
		sort.Strings(keys)
		var b bytes.Buffer
		b.Grow(size)
		for _, key := range keys {
			b.WriteString(key)
			b.WriteByte('\t')
			b.Write(l[key])
			b.WriteByte('\n')
		}
		files = append(files, File{Name: ShardName(i), Data: b.Bytes()})
	}
	return files, nil
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
