package ocrimport

import (
	"fmt"
	"statements/generator/grammar"
	"unicode/utf8"
)

// maxVerticalDigits is the longest run of digits a vertical title may set
// across its column on one line (2025 in （2025－2029年）).
const maxVerticalDigits = 4

const noDatelineMessage = "no dateline found: every document must end with a line like （新华社北京9月4日电）"

// pageSection is one document as laid out on the page: its body lines
// (non-blank, the dateline last) and its title lines.
type pageSection struct {
	body     []sourceLine
	title    []sourceLine // non-blank title lines, in order
	vertical bool         // the title is printed one character per line
}

// splitPage cuts the page into documents. A body runs from just after the
// previous document's title (or from the start of the page) up to and
// including its dateline; the title is the run of lines after the dateline.
// Text after the last title that is not a complete document is an error.
func splitPage(lines []sourceLine) ([]pageSection, []Warning, error) {
	var sections []pageSection
	var warnings []Warning
	next := 0
	for {
		start := firstNonBlank(lines, next)
		if start == len(lines) {
			break
		}
		dateline := nextDateline(lines, start)
		if dateline == len(lines) {
			if len(sections) == 0 {
				return nil, warnings, lineErrorf(lastLineNumber(lines), noDatelineMessage)
			}
			return nil, warnings, lineErrorf(lines[start].number,
				"text after the title at line %d is not a complete document: no dateline follows it",
				sections[len(sections)-1].title[0].number)
		}
		body := nonBlank(lines[start : dateline+1])
		if first, last, ok := verticalRun(body); ok {
			return nil, warnings, lineErrorf(first,
				"lines %d–%d read as a title printed vertically, inside a document's body: the dateline of the document before it is missing; add it, like （新华社北京9月4日电）, before them", first, last)
		}
		if len(body) == 1 {
			return nil, warnings, lineErrorf(lines[dateline].number, "document has an empty body: no text before this dateline")
		}
		section := pageSection{body: body}
		end, titleWarnings, err := takeTitle(lines, dateline, &section)
		if err != nil {
			return nil, warnings, err
		}
		warnings = append(warnings, titleWarnings...)
		sections = append(sections, section)
		next = end
	}
	if len(sections) == 0 {
		return nil, warnings, lineErrorf(lastLineNumber(lines), noDatelineMessage)
	}
	return sections, warnings, nil
}

// takeTitle reads the title that follows the dateline at index dateline into
// section and returns the index just after it. If the first non-blank line
// after the dateline is a single character, the title is vertical (see
// takeVerticalTitle), otherwise horizontal (see takeHorizontalTitle).
func takeTitle(lines []sourceLine, dateline int, section *pageSection) (int, []Warning, error) {
	first := firstNonBlank(lines, dateline+1)
	if first == len(lines) {
		return 0, nil, lineErrorf(lines[dateline].number, "dateline is not followed by a title")
	}
	if isDateline(lines[first].text) {
		return 0, nil, lineErrorf(lines[first].number, "dateline follows the dateline at line %d without a title between them", lines[dateline].number)
	}
	if utf8.RuneCountInString(lines[first].text) == 1 {
		section.vertical = true
		end, warnings := takeVerticalTitle(lines, first, section)
		return end, warnings, nil
	}
	end, err := takeHorizontalTitle(lines, first, section)
	return end, nil, err
}

// takeVerticalTitle takes the run of single-character lines that starts at
// index first, blank lines allowed within it. A line of at most
// maxVerticalDigits digits inside the run is taken too, as vertical text
// sets short numbers across the column, with a warning.
func takeVerticalTitle(lines []sourceLine, first int, section *pageSection) (int, []Warning) {
	var warnings []Warning
	end := first
	for i := first; i < len(lines); i++ {
		line := lines[i]
		runes := utf8.RuneCountInString(line.text)
		switch {
		case line.isBlank():
			continue
		case runes == 1:
		case isDigits(line.text) && runes <= maxVerticalDigits:
			warnings = append(warnings, Warning{Line: line.number, Message: fmt.Sprintf(
				"took %q into the vertical title as a number set across the column; if it starts the next document, the title is too long", line.text)})
		default:
			return end, warnings
		}
		section.title = append(section.title, line)
		end = i + 1
	}
	return end, warnings
}

// takeHorizontalTitle takes the consecutive non-blank lines that start at
// index first, up to the first blank line.
func takeHorizontalTitle(lines []sourceLine, first int, section *pageSection) (int, error) {
	end := first
	for ; end < len(lines) && !lines[end].isBlank(); end++ {
		if isDateline(lines[end].text) {
			return 0, lineErrorf(lines[end].number, "dateline inside the title that starts at line %d", lines[first].number)
		}
		section.title = append(section.title, lines[end])
	}
	return end, nil
}

// isDigits reports whether s is non-empty and all ASCII or full-width digits.
func isDigits(s string) bool {
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return s != ""
}

// firstNonBlank returns the index of the first non-blank line at or after
// from, or len(lines).
func firstNonBlank(lines []sourceLine, from int) int {
	for i := from; i < len(lines); i++ {
		if !lines[i].isBlank() {
			return i
		}
	}
	return len(lines)
}

// nextDateline returns the index of the first dateline at or after from, or
// len(lines).
func nextDateline(lines []sourceLine, from int) int {
	for i := from; i < len(lines); i++ {
		if !lines[i].isBlank() && isDateline(lines[i].text) {
			return i
		}
	}
	return len(lines)
}

// nonBlank returns the non-blank lines of lines.
func nonBlank(lines []sourceLine) []sourceLine {
	var out []sourceLine
	for _, l := range lines {
		if !l.isBlank() {
			out = append(out, l)
		}
	}
	return out
}

func lastLineNumber(lines []sourceLine) int {
	if len(lines) == 0 {
		return 1
	}
	return lines[len(lines)-1].number
}

// isDateline reports whether the line is a bracketed dateline such as
// （新华社北京9月4日电）, which ends a document on a newspaper page.
func isDateline(line string) bool { return grammar.BracketedDateline(line) }

// minVerticalRun is how many single-character lines in a row make a
// vertical title; a body's column lines are a dozen characters or more.
const minVerticalRun = 6

// verticalRun finds, in a body's non-blank lines, a run of single-character
// lines long enough to be a vertical title, which no body has: the title of
// a document whose dateline was lost. It gives the run's first and last
// line numbers.
func verticalRun(body []sourceLine) (first, last int, ok bool) {
	run := 0
	for i, l := range body {
		if utf8.RuneCountInString(l.text) == 1 {
			run++
			continue
		}
		if run >= minVerticalRun {
			return body[i-run].number, body[i-1].number, true
		}
		run = 0
	}
	if run >= minVerticalRun {
		return body[len(body)-run].number, body[len(body)-1].number, true
	}
	return 0, 0, false
}
