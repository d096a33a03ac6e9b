package structure_test

import (
	"testing"

	"statements/generator/structure"
	"statements/generator/synth/synthtest"
)

// BenchmarkStructure builds every document's tree of blocks.
func BenchmarkStructure(b *testing.B) {
	synthtest.Stage(b, "../..", synthtest.Analyse, "blocks", func(b *testing.B, st *synthtest.Stages) int {
		blocks := 0
		for _, d := range st.Content.Documents {
			sd, err := structure.Build(d)
			if err != nil {
				b.Fatal(err)
			}
			blocks += len(sd.Blocks)
		}
		return blocks
	})
}
