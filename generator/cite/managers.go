package cite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// BibTeX writes works as @misc entries, for BibTeX and biblatex.
func BibTeX(works []Work) []byte {
	var b bytes.Buffer
	for i, w := range works {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "@misc{%s,\n", w.Key)
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(&b, "  %s = {%s},\n", name, value)
			}
		}
		var authors []string
		for _, p := range w.Doc.Parties {
			authors = append(authors, "{"+bibEscape(p)+"}") // a body, not a person: never split into names
		}
		field("author", strings.Join(authors, " and "))
		field("title", bibEscape(w.titleWithLocator()))
		if t, ok := w.date(); ok {
			field("year", t.Format("2006"))
			field("month", fmt.Sprint(int(t.Month())))
			field("date", ChineseDate(t))
		}
		field("publisher", bibEscape(w.Doc.Publisher))
		field("language", "chinese")
		field("note", bibEscape(w.noteEn()))
		field("url", w.URL) // verbatim, as the url field is
		b.WriteString("}\n")
	}
	return b.Bytes()
}

// bibEscape escapes the characters TeX reads as commands in a field.
func bibEscape(s string) string { return texSpecials.Replace(s) }

// texSpecials escapes TeX's special characters (built once: a Replacer is
// safe for concurrent use).
var texSpecials = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

// RIS writes works as RIS records, lines ended by CR LF as the format
// asks. The type is GEN, a generic document, as the other formats say
// (@misc, document): readers take GOVDOC for a report and keep only its
// year.
func RIS(works []Work) []byte {
	var b bytes.Buffer
	tag := func(t, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, oneLine(value))
		}
	}
	for _, w := range works {
		tag("TY", "GEN")
		tag("ID", w.Key)
		for _, p := range w.Doc.Parties {
			tag("AU", p)
		}
		tag("TI", w.titleWithLocator())
		if t, ok := w.date(); ok {
			tag("PY", t.Format("2006"))
			tag("DA", t.Format("2006/01/02/"))
		}
		tag("PB", w.Doc.Publisher)
		tag("LA", "zh")
		tag("UR", w.URL)
		tag("N1", w.noteEn())
		b.WriteString("ER  - \r\n")
	}
	return b.Bytes()
}

// oneLine keeps a value on its RIS line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cslItem is one item of CSL-JSON, the format of citeproc and Zotero.
type cslItem struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Title     string    `json:"title"`
	Author    []cslName `json:"author,omitempty"`
	Issued    *cslDate  `json:"issued,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	Language  string    `json:"language"`
	Section   string    `json:"section,omitempty"`
	URL       string    `json:"URL"`
	Note      string    `json:"note,omitempty"`
}

type cslName struct {
	Literal string `json:"literal"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSL writes works as a CSL-JSON array.
func CSL(works []Work) ([]byte, error) {
	items := make([]cslItem, 0, len(works))
	for _, w := range works {
		it := cslItem{ID: w.Key, Type: "document", Title: w.titleWithLocator(), Publisher: w.Doc.Publisher,
			Language: "zh-CN", Section: w.Locator.Zh, URL: w.URL, Note: w.noteEn()}
		for _, p := range w.Doc.Parties {
			it.Author = append(it.Author, cslName{p})
		}
		if t, ok := w.date(); ok {
			it.Issued = &cslDate{[][]int{{t.Year(), int(t.Month()), t.Day()}}}
		}
		items = append(items, it)
	}
	// An item a line: compact, and still readable and diffable.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteString("[\n")
	for i, it := range items {
		if i > 0 {
			b.WriteString(",\n")
		}
		if err := enc.Encode(it); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}

// Meta is one Highwire Press tag: <meta name="citation_title" content="…">.
type Meta struct{ Name, Content string }

// Highwire gives the tags that Zotero and Google Scholar read from the
// page of a document or of a block.
func Highwire(w Work) []Meta {
	m := []Meta{{"citation_title", w.titleWithLocator()}}
	for _, p := range w.Doc.Parties {
		m = append(m, Meta{"citation_author", p})
	}
	if t, ok := w.date(); ok {
		m = append(m, Meta{"citation_publication_date", t.Format("2006/01/02")}, Meta{"citation_date", t.Format("2006/01/02")})
	}
	if w.Doc.Publisher != "" {
		m = append(m, Meta{"citation_publisher", w.Doc.Publisher})
	}
	m = append(m, Meta{"citation_language", "zh"}, Meta{"citation_public_url", w.URL}, Meta{"citation_fulltext_html_url", w.URL})
	return m
}
