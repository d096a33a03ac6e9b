package main

// Tests of the repository as committed: the real content, the real seed, the built public/.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"statements/generator/internal/testenv"
	"strings"
	"testing"
	"unicode"

	"statements/generator/build"
	"statements/generator/export"
	"statements/generator/load"
	"statements/generator/ocrimport"
	"statements/generator/siteurl"
	"statements/generator/write"
)

const (
	repoRoot = ".."
	seedFile = "../../shared/seed/000_1a856d60526b52c7.txt"
	cubaSlug = "china-cuba-joint-statement-2025"
	pakSlug  = "china-pakistan-action-plan-2025-2029"
)

// pinnedIDs are published anchors: links to them exist in the world. Never
// change or remove one; a new document adds its own list.
var pinnedIDs = map[string][]string{
	cubaSlug: append(append(seq("preamble__p_%d", 4), seq("para_%d", 21)...), "conclusions"),
	pakSlug: append(append(append(seq("preamble__p_%d", 6),
		part(1, 7)...), append(append(append(append(append(part(2, 11), part(3, 9)...), part(4, 8)...), part(5, 7)...), part(6, 13)...), part(7, 8)...)...),
		"conclusions"),
}

func seq(format string, n int) []string {
	var ids []string
	for i := 1; i <= n; i++ {
		ids = append(ids, fmt.Sprintf(format, i))
	}
	return ids
}

func part(n, items int) []string {
	p := fmt.Sprintf("part_%d", n)
	return append([]string{p, p + "__intro"}, seq(p+"__para_%d", items)...)
}

func buildRepo(t testing.TB, baseURL string) *build.Site {
	t.Helper()
	base, err := siteurl.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	site, err := build.Build(build.Config{
		Content: os.DirFS(filepath.Join(repoRoot, "content")),
		Layouts: os.DirFS(filepath.Join(repoRoot, "layouts")),
		Static:  os.DirFS(filepath.Join(repoRoot, "static")),
		Base:    base,
	})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	testenv.ReadJSON(t, filepath.Join(repoRoot, "public", name), v)
}

func TestPinnedIDs(t *testing.T) {
	if n := len(pinnedIDs[pakSlug]); n != 6+7*2+7+11+9+8+7+13+8+1 {
		t.Fatalf("the pinned list itself is wrong: %d ids", n)
	}
	for slug, want := range pinnedIDs {
		var doc export.Document
		readJSON(t, "data/"+slug+".json", &doc)
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.EID)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: ids changed.\n got: %v\nwant: %v", slug, got, want)
		}
		// Every pinned id is an element id on the document page and has its own page.
		page, err := os.ReadFile(filepath.Join(repoRoot, "public", slug, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range want {
			if !bytes.Contains(page, []byte(` id="`+id+`"`)) {
				t.Errorf("%s/index.html has no element with id %s", slug, id)
			}
			if _, err := os.Stat(filepath.Join(repoRoot, "public", slug, id, "index.html")); err != nil {
				t.Errorf("no page for %s/%s/: %v", slug, id, err)
			}
		}
	}
}

func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestTextMatchesSeed compares the published data with the OCR seed: every
// non-space character of each body and title, in order, nothing more.
func TestTextMatchesSeed(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Skipf("the seed text is not beside the repository (%v); this test needs ../shared/seed", err)
	}
	var index export.Index
	readJSON(t, "data/index.json", &index)
	var published strings.Builder
	for _, slug := range []string{cubaSlug, pakSlug} { // the order they are printed on the page
		var doc export.Document
		readJSON(t, "data/"+slug+".json", &doc)
		for _, b := range doc.Blocks {
			published.WriteString(b.Text)
		}
		published.WriteString(doc.Title) // printed after the body
	}
	want, got := []rune(withoutSpace(string(seed))), []rune(withoutSpace(published.String()))
	if string(want) == string(got) {
		return
	}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			lo := max(0, i-20)
			t.Fatalf("published text differs from the seed at character %d:\nseed:      …%s…\npublished: …%s…",
				i, string(want[lo:min(len(want), i+20)]), string(got[lo:min(len(got), i+20)]))
		}
	}
	t.Fatalf("published text has %d extra characters: %q", len(got)-len(want), string(got[len(want):]))
}

// handCorrections are reviewed differences between the importer's paragraphs
// and the committed content, each with the reason. The importer reproduces
// the seed's paragraphs exactly today, so the list is empty; an editor who
// corrects a paragraph by hand adds it here, so no edit drifts in silently.
var handCorrections = map[string]map[int]string{
	// slug: {paragraph index: "the corrected paragraph"},
}

func TestImporterReproducesContent(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Skipf("the seed text is not beside the repository (%v)", err)
	}
	imported, _, err := ocrimport.Parse(seed)
	if err != nil {
		t.Fatal(err)
	}
	content, err := load.Load(os.DirFS(filepath.Join(repoRoot, "content")), "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range content.Documents {
		var from *ocrimport.Document
		for i := range imported {
			if imported[i].Title == doc.Title {
				from = &imported[i]
			}
		}
		if from == nil {
			t.Errorf("%s: no document with its title in the seed", doc.File)
			continue
		}
		fixes := handCorrections[doc.Slug]
		if len(from.Paragraphs) != len(doc.Paragraphs) {
			t.Errorf("%s: %d paragraphs, the importer gives %d", doc.File, len(doc.Paragraphs), len(from.Paragraphs))
			continue
		}
		for i, p := range from.Paragraphs {
			want := p.Text
			if fix, ok := fixes[i]; ok {
				want = fix
			}
			if doc.Paragraphs[i].Text != want {
				t.Errorf("%s:%d: paragraph differs from the importer's (seed line %d) and is not a listed hand correction:\ncontent:  %s\nimporter: %s",
					doc.File, doc.Paragraphs[i].Line, p.Line, doc.Paragraphs[i].Text, want)
			}
		}
	}
}

// TestPublicIsFresh: the committed public/ is exactly what the generator builds now.
func TestPublicIsFresh(t *testing.T) {
	site := buildRepo(t, "/")
	onDisk := map[string]bool{}
	filepath.WalkDir(filepath.Join(repoRoot, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(repoRoot, "public"), p)
		onDisk[filepath.ToSlash(rel)] = true
		return nil
	})
	stale := 0
	for name, data := range site.Files {
		disk, err := os.ReadFile(filepath.Join(repoRoot, "public", name))
		if err != nil || !bytes.Equal(disk, data) {
			stale++
			if stale <= 5 {
				t.Errorf("public/%s is missing or stale", name)
			}
		}
		delete(onDisk, name)
	}
	delete(onDisk, write.Manifest) // write's, listing the files
	for name := range onDisk {
		t.Errorf("public/%s is not part of the build", name)
	}
	if stale > 0 || len(onDisk) > 0 {
		t.Log("run `go run ./generator` and commit public/")
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := buildRepo(t, "/"), buildRepo(t, "/")
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
