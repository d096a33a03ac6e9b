package search_test

import (
	"testing"

	"statements/generator/search"
	"statements/generator/siteurl"
	"statements/generator/synth/synthtest"
)

// BenchmarkIndex indexes every document (NewPart, as each document's unit
// of the build does) and joins the parts (Join, as every build does when a
// document changed), reporting the index's bytes.
func BenchmarkIndex(b *testing.B) {
	base, _ := siteurl.Parse("/")
	synthtest.Stage(b, "../..", synthtest.Analyse, "index-B", func(b *testing.B, st *synthtest.Stages) int {
		parts := make([]*search.Part, len(st.Documents))
		size := 0
		for i, d := range st.Documents {
			p, chunks, err := search.NewPart(search.FromDocument(base, d))
			if err != nil {
				b.Fatal(err)
			}
			parts[i] = p
			for _, f := range chunks {
				size += len(f.Data)
			}
		}
		files, err := search.Join(parts, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			size += len(f.Data)
		}
		return size
	})
}

// BenchmarkJoin is Join alone: what a rebuild after an edit of one
// document pays for the shards.
func BenchmarkJoin(b *testing.B) {
	base, _ := siteurl.Parse("/")
	synthtest.ForEach(b, "../..", func(b *testing.B, s synthtest.Site) {
		st := synthtest.Analyse(b, s)
		parts := make([]*search.Part, len(st.Documents))
		for i, d := range st.Documents {
			p, _, err := search.NewPart(search.FromDocument(base, d))
			if err != nil {
				b.Fatal(err)
			}
			parts[i] = p
		}
		synthtest.Measure(b, st.PageCount(), "shards-B", func() int {
			files, err := search.Join(parts, nil)
			if err != nil {
				b.Fatal(err)
			}
			size := 0
			for _, f := range files {
				size += len(f.Data)
			}
			return size
		})
	})
}
