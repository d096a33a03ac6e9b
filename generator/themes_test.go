package main

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"statements/generator/internal/testenv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"statements/generator/export"
)

// themeBlocks reads, from the published index, the blocks a theme tags.
func themeBlocks(t *testing.T, slug string) []string {
	t.Helper()
	var index export.Index
	readJSON(t, "data/index.json", &index)
	for _, th := range index.Themes {
		if th.Slug == slug {
			var refs []string
			for _, b := range th.Blocks {
				refs = append(refs, b.Document+"#"+b.EID)
			}
			return refs
		}
	}
	t.Fatalf("no theme %s in data/index.json", slug)
	return nil
}

// blocksContaining lists, from the published data, every block whose text contains s.
func blocksContaining(t *testing.T, s string) []string {
	t.Helper()
	var refs []string
	for _, r := range testenv.BlocksContaining(t, filepath.Join(repoRoot, "public"), s) {
		refs = append(refs, r.Document+"#"+r.EID)
	}
	return refs
}

func TestThemeCrossReferences(t *testing.T) {
	tests := []struct {
		theme string
		want  []string
	}{
		{"un-resolution-2758", []string{cubaSlug + "#para_4", pakSlug + "#part_1__para_5"}},
		{"global-governance-initiative", []string{cubaSlug + "#para_14", pakSlug + "#part_1__para_7"}},
		{"belt-and-road-initiative", blocksContaining(t, "一带一路")},
	}
	for _, tt := range tests {
		got := themeBlocks(t, tt.theme)
		sort.Strings(got)
		sort.Strings(tt.want)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("theme %s tags %v\nwant %v", tt.theme, got, tt.want)
		}
	}
	if n := len(blocksContaining(t, "一带一路")); n < 10 {
		t.Errorf("only %d blocks contain 一带一路; the data looks wrong", n)
	}
}

// TestThemesAreShared: every theme occurs in both documents, and there are
// at least the three named ones and eight more.
func TestThemesAreShared(t *testing.T) {
	var index export.Index
	readJSON(t, "data/index.json", &index)
	if len(index.Themes) < 11 {
		t.Errorf("%d themes, want at least 11", len(index.Themes))
	}
	for _, th := range index.Themes {
		docs := map[string]bool{}
		for _, b := range th.Blocks {
			docs[b.Document] = true
		}
		if !docs[cubaSlug] || !docs[pakSlug] {
			t.Errorf("theme %s does not occur in both documents: %v", th.Slug, docs)
		}
	}
}

// TestBlockLinksResolve checks, over the built HTML, that every link from a
// page of the site to a block of a document names an element with that id.
func TestBlockLinksResolve(t *testing.T) {
	public := filepath.Join(repoRoot, "public")
	ids := map[string]map[string]bool{} // page path → ids
	links := map[string][]string{}      // page path → hrefs
	filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		page := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		ids[page] = map[string]bool{}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			for _, a := range n.Attr {
				if a.Key == "id" {
					ids[page][a.Val] = true
				}
				if a.Key == "href" && n.Data == "a" {
					links[page] = append(links[page], a.Val)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		return nil
	})
	checked := 0
	for page, hrefs := range links {
		for _, href := range hrefs {
			target, frag, ok := strings.Cut(href, "#")
			if !ok || frag == "" || strings.Contains(href, "://") {
				continue
			}
			if target == "" {
				target = page
			}
			if !ids[target][frag] {
				t.Errorf("%s links to %s, but %s has no element with id %q", page, href, target, frag)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d fragment links checked; the walk is not seeing the site", checked)
	}
}
