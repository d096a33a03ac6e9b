package ocrimport

import (
	"fmt"
	"strings"
	"unicode"
)

// isSpace reports whether r is whitespace the OCR may have inserted: ASCII
// space, tab, CR, U+3000 IDEOGRAPHIC SPACE, NBSP and every other Unicode
// White_Space rune. It is the same set the package's invariant is stated in.
func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}

// letterSpacedShare is the share of the gaps between a line's characters
// that must hold whitespace for the line to count as letter-spaced, as the
// OCR renders justified lines (应 中 共 中 央 总 书 记). Latin prose stays
// far below it.
const letterSpacedShare = 0.75

// cleanLine removes OCR spaces from one source line. A run of whitespace is
// dropped when it starts or ends the line or touches a wide rune on either
// side (建交 65年 → 建交65年, 7. 深化 → 7.深化); between two narrow runes it is
// kept as a single ASCII space (A/RES/2758 (XXVI)), except in a letter-spaced
// line, where it is letter spacing too (2 0 2 5 → 2025).
//
// doubt is "" or says what an editor should check: a letter-spaced line
// whose narrow characters were joined, or a space kept between two digits.
func cleanLine(line string) (text, doubt string) {
	letterSpaced := isLetterSpaced(line)
	var b strings.Builder
	b.Grow(len(line))
	var previous rune
	wrote, pendingSpace, joinedNarrow := false, false, false
	var splitNumber string
	for _, r := range line {
		if isSpace(r) {
			pendingSpace = wrote
			continue
		}
		if pendingSpace && !isWide(previous) && !isWide(r) {
			switch {
			case letterSpaced:
				joinedNarrow = true
			default:
				b.WriteByte(' ')
				if splitNumber == "" && isDigit(previous) && isDigit(r) {
					splitNumber = string(previous) + " " + string(r)
				}
			}
		}
		pendingSpace = false
		b.WriteRune(r)
		previous, wrote = r, true
	}
	switch {
	case joinedNarrow:
		doubt = "letter-spaced line: the spaces between its narrow characters (digits, Latin letters) were removed too; check them against the page"
	case splitNumber != "":
		doubt = fmt.Sprintf("kept the space in %q between two digits; check whether the page splits the number there", splitNumber)
	}
	return b.String(), doubt
}

// isLetterSpaced reports whether at least letterSpacedShare of the gaps
// between the non-space runes of line hold whitespace, in a line of at least
// four of them.
func isLetterSpaced(line string) bool {
	runes, gaps := 0, 0
	pendingSpace := false
	for _, r := range line {
		if isSpace(r) {
			pendingSpace = runes > 0
			continue
		}
		if pendingSpace {
			gaps++
		}
		pendingSpace = false
		runes++
	}
	return runes >= 4 && float64(gaps) >= letterSpacedShare*float64(runes-1)
}

// removeSpace drops every whitespace rune from s.
func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// joinColumnLines joins the cleaned column lines of one paragraph (or of a
// horizontal title). Chinese needs no separator; one space is put back only
// where a line ends with an ASCII letter and the next starts with one, as a
// word broke there.
func joinColumnLines(lines []string) string {
	var b strings.Builder
	for i, line := range lines {
		if i > 0 && endsWithASCIILetter(lines[i-1]) && startsWithASCIILetter(line) {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	return b.String()
}

func isASCIILetter(r rune) bool {
	return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
}

func startsWithASCIILetter(s string) bool {
	return s != "" && isASCIILetter(rune(s[0]))
}

func endsWithASCIILetter(s string) bool {
	return s != "" && isASCIILetter(rune(s[len(s)-1]))
}
