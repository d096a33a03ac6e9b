package search_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"

	"statements/generator/search"
)

// TestJoinerIsJoin: after random edits of the documents (a block's text
// changed, a block added or dropped, a document's part unchanged but made
// again, documents reordered, added or dropped), the Joiner's files are
// byte for byte those of Join.
func TestJoinerIsJoin(t *testing.T) {
	docs := corpus(t)
	r := rand.New(rand.NewPCG(5, 6))
	part := func(d search.Document) *search.Part {
		p, _, err := search.NewPart(d)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	parts := make([]*search.Part, len(docs))
	for i, d := range docs {
		parts[i] = part(d)
	}
	themes := []search.Theme{{Title: "一带一路", TitleEn: "Belt and Road", URL: "/themes/bri/", Aliases: []string{"BRI"}}}
	var j search.Joiner
	for round := range 60 {
		switch op := r.IntN(10); {
		case op < 6: // edit a block of one document, or of two
			for range 1 + r.IntN(2) {
				i := r.IntN(len(docs))
				d := docs[i]
				d.Blocks = slices.Clone(d.Blocks)
				b := r.IntN(len(d.Blocks))
				text := []rune(d.Blocks[b].Text)
				at := r.IntN(len(text) + 1)
				d.Blocks[b].Text = string(text[:at]) + []string{"合作", "量子", "X", "", "二〇二五年"}[r.IntN(5)] + string(text[min(len(text), at+r.IntN(4)):])
				docs[i], parts[i] = d, part(d)
			}
		case op < 7: // a block more or less
			i := r.IntN(len(docs))
			d := docs[i]
			if r.IntN(2) == 0 && len(d.Blocks) > 1 {
				d.Blocks = d.Blocks[:len(d.Blocks)-1]
			} else {
				d.Blocks = append(slices.Clone(d.Blocks), search.Block{EID: "added", Label: "新", Text: "新增的一段：合作共赢。"})
			}
			docs[i], parts[i] = d, part(d)
		case op < 8: // the same document, made again
			i := r.IntN(len(docs))
			parts[i] = part(docs[i])
		case op < 9: // two documents swap places
			a, b := r.IntN(len(docs)), r.IntN(len(docs))
			docs[a], docs[b] = docs[b], docs[a]
			parts[a], parts[b] = parts[b], parts[a]
		default: // a document more or less
			if r.IntN(2) == 0 && len(docs) > 2 {
				docs, parts = docs[:len(docs)-1], parts[:len(parts)-1]
			} else {
				d := docs[r.IntN(len(docs))]
				d.Slug += "-copy"
				docs, parts = append(docs, d), append(parts, part(d))
			}
		}
		got, err := j.Join(parts, themes)
		if err != nil {
			t.Fatal(err)
		}
		want, err := search.Join(parts, themes)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("round %d: %d files, Join makes %d", round, len(got), len(want))
		}
		for k := range want {
			if got[k].Name != want[k].Name || !bytes.Equal(got[k].Data, want[k].Data) {
				t.Fatalf("round %d: %s differs from Join's %s", round, got[k].Name, want[k].Name)
			}
		}
	}
}
