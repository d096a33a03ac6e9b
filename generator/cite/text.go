package cite

import (
	"fmt"
	"strings"
)

// English is the citation for an English text; accessed is the date the
// reader accessed the page ("" for none).
func English(w Work, accessed string) string {
	var parts []string
	if ps := joinEnglish(w.partiesEn()); ps != "" {
		parts = append(parts, ps)
	}
	if w.Doc.TitleEn != "" {
		parts = append(parts, fmt.Sprintf("“%s”", w.Doc.TitleEn))
	}
	parts = append(parts, w.Doc.Title+" [in Chinese]")
	publisher := w.Doc.PublisherEn
	if publisher == "" {
		publisher = w.Doc.Publisher
	}
	if publisher != "" {
		parts = append(parts, publisher)
	}
	if t, ok := w.date(); ok {
		parts = append(parts, EnglishDate(t))
	}
	if w.Locator.En != "" {
		parts = append(parts, w.Locator.En)
	}
	parts = append(parts, w.URL)
	s := strings.Join(parts, ", ")
	if accessed != "" {
		s += " (accessed " + accessed + ")"
	}
	return s + "."
}

// Chinese is the citation in the form of GB/T 7714-2015 for an electronic
// resource; accessed is the date cited (引用日期), "" for none.
func Chinese(w Work, accessed string) string {
	var b strings.Builder
	if len(w.Doc.Parties) > 0 {
		b.WriteString(strings.Join(w.Doc.Parties, ", "))
		b.WriteString(". ")
	}
	b.WriteString(w.Doc.Title)
	if w.Locator.Zh != "" {
		b.WriteString(": " + w.Locator.Zh)
	}
	b.WriteString("[EB/OL]. ")
	if t, ok := w.date(); ok {
		b.WriteString("(" + ChineseDate(t) + ")")
	}
	if accessed != "" {
		b.WriteString("[" + accessed + "]")
	}
	b.WriteString(". " + w.URL + ".")
	return b.String()
}
