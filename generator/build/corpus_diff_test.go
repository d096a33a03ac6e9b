package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"statements/generator/build"
	"statements/generator/siteurl"
	"statements/generator/synth"
)

// TestCachedBuildsEqualUncachedOnACorpus is TestCachedBuildsEqualUncached on
// a synthetic corpus of a dozen documents, where a clause's note names only
// the first documents of a theme and theme pages are paginated: random
// edits of a document's text, with and without a theme's term, of a
// translation's text, and documents removed and added (an edit that
// breaks the site undone), after each of which a Builder that has seen
// every earlier state gives exactly the files of a fresh build.
func TestCachedBuildsEqualUncachedOnACorpus(t *testing.T) {
	files, err := synth.Corpus(synth.Source{Content: os.DirFS("../../content"), Layouts: os.DirFS("../../layouts"), Static: os.DirFS("../../static")}, 12)
	if err != nil {
		t.Fatal(err)
	}
	tree := fstest.MapFS{}
	for name, data := range files {
		tree[name] = &fstest.MapFile{Data: data}
	}
	base, _ := siteurl.Parse("/")
	config := func() build.Config {
		sub := func(dir string) fs.FS { f, _ := fs.Sub(tree, dir); return f }
		return build.Config{Content: sub("content"), Layouts: sub("layouts"), Static: sub("static"), Base: base}
	}
	docs := func() []string {
		names, _ := fs.Glob(tree, "content/documents/*.md")
		return names
	}
	terms := []string{"一带一路", "人工智能", "气候变化", "全球发展倡议", "多边主义"}
	rng := rand.New(rand.NewPCG(3, 4))
	b := &differential{Builder: build.NewBuilder()}
	b.compare(t, config(), "first build")
	steps := 16
	if testing.Short() {
		steps = 6
	}
	for i := range steps {
		before := maps.Clone(tree)
		names := docs()
		name := names[rng.IntN(len(names))]
		data := tree[name].Data
		body := bytes.Index(data, []byte("\n---\n")) + 5
		var what string
		switch rng.IntN(5) {
		case 0: // a clause's text
			at := body + bytes.Index(data[body:], []byte("。"))
			tree[name] = &fstest.MapFile{Data: append(append(append([]byte{}, data[:at]...), "变"...), data[at:]...)}
			what = "text of " + name
		case 1: // a theme's term, which changes where the theme occurs
			term := terms[rng.IntN(len(terms))]
			at := body + bytes.Index(data[body:], []byte("。"))
			tree[name] = &fstest.MapFile{Data: append(append(append([]byte{}, data[:at]...), term...), data[at:]...)}
			what = term + " added to " + name
		case 2: // a document removed, with its notes and translations
			if len(names) <= 4 {
				continue
			}
			slug := strings.TrimSuffix(strings.TrimPrefix(name, "content/documents/"), ".md")
			for other := range tree {
				if other == name || other == "content/notes/"+slug+".md" || strings.HasPrefix(other, "content/translations/") && strings.HasSuffix(other, "/"+slug+".md") {
					delete(tree, other)
				}
			}
			what = "removed " + name
		case 3: // a translation's text
			trs, _ := fs.Glob(tree, "content/translations/*/*.md")
			if len(trs) == 0 {
				continue
			}
			tr := trs[rng.IntN(len(trs))]
			data := tree[tr].Data
			at := bytes.LastIndex(data, []byte("."))
			tree[tr] = &fstest.MapFile{Data: append(append(append([]byte{}, data[:at]...), " indeed"...), data[at:]...)}
			what = "text of " + tr
		default: // a document added: a copy under a new slug
			copyName := fmt.Sprintf("content/documents/added-%d.md", i)
			tree[copyName] = &fstest.MapFile{Data: bytes.Replace(data, []byte("short: "), []byte(fmt.Sprintf("short: 新%d", i)), 1)}
			what = "added " + strings.TrimPrefix(copyName, "content/")
		}
		if !b.compare(t, config(), fmt.Sprintf("step %d (%s)", i, what)) {
			tree = before // an edit that breaks the site (a link's target removed) is undone, or every later step would fail too
		}
	}
}
