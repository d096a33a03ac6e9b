package html

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"statements/generator/i18n"
	"statements/generator/internal/digest"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/sources"
)

// Renderer turns pages into HTML. It is safe for concurrent use.
type Renderer struct {
	md      goldmark.Markdown
	opts    Options
	layouts map[markdown.Layout]*template.Template
	base    siteurl.Base
	digest  digest.Digest
}

// Input is everything a page's HTML is rendered from, besides the
// Renderer's layouts and base URL (see Renderer.Digest): Render reads
// nothing else, so a digest of an Input is a key for the page's HTML.
type Input struct {
	Site *Site
	Page *markdown.Page
}

// Site is what layouts see of the site.
type Site struct {
	Meta load.Site
	// Edition is the pages' edition's language, "" for the site's own.
	// Title is the site's name in the pages' language, TitleOther in the
	// other (whose tag is OtherLang), for the header and footer.
	Edition                      string
	Title, TitleOther, OtherLang string
	// Documents lists every document, on the pages that belong to no one
	// document (the not-found and search pages list them); it is nil on a
	// document's own pages, whose output would otherwise change with every
	// other document's title.
	Documents []DocumentSummary
}

// DocumentSummary names a document in a list.
type DocumentSummary struct{ Slug, Path, Title, Short, Date string }

// PageData is what a layout template sees.
type PageData struct {
	Words    *i18n.Strings // the site's wording
	Editions []Edition     // the site in each of its languages
	Site     *Site
	Page     *markdown.Page
	Content  template.HTML // the page's markdown, rendered
	Sections []RenderedSection
	Citation *Citation // how to cite a document's or a clause's page; nil on others
}

// Options are what a Renderer renders its pages in.
type Options struct {
	Base  siteurl.Base  // the base of the pages' edition
	Words *i18n.Strings // the pages' wording
	// TextLang is the documents' language: in an edition in another, a
	// run of it in the text is marked as such (Foreign).
	TextLang string
	Editions []Edition // every edition of the site, the pages' among them
}

// Edition is the site in one language: its language tag, its name in
// itself (中文, English) and its base.
type Edition struct {
	Lang, Name string
	Base       siteurl.Base
}

// RenderedSection is a page section with its markdown rendered.
type RenderedSection struct {
	ID, Title string
	Content   template.HTML
}

// NewMarkdown is the goldmark set-up every page is rendered with, in the
// language of w.
func NewMarkdown(w *i18n.Strings) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(Anchors(w), Mark, Names, extension.Table, codeHighlighting, EditorsNotes(w)))
}

// newSiteMarkdown is NewMarkdown for one site: site paths get its base path.
func newSiteMarkdown(base siteurl.Base, w *i18n.Strings) goldmark.Markdown {
	md := NewMarkdown(w)
	SiteLinks(base).Extend(md)
	return md
}

// New parses the layouts once, for every page of a build in one edition.
func New(layouts fs.FS, opts Options) (*Renderer, error) {
	base, w := opts.Base, opts.Words
	r := &Renderer{opts: opts, layouts: map[markdown.Layout]*template.Template{}, base: base}
	r.md = newSiteMarkdown(base, w)
	if w.Lang != opts.TextLang {
		Foreign(opts.TextLang).Extend(r.md)
	} else {
		Quoted(opts.TextLang).Extend(r.md)
	}
	var read []layoutFile
	baseT, err := parseLayout(template.New("base.html").Funcs(funcs(opts, r.inline)), layouts, "base.html", &read)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(layouts, "*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if name == "base.html" {
			continue
		}
		t, err := baseT.Clone()
		if err == nil {
			t, err = parseLayout(t, layouts, name, &read)
		}
		if err != nil {
			return nil, err
		}
		r.layouts[markdown.Layout(name[:len(name)-len(path.Ext(name))])] = t
	}
	r.digest = digest.Of(struct {
		Layouts []layoutFile
		Base    string
		Options Options
	}{read, base.Abs("/"), opts})
	return r, nil
}

// Digest is a digest of every layout file the Renderer parsed, of the
// base URL and of the wording: with an Input's, all that a page's HTML
// depends on.
func (r *Renderer) Digest() digest.Digest { return r.digest }

// layoutFile is a layout as parsed, for the Renderer's digest.
type layoutFile struct {
	Name string
	Text []byte
}

// parseLayout adds layouts/name to t, noting in read what it parsed; a
// file the tree refuses is reported as the tree says.
func parseLayout(t *template.Template, layouts fs.FS, name string, read *[]layoutFile) (*template.Template, error) {
	text, err := fs.ReadFile(layouts, name)
	if err != nil {
		return nil, sources.Named("layouts/"+name, err)
	}
	*read = append(*read, layoutFile{name, text})
	target := t
	if t.Name() != name {
		target = t.New(name)
	}
	if _, err := target.Parse(string(text)); err != nil {
		return nil, layoutError(err)
	}
	return t, nil
}

// Render gives the page's HTML.
func (r *Renderer) Render(in Input) ([]byte, error) {
	p := in.Page
	t := r.layouts[p.Layout]
	if t == nil {
		return nil, fmt.Errorf("layouts/%s.html: no such layout (needed by %s)", p.Layout, p.Path)
	}
	var body bytes.Buffer
	var opts []parser.ParseOption
	if p.Layout == markdown.DocumentLayout {
		opts = append(opts, Beside())
	}
	if err := r.md.Convert(p.Body, &body, opts...); err != nil {
		return nil, fmt.Errorf("%s: markdown: %w", p.Path, err)
	}
	data := PageData{Words: r.opts.Words, Editions: r.opts.Editions, Site: in.Site, Page: p, Content: template.HTML(body.String())}
	for _, sec := range p.Sections {
		body.Reset()
		if err := r.md.Convert(sec.Body, &body); err != nil {
			return nil, fmt.Errorf("%s: markdown: %w", p.Path, err)
		}
		data.Sections = append(data.Sections, RenderedSection{ID: sec.ID, Title: sec.Title, Content: template.HTML(body.String())})
	}
	citation, err := citationOf(r.base, p)
	if err != nil {
		return nil, fmt.Errorf("%s: citation: %w", p.Path, err)
	}
	data.Citation = citation
	var out bytes.Buffer
	out.Grow(body.Len() + pageFrame) // the page in one allocation, not a dozen doublings
	if err := t.ExecuteTemplate(&out, "base", data); err != nil {
		return nil, layoutError(err)
	}
	return out.Bytes(), nil
}

// pageFrame is about what a layout adds to a page's rendered markdown: its
// head, header, footer and, on a document's or clause's page, the
// provenance and citations.
const pageFrame = 12 << 10

var templatePosition = regexp.MustCompile(`^(?:html/)?template: ([^:]+\.html):(\d+)(?::\d+)?: (?:[^:]*: )?(.*)$`)

// layoutError gives template errors the project's "file:line: message" form.
func layoutError(err error) error {
	if m := templatePosition.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[2])
		return fmt.Errorf("layouts/%s:%d: %s", m[1], line, m[3])
	}
	return fmt.Errorf("layouts: %w", err)
}

// inline renders a line of markdown wording (a strings file's, its
// placeholders filled) as HTML without its paragraph; several paragraphs
// or a list keep their elements.
func (r *Renderer) inline(wording string) (template.HTML, error) {
	var out bytes.Buffer
	if err := r.md.Convert([]byte(wording), &out); err != nil {
		return "", err
	}
	html := bytes.TrimSpace(out.Bytes())
	if inner, ok := bytes.CutPrefix(html, []byte("<p>")); ok && bytes.Count(html, []byte("<p>")) == 1 {
		if inner, ok := bytes.CutSuffix(inner, []byte("</p>")); ok {
			return template.HTML(inner), nil
		}
	}
	return template.HTML(html), nil
}
