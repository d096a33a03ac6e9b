package digest

import (
	"fmt"
	"testing"
)

// BenchmarkOf digests a value shaped like a document's context: many
// small structs of numbers and short strings, and pointers to a few
// shared values, which is what a build digests for every document.
func BenchmarkOf(b *testing.B) {
	type note struct {
		Slug, Title string
		Docs        int
	}
	type match struct {
		Note                  int
		Paragraph, Start, End int
	}
	type block struct {
		EID, Label string
		Themes     []int
		Matches    []match
		Shared     *note
	}
	notes := make([]*note, 8)
	for i := range notes {
		notes[i] = &note{Slug: fmt.Sprint("theme-", i), Title: "主题", Docs: i}
	}
	blocks := make([]block, 60)
	for i := range blocks {
		blocks[i] = block{EID: fmt.Sprint("para_", i), Label: "一、", Themes: []int{i % 8, (i + 3) % 8},
			Matches: []match{{i % 8, 0, 3, 9}, {(i + 3) % 8, 1, 12, 18}}, Shared: notes[i%8]}
	}
	v := &struct {
		Notes  []*note
		Blocks []block
	}{notes, blocks}
	for b.Loop() {
		New().Of(v)
	}
}
