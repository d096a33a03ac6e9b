package build_test

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/build"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
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

// TestListsStaySmall: whatever the number of documents, no page is over
// 200 KB, and the pages that list documents or themes keep their size:
// the home page shows the latest documents, theme pages and the browse
// pages are paginated, the themes index is a list.
func TestListsStaySmall(t *testing.T) {
	small, large := buildSynthetic(t, 60), buildSynthetic(t, 120)
	for name, data := range large.Files {
		if strings.HasSuffix(name, ".html") && len(data) > 200<<10 {
			t.Errorf("%s: %d KB", name, len(data)>>10)
		}
	}
	// The not-found page names every document's slug, to send old link forms
	// to the right clause: 20 bytes a document at most.
	if a, b := len(small.Files["404.html"]), len(large.Files["404.html"]); b-a > 20*60 {
		t.Errorf("404.html: %d bytes with 60 documents, %d with 120", a, b)
	}
	for _, page := range []string{"index.html", "themes/index.html", "themes/belt-and-road-initiative/index.html", "parties/index.html", "years/index.html"} {
		a, b := len(small.Files[page]), len(large.Files[page])
		if a == 0 || b == 0 || float64(b) > 1.02*float64(a) {
			t.Errorf("%s: %d bytes with 60 documents, %d with 120", page, a, b)
		}
	}
	// llms.txt is an index: a line a document.
	if n := len(large.Files["llms.txt"]); n > 400*120 {
		t.Errorf("llms.txt is %d bytes for 120 documents", n)
	}
}

// TestBrowsePages: a page per party and per year, paginated, each listing
// exactly its documents, newest first; a document links to its parties'
// pages and its year's.
func TestBrowsePages(t *testing.T) {
	site := buildSynthetic(t, 120)
	pages := map[string]*markdown.Page{}
	for _, p := range site.Pages {
		if p.Dir == "" { // the site's own edition
			pages[p.Path] = p
		}
	}
	listed := func(path string) (slugs []string) {
		p := pages[path]
		if p == nil {
			t.Fatalf("no page %s", path)
		}
		md := site.Files[p.MarkdownFile()] // the page as published
		for _, m := range regexp.MustCompile(`\]\(/(synthetic-\d+)/\)`).FindAllStringSubmatch(string(md), -1) {
			slugs = append(slugs, m[1])
		}
		return slugs
	}
	// Every other synthetic document is a copy of the Pakistan plan: 60 of them, on two pages.
	first, second := listed("/parties/islamic-republic-of-pakistan/"), listed("/parties/islamic-republic-of-pakistan/page/2/")
	all := append(first, second...)
	if len(first) != markdown.PerPage || len(all) != 60 || pages["/parties/islamic-republic-of-pakistan/page/3/"] != nil {
		t.Errorf("Pakistan: %d + %d documents", len(first), len(second))
	}
	for i, slug := range all {
		d := findDoc(site, slug)
		if d == nil || !strings.Contains(d.TitleEn, "Pakistan") {
			t.Errorf("Pakistan's page lists %s", slug)
		}
		if i > 0 && findDoc(site, all[i-1]).Date < d.Date {
			t.Errorf("not newest first: %s before %s", all[i-1], slug)
		}
	}
	if n := len(listed("/parties/peoples-republic-of-china/")); n != markdown.PerPage {
		t.Errorf("China's first page lists %d documents", n)
	}
	years := 0
	for path := range pages {
		if strings.HasPrefix(path, "/years/2") && !strings.Contains(path, "/page/") {
			years += len(listed(path))
			if n := len(listed(path)); n > markdown.PerPage {
				t.Errorf("%s lists %d", path, n)
			}
		}
	}
	doc := string(site.Files["synthetic-0002/index.html"])
	for _, want := range []string{`href="/parties/islamic-republic-of-pakistan/"`, `href="/parties/peoples-republic-of-china/"`, `href="/years/`} {
		if !strings.Contains(doc, want) {
			t.Errorf("synthetic-0002/index.html has no link %s", want)
		}
	}
}

func findDoc(site *build.Site, slug string) *structure.Document {
	for _, d := range site.Documents {
		if d.Slug == slug {
			return d
		}
	}
	return nil
}
