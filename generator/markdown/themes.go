package markdown

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"statements/generator/align"
	"statements/generator/annotate"
	"statements/generator/i18n"
	"statements/generator/internal/digest"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// ThemesPath is the site path of the themes index.
const ThemesPath = "/themes/"

// ThemePath is the site path of a theme's page.
func ThemePath(t *annotate.Theme) string { return themePath(t.Slug) }

func themePath(slug string) string { return ThemesPath + slug + "/" }

type themeFront struct {
	Title   string   `yaml:"title"`
	TitleEn string   `yaml:"title_en"`
	Terms   []string `yaml:"terms"`
	URL     string   `yaml:"url"`
}

// ThemePage is what one page of a theme is written from (by its Page
// method, which reads nothing else): the theme's front matter, the page's
// place among the theme's pages, and its documents' passages, with the
// terms to highlight in them. The build keys the page by its digest
// (package digest), so that an edit of one document writes again only
// the theme pages that show what it changed: a page holds of each
// document only its slug, its short title and the passages shown.
type ThemePage struct {
	Base                 siteurl.Base
	Words                *i18n.Strings
	TextLang             string // the documents' language
	Slug, Title, TitleEn string // the theme's names, in the pages' language first
	Terms                []string
	Body                 string // the annotation, on the first page only
	K, N                 int    // page K of N
	Docs                 int    // how many documents the theme occurs in
	Passages             []*ThemePassages
	Find                 *annotate.Terms // finds the theme's terms in the passages
}

// ThemePassages are the blocks a theme tags in one document, and on an
// edition's pages their translations (nil where there is none). They are
// made from a PassagesKey alone, and known to package digest by the
// digest of what they hold, computed when they are made: a process that
// builds again and again keeps them by their key (Site.Passages), so
// that a theme page's key costs a pointer per document, not a walk of
// every passage.
type ThemePassages struct {
	Slug, Short string // the document's
	Blocks      []*structure.Excerpt
	Labels      []string         // the blocks' labels in the pages' language
	Translated  []*align.Passage // by block, its paragraphs in the pages' language, or nil
	id          digest.Digest
}

// DigestIdentity is the digest of the passages.
func (ps *ThemePassages) DigestIdentity() digest.Digest { return ps.id }

// PassagesKey is what a document's ThemePassages are made from
// (NewThemePassages reads nothing else).
type PassagesKey struct {
	Edition     bool // on the pages of an edition in another language
	Doc         *structure.Document
	Translation *align.Text // the document's, in the pages' language; nil if none
	Blocks      string      // the blocks' indexes, as uvarints
}

// NewThemePassages makes the passages of k.
func NewThemePassages(k PassagesKey) *ThemePassages {
	d := k.Doc
	var blocks []*structure.Block
	for rest := []byte(k.Blocks); len(rest) > 0; {
		i, n := binary.Uvarint(rest)
		blocks, rest = append(blocks, d.Blocks[i]), rest[n:]
	}
	ps := &ThemePassages{Slug: d.Slug, Short: docShort(k.Edition, d, k.Translation), Blocks: make([]*structure.Excerpt, len(blocks)),
		Labels: make([]string, len(blocks)), Translated: make([]*align.Passage, len(blocks))}
	for i, b := range blocks {
		ps.Blocks[i] = b.Excerpt()
		ps.Labels[i] = blockLabel(k.Edition, b)
		if k.Edition && k.Translation != nil {
			ps.Translated[i] = k.Translation.Passage(b.Index)
		}
	}
	ps.id = digest.Of(*ps)
	return ps
}

// ThemePages plans every theme's pages: its annotation, then the passages
// of each document it occurs in, grouped by document, ThemeDocsPerPage
// documents to a page (side by side in the layout).
func (s *Site) ThemePages() []*ThemePage {
	var plans []*ThemePage
	passages := s.Passages
	if passages == nil {
		passages = NewThemePassages
	}
	var blocks []byte
	for _, t := range s.Notes.Themes {
		n := pageCount(len(t.Docs), ThemeDocsPerPage)
		for k := 1; k <= n; k++ {
			title, other := s.named(t.Title, t.TitleEn)
			tp := &ThemePage{Base: s.Base, Words: s.Words, TextLang: s.Meta.Language, Slug: t.Slug, Title: title, TitleEn: other, Terms: t.Terms, K: k, N: n, Docs: len(t.Docs), Find: s.Notes.Terms}
			if k == 1 {
				tp.Body = annotationIn(s.inEdition(), t.Body, tp.otherLang())
			}
			docs := t.Docs[(k-1)*ThemeDocsPerPage : min(k*ThemeDocsPerPage, len(t.Docs))]
			tp.Passages = make([]*ThemePassages, len(docs))
			for i, d := range docs {
				blocks = blocks[:0]
				for _, r := range t.In(d) {
					blocks = binary.AppendUvarint(blocks, uint64(r.Block.Index))
				}
				tp.Passages[i] = passages(PassagesKey{Edition: s.inEdition(), Doc: d, Translation: s.Translations.Of(d.Slug, s.Words.Lang), Blocks: string(blocks)})
			}
			plans = append(plans, tp)
		}
	}
	return plans
}

// Page writes the theme page.
func (tp *ThemePage) Page() *Page {
	w := tp.Words
	title := pageTitle(w, tp.Title, tp.K)
	path := themePath(tp.Slug)
	p := &Page{
		Path:          pagePath(path, tp.K),
		Layout:        ThemeLayout,
		Title:         title,
		HeadTitle:     title,
		Description:   i18n.Sub(w.Themes.ThemeDescription, "title", tp.Title, "title_en", tp.TitleEn),
		Crumbs:        []Crumb{homeCrumb(w), {Title: w.Themes.Title, Path: ThemesPath}, {Title: title}},
		TitleOther:    tp.TitleEn,
		OtherLang:     tp.otherLang(),
		Front:         themeFront{Title: title, TitleEn: tp.TitleEn, Terms: tp.Terms, URL: tp.Base.Abs(pagePath(path, tp.K))},
		SectionsTitle: i18n.Sub(w.Themes.Sections, "documents", w.Browse.Documents.Of(tp.Docs)),
		Dir:           tp.Base.Dir(),
	}
	var b strings.Builder
	if tp.K == 1 {
		b.WriteString(strings.TrimSpace(tp.Body) + "\n\n")
	}
	writePager(&b, w, tp.Base, path, tp.K, tp.N)
	p.Body = []byte(b.String())
	for _, ps := range tp.Passages {
		var b strings.Builder
		for i, ex := range ps.Blocks {
			tp.writePassage(&b, ps.Slug, ex, ps.Labels[i], ps.Translated[i])
		}
		title := i18n.Sub(w.Themes.Section, "document", ps.Short, "passages", w.Themes.Passages.Of(len(ps.Blocks)))
		p.Sections = append(p.Sections, Section{ID: "in-" + ps.Slug, Title: title, Body: []byte(b.String())})
	}
	return p
}

// ThemeIn is the link to a document's passages on the theme's pages.
func ThemeIn(t *annotate.Theme, d *structure.Document) string {
	k := slices.Index(t.Docs, d)/ThemeDocsPerPage + 1
	return pagePath(ThemePath(t), k) + "#in-" + d.Slug
}

// writePassage writes a block as a passage of a theme page: its number
// linking to the clause in context, its text with the theme's terms
// highlighted; on an edition's pages its translation first, where it has
// one, and the text after it as its original.
func (tp *ThemePage) writePassage(b *strings.Builder, doc string, ex *structure.Excerpt, label string, passage *align.Passage) {
	var translated []string
	if passage != nil {
		translated = passage.Texts
	}
	link := fmt.Sprintf("[%s](%s %s) ", escapeInline(label), tp.Base.Path(inContext(doc, ex.EID)), attrValue(tp.Words.Clause.InContext))
	for i, text := range translated {
		if i == 0 {
			b.WriteString(link)
		}
		fmt.Fprintf(b, "%s {.passage}\n\n", escapeInline(text))
	}
	for i, text := range ex.Texts {
		if i == 0 && translated == nil {
			b.WriteString(link)
		}
		pos := 0
		for _, m := range tp.Find.Find(text, tp.Slug) {
			b.WriteString(escapeInline(text[pos:m.Start]))
			fmt.Fprintf(b, "==%s==", escapeInline(text[m.Start:m.End]))
			pos = m.End
		}
		b.WriteString(escapeInline(text[pos:]))
		if translated != nil {
			fmt.Fprintf(b, " {.passage .original lang=%s}\n\n", attrValue(tp.TextLang))
		} else {
			b.WriteString(" {.passage}\n\n")
		}
	}
}

// otherLang is the language of a theme page's other title.
func (tp *ThemePage) otherLang() string {
	if tp.Words.Lang != tp.TextLang {
		return tp.TextLang
	}
	return "en"
}

// linkTarget is a markdown link's address: ](/x/#para_4 "title").
var linkTarget = regexp.MustCompile(`\]\([^)]*\)`)

// annotationIn is a theme's annotation as an edition shows it: on the
// site's own pages, all of it, its paragraphs in the other language marked
// as such (other: lang=en), so that they are set in their own fonts and
// punctuation; on an edition's, its paragraphs in the edition's language
// (not mostly Han), or all of it if it has none.
func annotationIn(edition bool, body, other string) string {
	var kept, all []string
	for _, para := range strings.Split(strings.TrimSpace(body), "\n\n") {
		if mostlyHan(para) {
			all = append(all, para)
			continue
		}
		kept = append(kept, para)
		if paragraphText(para) {
			para += " {lang=" + attrValue(other) + "}"
		}
		all = append(all, para)
	}
	if !edition || len(kept) == 0 {
		return strings.Join(all, "\n\n")
	}
	return strings.Join(kept, "\n\n")
}

// paragraphText says whether an annotation's paragraph is plain text, which
// an attribute list can end, not a list, a quotation or a heading.
func paragraphText(para string) bool {
	return !strings.ContainsAny(para[:1], "-*+>#|0123456789") && !strings.Contains(para, "\n")
}

// mostlyHan tells text that is mostly Han characters, of the letters of
// what it says (not of its links' addresses).
func mostlyHan(text string) bool {
	han, letters := 0, 0
	for _, r := range linkTarget.ReplaceAllString(text, "") {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return han*2 > letters
}

// themesPage lists every theme with how many blocks of how many documents it tags.
func themesPage(s *Site) *Page {
	var b strings.Builder
	w := s.Words
	fmt.Fprintf(&b, "%s\n\n", Escape(w.Themes.Intro))
	for _, t := range s.themesInOrder() {
		counts := i18n.Sub(w.Themes.Counts, "passages", w.Themes.Passages.Of(len(t.Refs)), "documents", w.Browse.Documents.Of(len(t.Docs)))
		title, other := s.named(t.Title, t.TitleEn)
		fmt.Fprintf(&b, "- [%s](%s) %s · %s\n", escapeInline(title), s.Base.Path(ThemePath(t)), escapeInline(other), escapeInline(counts))
	}
	b.WriteString("\n")
	return &Page{
		Path: ThemesPath, Layout: ThemesLayout, Title: w.Themes.Title,
		Description: w.Themes.Description,
		Crumbs:      []Crumb{homeCrumb(w), {Title: w.Themes.Title}},
		Front:       homeFront{Title: w.Themes.Title, URL: s.Base.Abs(ThemesPath)},
		Body:        []byte(b.String()),
	}
}

// themesInOrder lists the themes in the order of the site's language:
// by their names, as the language sorts them (Chinese names by pinyin).
func (s *Site) themesInOrder() []*annotate.Theme {
	themes := slices.Clone(s.Notes.Themes)
	i18n.Sort(s.Words, themes, func(t *annotate.Theme) string {
		title, _ := s.named(t.Title, t.TitleEn)
		return title
	})
	return themes
}
