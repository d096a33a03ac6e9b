package grammar

import (
	"strings"
	"unicode"
)

// The forms a party to a document takes: a state, or its government.
const (
	governmentZh = "政府"
	governmentEn = "Government of "
)

// Party is a party as browse pages group documents by it: the state, whether
// a document names it (中华人民共和国, People's Republic of China) or its
// government (中华人民共和国政府, Government of the People's Republic of China).
// zh and en are the names in the front matter's parties and parties_en.
func Party(zh, en string) (name, nameEn, slug string) {
	name = strings.TrimSuffix(strings.TrimSpace(zh), governmentZh)
	if name == "" {
		name = strings.TrimSpace(zh)
	}
	nameEn = strings.TrimSpace(en)
	if rest, ok := strings.CutPrefix(nameEn, governmentEn); ok {
		nameEn = strings.TrimPrefix(rest, "the ")
		if len(nameEn) > 0 {
			nameEn = strings.ToUpper(nameEn[:1]) + nameEn[1:]
		}
	}
	return name, nameEn, slugOf(strings.TrimPrefix(nameEn, "The "))
}

// slugOf makes a path segment of an English name: lower-case ASCII letters
// and digits, words joined by hyphens, apostrophes dropped ("" if none).
func slugOf(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’':
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			gap = false
		default:
			gap = true
		}
	}
	return b.String()
}
