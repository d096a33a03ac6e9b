package markdown

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"

	"statements/generator/structure"
)

// Layout names a template in layouts/.
type Layout string

// The layouts a page can have.
const (
	HomeLayout      Layout = "home"
	DocumentLayout  Layout = "document"
	ClauseLayout    Layout = "clause"
	NotFoundLayout  Layout = "404"
	ThemeLayout     Layout = "theme"
	ThemesLayout    Layout = "themes"
	EditorialLayout Layout = "page"
	SearchLayout    Layout = "search"
	ListLayout      Layout = "list"
)

// Section is a titled part of a page that layouts may place on their own,
// such as one document's passages in the columns of a theme page.
type Section struct {
	ID    string
	Title string
	Body  []byte // markdown
}

// Crumb is one step of a page's breadcrumb trail.
type Crumb struct {
	Title string
	Path  string // site path; the current page's crumb has none
}

// Page is one page of the site.
type Page struct {
	Path          string // site path: "/", "/<doc>/", "/<doc>/<eid>/"; "/404.html" for the not-found page
	Layout        Layout
	Title         string // the page's own title, for its heading
	HeadTitle     string // the title in <title> and link previews: Title, or a clause with its text
	Description   string // one plain-text sentence or the clause itself, for previews
	Crumbs        []Crumb
	Document      *structure.Document // the document the page belongs to, if any
	Block         *structure.Block    // the clause of a clause page
	TitleEn       string              // the English title of a theme page
	Parties       []Party             // a document page's parties that have pages
	Front         any                 // front matter published in index.md
	Body          []byte              // markdown body under the page's title, rendered by package html
	Sections      []Section           // markdown sections after the body
	SectionsTitle string              // a heading over the sections, if any
	// Dir is the folder of the page's edition: "" for the site's
	// language, "en/" for an English edition (siteurl.Base.Dir).
	Dir string
	// TitleOther is the page's title in the other language (on a
	// document's or clause's page, its document's), whose tag is
	// OtherLang; DocTitle and DocShort name a clause page's document, and
	// Label its clause, in the page's language.
	TitleOther, OtherLang     string
	DocTitle, DocShort, Label string
	// TOC is a document page's table of contents; Parts lead from a
	// clause's page to the blocks it is part of, Prev and Next to the
	// clauses before and after it. Each link's Path is a site path.
	TOC        []Link
	Parts      []Link
	Prev, Next *Link
	// EdNotes is how many editors' notes the page shows.
	EdNotes int
}

// Link is a titled link: an entry of a table of contents, a part line.
type Link struct {
	Title, Path string
	Label       string // a block's number or label, where Title is its first words
	Heading     bool   // a heading's entry, not a clause's
}

// File is the page's output file path relative to the site root.
func (p *Page) File() string {
	if p.Path == "/404.html" {
		return p.Dir + "404.html"
	}
	return p.Dir + p.Path[1:] + "index.html"
}

// MarkdownFile is where the page's markdown is published, or "" for none.
func (p *Page) MarkdownFile() string {
	if p.Path == "/404.html" {
		return ""
	}
	return p.Dir + p.Path[1:] + "index.md"
}

// Markdown is the page as published in index.md: YAML front matter, the
// title as a level-1 heading (which the HTML layouts render themselves), then the body.
func (p *Page) Markdown() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(p.Front); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", p.Path, err)
	}
	enc.Close()
	b.WriteString("---\n\n# ")
	b.WriteString(Escape(p.Title))
	b.WriteString("\n\n")
	b.Write(p.Body)
	if p.SectionsTitle != "" {
		fmt.Fprintf(&b, "## %s {#sections}\n\n", Escape(p.SectionsTitle))
	}
	for _, sec := range p.Sections {
		fmt.Fprintf(&b, "### %s {#%s}\n\n", Escape(sec.Title), sec.ID)
		b.Write(sec.Body)
	}
	return b.Bytes(), nil
}
