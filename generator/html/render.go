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

	"statements/generator/markdown"
	"statements/generator/sources"
	"statements/generator/structure"
)

// Renderer turns pages into HTML. It is safe for concurrent use.
type Renderer struct {
	md      goldmark.Markdown
	layouts map[markdown.Layout]*template.Template
	site    *markdown.Site
}

// PageData is what a layout template sees.
type PageData struct {
	Site     *markdown.Site
	Page     *markdown.Page
	Content  template.HTML // the page's markdown, rendered
	Sections []RenderedSection
	Prev     *structure.Block
	Next     *structure.Block
}

// RenderedSection is a page section with its markdown rendered.
type RenderedSection struct {
	ID, Title string
	Content   template.HTML
}

// NewMarkdown is the goldmark set-up every page is rendered with.
func NewMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(Anchors, Mark, extension.Table, codeHighlighting))
}

// newSiteMarkdown is NewMarkdown for one site: site paths get its base path.
func newSiteMarkdown(site *markdown.Site) goldmark.Markdown {
	md := NewMarkdown()
	SiteLinks(site.Base.Prefix()).Extend(md)
	return md
}

// New parses the layouts once, for every page of a build.
func New(layouts fs.FS, site *markdown.Site) (*Renderer, error) {
	r := &Renderer{md: newSiteMarkdown(site), layouts: map[markdown.Layout]*template.Template{}, site: site}
	base, err := parseLayout(template.New("base.html").Funcs(funcs(site)), layouts, "base.html")
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
		t, err := base.Clone()
		if err == nil {
			t, err = parseLayout(t, layouts, name)
		}
		if err != nil {
			return nil, err
		}
		r.layouts[markdown.Layout(name[:len(name)-len(path.Ext(name))])] = t
	}
	return r, nil
}

// parseLayout adds layouts/name to t; a file the tree refuses is reported
// as the tree says.
func parseLayout(t *template.Template, layouts fs.FS, name string) (*template.Template, error) {
	if _, err := fs.Stat(layouts, name); err != nil {
		return nil, sources.Named("layouts/"+name, err)
	}
	if _, err := t.ParseFS(layouts, name); err != nil {
		return nil, layoutError(err)
	}
	return t, nil
}

// Render gives the page's HTML.
func (r *Renderer) Render(p *markdown.Page) ([]byte, error) {
	t := r.layouts[p.Layout]
	if t == nil {
		return nil, fmt.Errorf("layouts/%s.html: no such layout (needed by %s)", p.Layout, p.Path)
	}
	var body bytes.Buffer
	if err := r.md.Convert(p.Body, &body); err != nil {
		return nil, fmt.Errorf("%s: markdown: %w", p.Path, err)
	}
	data := PageData{Site: r.site, Page: p, Content: template.HTML(body.String())}
	for _, sec := range p.Sections {
		body.Reset()
		if err := r.md.Convert(sec.Body, &body); err != nil {
			return nil, fmt.Errorf("%s: markdown: %w", p.Path, err)
		}
		data.Sections = append(data.Sections, RenderedSection{ID: sec.ID, Title: sec.Title, Content: template.HTML(body.String())})
	}
	if p.Block != nil {
		if i := p.Block.Index; i > 0 {
			data.Prev = p.Document.Blocks[i-1]
		}
		if i := p.Block.Index; i+1 < len(p.Document.Blocks) {
			data.Next = p.Document.Blocks[i+1]
		}
	}
	var out bytes.Buffer
	if err := t.ExecuteTemplate(&out, "base", data); err != nil {
		return nil, layoutError(err)
	}
	return out.Bytes(), nil
}

var templatePosition = regexp.MustCompile(`^(?:html/)?template: ([^:]+\.html):(\d+)(?::\d+)?: (?:[^:]*: )?(.*)$`)

// layoutError gives template errors the project's "file:line: message" form.
func layoutError(err error) error {
	if m := templatePosition.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[2])
		return fmt.Errorf("layouts/%s:%d: %s", m[1], line, m[3])
	}
	return fmt.Errorf("layouts: %w", err)
}
