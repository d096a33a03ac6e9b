package html

import (
	"html/template"
	"strings"

	"statements/generator/export"
	"statements/generator/i18n"
	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// funcs are the functions layouts may call; w is the site's wording, and
// inline renders a line of markdown wording.
func funcs(base siteurl.Base, w *i18n.Strings, inline func(string) (template.HTML, error)) template.FuncMap {
	return template.FuncMap{
		// sub fills a wording's placeholders: {{sub .Words.Clause.Prev "label" .Label}}.
		"sub": i18n.Sub,
		// md renders wording written in markdown, its links included.
		"md": inline,
		// date writes an ISO date the language's way: 2025年9月4日.
		"date": w.Date,
		// count picks the wording for a number: {{count .Words.Document.Chars 3}}.
		"count": func(c i18n.Count, n int) string { return c.Of(n) },
		// stringsPath is the site path of the scripts' wording in a language.
		"stringsPath": i18n.ScriptPath,
		// url is the link to a site path: {{url "/"}}.
		"url": base.Path,
		// abs is the absolute URL of a site path, for canonical links and citations.
		"abs": base.Abs,
		// docPath and blockPath are the site paths of a document and of a block's page.
		"docPath":   markdown.DocumentPath,
		"blockPath": markdown.BlockPath,
		// inContext is the site path of a block inside its document.
		"inContext": markdown.InContext,
		// tocBlocks lists the blocks a document's table of contents shows:
		// attachments, headings and the numbered clauses right under them
		// (or at the top), not the items within clauses.
		"tocBlocks": func(d *structure.Document) []*structure.Block {
			var bs []*structure.Block
			for _, b := range d.Blocks {
				if b.Kind == structure.Attachment || b.Numbered() && (b.Heading || b.Parent == nil || b.Parent.Heading) {
					bs = append(bs, b)
				}
			}
			return bs
		},
		// tocText is how the table of contents names a heading: its line, or
		// an attachment's mark and title.
		"tocText": tocText,
		// partLine is how a clause's page names a block it is part of: a
		// heading's line or an attachment's title, else its number and
		// first words.
		"partLine":  partLine,
		"charCount": markdown.CharCount,
		// partyPath and yearPath are the site paths of a party's and a
		// document's year's pages.
		"partyPath": markdown.PartyPath,
		"yearPath":  func(d *structure.Document) string { return markdown.YearPath(d.Date[:4]) },
		// dataPath and xmlPath are the site paths of a document's JSON and Akoma Ntoso XML.
		"dataPath": export.DataPath,
		"xmlPath":  export.XMLPath,
		// jsonLD is the schema.org description of a document or clause page.
		"jsonLD": jsonLD(base),
	}
}

// tocText is a heading's line, or an attachment's label and title lines.
func partLine(b *structure.Block) string {
	if b.Heading || b.Kind == structure.Attachment {
		return tocText(b)
	}
	return b.Label + " " + markdown.Excerpt(markdown.WithoutMarker(b), 30)
}

func tocText(b *structure.Block) string {
	if b.Kind != structure.Attachment {
		return b.Paragraphs[0].Text
	}
	parts := []string{b.Label}
	for _, p := range b.Paragraphs {
		if p.Role == structure.RoleTitle {
			parts = append(parts, p.Text)
		}
	}
	return strings.Join(parts, " ")
}
