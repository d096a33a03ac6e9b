package i18n

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Sub fills a wording's placeholders: Sub("全部 {n} 份文件", "n", 3). Its
// args are name, value pairs; a placeholder it is not given stays as it is.
func Sub(wording string, args ...any) string {
	if !strings.Contains(wording, "{") {
		return wording
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(wording, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(wording[open:], '}')
		if end < 0 {
			break
		}
		name := wording[open+1 : open+end]
		b.WriteString(wording[:open])
		if v, ok := lookup(args, name); ok {
			fmt.Fprint(&b, v)
		} else {
			b.WriteString(wording[open : open+end+1])
		}
		wording = wording[open+end+1:]
	}
	b.WriteString(wording)
	return b.String()
}

func lookup(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == name {
			return args[i+1], true
		}
	}
	return nil, false
}

// placeholders lists the names a wording's {placeholders} use.
func placeholders(wording string) []string {
	var names []string
	for {
		open := strings.IndexByte(wording, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(wording[open:], '}')
		if end < 0 {
			return names
		}
		if name := wording[open+1 : open+end]; isName(name) {
			names = append(names, name)
		}
		wording = wording[open+end+1:]
	}
}

// isName tells a placeholder's name (lower case letters and _) from other
// text in braces, such as a markdown attribute {#id}.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}

// Count is wording that holds a number {n}: in a language without
// plurals one string ("{n} 份文件"), in others one for 1 and one for
// every other number ({one: "{n} document", other: "{n} documents"}).
type Count struct{ One, Other string }

// Of is the wording for n.
func (c Count) Of(n int) string {
	if n == 1 {
		return Sub(c.One, "n", n)
	}
	return Sub(c.Other, "n", n)
}

// Date writes an ISO date (2025-09-04) the language's way; a date that is
// not one is written as it is.
func (s *Strings) Date(iso string) string {
	y, m, d, ok := splitDate(iso)
	if !ok {
		return iso
	}
	month := ""
	if len(s.Months) == 12 {
		month = s.Months[m-1]
	}
	return Sub(s.DateFormat, "y", y, "m", m, "d", d, "month", month)
}

// splitDate reads yyyy-mm-dd, or yyyy-mm and yyyy with the day or month
// left out as 0 (a date format written for full dates needs them).
func splitDate(iso string) (y, m, d int, ok bool) {
	parts := strings.Split(iso, "-")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	if n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 {
		return 0, 0, 0, false
	}
	return n[0], n[1], n[2], true
}

// Sort orders items by their names, the way the language orders words:
// Chinese names by pinyin (Collation zh), English ones alphabetically;
// punctuation does not count (“一带一路”… sorts under y).
func Sort[T any](s *Strings, items []T, name func(T) string) {
	c := collate.New(language.Make(s.Collation))
	keys := make(map[string]string, len(items))
	key := func(item T) string {
		n := name(item)
		if k, ok := keys[n]; ok {
			return k
		}
		k := strings.Map(func(r rune) rune {
			if unicode.IsPunct(r) {
				return -1
			}
			return r
		}, n)
		keys[n] = k
		return k
	}
	sort.SliceStable(items, func(i, j int) bool { return c.CompareString(key(items[i]), key(items[j])) < 0 })
}
