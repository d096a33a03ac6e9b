package ocrimport

import "fmt"

// splitParagraphs rebuilds the paragraphs of one document body: body holds
// its non-blank lines, the dateline last. The dateline is always a paragraph
// of its own.
func splitParagraphs(body []sourceLine) ([]Paragraph, []Warning) {
	dateline := body[len(body)-1]
	lines := measure(body[:len(body)-1])
	var paragraphs []Paragraph
	var warnings []Warning
	start := 0
	for i := range lines {
		isLast := i == len(lines)-1
		var brk breakDecision
		if !isLast {
			brk = decideBreak(lines[i], lines[i+1], i == start)
		}
		if brk.warning != "" {
			warnings = append(warnings, Warning{Line: brk.warningLine, Message: brk.warning})
		}
		if !isLast && !brk.split && lines[i].deficit() >= strayShortDeficit {
			warnings = append(warnings, Warning{Line: lines[i].number, Message: fmt.Sprintf(
				"line is %s cells, the column about %s, but does not end its paragraph: joined with the next line; check for lost punctuation or a heading",
				cells(lines[i].width), cells(lines[i].column))})
		}
		if isLast || brk.split {
			paragraphs = append(paragraphs, paragraphOf(lines[start:i+1]))
			start = i + 1
		}
	}
	paragraphs = append(paragraphs, Paragraph{Text: dateline.text, Line: dateline.number})
	return paragraphs, warnings
}

// breakDecision says whether a paragraph ends between two lines, and what an
// editor should check.
type breakDecision struct {
	split       bool
	warning     string // "" if the decision is safe
	warningLine int
}

// guessedBreak is a paragraph break an editor should check at line.
func guessedBreak(line int, format string, args ...any) breakDecision {
	return breakDecision{split: true, warningLine: line, warning: fmt.Sprintf(format, args...)}
}

// decideBreak decides whether a paragraph ends after line a, given the next
// line b. startsParagraph tells whether a is the first line of its
// paragraph. A break is certain when it rests on a numbered next line, on a
// clearly short line or on two signs that agree; a break that rests on one
// weaker sign carries a warning.
func decideBreak(a, b measuredLine, startsParagraph bool) breakDecision {
	if startsParagraph {
		if decision, ok := headingBreak(a, b); ok {
			return decision
		}
	}
	sentence, colon := endsSentence(a.text), endsWithColon(a.text)
	ends := sentence || colon
	switch {
	case b.marker && sentence:
		return breakDecision{split: true}
	case ends && a.deficit() >= clearlyShortDeficit:
		return breakDecision{split: true}
	case ends && a.deficit() >= shortLineDeficit && b.startsLikeParagraph():
		return breakDecision{split: true}
	case ends && a.deficit() >= shortLineDeficit:
		return guessedBreak(b.number, "guessed paragraph break: previous line ends in %s a little short of the column (%s of about %s cells); this line is not indented (%s of about %s cells)",
			string(lastRuneBeforeClosers(a.text)), cells(a.width), cells(a.column), cells(b.width), cells(b.column))
	case b.marker && colon:
		return guessedBreak(b.number, "guessed paragraph break: previous line is full width (%s of about %s cells) and ends in a colon; this line starts a numbered item",
			cells(a.width), cells(a.column))
	case sentence && b.deficit() >= indentDeficit:
		return guessedBreak(b.number, "guessed paragraph break: previous line is full width (%s of about %s cells) and ends in %s; this line looks indented (%s of about %s cells)",
			cells(a.width), cells(a.column), string(lastRuneBeforeClosers(a.text)), cells(b.width), cells(b.column))
	}
	return breakDecision{}
}

// paragraphOf joins the column lines of one paragraph.
func paragraphOf(lines []measuredLine) Paragraph {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	return Paragraph{Text: joinColumnLines(texts), Line: lines[0].number}
}
