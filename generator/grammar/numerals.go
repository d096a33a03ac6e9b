package grammar

import "strings"

var digitValue = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var unitValue = map[rune]int{'十': 10, '百': 100, '千': 1000}

// ChineseNumber parses a Chinese numeral below 10000: 四 → 4, 十一 → 11,
// 二十一 → 21, 一百零五 → 105. It reports false for malformed numerals.
func ChineseNumber(s string) (int, bool) {
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

// digitByDigit reads a number written digit by digit, as years are:
// 二〇〇五 → 2005, 2025 → 2025, ２０２５ → 2025.
func digitByDigit(s string) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		d, ok := anyDigit(r)
		if !ok {
			return 0, false
		}
		n = n*10 + d
		count++
	}
	return n, count > 0
}

// anyDigit is the value of an ASCII, full-width or Chinese digit.
func anyDigit(r rune) (int, bool) {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0'), true
	case '０' <= r && r <= '９':
		return int(r - '０'), true
	}
	d, ok := digitValue[r]
	return d, ok && r != '两'
}

// IsDigit reports whether r is an ASCII or full-width decimal digit.
func IsDigit(r rune) bool {
	return ('0' <= r && r <= '9') || ('０' <= r && r <= '９')
}

// arabicNumber reads ASCII or full-width digits.
func arabicNumber(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if !IsDigit(r) {
			return 0, false
		}
		d, _ := anyDigit(r)
		n = n*10 + d
	}
	return n, s != "" && n > 0
}

// readNumber reads a number as 第X条 prints it: Chinese or Arabic.
func readNumber(s string) (int, bool) {
	if n, ok := arabicNumber(s); ok {
		return n, true
	}
	return ChineseNumber(s)
}

// readDateNumber reads a month or a day: 9, 09, 九, 十二, 二十一.
func readDateNumber(s string) (int, bool) {
	if n, ok := arabicNumber(s); ok {
		return n, true
	}
	return ChineseNumber(strings.ReplaceAll(s, "〇", "零"))
}

// circled numbers: ① … ⑳, ㉑ … ㉟, ㊱ … ㊿.
func circledNumber(s string) (int, bool) {
	r := []rune(s)
	if len(r) != 1 {
		return 0, false
	}
	switch c := r[0]; {
	case 0x2460 <= c && c <= 0x2473:
		return int(c-0x2460) + 1, true
	case 0x3251 <= c && c <= 0x325F:
		return int(c-0x3251) + 21, true
	case 0x32B1 <= c && c <= 0x32BF:
		return int(c-0x32B1) + 36, true
	}
	return 0, false
}

// ChineseNumeral writes n (1 to 9999) in Chinese: 2 → 二, 12 → 十二, 21 → 二十一, 105 → 一百零五.
func ChineseNumeral(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	if n <= 0 || n >= 10000 {
		return ""
	}
	if n < 20 && n >= 10 {
		if n == 10 {
			return "十"
		}
		return "十" + string(d[n-10])
	}
	var b strings.Builder
	units := []struct {
		value int
		name  string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	zero := false
	started := false
	for _, u := range units {
		q := n / u.value % 10
		if q == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		b.WriteRune(d[q])
		b.WriteString(u.name)
		started = true
	}
	return b.String()
}
