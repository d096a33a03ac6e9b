package markdown

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"statements/generator/align"
	"statements/generator/annotate"
	"statements/generator/editorial"
	"statements/generator/i18n"
	"statements/generator/load"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Site is what the page writers need to know about the whole site.
type Site struct {
	Meta      load.Site
	Base      siteurl.Base
	Words     *i18n.Strings // the site's wording, in its language
	Documents []*structure.Document
	Notes     *annotate.Annotations // the themes and where they occur
	Pages     []*load.Page          // editorial pages
	// Translations are the documents' translations (package align).
	Translations align.Set
	// EdNotes are the editors' notes, by document slug; Refs the
	// references between documents (package editorial).
	EdNotes map[string][]*editorial.Note
	Refs    map[string][][]editorial.Reference
	// Passages, if not nil, gives a theme's passages in a document: what
	// NewThemePassages gives for the same key (a process that builds
	// again and again keeps them); nil is NewThemePassages.
	Passages func(PassagesKey) *ThemePassages

	once sync.Once
	arch *archive // the documents by party and year
}

// DocumentPath is the site path of a document's page.
func DocumentPath(d *structure.Document) string { return "/" + d.Slug + "/" }

// BlockPath is the site path of a block's own page.
func BlockPath(d *structure.Document, blk *structure.Block) string {
	return DocumentPath(d) + blk.EID + "/"
}

// InContext is the link to a block inside its document's page.
func InContext(d *structure.Document, blk *structure.Block) string { return inContext(d.Slug, blk.EID) }

// inContext is the link to the block eid inside the page of the document slug.
func inContext(slug, eid string) string { return "/" + slug + "/#" + eid }

// documentFront is the front matter of a document page's index.md.
type documentFront struct {
	Title   string   `yaml:"title"`
	TitleEn string   `yaml:"title_en"`
	Date    string   `yaml:"date"`
	Parties []string `yaml:"parties,omitempty"`
	URL     string   `yaml:"url"`
	Source  string   `yaml:"source,omitempty"`
	// Transcription says how the text was taken from its source and checked.
	Transcription string            `yaml:"transcription,omitempty"`
	Corrections   []load.Correction `yaml:"corrections,omitempty"`
}

// clauseFront is the front matter of a clause page's index.md.
type clauseFront struct {
	Title    string `yaml:"title"`
	Document string `yaml:"document"`
	Number   string `yaml:"number"`
	EID      string `yaml:"eid"`
	Date     string `yaml:"date"`
	URL      string `yaml:"url"`
	Context  string `yaml:"context"`
}

// Pages writes every page of the site: SitePages, then each document's
// DocumentPages.
func Pages(s *Site) []*Page {
	pages := SitePages(s)
	for _, c := range s.Contexts() {
		pages = append(pages, DocumentPages(c)...)
	}
	return pages
}

// SitePages writes the pages that belong to no one document: OwnPages,
// and the themes' pages.
func SitePages(s *Site) []*Page {
	pages := OwnPages(s)
	for _, tp := range s.ThemePages() {
		pages = append(pages, tp.Page())
	}
	return finish(s.Base, pages)
}

// OwnPages writes the site's own pages but the themes': home, not-found,
// editorial, themes index, search and browse pages.
func OwnPages(s *Site) []*Page {
	pages := []*Page{homePage(s), notFoundPage(s)}
	for _, ep := range s.Pages {
		pages = append(pages, editorialPage(s, ep))
	}
	pages = append(pages, themesPage(s), searchPage(s))
	return finish(s.Base, append(pages, browsePages(s)...))
}

// DocumentPages writes a document's page and its blocks' pages: what a
// build can render and let go of one document at a time. It reads nothing
// but c.
func DocumentPages(c *DocContext) []*Page {
	d := c.Doc
	pages := make([]*Page, 0, 1+len(d.Blocks))
	pages = append(pages, c.documentPage())
	for _, blk := range d.Blocks {
		pages = append(pages, c.clausePage(blk))
	}
	return finish(c.Base, pages)
}

// finish gives every page its head title, and its edition's folder.
func finish(base siteurl.Base, pages []*Page) []*Page {
	for _, p := range pages {
		if p.HeadTitle == "" {
			p.HeadTitle = p.Title
		}
		p.Dir = base.Dir()
	}
	return pages
}

// homeCrumb is a breadcrumb's first step.
func homeCrumb(w *i18n.Strings) Crumb { return Crumb{Title: w.Site.Home, Path: "/"} }

func (c *DocContext) documentPage() *Page {
	d, s := c.Doc, c
	var b strings.Builder
	c.writeNotice(&b)
	c.writeBlocks(&b, d, d.Top, 2)
	c.writeNoteDefinitions(&b, c.EdNotes)
	title, other := docTitle(c.inEdition(), d, c.translation())
	return &Page{
		Path:        DocumentPath(d),
		Layout:      DocumentLayout,
		Title:       title,
		TitleOther:  other,
		OtherLang:   c.otherLang(),
		Description: i18n.Sub(c.Words.Document.Description, "title", title, "date", c.Words.Date(d.Date)),
		Crumbs:      []Crumb{homeCrumb(c.Words), {Title: c.short()}},
		Document:    d,
		Parties:     c.Parties,
		TOC:         c.contents(),
		Front: documentFront{Title: d.Title, TitleEn: d.TitleEn, Date: d.Date, Parties: d.Parties,
			URL: s.Base.Abs(DocumentPath(d)), Source: d.Source, Transcription: d.Transcription, Corrections: d.Corrections},
		Body:    []byte(b.String()),
		EdNotes: len(c.EdNotes),
	}
}

// otherLang is the language of the other title a document's pages show:
// English on the site's own, the documents' language on an edition's.
func (c *DocContext) otherLang() string {
	if c.inEdition() {
		return c.TextLang
	}
	return "en"
}

// contents is a document's table of contents: its attachments and
// headings, by their lines, and every block at the top (preamble, clauses,
// closing) or right under a heading, by its label and first words; not
// the items within clauses, nor a table of contents printed in the text.
func (c *DocContext) contents() []Link {
	var toc []Link
	for _, b := range c.Doc.Blocks {
		switch {
		case b.Kind == structure.Attachment || b.Numbered() && b.Heading:
			toc = append(toc, Link{Title: c.partLine(b), Path: "#" + b.EID, Heading: true})
		case b.Kind == structure.TOC || b.Kind == structure.Intro:
		case b.Parent == nil || b.Numbered() && b.Parent.Heading:
			gist, cols := c.gist(b), tocColumns
			if !mostlyHan(gist) {
				cols = tocColumnsSpaced
			}
			toc = append(toc, Link{Label: c.label(b), Title: FirstWords(gist, cols), Path: "#" + b.EID})
		}
	}
	return toc
}

// tocColumns is how much of a block's text its entry in the table of
// contents shows, in columns (FirstWords): about a line of the side
// table of contents. A text in spaced words (a translation) says less in
// as many columns, and shows about two lines (its clauses start alike:
// "The two sides will…").
const (
	tocColumns       = 24
	tocColumnsSpaced = 56
)

// partLine names a block in a list of parts: a heading by its line (an
// attachment by its label and title lines), a clause by its number and
// first words.
func (c *DocContext) partLine(b *structure.Block) string {
	texts := c.texts(b)
	if b.Kind == structure.Attachment {
		parts := []string{c.label(b)}
		for i, p := range b.Paragraphs {
			if p.Role == structure.RoleTitle {
				parts = append(parts, texts[i])
			}
		}
		return strings.Join(parts, " ")
	}
	if b.Heading {
		return texts[0]
	}
	return c.label(b) + " " + Excerpt(c.gist(b), 30)
}

// gist is a block's text in the pages' language without its number: the
// Chinese text without its marker (四、), or a translation without the
// number it starts with (IV.).
func (c *DocContext) gist(b *structure.Block) string {
	if t := c.translation(); t != nil && t.Blocks[b.Index] != nil {
		text := strings.Join(t.Blocks[b.Index], " ")
		if b.Numbered() {
			text = leadingNumber.ReplaceAllString(text, "")
		}
		return text
	}
	return WithoutMarker(b)
}

// leadingNumber is the number a translated clause starts with: IV. 5. (a)
var leadingNumber = regexp.MustCompile(`^(?:[IVXLC]+\.|\d+\.|\(\w{1,4}\))\s+`)

// FirstWords is the beginning of a text, up to about cols columns (a
// Chinese character takes two, a Latin letter one), cut after a whole
// word where words are spaced, with "…" where it is cut.
func FirstWords(text string, cols int) string {
	text = strings.Join(strings.Fields(text), " ")
	used := 0
	for i, r := range text {
		w := 1
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			w = 2
		}
		if used+w > cols {
			cut := text[:i]
			if r != ' ' && !unicode.Is(unicode.Han, r) {
				if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
					cut = cut[:sp]
				}
			}
			return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
		}
		used += w
	}
	return text
}

// texts are a block's paragraphs in the pages' language: its translation
// on an edition's pages, where there is one.
func (c *DocContext) texts(b *structure.Block) []string {
	if t := c.translation(); t != nil && t.Blocks[b.Index] != nil {
		return t.Blocks[b.Index]
	}
	texts := make([]string, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		texts[i] = p.Text
	}
	return texts
}

// ClauseTitle is how a clause page names its clause: 中古联合声明 四.
func ClauseTitle(d *structure.Document, blk *structure.Block) string {
	return d.Short + " " + blk.Label
}

// WithoutMarker is a block's text without the number it starts with,
// which its title already shows: 中古联合声明 四：古方重申…
func WithoutMarker(blk *structure.Block) string {
	return strings.TrimLeft(strings.TrimPrefix(blk.Text(), blk.Marker), " \u3000")
}

func (c *DocContext) clausePage(blk *structure.Block) *Page {
	d, s := c.Doc, c
	var b strings.Builder
	c.writeNotice(&b)
	c.writeBlock(&b, d, blk, 2)
	shown := []*structure.Block{blk}
	if blk.Heading {
		// A heading's page shows its introduction and lists its items.
		for _, child := range blk.Children {
			if child.Kind == structure.Intro {
				c.writeBlock(&b, d, child, 2)
				shown = append(shown, child)
				continue
			}
			fmt.Fprintf(&b, "- [%s](%s)\n", Escape(Excerpt(strings.Join(c.texts(child), " "), 40)), s.Base.Path(BlockPath(d, child)))
		}
		b.WriteString("\n")
	}
	notes := c.notesIn(shown...)
	c.writeNoteDefinitions(&b, notes)
	title := c.short() + " " + c.label(blk)
	excerpt := Excerpt(strings.Join(c.texts(blk), " "), 40)
	if !c.inEdition() || c.translation() == nil {
		excerpt = Excerpt(WithoutMarker(blk), 40)
	}
	docTitle, other := docTitle(c.inEdition(), d, c.translation())
	p := &Page{
		Path:        BlockPath(d, blk),
		Layout:      ClauseLayout,
		Title:       title,
		HeadTitle:   i18n.Sub(c.Words.Clause.HeadTitle, "title", title, "excerpt", excerpt),
		Description: Excerpt(strings.Join(c.texts(blk), " "), 160),
		Crumbs:      c.clauseCrumbs(blk),
		Document:    d,
		Block:       blk,
		DocTitle:    docTitle,
		TitleOther:  other,
		OtherLang:   c.otherLang(),
		DocShort:    c.short(),
		Label:       c.label(blk),
		Front: clauseFront{Title: ClauseTitle(d, blk), Document: d.Title, Number: blk.Label, EID: blk.EID,
			Date: d.Date, URL: s.Base.Abs(BlockPath(d, blk)), Context: s.Base.Abs(InContext(d, blk))},
		Body:    []byte(b.String()),
		EdNotes: len(notes),
	}
	for _, a := range blk.Ancestors() {
		p.Parts = append(p.Parts, Link{Title: c.partLine(a), Path: BlockPath(d, a)})
	}
	if i := blk.Index; i > 0 {
		p.Prev = &Link{Title: c.label(d.Blocks[i-1]), Path: BlockPath(d, d.Blocks[i-1])}
	}
	if i := blk.Index; i+1 < len(d.Blocks) {
		p.Next = &Link{Title: c.label(d.Blocks[i+1]), Path: BlockPath(d, d.Blocks[i+1])}
	}
	return p
}

// clauseCrumbs lead to a block's page through its document and the
// blocks it is part of: 首页 › 中巴行动计划 › 二 › 二、5.
func (c *DocContext) clauseCrumbs(blk *structure.Block) []Crumb {
	crumbs := []Crumb{homeCrumb(c.Words), {Title: c.short(), Path: DocumentPath(c.Doc)}}
	for _, p := range blk.Ancestors() {
		crumbs = append(crumbs, Crumb{Title: c.label(p), Path: BlockPath(c.Doc, p)})
	}
	return append(crumbs, Crumb{Title: c.label(blk)})
}

type homeFront struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

func homePage(s *Site) *Page {
	var b strings.Builder
	title, _ := s.named(s.Meta.Title, s.Meta.TitleEn)
	description, _ := s.named(s.Meta.Description, s.Meta.DescriptionEn)
	if description != "" {
		fmt.Fprintf(&b, "%s\n\n", Escape(description))
	}
	a, w := s.archive(), s.Words
	fmt.Fprintf(&b, "## %s {#documents}\n\n", Escape(w.Home.Latest))
	s.writeDocumentList(&b, a.newest[:min(Latest, len(a.newest))])
	fmt.Fprintf(&b, "%s\n\n", i18n.Sub(w.Home.All, "documents", w.Browse.Documents.Of(len(a.newest)), "years", s.Base.Path(YearsPath), "parties", s.Base.Path(PartiesPath)))
	fmt.Fprintf(&b, "## %s {#themes}\n\n", Escape(w.Home.Themes))
	fmt.Fprintf(&b, "%s\n\n", i18n.Sub(w.Home.ThemesIntro, "themes", s.Base.Path(ThemesPath)))
	for _, t := range s.themesInOrder() {
		title, other := s.named(t.Title, t.TitleEn)
		fmt.Fprintf(&b, "- [%s](%s) %s\n", escapeInline(title), s.Base.Path(ThemePath(t)), escapeInline(other))
	}
	b.WriteString("\n")
	return &Page{
		Path: "/", Layout: HomeLayout, Title: title, Description: description,
		Front: homeFront{Title: title, URL: s.Base.Abs("/")},
		Body:  []byte(b.String()),
	}
}

func notFoundPage(s *Site) *Page {
	var b strings.Builder
	w := s.Words
	fmt.Fprintf(&b, "%s\n\n", i18n.Sub(w.NotFound.Text, "search", s.Base.Path(SearchPath), "years", s.Base.Path(YearsPath), "parties", s.Base.Path(PartiesPath), "themes", s.Base.Path(ThemesPath)))
	a := s.archive()
	for _, d := range a.newest[:min(Latest, len(a.newest))] {
		title, _ := s.docTitle(d)
		fmt.Fprintf(&b, "- [%s](%s)\n", escapeInline(title), s.Base.Path(DocumentPath(d)))
	}
	b.WriteString("\n")
	return &Page{Path: "/404.html", Layout: NotFoundLayout, Title: w.NotFound.Title, Crumbs: []Crumb{homeCrumb(w), {Title: w.NotFound.Crumb}}, Body: []byte(b.String())}
}

// CharCount is the number of non-space characters of a document's text.
func CharCount(d *structure.Document) int { return d.Chars() }

// Excerpt shortens text to at most n characters, ending with an ellipsis when cut.
func Excerpt(text string, n int) string {
	text = strings.ReplaceAll(text, "\n", " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return string(r[:n-1]) + "…"
}

// EditorialPath is the site path of an editorial page.
func EditorialPath(p *load.Page) string { return "/" + p.Slug + "/" }

// editorialPage is a page written in markdown by the editors, such as /data/;
// an edition shows it under its title in the edition's language.
func editorialPage(s *Site, p *load.Page) *Page {
	title, _ := s.named(p.Title, p.TitleEn)
	return &Page{
		Path: EditorialPath(p), Layout: EditorialLayout, Title: title, Description: p.Description,
		Crumbs: []Crumb{homeCrumb(s.Words), {Title: title}},
		Front:  homeFront{Title: title, URL: s.Base.Abs(EditorialPath(p))},
		Body:   []byte(p.Body),
	}
}

// SearchPath is the site path of the search page.
const SearchPath = "/search/"

// searchPage explains how to search; the layout adds the form, and search.js the results.
func searchPage(s *Site) *Page {
	w := s.Words.Search
	return &Page{
		Path: SearchPath, Layout: SearchLayout, Title: w.Title,
		Description: w.Description,
		Crumbs:      []Crumb{homeCrumb(s.Words), {Title: w.Title}},
		Front:       homeFront{Title: w.Title, URL: s.Base.Abs(SearchPath)},
		Body:        []byte(w.Help + "\n\n"),
	}
}
