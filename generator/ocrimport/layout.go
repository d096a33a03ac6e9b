package ocrimport

import (
	"fmt"
	"slices"
)

// Layout thresholds, in cells (a Chinese character is one cell). A column's
// lines are justified, so every line of a paragraph but the last fills the
// column, and a paragraph's first line is indented by two cells. Widths are
// noisy (the page sets some full-width punctuation in half a cell), so a
// break that rests on a single weak sign is reported as a guess.
const (
	// layoutWindow is how many lines before and after a line are used to
	// estimate the local column width.
	layoutWindow = 3
	// shortLineDeficit: a line this much narrower than the column may not
	// fill it, so it may end its paragraph (if it ends a sentence).
	shortLineDeficit = 1.5
	// clearlyShortDeficit: a line this much narrower than the column does
	// not fill it.
	clearlyShortDeficit = 3
	// indentDeficit: a line this much narrower than the column may be the
	// indented first line of a paragraph.
	indentDeficit = 1.5
	// possibleHeadingDeficit: a numbered line this much narrower than the
	// column may be a heading, if the next line starts a paragraph.
	possibleHeadingDeficit = 3
	// headingDeficit: a numbered line this much narrower than the column is
	// shorter than an indented full line, so it is a heading.
	headingDeficit = 4.5
	// clearHeadingDeficit: a heading this much narrower than the column is
	// one whatever the next line looks like.
	clearHeadingDeficit = 6
	// strayShortDeficit: a line this much narrower than the column that does
	// not end a paragraph is suspicious (lost punctuation or an unnumbered
	// heading); a line this short is also more likely the last line of a
	// paragraph than an indented first line.
	strayShortDeficit = 4.5
)

// measuredLine is a body line with its layout measurements.
type measuredLine struct {
	sourceLine
	width  float64 // see lineWidth
	column float64 // estimated full width of the column around the line
	marker bool    // starts with a numbering marker
}

// deficit is how much narrower than the local column the line is.
func (l measuredLine) deficit() float64 { return l.column - l.width }

// looksIndented reports whether the line is about as wide as the indented
// first line of a paragraph: narrower than the column, but not so short that
// it is more likely the last line of a paragraph.
func (l measuredLine) looksIndented() bool {
	return l.deficit() >= indentDeficit && l.deficit() < strayShortDeficit
}

// startsLikeParagraph reports whether the line looks like the start of a
// paragraph: numbered or indented.
func (l measuredLine) startsLikeParagraph() bool {
	return l.marker || l.looksIndented()
}

// measure computes widths, local column widths and markers for body lines.
//
// The local column width of a line is the second-widest line among it and
// the layoutWindow lines on either side: columns differ between documents
// and between the newspaper columns one document runs through, and the
// widest line is often too wide, as the page sets some full-width
// punctuation in half a cell.
func measure(body []sourceLine) []measuredLine {
	lines := make([]measuredLine, len(body))
	widths := make([]float64, len(body))
	for i, l := range body {
		widths[i] = lineWidth(l.text)
		lines[i] = measuredLine{sourceLine: l, width: widths[i], marker: numberingMarkerLen(l.text) > 0}
	}
	window := make([]float64, 0, 2*layoutWindow+1)
	for i := range lines {
		lo, hi := max(0, i-layoutWindow), min(len(lines), i+layoutWindow+1)
		window = append(window[:0], widths[lo:hi]...)
		slices.Sort(window)
		if len(window) >= 2 {
			lines[i].column = window[len(window)-2]
		} else {
			lines[i].column = window[0]
		}
	}
	return lines
}

// cells formats a width such as 15 or 15.5.
func cells(w float64) string {
	return fmt.Sprintf("%g", w)
}
