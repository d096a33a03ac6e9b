package ocrimport

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sourceLine is one line of the OCR text.
type sourceLine struct {
	number int    // 1-based line number
	text   string // the line with OCR spaces removed (see cleanLine); "" for a blank line
}

func (l sourceLine) isBlank() bool { return l.text == "" }

// splitSourceLines splits src at "\n" (a "\r" before it, like any other
// whitespace, is removed by cleaning; a final "\n" ends the last line rather
// than starting an empty one), checks that every line is valid UTF-8
// and cleans it. It warns about runes that are invisible or a sign of
// earlier damage, which it keeps.
func splitSourceLines(src []byte) ([]sourceLine, []Warning, error) {
	var lines []sourceLine
	var warnings []Warning
	for number := 1; len(src) > 0; number++ {
		raw, rest, more := bytes.Cut(src, []byte("\n"))
		if !utf8.Valid(raw) {
			return nil, warnings, lineErrorf(number, "invalid UTF-8 at byte %d of the line", invalidUTF8Offset(raw)+1)
		}
		line := string(raw)
		if message := suspiciousRunes(line); message != "" {
			warnings = append(warnings, Warning{Line: number, Message: message})
		}
		text, doubt := cleanLine(line)
		if doubt != "" {
			warnings = append(warnings, Warning{Line: number, Message: doubt})
		}
		lines = append(lines, sourceLine{number: number, text: text})
		if !more {
			break
		}
		src = rest
	}
	return lines, warnings, nil
}

// invalidUTF8Offset returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence.
func invalidUTF8Offset(b []byte) int {
	offset := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			return offset
		}
		offset += size
		b = b[size:]
	}
	return offset
}

// suspiciousRunes describes the runes of line that Parse keeps but a reader
// cannot see or that show earlier damage: U+FFFD REPLACEMENT CHARACTER,
// control and format characters (zero-width spaces, byte order marks,
// direction marks) and private-use characters. It returns "" if there are
// none.
func suspiciousRunes(line string) string {
	var found []string
	seen := map[rune]bool{}
	for _, r := range line {
		if seen[r] || isSpace(r) {
			continue
		}
		if r == utf8.RuneError || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co) {
			seen[r] = true
			found = append(found, fmt.Sprintf("U+%04X", r))
		}
	}
	if len(found) == 0 {
		return ""
	}
	return fmt.Sprintf("line contains invisible or replacement characters %s; they are kept, check them against the page", strings.Join(found, " "))
}
