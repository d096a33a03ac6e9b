package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"statements/generator/i18n/i18ntest"
	"statements/generator/search"
)

// TestPagesMarkChinese: on every page of both editions, a Chinese
// character appears only inside an element marked as Chinese (lang="zh…"),
// so that it is read, set and translated as such: on the English edition's
// pages and in the English parts of the Chinese ones (a theme note's English
// paragraph quoting the documents). Every page of the English edition says
// it is in English.
func TestPagesMarkChinese(t *testing.T) {
	root := filepath.Join(repoRoot, "public")
	pages, english := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		name, _ := filepath.Rel(root, path)
		inEnglish := strings.HasPrefix(filepath.ToSlash(name), "en/")
		pages++
		if inEnglish {
			english++
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		unmarked := 0
		var walk func(n *html.Node, lang string)
		walk = func(n *html.Node, lang string) {
			if n.Type == html.ElementNode {
				if n.Data == "script" || n.Data == "style" {
					return
				}
				for _, a := range n.Attr {
					if a.Key == "lang" {
						lang = a.Val
					}
				}
				if n.Data == "html" && inEnglish && lang != "en" {
					t.Errorf("%s: <html lang=%q>", name, lang)
				}
			}
			if n.Type == html.TextNode && !strings.HasPrefix(lang, "zh") && strings.ContainsFunc(n.Data, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				if unmarked++; unmarked <= 3 {
					t.Errorf("%s: Chinese outside an element marked as Chinese (lang %q): %q", name, lang, n.Data)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, lang)
			}
		}
		walk(doc, "")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if english < 100 || pages-english < 100 {
		t.Errorf("only %d pages in public/en and %d beside them", english, pages-english)
	}
}

// TestEnglishSearch: the English edition's search index finds English
// words in the translations, and names the blocks by their English labels.
func TestEnglishSearch(t *testing.T) {
	ix, err := search.Open(os.DirFS(filepath.Join(repoRoot, "public", "en")))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search("people-to-people bonds")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for _, h := range res.Texts {
		docs[ix.Slug(h.Doc)] = true
		eid, label, text, err := ix.Entry(h.Doc, h.Entry)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(text), "people-to-people bonds") || strings.ContainsFunc(label, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s %s (%s): %q", ix.Slug(h.Doc), eid, label, text)
		}
	}
	if !docs[cubaSlug] || !docs[pakSlug] {
		t.Errorf("found in %v, want both documents", docs)
	}
}

// TestStaleTranslationShown: a translated block whose Chinese has changed
// since is reported, and its English page says so under it.
func TestStaleTranslationShown(t *testing.T) {
	dir := copyTree(t)
	file := filepath.Join("content", "translations", "en", cubaSlug+".md")
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	stale := regexp.MustCompile(`\{#para_4 zh=[0-9a-f]+\}`).ReplaceAll(data, []byte("{#para_4 zh=0badf00d}"))
	if err := os.WriteFile(filepath.Join(dir, file), stale, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runGenerator(t, dir)
	if code != 0 || !strings.Contains(errOut, "warning: "+file+":") || !strings.Contains(errOut, "{#para_4}: the Chinese has changed since this was translated") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "en", cubaSlug, "para_4", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := i18ntest.Words(t, "en").Document.Stale; !strings.Contains(string(page), want) {
		t.Errorf("the English page of para_4 does not say %q", want)
	}
	other, _ := os.ReadFile(filepath.Join(dir, "public", "en", cubaSlug, "para_5", "index.html"))
	if strings.Contains(string(other), i18ntest.Words(t, "en").Document.Stale) {
		t.Error("para_5, not stale, says it is")
	}
}
