package ocrimport

import (
	"strings"
	"unicode/utf8"
)

// chineseNumerals are the digits of Chinese item numbers: 一 … 十, 二十一, 一百.
const chineseNumerals = "一二三四五六七八九十百零〇"

// maxMarkerDigits bounds the number part of a marker, so that years such as
// 2025. or long Chinese numbers are not taken for item numbers.
const maxMarkerDigits = 3

// numberingMarkerLen returns the length in bytes of the numbering marker
// that starts s, or 0 if s does not start with one. Markers are
//
//	一、 … 二十一、     Chinese numeral and 、
//	（一） (一)         Chinese numeral in brackets
//	1. 1． 1、         Arabic number and a full stop or 、, followed by a
//	                   non-digit (so 2.5亿 is not a marker)
//	（1） (1)           Arabic number in brackets
//
// Arabic numbers may use ASCII or full-width digits. 2026年 and 2025年至 are
// not markers.
func numberingMarkerLen(s string) int {
	if n := chineseNumberLen(s); n > 0 {
		if strings.HasPrefix(s[n:], "、") {
			return n + len("、")
		}
		return 0
	}
	if n := arabicNumberLen(s); n > 0 {
		rest := s[n:]
		for _, stop := range []string{".", "．", "、"} {
			if strings.HasPrefix(rest, stop) {
				next, _ := utf8.DecodeRuneInString(rest[len(stop):])
				if isDigit(next) {
					return 0
				}
				return n + len(stop)
			}
		}
		return 0
	}
	return bracketedNumberLen(s)
}

// bracketedNumberLen matches （一） (一) （1） (1) at the start of s; full-width
// and ASCII brackets may be mixed, as OCR mixes them.
func bracketedNumberLen(s string) int {
	open := bracketPrefixLen(s, "（", "(")
	if open == 0 {
		return 0
	}
	inner := s[open:]
	n := chineseNumberLen(inner)
	if n == 0 {
		n = arabicNumberLen(inner)
	}
	if n == 0 {
		return 0
	}
	closing := bracketPrefixLen(inner[n:], "）", ")")
	if closing == 0 {
		return 0
	}
	return open + n + closing
}

// bracketPrefixLen returns the length of whichever of the brackets starts s,
// or 0.
func bracketPrefixLen(s string, brackets ...string) int {
	for _, b := range brackets {
		if strings.HasPrefix(s, b) {
			return len(b)
		}
	}
	return 0
}

// chineseNumberLen returns the byte length of the run of Chinese numerals
// that starts s (at most a few of them), or 0.
func chineseNumberLen(s string) int {
	n, count := 0, 0
	for _, r := range s {
		if !strings.ContainsRune(chineseNumerals, r) {
			break
		}
		count++
		if count > 2*maxMarkerDigits {
			return 0
		}
		n += utf8.RuneLen(r)
	}
	return n
}

// arabicNumberLen returns the byte length of the run of ASCII or full-width
// digits that starts s, or 0 if there is none or it is too long for an
// item number.
func arabicNumberLen(s string) int {
	n, count := 0, 0
	for _, r := range s {
		if !isDigit(r) {
			break
		}
		count++
		if count > maxMarkerDigits {
			return 0
		}
		n += utf8.RuneLen(r)
	}
	return n
}

// isDigit reports whether r is an ASCII or full-width decimal digit.
func isDigit(r rune) bool {
	return ('0' <= r && r <= '9') || ('０' <= r && r <= '９')
}

// digitValue returns the value of an ASCII or full-width digit.
func digitValue(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}
