package ocrimport

import (
	"strings"
	"unicode/utf8"
)

// closingMarks may follow the punctuation that ends a sentence: 。” 。） 。》.
const closingMarks = "”’」』》〉）〕】\"')]"

// sentenceEnds end a sentence, hence possibly a paragraph.
const sentenceEnds = "。！？；.!?;"

// colons end a lead-in such as 双方同意：, often followed by numbered items.
const colons = "：:"

// lastRuneBeforeClosers returns the last rune of s, skipping closing quotes
// and brackets, or utf8.RuneError if there is none.
func lastRuneBeforeClosers(s string) rune {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(closingMarks, r) {
			return r
		}
		s = s[:len(s)-size]
	}
	return utf8.RuneError
}

// endsSentence reports whether s ends with 。！？； (or their ASCII forms),
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	return strings.ContainsRune(sentenceEnds, lastRuneBeforeClosers(s))
}

// endsWithColon reports whether s ends with a colon.
func endsWithColon(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(colons, r)
}

// clausePunctuation separates clauses or sentences; a heading contains none
// of it after its marker.
const clausePunctuation = "，。；：！？,;:!?"

// hasClausePunctuation reports whether s contains clause punctuation.
func hasClausePunctuation(s string) bool {
	return strings.ContainsAny(s, clausePunctuation)
}
