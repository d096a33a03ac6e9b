package markdown

import (
	"regexp"
	"strings"
)

// inlineSpecial are the ASCII characters that can start markdown syntax
// anywhere in a line: emphasis, code, links, raw HTML, entities, hard breaks,
// and the braces of attribute lists.
const inlineSpecial = "\\`*_[]<>&{}!#=|"

var orderedListStart = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// Escape makes one line of published text safe to embed in markdown: goldmark
// renders it back as exactly the same characters. Text must not contain a newline.
func Escape(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	if m := orderedListStart.FindString(text); m != "" {
		// "1." or "1)" at the start of a line would begin a list.
		b.WriteString(m[:len(m)-1])
		b.WriteByte('\\')
		b.WriteByte(m[len(m)-1])
		text = text[len(m):]
	} else if text != "" && strings.ContainsRune("-+|~:", rune(text[0])) {
		// A list item, a thematic break or setext underline at the start of a line.
		b.WriteByte('\\')
		b.WriteByte(text[0])
		text = text[1:]
	}
	b.WriteString(escapeInline(text))
	return b.String()
}

// escapeInline escapes text that does not start a line.
func escapeInline(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if strings.IndexByte(inlineSpecial, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// attrValue quotes a value for an attribute list: {#id data-label="…"}.
func attrValue(v string) string { return `"` + attrEscaper.Replace(v) + `"` }

// attrEscaper escapes what ends or breaks an attribute value; made once,
// since a Replacer builds its tables on first use.
var attrEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ")
