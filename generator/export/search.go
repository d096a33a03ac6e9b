package export

import (
	"bytes"
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// SearchPath is the site path of the search index.
const SearchPath = "/search/index.json"

// The search index is what the search page loads: every block's text,
// compactly, as {"documents": [{short, title, url}…], "blocks": [[document
// index, eid, label, text]…], "t2s": {traditional: simplified…}} (t2s for
// the characters the texts contain). The browser searches the texts for
// the query as a substring, so any word of Chinese is found without word
// segmentation.

// searchDocument is a document as the search index names it.
type searchDocument struct {
	Short string `json:"short"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// SearchPart is one document's share of the search index, made once per
// version of the document (a build keeps it with the document's pages):
// the index is put together from the parts without reading the texts again.
type SearchPart struct {
	document searchDocument
	entries  []byte // each block's entry after its document index, one after the other: "eid","label","text"]
	ends     []int  // where each entry ends in entries
	runes    []rune // the characters of the texts that the t2s table maps from or to, sorted
}

// NewSearchPart makes a document's part of the search index.
func NewSearchPart(base siteurl.Base, d *structure.Document) (*SearchPart, error) {
	part := &SearchPart{document: searchDocument{Short: d.Short, Title: d.Title, URL: base.Path(markdown.DocumentPath(d))}}
	table, simplified := traditionalToSimplified(), simplifiedForms()
	seen := map[rune]bool{}
	for _, b := range d.Blocks {
		entry, err := encodeCompact([3]string{b.EID, b.Label, b.Text()})
		if err != nil {
			return nil, err
		}
		part.entries = append(part.entries, entry[1:len(entry)-1]...) // without "[" and the newline
		part.ends = append(part.ends, len(part.entries))
		for _, r := range b.Text() {
			if _, ok := table[r]; (ok || simplified[r]) && !seen[r] {
				seen[r] = true
				part.runes = append(part.runes, r)
			}
		}
	}
	slices.Sort(part.runes)
	part.entries = slices.Clip(part.entries) // kept until the build ends: without spare capacity
	return part, nil
}

// SearchFrom puts the search index together from the documents' parts, in site order.
func SearchFrom(parts []*SearchPart) (map[string][]byte, error) {
	docs := make([]searchDocument, len(parts))
	used := make([]bool, unicode.MaxRune+1)
	size := 0
	for i, p := range parts {
		docs[i] = p.document
		for _, r := range p.runes {
			used[r] = true
		}
		size += len(p.entries) + 16*len(p.ends)
	}
	t2s := map[string]string{}
	for trad, simp := range traditionalToSimplified() {
		if used[simp] && !used[trad] {
			t2s[string(trad)] = string(simp)
		}
	}
	head, err := encodeCompact(docs)
	if err != nil {
		return nil, err
	}
	tail, err := encodeCompact(t2s)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(size + len(head) + len(tail) + 64)
	b.WriteString(`{"documents":`)
	b.Write(bytes.TrimSuffix(head, []byte("\n")))
	b.WriteString(`,"blocks":[`)
	first := true
	for i, p := range parts {
		start := 0
		for _, end := range p.ends {
			entry := p.entries[start:end]
			start = end
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(i))
			b.WriteByte(',')
			b.Write(entry)
		}
	}
	b.WriteString(`],"t2s":`)
	b.Write(tail)
	b.Truncate(b.Len() - 1)
	b.WriteString("}\n")
	return map[string][]byte{SearchPath[1:]: b.Bytes()}, nil
}

// simplifiedForms are the characters the t2s table maps to.
var simplifiedForms = sync.OnceValue(func() map[rune]bool {
	forms := map[rune]bool{}
	for _, simp := range traditionalToSimplified() {
		forms[simp] = true
	}
	return forms
})

// tsCharacters is OpenCC's table of traditional characters and their
// simplified forms (Apache License 2.0; see the file's header).
//
//go:embed tscharacters.txt
var tsCharacters string

// traditionalToSimplified parses tsCharacters once.
var traditionalToSimplified = sync.OnceValue(func() map[rune]rune {
	table := map[rune]rune{}
	for _, line := range strings.Split(tsCharacters, "\n") {
		fields := strings.Fields(line)
		if len(fields) != 2 || strings.HasPrefix(line, "#") {
			continue
		}
		trad, simp := []rune(fields[0]), []rune(fields[1])
		if len(trad) == 1 && len(simp) == 1 {
			table[trad[0]] = simp[0]
		}
	}
	return table
})
