package ocrimport

import "golang.org/x/text/width"

// middleDot is U+00B7 MIDDLE DOT, the separator in transliterated names such
// as 劳尔·卡斯特罗. Chinese typesetting gives it a full cell.
const middleDot = '·'

// isWide reports whether r takes a full cell in Chinese text: East Asian
// Wide, Fullwidth or Ambiguous (CJK ideographs, full-width punctuation, curly
// quotes, ·). Everything else (ASCII letters, digits and punctuation) is
// narrow.
func isWide(r rune) bool {
	if r == middleDot {
		return true
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return true
	}
	return false
}

// lineWidth measures a cleaned line in cells: 1 per wide rune, 0.5 per
// narrow rune. Halves are exact in float64.
func lineWidth(s string) float64 {
	var w float64
	for _, r := range s {
		if isWide(r) {
			w++
		} else {
			w += 0.5
		}
	}
	return w
}
