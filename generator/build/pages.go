package build

import (
	"statements/generator/html"
	"statements/generator/internal/digest"
	"statements/generator/markdown"
)

// A document's unit is made again when anything of the document changes,
// but of its pages only those whose own input changed are rendered again:
// each page is rendered from its view (a block's page sees only its
// block's projection of the document, structure.Document.Projection), and
// the digest of the view, with the layouts and what they see of the site,
// is the page's key. A one-clause edit renders that clause's pages and
// the document's own, and takes the others' files from the last build.

// pageInput is what a page of a document is rendered from; its digest is
// the page's key.
type pageInput struct {
	Renderer digest.Digest
	Site     *html.Site
	Page     *markdown.Page // the page's view
}

// renderedPage is a page's files, with the key they were made from.
type renderedPage struct {
	key   digest.Digest
	files []file
}

// view is a page as it is rendered: a block's page with its block's
// projection of the document in place of the document.
func view(p *markdown.Page) *markdown.Page {
	if p.Block == nil || p.Document == nil {
		return p
	}
	v := *p
	v.Document, v.Block = p.Document.Projection(p.Block)
	return &v
}

// documentPage gives the files of one of a document's pages: the last
// good build's, if it rendered a page of the same key, or rendered now.
func (r *unitRenderer) documentPage(renderer digest.Digest, site *html.Site, p *markdown.Page) (rp renderedPage, reused bool, err error) {
	v := view(p)
	defer func() { p.Body, p.Sections, p.Front = nil, nil, nil }() // the markdown is out once rendered
	if r.cache != nil {
		rp.key = r.digests.Of(pageInput{renderer, site, v})
		if files := r.cache.pages[rp.key]; files != nil {
			rp.files = files
			return rp, true, nil
		}
	}
	rp.files, err = r.renderPage(renderer, site, v)
	return rp, false, err
}

// keepPages makes the pages of this build's document units the ones the
// next build can take: those of the units gone go, those of the units
// made come (a unit made again keeps the pages it took from its last).
func (c *cache) keepPages() {
	if c.pages == nil {
		c.pages = map[digest.Digest][]file{}
	}
	for _, u := range c.gone {
		for _, p := range u.rendered {
			delete(c.pages, p.key)
		}
	}
	for _, u := range c.made {
		for _, p := range u.rendered {
			c.pages[p.key] = p.files
		}
	}
	c.made = nil
}
