package structure

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// marker is a GB/T 9704 number at the start of a paragraph.
type marker struct {
	level int
	num   int
	text  string // as printed, e.g. "二十一、", "（一）", "5.", "（1）"
}

var (
	level1Marker = regexp.MustCompile(`^([〇零一二两三四五六七八九十百千]+)、`)
	level2Marker = regexp.MustCompile(`^[（(]([〇零一二两三四五六七八九十百千]+)[）)]`)
	level3Marker = regexp.MustCompile(`^([0-9]+)[.．]`)
	level4Marker = regexp.MustCompile(`^[（(]([0-9]+)[）)]`)
)

// parseMarker finds the numbering marker a paragraph starts with, if any.
func parseMarker(text string) (marker, bool) {
	if m := level1Marker.FindStringSubmatch(text); m != nil {
		if n, ok := chineseNumber(m[1]); ok {
			return marker{1, n, m[0]}, true
		}
	}
	if m := level2Marker.FindStringSubmatch(text); m != nil {
		if n, ok := chineseNumber(m[1]); ok {
			return marker{2, n, m[0]}, true
		}
	}
	if m := level3Marker.FindStringSubmatch(text); m != nil {
		// "1.5亿" is a decimal, not a number marker.
		next, _ := utf8.DecodeRuneInString(text[len(m[0]):])
		if next < '0' || next > '9' {
			if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
				return marker{3, n, m[0]}, true
			}
		}
	}
	if m := level4Marker.FindStringSubmatch(text); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
			return marker{4, n, m[0]}, true
		}
	}
	return marker{}, false
}

var digitValue = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var unitValue = map[rune]int{'十': 10, '百': 100, '千': 1000}

// chineseNumber parses a Chinese numeral below 10000: 四 → 4, 十一 → 11,
// 二十一 → 21, 一百零五 → 105. It reports false for malformed numerals.
func chineseNumber(s string) (int, bool) {
	total, digit, lastUnit := 0, -1, 10000
	for _, r := range s {
		if d, ok := digitValue[r]; ok {
			if d == 0 {
				continue // 零 only holds a place: 一百零五
			}
			if digit >= 0 {
				return 0, false // two digits in a row: 二三
			}
			digit = d
			continue
		}
		u, ok := unitValue[r]
		if !ok || u >= lastUnit {
			return 0, false
		}
		if digit < 0 {
			if total != 0 || u != 10 {
				return 0, false // 十 may stand alone only at the start: 十一
			}
			digit = 1
		}
		total += digit * u
		digit, lastUnit = -1, u
	}
	if digit > 0 {
		total += digit
	}
	if total == 0 {
		return 0, false
	}
	return total, true
}

// terminalPunctuation ends a sentence; a heading has none.
const terminalPunctuation = "。！？；…：!?;"

// closingPunctuation may follow the terminal punctuation: 。” or 。）.
const closingPunctuation = "”’」』》）)\"'"

// endsSentence reports whether text ends with terminal punctuation.
func endsSentence(text string) bool {
	t := strings.TrimRight(text, closingPunctuation)
	r, _ := utf8.DecodeLastRuneInString(t)
	return r != utf8.RuneError && strings.ContainsRune(terminalPunctuation, r)
}

var datelinePattern = regexp.MustCompile(`^（[^（）]*电）$`)

// IsDateline reports whether a paragraph is a news agency dateline, （新华社北京9月4日电）.
func IsDateline(text string) bool { return datelinePattern.MatchString(text) }
