package build_test

import (
	"io/fs"
	"os"
	"statements/generator/build"
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/siteurl"
	"statements/generator/synth"
)

// buildSynthetic builds a synthetic site of n documents derived from the repository's.
func buildSynthetic(t *testing.T, n int) *build.Site {
	t.Helper()
	files, err := synth.Corpus(synth.Source{Content: os.DirFS("../../content"), Layouts: os.DirFS("../../layouts"), Static: os.DirFS("../../static")}, n)
	if err != nil {
		t.Fatal(err)
	}
	tree := fstest.MapFS{}
	for name, data := range files {
		tree[name] = &fstest.MapFile{Data: data}
	}
	sub := func(dir string) fs.FS { f, _ := fs.Sub(tree, dir); return f }
	base, _ := siteurl.Parse("/")
	site, err := build.Build(build.Config{Content: sub("content"), Layouts: sub("layouts"), Static: sub("static"), Base: base})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// TestPagesDoNotGrowWithTheSite: a clause's "also in" note names a bounded
// number of other documents, so a page is the same size in a site of 6
// documents as in one of 24, and the site grows linearly.
func TestPagesDoNotGrowWithTheSite(t *testing.T) {
	small, large := buildSynthetic(t, 6), buildSynthetic(t, 24)
	for _, page := range []string{"synthetic-0001/para_14/index.html", "synthetic-0001/index.html", "synthetic-0002/part_1__para_7/index.html"} {
		if a, b := len(small.Files[page]), len(large.Files[page]); a == 0 || a != b {
			t.Errorf("%s: %d bytes with 6 documents, %d with 24", page, a, b)
		}
	}
	size := func(s *build.Site) (n int) {
		for name, data := range s.Files {
			if strings.HasPrefix(name, "synthetic-") {
				n += len(data)
			}
		}
		return n
	}
	if ratio := float64(size(large)) / float64(size(small)); ratio > 4.2 {
		t.Errorf("4 times the documents made the documents' pages %.1f times as large", ratio)
	}
}
