package build_test

import (
	"io/fs"
	"path"
	"runtime"
	"strings"
	"testing"

	"statements/generator/build"
	"statements/generator/synth/synthtest"
)

// The benchmarks of the whole build, for the real site and the synthetic
// corpora of synthtest.Sizes (BENCH_SIZES). See BENCHMARKS.md.

// BenchmarkBuild is a build from scratch, as `go run ./generator` does.
func BenchmarkBuild(b *testing.B) {
	synthtest.ForEach(b, "../..", func(b *testing.B, s synthtest.Site) {
		cfg := s.Config()
		site, err := build.Build(cfg)
		if err != nil {
			b.Fatal(err)
		}
		synthtest.Measure(b, len(site.Pages), "output-B", func() int {
			site, err := build.Build(cfg)
			if err != nil {
				b.Fatal(err)
			}
			return synthtest.Size(site.Files)
		})
	})
}

// BenchmarkRebuildUnchanged is a Builder's build after one of the same
// inputs: every page's HTML is reused.
func BenchmarkRebuildUnchanged(b *testing.B) {
	synthtest.ForEach(b, "../..", func(b *testing.B, s synthtest.Site) {
		cfg := s.Config()
		builder := build.NewBuilder()
		site, _, err := builder.Build(cfg)
		if err != nil {
			b.Fatal(err)
		}
		var st build.Stats
		synthtest.Measure(b, len(site.Pages), "output-B", func() int {
			site, st, err = builder.Build(cfg)
			if err != nil {
				b.Fatal(err)
			}
			return synthtest.Size(site.Files)
		})
		b.ReportMetric(float64(st.Rendered), "rendered-pages")
	})
}

// BenchmarkRebuildOneEdit is a Builder's build after an edit of one clause
// of the first document: each iteration adds or removes two characters, so
// the pages that show the clause are rendered again and the others reused.
func BenchmarkRebuildOneEdit(b *testing.B) { rebuildOneEdit(b, false) }

// BenchmarkRebuildOneEditCollected is BenchmarkRebuildOneEdit with the
// garbage collected between the builds, outside the timer, as the
// development server does after each: at N=1000 a collection of the
// Builder's gigabytes would otherwise fall in one build of several and
// make the mean of a few iterations a matter of luck.
func BenchmarkRebuildOneEditCollected(b *testing.B) { rebuildOneEdit(b, true) }

func rebuildOneEdit(b *testing.B, collect bool) {
	synthtest.ForEach(b, "../..", func(b *testing.B, s synthtest.Site) {
		e := repoTrees(b, s.Dir)
		cfg := e.config()
		slug := firstDocument(b, e)
		line, marker := e.firstLine(b, slug, "preamble__p_1")
		original := e.content["documents/"+slug+".md"]
		builder := build.NewBuilder()
		site, _, err := builder.Build(cfg)
		if err != nil {
			b.Fatal(err)
		}
		rendered, edits := 0, 0
		synthtest.Measure(b, len(site.Pages), "output-B", func() int {
			if collect {
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
			}
			if edits%2 == 0 {
				e.insertText(b, slug, line, len(marker), "测试")
			} else {
				e.content["documents/"+slug+".md"] = original
			}
			edits++
			site, st, err := builder.Build(cfg)
			if err != nil {
				b.Fatal(err)
			}
			rendered += st.Rendered
			return synthtest.Size(site.Files)
		})
		b.ReportMetric(float64(rendered)/float64(edits), "rendered-pages")
	})
}

func firstDocument(tb testing.TB, e *editable) string {
	names, _ := fs.Glob(e.content, "documents/*.md")
	if len(names) == 0 {
		tb.Fatal("no documents")
	}
	return strings.TrimSuffix(path.Base(names[0]), ".md")
}
