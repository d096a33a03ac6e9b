package ocrimport

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// A year found in a body counts only in this range, so that numbers such as
// 2758号决议 or 3000个名额 are not taken for years.
const (
	minYear = 1900
	maxYear = 2099
)

// civilDate is a calendar date without time or zone.
type civilDate struct {
	year, month, day int
}

// String formats the date as YYYY-MM-DD.
func (d civilDate) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// valid reports whether the date exists in the Gregorian calendar.
func (d civilDate) valid() bool {
	t := time.Date(d.year, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
	return t.Year() == d.year && int(t.Month()) == d.month && t.Day() == d.day
}

// unitNumber is a run of digits, its value and the rune right after it (0
// at the end of the text).
type unitNumber struct {
	value  int
	digits int
	unit   rune
}

// numbersFollowedBy lists the runs of ASCII or full-width digits in s with
// the rune that follows each. Runs longer than nine digits are skipped.
func numbersFollowedBy(s string) []unitNumber {
	var numbers []unitNumber
	current := unitNumber{}
	for _, r := range s + "\x00" {
		if isDigit(r) {
			current.digits++
			if current.digits <= 9 {
				current.value = current.value*10 + digitValue(r)
			}
			continue
		}
		if current.digits > 0 && current.digits <= 9 {
			current.unit = r
			numbers = append(numbers, current)
		}
		current = unitNumber{}
	}
	return numbers
}

// mostFrequentYear returns the four-digit number from minYear to maxYear that
// occurs most often in texts, and how often. It fails if there is none or if
// two years tie.
func mostFrequentYear(texts []string) (year, count int, err error) {
	counts := map[int]int{}
	for _, text := range texts {
		for _, n := range numbersFollowedBy(text) {
			if n.digits == 4 && minYear <= n.value && n.value <= maxYear {
				counts[n.value]++
			}
		}
	}
	var best []int
	for y, c := range counts {
		switch {
		case c > count:
			best, count = []int{y}, c
		case c == count:
			best = append(best, y)
		}
	}
	switch len(best) {
	case 0:
		return 0, 0, fmt.Errorf("no year from %d to %d in the body", minYear, maxYear)
	case 1:
		return best[0], count, nil
	}
	slices.Sort(best)
	return 0, 0, fmt.Errorf("years %s each occur %d times in the body", strings.Trim(fmt.Sprint(best), "[]"), count)
}
