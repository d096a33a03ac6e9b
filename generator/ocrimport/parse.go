package ocrimport

import (
	"cmp"
	"fmt"
	"slices"
	"statements/generator/grammar"
	"strings"
)

// Parse reads the raw OCR text of a newspaper page and returns its
// documents in page order, with warnings about every guessed paragraph break
// and every suspicious spot, sorted by line.
//
// It fails, with an error whose text starts with the 1-based line number
// (see LineError), if the text is not valid UTF-8, holds no dateline, has a
// document with an empty body or without a title, or has text after the last
// title that is not a complete document. When it succeeds, no non-space
// character is lost, added, altered or reordered.
func Parse(src []byte) ([]Document, []Warning, error) {
	lines, warnings, err := splitSourceLines(src)
	if err != nil {
		return nil, warnings, err
	}
	sections, splitWarnings, err := splitPage(lines)
	warnings = append(warnings, splitWarnings...)
	if err != nil {
		return nil, sortWarnings(warnings), err
	}
	documents := make([]Document, 0, len(sections))
	for _, section := range sections {
		paragraphs, paragraphWarnings := splitParagraphs(section.body)
		warnings = append(warnings, paragraphWarnings...)
		title := titleOf(section)
		if strings.ContainsAny(title, grammar.SentenceEnds) {
			warnings = append(warnings, Warning{Line: section.title[0].number, Message: fmt.Sprintf(
				"title %q contains sentence punctuation; check that no body text was taken into it", title)})
		}
		documents = append(documents, Document{
			Title:      title,
			TitleLine:  section.title[0].number,
			Paragraphs: paragraphs,
		})
	}
	return documents, sortWarnings(warnings), nil
}

// titleOf rebuilds a title: a vertical title's characters are simply
// concatenated, a horizontal title's lines are joined like a paragraph's.
func titleOf(section pageSection) string {
	texts := make([]string, len(section.title))
	for i, l := range section.title {
		texts[i] = l.text
	}
	if section.vertical {
		return strings.Join(texts, "")
	}
	return joinColumnLines(texts)
}

// sortWarnings orders warnings by line, keeping the order of warnings about
// the same line.
func sortWarnings(warnings []Warning) []Warning {
	slices.SortStableFunc(warnings, func(a, b Warning) int { return cmp.Compare(a.Line, b.Line) })
	return warnings
}
