package ocrimport

import "strings"

// headingBreak decides whether line a, which starts a paragraph, is a
// section heading such as 一、政治领域交流合作, and so a paragraph of its own;
// b is the next line. A heading is numbered, has no clause punctuation after
// its marker and is shorter than an indented full line. ok is false if a is
// not a heading.
func headingBreak(a, b measuredLine) (decision breakDecision, ok bool) {
	if !a.marker {
		return breakDecision{}, false
	}
	rest := a.text[numberingMarkerLen(a.text):]
	if hasClausePunctuation(rest) {
		return breakDecision{}, false
	}
	switch deficit := a.deficit(); {
	case deficit >= clearHeadingDeficit,
		deficit >= headingDeficit && b.startsLikeParagraph():
		return breakDecision{split: true}, true
	case deficit >= headingDeficit:
		return guessedBreak(a.number, "guessed heading: numbered line without punctuation, %s of about %s cells; the next line is not indented",
			cells(a.width), cells(a.column)), true
	case deficit >= possibleHeadingDeficit && b.startsLikeParagraph() && !strings.Contains(rest, "、"):
		// Only a little shorter than an indented full line: no 、 either,
		// which the first line of a long numbered item often has.
		return guessedBreak(a.number, "guessed heading: numbered line without punctuation, %s of about %s cells, followed by an indented line",
			cells(a.width), cells(a.column)), true
	}
	return breakDecision{}, false
}
