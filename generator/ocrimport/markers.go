package ocrimport

import "statements/generator/grammar"

// numberingMarkerLen returns the length in bytes of the numbering marker
// that starts s, or 0 if s does not start with one. The markers are those
// of the numbering grammar (package grammar), the one table the structure
// stage reads too: 一、 （一） 1. （1） ① 第一条 第一章 …; 2026年, 2.5亿元
// and 一带一路 are not markers.
func numberingMarkerLen(s string) int {
	if m, ok := grammar.Parse(s); ok {
		return len(m.Text)
	}
	return 0
}

// isDigit reports whether r is an ASCII or full-width decimal digit.
func isDigit(r rune) bool { return grammar.IsDigit(r) }

// digitValue returns the value of an ASCII or full-width digit.
func digitValue(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}
