package html

import (
	"html/template"

	"statements/generator/cite"
	"statements/generator/markdown"
	"statements/generator/siteurl"
)

// Citation is what the page of a document or of a clause gives to cite it:
// the citations (without a date accessed, which the script adds on
// copying), the Highwire tags, the downloads for reference managers, and
// the templates from which the script cites any block of the page.
type Citation struct {
	En, Zh                 string
	Meta                   []cite.Meta
	Downloads              []cite.Download
	TemplateEn, TemplateZh string // any block's, with {locator}, {url} and {accessed}
	// OwnEn and OwnZh are, on a document's page, En and Zh with {url} and
	// {accessed}, from which the script shows them at the page's address
	// and dated, and copies them; Path is the page's site path. (A clause's
	// page has the templates and its block's locators for that.)
	OwnEn, OwnZh string
	Path         string
}

// citationOf gives a page's citation, or nil for a page of no document.
func citationOf(base siteurl.Base, p *markdown.Page) (*Citation, error) {
	d := p.Document
	if d == nil {
		return nil, nil
	}
	c := &Citation{}
	c.TemplateEn, c.TemplateZh = cite.Template(d)
	w := cite.Document(base, d)
	if p.Block != nil {
		w = cite.Block(base, d, p.Block)
		ds, err := cite.Inline(w, d.Slug+"-"+p.Block.EID)
		if err != nil {
			return nil, err
		}
		c.Downloads = ds
	} else {
		for _, f := range cite.Formats {
			c.Downloads = append(c.Downloads, cite.Download{Format: f.Name, Name: d.Slug + f.Ext, Href: template.URL(base.Path(cite.Path(d, f.Ext)))})
		}
		c.Path = base.Path(markdown.DocumentPath(d))
		slots := w
		slots.URL = cite.URLSlot
		c.OwnEn, c.OwnZh = cite.English(slots, cite.AccessedSlot), cite.Chinese(slots, cite.AccessedSlot)
	}
	c.En, c.Zh = cite.English(w, ""), cite.Chinese(w, "")
	c.Meta = cite.Highwire(w)
	return c, nil
}
