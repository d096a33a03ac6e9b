package structure

import (
	"statements/generator/grammar"
	"statements/generator/load"
)

// line is a paragraph with what its form says.
type line struct {
	load.Paragraph
	kind     grammar.LineKind
	marker   grammar.Marker
	numbered bool
	heading  bool   // reads as a heading (after its number, if numbered)
	signer   bool   // has the form of a signature line
	spaced   bool   // a title and a name separated by spaces
	title    string // of an attachment mark 附件：title; "" for 附件, 附件2
}

func readLines(ps []load.Paragraph) []line {
	lines := make([]line, len(ps))
	for i, p := range ps {
		l := line{Paragraph: p, kind: grammar.Classify(p.Text)}
		if l.kind == grammar.Attachment {
			_, l.title, _ = grammar.AttachmentMark(p.Text)
		}
		l.marker, l.numbered = grammar.Parse(p.Text)
		if l.numbered {
			l.heading = grammar.ReadsAsHeading(l.marker.Rest(p.Text))
		} else {
			l.heading = grammar.ReadsAsHeading(p.Text) && l.kind == grammar.Text
			if l.kind == grammar.Text {
				l.signer, l.spaced = grammar.SignerForm(p.Text)
			}
		}
		lines[i] = l
	}
	return lines
}

// anchor: a line that only closing matter has: a date, a place and date, a dateline.
func (l line) anchor() bool {
	return l.kind == grammar.Date || l.kind == grammar.PlaceDate || l.kind == grammar.Dateline
}

// closing: a line closing matter may have after its anchor.
func (l line) closingAfter() bool {
	return l.anchor() || l.kind == grammar.Note || l.spaced
}

// closingBefore: a line closing matter may have before its anchor: a signer, a note.
func (l line) closingBefore() bool {
	return l.anchor() || l.kind == grammar.Note || l.signer
}

// bareMark: 附件 or 附件2 on its own line, which always starts an attachment.
func (l line) bareMark() bool { return l.kind == grammar.Attachment && l.title == "" }

// listMark: 附件：title, which lists an attachment before the signature,
// or starts it after the closing.
func (l line) listMark() bool { return l.kind == grammar.Attachment && l.title != "" }

// role is what a line of a preface or closing is.
func (l line) role() string {
	switch {
	case l.kind == grammar.PlaceDate:
		return string(grammar.Date)
	case l.kind == grammar.Attachment, l.numbered:
		return RoleAttachments
	case l.kind != grammar.Text:
		return string(l.kind)
	case l.signer:
		return RoleSigner
	}
	return RoleRemark
}
