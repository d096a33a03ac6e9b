package html

import (
	"html/template"
	"strings"

	"statements/generator/export"
	"statements/generator/i18n"
	"statements/generator/markdown"
	"statements/generator/structure"
)

// funcs are the functions layouts may call, in the pages' edition; inline
// renders a line of markdown wording.
func funcs(opts Options, inline func(string) (template.HTML, error)) template.FuncMap {
	base, w := opts.Base, opts.Words
	l := languages{edition: w.Lang != opts.TextLang, text: opts.TextLang}
	return template.FuncMap{
		// pair is a text given in the documents' language and in English,
		// in the pages' language first and the other after it in brackets,
		// marked with its language: 新华社北京…电 (Xinhua, Beijing, …).
		"pair": l.pair,
		// pick is such a text in the pages' language alone, or the other,
		// marked, where there is none.
		"pick": l.pick,
		// choose is pick as plain text, for wording that is filled in
		// with it: {{sub .Words.Document.Publisher "publisher" (choose …)}}.
		"choose": l.choose,
		// quoted marks the runs of the documents' language in a text in
		// another language (an English citation names the Chinese title).
		"quoted": l.quoted,
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
		"charCount": markdown.CharCount,
		// partyPath and yearPath are the site paths of a party's and a
		// document's year's pages.
		"partyPath": markdown.PartyPath,
		"yearPath":  func(d *structure.Document) string { return markdown.YearPath(d.Date[:4]) },
		// dataPath and xmlPath are the site paths of a document's JSON and Akoma Ntoso XML.
		"dataPath": export.DataPath,
		"xmlPath":  export.XMLPath,
		// jsonLD is the schema.org description of a document or clause page.
		"jsonLD": jsonLD(base, opts.TextLang),
	}
}

// languages are what the text helpers need to know of an edition.
type languages struct {
	edition bool   // the pages are in another language than the documents
	text    string // the documents' language
}

func (l languages) pair(zh, en string) template.HTML {
	first, second, lang := zh, en, "en"
	if l.edition && en != "" {
		first, second, lang = en, zh, l.text
	}
	out := l.foreign(first)
	if second != "" {
		inner := template.HTML(template.HTMLEscapeString(second))
		if !l.edition {
			inner = l.quoted(second)
		}
		out += template.HTML(` <span lang="`+template.HTMLEscapeString(lang)+`">(`) + inner + ")</span>"
	}
	return out
}

func (l languages) pick(zh, en string) template.HTML {
	if l.edition && en != "" {
		return template.HTML(template.HTMLEscapeString(en))
	}
	return l.foreign(zh)
}

// foreign is a text in the pages' language, with the runs of the
// documents' language marked on an edition's pages.
func (l languages) foreign(text string) template.HTML {
	if !l.edition {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return l.quoted(text)
}

// quoted is a text in another language than the documents', with the runs
// of theirs marked as such.
func (l languages) quoted(text string) template.HTML {
	var b strings.Builder
	pos := 0
	for _, m := range chineseRun.FindAllStringIndex(text, -1) {
		b.WriteString(template.HTMLEscapeString(text[pos:m[0]]))
		b.WriteString(`<span lang="` + template.HTMLEscapeString(l.text) + `">` + template.HTMLEscapeString(text[m[0]:m[1]]) + `</span>`)
		pos = m[1]
	}
	b.WriteString(template.HTMLEscapeString(text[pos:]))
	return template.HTML(b.String())
}

func (l languages) choose(zh, en string) string {
	if l.edition && en != "" {
		return en
	}
	return zh
}
