package structure

import (
	"fmt"

	"statements/generator/grammar"
)

// segment is the main text or one attachment, as ranges of lines.
type segment struct {
	start, end int   // the segment is lines[start:end]
	head       []int // an attachment's mark, title and notes
	preface    []int // the main text's header lines
	toc        []int // a printed table of contents
	body       int   // the clauses (and the preamble) are lines[body:closing]
	closing    int   // closing matter is lines[closing:end]
}

// segments cuts a document into its main text and its attachments, and
// each into its parts. An attachment starts at a line 附件 or 附件N, or
// after closing matter (a signature, date or dateline) that is followed by
// an attachment mark or by a title.
func segments(lines []line, file string) ([]segment, []error) {
	var segs []segment
	var warnings []error
	for s := 0; s < len(lines); {
		seg, warning := nextSegment(lines, s, len(segs) > 0, file)
		if warning != nil {
			warnings = append(warnings, warning)
		}
		segs = append(segs, seg)
		s = seg.end
	}
	for i := range segs {
		if w := segs[i].parts(lines, i > 0, file); w != nil {
			warnings = append(warnings, w)
		}
	}
	return segs, warnings
}

// nextSegment finds where the segment that starts at s ends, and its closing matter.
func nextSegment(lines []line, s int, attachment bool, file string) (segment, error) {
	n := len(lines)
	seg := segment{start: s, end: n, closing: n}
	var warning error
	for j := s + 1; j < n; j++ {
		l := lines[j]
		if l.bareMark() || l.listMark() && j+1 < n && grammar.NormalizeHeading(l.title) == grammar.NormalizeHeading(lines[j+1].Text) {
			seg.end, seg.closing = j, closingBefore(lines, s+1, j)
			break
		}
		if !l.anchor() {
			continue
		}
		a := closingBefore(lines, s+1, j+1)
		if !hasClauses(lines[s:a]) {
			continue // a date or dateline among the header lines
		}
		e := j
		for e+1 < n && lines[e+1].closingAfter() {
			e++
		}
		if e+1 == n || restIsClosing(lines, e+1) {
			seg.closing = a
			break
		}
		if startsAttachment(lines, e+1) {
			seg.end, seg.closing = e+1, a
			break
		}
		j = e
	}
	if seg.end == n && seg.closing == n {
		// No date or dateline: signature lines or notes ending the document.
		seg.closing = closingBefore(lines, s+1, n)
		if seg.closing < n && !lines[seg.closing].ClosingStarts && !unmistakable(lines[seg.closing:n]) {
			warning = &Error{File: file, Line: lines[seg.closing].Line, Msg: fmt.Sprintf(
				"took the last %d line(s) from here for the signature, though no date follows them; if they are text, end the file with a line %s", n-seg.closing, ClosingDirective)}
		}
	}
	for j := s; j < seg.end; j++ {
		if lines[j].ClosingStarts {
			seg.closing = j
		}
	}
	if seg.end == n && lines[n-1].NoClosingAfter {
		seg.closing, warning = n, nil
	}
	return seg, warning
}

// closingBefore is where the closing matter that ends just before end
// starts: the run of signature lines, notes, dates and attachment lists
// before it, not before min.
func closingBefore(lines []line, min, end int) int {
	a := end
	for a > min {
		prev := lines[a-1]
		switch {
		case prev.closingBefore() || prev.listMark():
		case prev.numbered && prev.heading:
			// 2.… under 附件：1.…, the attachments listed before the signature.
			k := a - 1
			for k > min && lines[k].numbered && lines[k].heading {
				k--
			}
			if !lines[k].listMark() {
				return a
			}
			a = k + 1
		default:
			return a
		}
		a--
	}
	return a
}

// restIsClosing reports whether every line from k on may close a document:
// a signature block after its date.
func restIsClosing(lines []line, k int) bool {
	for _, l := range lines[k:] {
		if !l.closingBefore() {
			return false
		}
	}
	return true
}

// startsAttachment reports whether the line after closing matter starts an
// attachment: an attachment mark, or a title followed by more than signatures.
func startsAttachment(lines []line, k int) bool {
	l := lines[k]
	if l.kind == grammar.Attachment {
		return true
	}
	if !l.heading || l.numbered || l.kind != grammar.Text {
		return false
	}
	for m := k + 1; m < len(lines) && m <= k+4; m++ {
		if !lines[m].signer {
			return true
		}
	}
	return false
}

// hasClauses reports whether lines hold text that closing matter can close:
// a numbered line, or a paragraph that is neither a title nor an addressee.
func hasClauses(ls []line) bool {
	for _, l := range ls {
		if l.numbered || l.kind == grammar.Text && !l.heading && !grammar.Addressee(l.Text) {
			return true
		}
	}
	return false
}

// unmistakable: closing lines no clause could be: notes, and signatures
// of a title and a name.
func unmistakable(ls []line) bool {
	for _, l := range ls {
		if l.kind != grammar.Note && !l.spaced {
			return false
		}
	}
	return true
}

// maxTitleLines is how many lines an attachment's title may take.
const maxTitleLines = 3

// parts finds a segment's heading (an attachment's), preface (the main
// text's), table of contents and body.
func (seg *segment) parts(lines []line, attachment bool, file string) error {
	i := seg.start
	if attachment {
		if lines[i].kind == grammar.Attachment {
			seg.head = append(seg.head, i)
			i++
		}
		for k := 0; k < maxTitleLines && i < seg.closing && lines[i].heading && !lines[i].numbered; k++ {
			seg.head = append(seg.head, i)
			i++
		}
		for i < seg.closing && lines[i].kind == grammar.Note {
			seg.head = append(seg.head, i)
			i++
		}
		if len(seg.head) == 0 {
			seg.head = append(seg.head, i) // unreachable: an attachment starts with a mark or a title
			i++
		}
	} else {
		for i < seg.closing && inPreface(lines[i]) {
			seg.preface = append(seg.preface, i)
			i++
		}
		if i < seg.closing && grammar.Addressee(lines[i].Text) {
			seg.preface = append(seg.preface, i)
			i++
		}
		if i >= seg.closing && seg.closing > seg.start {
			// Header lines and nothing else: they are the text.
			seg.preface, i = nil, seg.start
		}
	}
	seg.body = i
	if i < seg.closing && lines[i].kind == grammar.TOCHead {
		end, ok := tocEnd(lines, i, seg.closing)
		if !ok {
			seg.toc = []int{i}
			seg.body = i + 1
			return &Error{File: file, Line: lines[i].Line, Msg: "a table of contents whose first entry is not repeated in the text: only this line is taken as its head"}
		}
		for k := i; k < end; k++ {
			seg.toc = append(seg.toc, k)
		}
		seg.body = end
	}
	return nil
}

// inPreface: a header line of a document: a dateline at the top, a
// document number, a note, a date, or a title line.
func inPreface(l line) bool {
	switch l.kind {
	case grammar.Dateline, grammar.DocNumber, grammar.Note, grammar.Date:
		return true
	case grammar.Text:
		return l.heading && !l.numbered
	}
	return false
}

// tocEnd finds where the text after a table of contents starts: at the
// first line that repeats its first entry.
func tocEnd(lines []line, head, limit int) (int, bool) {
	if head+1 >= limit {
		return 0, false
	}
	first := grammar.NormalizeHeading(lines[head+1].Text)
	for j := head + 2; j < limit; j++ {
		if grammar.NormalizeHeading(lines[j].Text) == first {
			return j, true
		}
	}
	return 0, false
}
