package build_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"statements/generator/build"
	"statements/generator/export"
)

// testNotes are notes on the Cuba statement: on a phrase, on a phrase
// that a theme's link holds, and on a whole block.
const testNotes = `---
---

{#preamble__p_3 "以及建交65年来"}

中古两国于1960年9月28日建交。

{en}

China and Cuba established diplomatic relations on 28 September 1960.

{#para_4}

整条的注。

{#para_4 "一个中国原则"}

短语在主题链接里的注。
`

// withoutNotes is the repository's site without editors' notes.
func withoutNotes(t *testing.T) *editable {
	e := repoTrees(t, "../..")
	for name := range e.content {
		if strings.HasPrefix(name, "notes/") {
			delete(e.content, name)
		}
	}
	return e
}

// withNotes is the repository's site with testNotes as its only notes.
func withNotes(t *testing.T) *editable {
	e := withoutNotes(t)
	e.content["notes/"+cubaSlug+".md"] = &fstest.MapFile{Data: []byte(testNotes), Mode: 0o644}
	return e
}

// TestEditorsNotes builds the site with notes and reads them back from
// every format: the pages (marker after the phrase, the note beside its
// block and in the list, the clause page's list), the markdown's
// footnotes, the JSON and the Akoma Ntoso; and the text of every block
// is what it was.
func TestEditorsNotes(t *testing.T) {
	e := withNotes(t)
	site, _ := e.build(t, build.NewBuilder())
	plain, _ := withoutNotes(t).build(t, build.NewBuilder())

	// The JSON: each note on its block, its phrase where it says.
	var doc export.Document
	if err := json.Unmarshal(site.Files["data/"+cubaSlug+".json"], &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	texts := map[string]string{}
	for _, b := range doc.Blocks {
		texts[b.EID] = b.Text
		for _, n := range b.Notes {
			r := []rune(b.Text)
			got = append(got, n.ID+" "+string(r[n.Start:n.End])+"|"+string(r[n.End:min(len(r), n.End+2)])+" "+n.Text)
		}
	}
	want := []string{
		"preamble__p_3__note_1 以及建交65年来|中古 中古两国于1960年9月28日建交。",
		"para_4__note_1 一个中国原则|的坚 短语在主题链接里的注。",
		"para_4__note_2 | 整条的注。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("JSON notes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var plainDoc export.Document
	json.Unmarshal(plain.Files["data/"+cubaSlug+".json"], &plainDoc)
	for _, b := range plainDoc.Blocks {
		if texts[b.EID] != b.Text {
			t.Errorf("JSON text of %s changed with notes", b.EID)
		}
	}

	// The document's page: every block's text as it was; the markers
	// where the notes are; each note's text beside its block, with its id.
	page := parseHTML(t, site.Files[cubaSlug+"/index.html"])
	for _, b := range doc.Blocks {
		div := byID(page, b.EID)
		if div == nil {
			t.Fatalf("no element #%s", b.EID)
		}
		if got := readerText(div); got != b.Text {
			t.Errorf("#%s reads %q\nwant       %q", b.EID, got, b.Text)
		}
	}
	html := string(site.Files[cubaSlug+"/index.html"])
	for _, want := range []string{
		`以及建交65年来<sup class="nref"><a href="#preamble__p_3__note_1" id="ref-preamble__p_3__note_1" role="doc-noteref" aria-label="编者注1">1</a></sup>中古`,
		`一个中国原则</a><sup class="nref"><a href="#para_4__note_1"`,
		`不容质疑和挑战。<sup class="nref"><a href="#para_4__note_2"`,
		`<details class="ednote"><summary>编者注1</summary><div class="ednote-text" id="preamble__p_3__note_1" role="doc-footnote">`,
		`<section class="endnotes" role="doc-endnotes"`,
		`<a class="back" href="#ref-para_4__note_2">回到正文四</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("%s/index.html lacks %s", cubaSlug, want)
		}
	}
	if n := strings.Count(html, `class="ednote-text"`); n != 3 {
		t.Errorf("%d notes beside their blocks, want 3", n)
	}
	// The notes beside para_4 come after its text, before its theme line.
	if i, j := strings.Index(html, `id="para_4__note_1"`), strings.Index(html, `主题：<a href="/themes/one-china-principle/"`); i < 0 || j < i {
		t.Errorf("para_4's notes are not between its text and its theme line")
	}

	// The clause's own page lists its notes, with their ids and numbers.
	clause := string(site.Files[cubaSlug+"/para_4/index.html"])
	for _, want := range []string{`<li value="2" id="para_4__note_1">`, `<li value="3" id="para_4__note_2">`, `href="#para_4__note_1"`} {
		if !strings.Contains(clause, want) {
			t.Errorf("para_4/index.html lacks %s", want)
		}
	}
	if strings.Contains(clause, "preamble__p_3__note_1") || strings.Contains(clause, `class="ednotes"`) {
		t.Errorf("para_4/index.html shows another block's note, or notes beside the block as well as in the list")
	}

	// The English page: the note in English where it has English, else in
	// Chinese marked as such; markers after the translation.
	en := string(site.Files["en/"+cubaSlug+"/index.html"])
	for _, want := range []string{`aria-label="Editors' note 1"`, `<p>China and Cuba established diplomatic relations on 28 September 1960.</p>`, `<p lang="zh-Hans">整条的注。</p>`} {
		if !strings.Contains(en, want) {
			t.Errorf("en/%s/index.html lacks %s", cubaSlug, want)
		}
	}

	// The markdown: footnotes.
	md := string(site.Files[cubaSlug+"/index.md"])
	for _, want := range []string{"以及建交65年来[^1]中古", "[一个中国原则](/themes/one-china-principle/)[^2]", "[^1]: 中古两国于1960年9月28日建交。\n", "[^3]: 整条的注。\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("%s/index.md lacks %q", cubaSlug, want)
		}
	}

	// The Akoma Ntoso: meta/notes and a noteRef at each marker, the text
	// of the element around it unchanged.
	akn := string(site.Files["data/"+cubaSlug+".akn.xml"])
	for _, want := range []string{
		`<notes source="#editors">`,
		`<note eId="preamble__p_3__note_1" marker="1" placement="side">`,
		`<p xml:lang="en">China and Cuba established diplomatic relations on 28 September 1960.</p>`,
		`以及建交65年来<noteRef href="#preamble__p_3__note_1" marker="1" placement="side"></noteRef>中古`,
	} {
		if !strings.Contains(akn, want) {
			t.Errorf("%s.akn.xml lacks %s", cubaSlug, want)
		}
	}
	tags := regexp.MustCompile(`<noteRef [^>]*></noteRef>`)
	if got := tags.ReplaceAllString(akn[strings.Index(akn, "</meta>"):], ""); got != func() string {
		p := string(plain.Files["data/"+cubaSlug+".akn.xml"])
		return p[strings.Index(p, "</meta>"):]
	}() {
		t.Errorf("the Akoma Ntoso text differs from the one without notes, beyond the noteRefs")
	}
}

// TestNoteErrors: a note on a block that does not exist, or on a phrase
// the text no longer has, fails the build at the note's line.
func TestNoteErrors(t *testing.T) {
	for _, tt := range []struct{ name, old, new, want string }{
		{"no such block", "{#para_4}", "{#para_44}", "content/notes/" + cubaSlug + ".md:12: content/documents/" + cubaSlug + ".md has no block {#para_44}"},
		{"phrase not in the block", `"一个中国原则"`, `"一个中国原则性"`, "content/notes/" + cubaSlug + ".md:16: \"一个中国原则性\" does not occur in {#para_4} (四)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := withNotes(t)
			replace(t, e.content, "notes/"+cubaSlug+".md", tt.old, tt.new)
			_, _, err := build.NewBuilder().Build(e.config())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant containing %q", err, tt.want)
			}
		})
	}
	// A correction of the text that removes a phrase is reported at the note.
	e := withNotes(t)
	replace(t, e.content, "documents/"+cubaSlug+".md", "以及建交65年来", "以及建交六十五年来")
	_, _, err := build.NewBuilder().Build(e.config())
	if want := "content/notes/" + cubaSlug + ".md:4: \"以及建交65年来\" does not occur in {#preamble__p_3}"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v\nwant containing %q", err, want)
	}
}

// TestReferencesLinkDocuments: a title in 《》 that is another document's
// links to it, and the text stays as it was.
func TestReferencesLinkDocuments(t *testing.T) {
	e := repoTrees(t, "../..")
	const title = "中华人民共和国和古巴共和国关于加快构建中古命运共同体的联合声明"
	replace(t, e.content, "documents/"+pakSlug+".md", "双方同意", "双方回顾《"+title+"》，同意")
	site, _ := e.build(t, build.NewBuilder())
	html := string(site.Files[pakSlug+"/index.html"])
	if want := `双方回顾《<a href="/` + cubaSlug + `/">` + title + `</a>》，同意`; !strings.Contains(html, want) {
		t.Errorf("%s/index.html lacks %s", pakSlug, want)
	}
	// The document itself does not link its own title.
	e = repoTrees(t, "../..")
	replace(t, e.content, "documents/"+cubaSlug+".md", "两国元首强调", "《"+title+"》两国元首强调")
	site, _ = e.build(t, build.NewBuilder())
	if strings.Contains(string(site.Files[cubaSlug+"/index.html"]), `《<a href="/`+cubaSlug+`/">`) {
		t.Errorf("a document links its own title")
	}
}

func parseHTML(t *testing.T, data []byte) *xhtml.Node {
	t.Helper()
	n, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func byID(n *xhtml.Node, id string) *xhtml.Node {
	for _, a := range n.Attr {
		if a.Key == "id" && a.Val == id {
			return n
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := byID(c, id); f != nil {
			return f
		}
	}
	return nil
}

// readerText is the text of a block as a reader reads and copies it: its
// paragraphs, without the self-link, the note markers, the notes beside
// it and its theme line.
func readerText(n *xhtml.Node) string {
	var paras []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode || c.Data != "p" && !(len(c.Data) == 2 && c.Data[0] == 'h') || hasClass(c, "note") {
			continue
		}
		paras = append(paras, textWithout(c))
	}
	if len(paras) == 0 {
		return textWithout(n) // a heading
	}
	return strings.Join(paras, "\n")
}

func textWithout(n *xhtml.Node) string {
	if n.Type == xhtml.TextNode {
		return n.Data
	}
	if n.Type == xhtml.ElementNode && (n.Data == "a" && hasClass(n, "self") || n.Data == "sup" && hasClass(n, "nref")) {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textWithout(c))
	}
	return b.String()
}

func hasClass(n *xhtml.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}
