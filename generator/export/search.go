package export

import (
	_ "embed"
	"strings"
	"sync"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// SearchPath is the site path of the search index.
const SearchPath = "/search/index.json"

// searchIndex is what the search page loads: every block's text, compactly.
// Blocks are [document index, eid, label, text]; the browser searches the
// texts for the query as a substring, so any word of Chinese is found
// without word segmentation.
type searchIndex struct {
	Documents []searchDocument  `json:"documents"`
	Blocks    [][4]any          `json:"blocks"`
	T2S       map[string]string `json:"t2s"` // traditional → simplified, for the characters the texts contain
}

type searchDocument struct {
	Short string `json:"short"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Search gives the search index.
func Search(base siteurl.Base, docs []*structure.Document) (map[string][]byte, error) {
	var idx searchIndex
	idx.Blocks = [][4]any{}
	used := map[rune]bool{}
	for i, d := range docs {
		idx.Documents = append(idx.Documents, searchDocument{Short: d.Short, Title: d.Title, URL: base.Path(markdown.DocumentPath(d))})
		for _, b := range d.Blocks {
			idx.Blocks = append(idx.Blocks, [4]any{i, b.EID, b.Label, b.Text()})
			for _, r := range b.Text() {
				used[r] = true
			}
		}
	}
	idx.T2S = map[string]string{}
	for trad, simp := range traditionalToSimplified() {
		if used[simp] && !used[trad] {
			idx.T2S[string(trad)] = string(simp)
		}
	}
	data, err := encodeCompact(idx)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{SearchPath[1:]: data}, nil
}

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
