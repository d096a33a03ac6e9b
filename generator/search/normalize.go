package search

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Blind are the characters a search does not see, in the texts and in the
// query alike: hyphens, dashes and middle dots, which texts and readers
// write in many forms or leave out (迪亚斯-卡内尔, 中国—拉共体, 夏巴兹·谢里夫).
// White space is not seen either. The index gives this list to the browser,
// so both sides drop the same characters.
const Blind = "-\u00ad\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2027\u2043\u2212\u2e3a\u2e3b\u30a0\u30fb\ufe58\ufe63\uff0d\uff65"

// Separator divides the names of one entry (a document's title, short title
// and English title): it is kept by normalisation, and no query contains
// it, so no match spans two names.
const Separator = '\uffff'

// normalizer maps what readers type and what the texts hold to one form:
// each character in Unicode NFKC (full-width and half-width forms as one),
// lower case, traditional characters as the simplified ones the texts use,
// without white space and the Blind characters.
type normalizer struct {
	t2s  map[rune]rune
	once sync.Once
	simp map[rune]bool // the characters t2s maps to
}

// defaultNormalizer is the normalizer of the embedded traditional →
// simplified table.
var defaultNormalizer = sync.OnceValue(func() *normalizer { return &normalizer{t2s: traditionalToSimplified()} })

// Normalize is the form in which the index holds a text and a query is looked up.
func Normalize(s string) []rune { return defaultNormalizer().runes(s) }

// runes normalizes s.
func (n *normalizer) runes(s string) []rune {
	out := make([]rune, 0, len(s)/3+1)
	for _, r := range s {
		switch {
		case r == Separator:
			out = append(out, r)
		case r < utf8.RuneSelf: // ASCII: NFKC leaves it as it is
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if r != '-' && !unicode.IsSpace(r) {
				out = append(out, r)
			}
		case 0x4e00 <= r && r <= 0x9fff: // CJK Unified Ideographs: NFKC and case leave them
			if t, ok := n.t2s[r]; ok {
				r = t
			}
			out = append(out, r)
		default:
			out = n.appendSlow(out, r)
		}
	}
	return out
}

// appendSlow normalizes one character of any kind.
func (n *normalizer) appendSlow(out []rune, r rune) []rune {
	for _, m := range strings.ToLower(norm.NFKC.String(string(r))) {
		if t, ok := n.t2s[m]; ok {
			m = t
		}
		if unicode.IsSpace(m) || strings.ContainsRune(Blind, m) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// NumberKey is the form in which a clause number is looked up: normalized,
// without punctuation, symbols and underscores, so that 一、5, 一 5 and 一5
// are one number, and part_1__para_5 is part1para5.
func NumberKey(s string) string {
	var b strings.Builder
	for _, r := range Normalize(s) {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || r == Separator {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tsCharacters is OpenCC's table of traditional characters and their
// simplified forms (Apache License 2.0; see the file's header).
//
//go:embed tscharacters.txt
var tsCharacters string

// traditionalToSimplified parses tsCharacters: the one-character pairs.
func traditionalToSimplified() map[rune]rune {
	table := map[rune]rune{}
	for _, line := range strings.Split(tsCharacters, "\n") {
		fields := strings.Fields(line)
		if len(fields) != 2 || strings.HasPrefix(line, "#") {
			continue
		}
		trad, simp := []rune(fields[0]), []rune(fields[1])
		if len(trad) == 1 && len(simp) == 1 && trad[0] != simp[0] {
			table[trad[0]] = simp[0]
		}
	}
	return table
}
