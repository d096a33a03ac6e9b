package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A Loader gives the same document, notes and translation again while
// their bytes stay the same, reads a changed file again, and never
// remembers a file that had errors: loading it again reports them again.
func TestLoaderRemembers(t *testing.T) {
	const translation = "---\ntitle: Test document\n---\n\n{#preamble zh=00000000}\n\nThe preamble.\n"
	fsys := fstest.MapFS{
		"site.yaml":            {Data: []byte(site)},
		"documents/a.md":       {Data: []byte(goodDoc)},
		"notes/a.md":           {Data: []byte(goodNotes)},
		"translations/en/a.md": {Data: []byte(translation)},
	}
	var l Loader
	first, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	again, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if again.Documents[0] != first.Documents[0] || again.Notes[0] != first.Notes[0] || again.Translations[0] != first.Translations[0] {
		t.Error("the same bytes loaded again to a new document, notes file or translation")
	}

	// Each kind of file: changed, it is read again; broken, its error is
	// reported at every Load.
	for _, kind := range []struct {
		file, good, old, new, broken, err string
		text                              func(*Content) string
	}{
		{"notes/a.md", goodNotes, "整条的注。", "改过的注。", "整条的注。\n", "content/notes/a.md:15: {#para_1} has no text",
			func(c *Content) string { return c.Notes[0].Notes[1].Texts[0].Body }},
		{"translations/en/a.md", translation, "The preamble.", "The first paragraph.", "title: Test document\n", "title is missing",
			func(c *Content) string { return c.Translations[0].Blocks[0].Paragraphs[0].Text }},
	} {
		fsys[kind.file] = &fstest.MapFile{Data: []byte(strings.Replace(kind.good, kind.old, kind.new, 1))}
		changed, err := l.Load(fsys, "content")
		if err != nil {
			t.Fatal(err)
		}
		if got := kind.text(changed); got != kind.new {
			t.Errorf("%s changed: read %q, want %q", kind.file, got, kind.new)
		}
		if changed.Documents[0] != first.Documents[0] {
			t.Errorf("%s changed: the unchanged document was loaded again", kind.file)
		}
		fsys[kind.file] = &fstest.MapFile{Data: []byte(strings.Replace(kind.good, kind.broken, "", 1))}
		for range 2 {
			if _, err := l.Load(fsys, "content"); err == nil || !strings.Contains(err.Error(), kind.err) {
				t.Errorf("%s with an error, loaded again: %v, want %q", kind.file, err, kind.err)
			}
		}
		fsys[kind.file] = &fstest.MapFile{Data: []byte(kind.good)}
	}
}
