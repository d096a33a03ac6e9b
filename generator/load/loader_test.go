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

	fsys["notes/a.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodNotes, "整条的注。", "改过的注。", 1))}
	changed, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if changed.Notes[0] == first.Notes[0] || changed.Notes[0].Notes[1].Texts[0].Body != "改过的注。" {
		t.Errorf("changed notes: %+v", changed.Notes[0].Notes[1])
	}
	if changed.Documents[0] != first.Documents[0] {
		t.Error("an unchanged document was loaded again")
	}

	fsys["translations/en/a.md"] = &fstest.MapFile{Data: []byte(strings.Replace(translation, "The preamble.", "The first paragraph.", 1))}
	retranslated, err := l.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if retranslated.Translations[0] == first.Translations[0] || retranslated.Translations[0].Blocks[0].Paragraphs[0].Text != "The first paragraph." {
		t.Errorf("changed translation: %+v", retranslated.Translations[0].Blocks)
	}
	fsys["translations/en/a.md"] = &fstest.MapFile{Data: []byte(strings.Replace(translation, "title: Test document\n", "", 1))}
	for range 2 {
		if _, err := l.Load(fsys, "content"); err == nil || !strings.Contains(err.Error(), "title is missing") {
			t.Errorf("a translation with an error, loaded again: %v", err)
		}
	}
	fsys["translations/en/a.md"] = &fstest.MapFile{Data: []byte(translation)}

	fsys["notes/a.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodNotes, "整条的注。\n", "", 1))}
	for range 2 {
		if _, err := l.Load(fsys, "content"); err == nil || !strings.Contains(err.Error(), "content/notes/a.md:15: {#para_1} has no text") {
			t.Errorf("notes with an error, loaded again: %v", err)
		}
	}
}
