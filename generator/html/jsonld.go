package html

import (
	"encoding/json"
	"html/template"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// jsonLD describes a clause page in schema.org terms, so search engines and
// citation tools see the clause, the parts it belongs to and the document.
// It returns "" for other pages. lang is the documents' language, which
// the text it gives is in.
func jsonLD(base siteurl.Base, lang string) func(p *markdown.Page) template.JS {
	return func(p *markdown.Page) template.JS {
		if p.Block == nil {
			return ""
		}
		d := p.Document
		document := map[string]any{
			"@type":         "CreativeWork",
			"name":          d.Title,
			"alternateName": d.TitleEn,
			"datePublished": d.Date,
			"inLanguage":    lang,
			"url":           base.Abs(markdown.DocumentPath(d)),
		}
		if d.Publisher != "" {
			document["publisher"] = map[string]any{"@type": "Organization", "name": d.Publisher}
		}
		if len(d.Parties) > 0 {
			document["author"] = organizations(d.Parties)
		}
		node := clause(base, lang, d, p.Block, document)
		node["@context"] = "https://schema.org"
		data, err := json.Marshal(node) // escapes <, > and & so the script cannot end early
		if err != nil {
			return ""
		}
		return template.JS(data)
	}
}

// clause describes a block as part of its parent blocks, then of the document.
func clause(base siteurl.Base, lang string, d *structure.Document, b *structure.Block, document map[string]any) map[string]any {
	node := map[string]any{
		"@type":      "CreativeWork",
		"name":       markdown.ClauseTitle(d, b),
		"position":   b.Label,
		"text":       b.Text(),
		"inLanguage": lang,
		"url":        base.Abs(markdown.BlockPath(d, b)),
		"isPartOf":   document,
	}
	if b.Parent != nil {
		node["isPartOf"] = clause(base, lang, d, b.Parent, document)
		delete(node["isPartOf"].(map[string]any), "text")
	}
	return node
}

func organizations(names []string) []map[string]any {
	var orgs []map[string]any
	for _, n := range names {
		orgs = append(orgs, map[string]any{"@type": "Organization", "name": n})
	}
	return orgs
}
