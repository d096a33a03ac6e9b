package export

import (
	"bytes"
	"os"
	"statements/generator/i18n/i18ntest"
	"testing"

	"statements/generator/annotate"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// TestIndexFromParts: data/index.json put together from the documents'
// parts is what encoding the whole Index gives.
func TestIndexFromParts(t *testing.T) {
	content, err := load.Load(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	var docs []*structure.Document
	for _, d := range content.Documents {
		sd, err := structure.Build(d)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, sd)
	}
	notes, err := annotate.Annotate(docs, content.Themes)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"/", "https://example.org/a&b/"} {
		base, _ := siteurl.Parse(b)
		site := &markdown.Site{Meta: content.Site, Base: base, Words: i18ntest.Words(t, content.Site.Language), Documents: docs, Notes: notes}
		var parts []*IndexPart
		for _, c := range site.Contexts() {
			p, err := NewIndexPart(c)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, p)
		}
		got, err := IndexFrom(IndexInput{IndexThemes(base, notes.Themes), parts})
		if err != nil {
			t.Fatal(err)
		}
		var index Index
		for _, d := range docs {
			index.Documents = append(index.Documents, IndexEntry{Slug: d.Slug, Title: d.Title, TitleEn: d.TitleEn, Date: d.Date,
				URL: base.Abs(markdown.DocumentPath(d)), Data: base.Abs(DataPath(d))})
		}
		index.Themes = []Theme{}
		for _, th := range notes.Themes {
			jt := Theme{Slug: th.Slug, Title: th.Title, TitleEn: th.TitleEn, URL: base.Abs(markdown.ThemePath(th)), Terms: th.Terms, Blocks: []BlockRef{}}
			for _, r := range th.Refs {
				jt.Blocks = append(jt.Blocks, BlockRef{Document: r.Doc.Slug, EID: r.Block.EID, URL: base.Abs(markdown.InContext(r.Doc, r.Block))})
			}
			index.Themes = append(index.Themes, jt)
		}
		want, err := encode(index)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("base %s: IndexFrom differs from encoding the Index", b)
		}
		empty, _ := IndexFrom(IndexInput{nil, parts[:1]})
		index.Themes, index.Documents = []Theme{}, index.Documents[:1]
		if want, _ := encode(index); !bytes.Equal(empty, want) {
			t.Errorf("no themes: got\n%s\nwant\n%s", empty, want)
		}
	}
}
