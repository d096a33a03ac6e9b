package ocrimport

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"statements/generator/grammar"
)

// ParseText reads one document as editors have it when it does not come
// from a newspaper page: text copied from a web page or a word processor.
// Each line is a paragraph, indented or not (tabs, U+3000, NBSP); a line
// that holds a whole text, its paragraphs separated by runs of ideographic
// spaces, is split at them. A letter-spaced line (国 家 粮 食) loses its
// spaces; other lines keep the spaces inside them (国务院总理　李强). A
// leading byte order mark is dropped.
//
// The title is the run of lines on top that read as a title (no sentence
// punctuation, not a document number, date, dateline or addressee), joined;
// given title (the -title flag) is used instead, and then no line is taken.
// The Document's TitleLine is 0 when the title was given.
//
// Like Parse, it never adds, drops, alters or reorders a non-space
// character: the title taken from the text and the paragraphs, with all
// whitespace removed, equal the input with all whitespace removed. It fails,
// with a LineError, on invalid UTF-8, on a control character a content file
// cannot hold, and when there is no title or no text.
func ParseText(src []byte, title string) (Document, []Warning, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	paragraphs, warnings, err := textParagraphs(src)
	if err != nil {
		return Document{}, warnings, err
	}
	if len(paragraphs) == 0 {
		return Document{}, warnings, lineErrorf(1, "the text is empty")
	}
	doc := Document{Title: title}
	if title == "" {
		n := 0
		for n < len(paragraphs) && n < maxTitleLines && readsAsTitle(paragraphs[n].Text) {
			n++
		}
		if n == 0 {
			return Document{}, warnings, lineErrorf(paragraphs[0].Line, "no title on top: %q reads as text; give the title with -title", excerpt(paragraphs[0].Text))
		}
		texts := make([]string, n)
		for i, p := range paragraphs[:n] {
			texts[i] = p.Text
		}
		doc.Title, doc.TitleLine = joinColumnLines(texts), paragraphs[0].Line
		if n > 1 {
			warnings = append(warnings, Warning{Line: paragraphs[0].Line, Message: fmt.Sprintf("title joined from %d lines: %s; check it", n, doc.Title)})
		}
		if n < len(paragraphs) && grammar.Classify(paragraphs[n].Text) == grammar.DocNumber && strings.HasPrefix(paragraphs[n].Text, "第") {
			warnings = append(warnings, Warning{Line: paragraphs[0].Line, Message: fmt.Sprintf(
				"the title %q is followed by an order number: it may be the issuing organ's heading; give the title with -title and keep it", doc.Title)})
		}
		paragraphs = paragraphs[n:]
	}
	if len(paragraphs) == 0 {
		return Document{}, warnings, lineErrorf(doc.TitleLine, "the text has a title and nothing else")
	}
	doc.Paragraphs = paragraphs
	return doc, warnings, nil
}

// maxTitleLines is how many lines on top a title may take.
const maxTitleLines = 4

// maxTitle is the longest a title line may be, in characters.
const maxTitle = 80

// readsAsTitle: a line on top that can be (part of) the title.
func readsAsTitle(text string) bool {
	if _, numbered := grammar.Parse(text); numbered || grammar.Classify(text) != grammar.Text || grammar.StartsWithDateline(text) || grammar.StartsWithDate(text) {
		return false
	}
	return utf8.RuneCountInString(text) <= maxTitle && !strings.ContainsAny(text, "。！？；!?;") &&
		!grammar.EndsWithColon(text) && !grammar.Addressee(text)
}

// textParagraphs splits a text into paragraphs, one per non-blank line,
// and a line holding a whole text at its runs of ideographic spaces.
func textParagraphs(src []byte) ([]Paragraph, []Warning, error) {
	var paragraphs []Paragraph
	var warnings []Warning
	for number := 1; len(src) > 0; number++ {
		raw, rest, more := bytes.Cut(src, []byte("\n"))
		src = rest
		if !utf8.Valid(raw) {
			return nil, warnings, lineErrorf(number, "invalid UTF-8 at byte %d of the line", invalidUTF8Offset(raw)+1)
		}
		// Other line breaks (old Mac CR, form feed, U+2028…) break paragraphs too.
		for _, brk := range strings.FieldsFunc(string(raw), isLineBreak) {
			ps, err := lineParagraphs(brk, number, &warnings)
			if err != nil {
				return nil, warnings, err
			}
			paragraphs = append(paragraphs, ps...)
		}
		if !more {
			break
		}
	}
	return paragraphs, warnings, nil
}

// isLineBreak: a rune that ends a line, other than "\n".
func isLineBreak(r rune) bool {
	switch r {
	case '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// lineParagraphs gives the paragraphs of one line of the text.
func lineParagraphs(line string, number int, warnings *[]Warning) ([]Paragraph, error) {
	for _, r := range line {
		if unicode.IsControl(r) && !unicode.IsSpace(r) || r == '\uFEFF' {
			return nil, lineErrorf(number, "control character %U, which a content file cannot hold; remove it", r)
		}
	}
	if message := suspiciousRunes(line); message != "" {
		*warnings = append(*warnings, Warning{Line: number, Message: message})
	}
	var paragraphs []Paragraph
	for _, piece := range splitRunOn(line) {
		text := strings.TrimFunc(piece, unicode.IsSpace)
		if isLetterSpaced(text) {
			text = removeSpace(text)
		}
		if strings.HasPrefix(text, "<!--") {
			return nil, lineErrorf(number, "a paragraph starting with <!-- would be read as a directive of the content file; change the text")
		}
		if text != "" {
			paragraphs = append(paragraphs, Paragraph{Text: text, Line: number})
		}
	}
	return paragraphs, nil
}

// runOnLength is how long a line must be, in characters, to be taken for a
// whole text on one line.
const runOnLength = 200

// splitRunOn cuts a line that holds several paragraphs, each indented by
// two or more ideographic spaces (or tabs), at those indents.
func splitRunOn(line string) []string {
	if utf8.RuneCountInString(line) < runOnLength {
		return []string{line}
	}
	var pieces []string
	start, run, runStart := 0, 0, 0
	for i, r := range line {
		if r == '\u3000' || r == '\t' {
			if run == 0 {
				runStart = i
			}
			run++
			continue
		}
		if run >= 2 && strings.TrimSpace(line[start:runStart]) != "" {
			pieces = append(pieces, line[start:runStart])
			start = runStart
		}
		run = 0
	}
	pieces = append(pieces, line[start:])
	if len(pieces) < 3 {
		return []string{line}
	}
	return pieces
}

// excerpt is the start of a long text, for messages.
func excerpt(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// looksLikeNewspaperPage reports whether src is the OCR of a newspaper page
// (see Parse) rather than a text of one document: short column lines, and
// a bracketed dateline with a title printed after it.
func looksLikeNewspaperPage(src []byte) bool {
	lines, _, err := splitSourceLines(src)
	if err != nil {
		return false
	}
	var widths []float64
	titled := false
	for i, l := range lines {
		if l.isBlank() {
			continue
		}
		widths = append(widths, lineWidth(l.text))
		if isDateline(l.text) && firstNonBlank(lines, i+1) < len(lines) {
			titled = true
		}
	}
	if !titled || len(widths) == 0 {
		return false
	}
	short := 0
	for _, w := range widths {
		if w <= maxColumnCells {
			short++
		}
	}
	return short*2 > len(widths)
}

// maxColumnCells is the widest a newspaper column line is, in cells.
const maxColumnCells = 24
