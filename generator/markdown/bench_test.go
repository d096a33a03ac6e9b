package markdown_test

import (
	"testing"

	"statements/generator/markdown"
	"statements/generator/synth/synthtest"
)

// BenchmarkMarkdown writes every page's markdown, as published in index.md.
func BenchmarkMarkdown(b *testing.B) {
	synthtest.Stage(b, "../..", synthtest.RunStages, "output-B", func(b *testing.B, st *synthtest.Stages) int {
		size := 0
		for _, p := range markdown.Pages(st.Markdown) {
			md, err := p.Markdown()
			if err != nil {
				b.Fatal(err)
			}
			size += len(md)
		}
		return size
	})
}
