package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"statements/generator/annotate"
	"statements/generator/internal/testenv"
	"statements/generator/structure"
)

// TestThemeNoteCounts: what a theme's note counts is what the texts hold.
// A count is, in Chinese, a numeral before 次 (times) or 处 (places) —
// 四次, 两处, not 第二十五次 —, in English once, twice, N times (times) or
// in N places (places). It is about the document its sentence links into
// (or names, by its short title), or, in a sentence that names none, about
// all of them. Times are the occurrences of the theme's terms in the
// document's text; places are the blocks the theme tags there.
func TestThemeNoteCounts(t *testing.T) {
	content, docs := testenv.Structured(t, filepath.Join(repoRoot, "content"))
	notes, err := annotate.Annotate(docs, content.Themes)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, theme := range notes.Themes {
		for _, sentence := range sentences(theme.Body) {
			for _, c := range countsIn(sentence) {
				checked++
				in := sentenceDocuments(sentence, docs)
				var got int
				for _, d := range in {
					if c.places {
						got += len(theme.In(d))
					} else {
						got += occurrences(notes, theme, d)
					}
				}
				if got != c.n {
					unit := "times: occurrences of its terms"
					if c.places {
						unit = "places: blocks it tags"
					}
					t.Errorf("%s: %q says %d %s, but %s has %d\n\tin: %s", theme.File, c.said, c.n, unit, names(in), got, sentence)
				}
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d counts found in the theme notes: is the pattern right?", checked)
	}
}

// count is a number a note states.
type count struct {
	said   string
	n      int
	places bool // places (blocks), not times (occurrences)
}

var (
	chineseCount = regexp.MustCompile(`(第?)([一二两三四五六七八九十]+)([次处])`)
	englishCount = regexp.MustCompile(`\b(?:(once|twice)|(one|two|three|four|five|six|seven|eight|nine|ten) times|in (one|two|three|four|five|six|seven|eight|nine|ten) places)\b`)
	numbers      = map[string]int{"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
		"once": 1, "twice": 2, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
)

// countsIn finds the counts a sentence states.
func countsIn(s string) []count {
	var out []count
	for _, m := range chineseCount.FindAllStringSubmatch(s, -1) {
		if m[1] != "" {
			continue // an ordinal: 第二十五次会议
		}
		n, ok := numbers[m[2]]
		if !ok {
			continue
		}
		out = append(out, count{m[0], n, m[3] == "处"})
	}
	for _, m := range englishCount.FindAllStringSubmatch(s, -1) {
		word := m[1] + m[2] + m[3]
		out = append(out, count{m[0], numbers[word], m[3] != ""})
	}
	return out
}

// sentences splits a note's markdown into sentences: at 。 and at ". "
// before a capital letter.
func sentences(body string) []string {
	var out []string
	for _, para := range strings.Split(body, "\n\n") {
		for _, s := range strings.SplitAfter(para, "。") {
			rest := s
			for {
				i := englishStop.FindStringIndex(rest)
				if i == nil {
					break
				}
				out = append(out, rest[:i[0]+1])
				rest = rest[i[0]+2:]
			}
			if strings.TrimSpace(rest) != "" {
				out = append(out, rest)
			}
		}
	}
	return out
}

var englishStop = regexp.MustCompile(`[.;] [A-Z“]`)

var linkedDocument = regexp.MustCompile(`\]\(/([^/)#]+)/`)

// sentenceDocuments are the documents a sentence links into, or else
// names by short title, or else all of them.
func sentenceDocuments(s string, docs []*structure.Document) []*structure.Document {
	var in []*structure.Document
	for _, d := range docs {
		linked := false
		for _, m := range linkedDocument.FindAllStringSubmatch(s, -1) {
			linked = linked || m[1] == d.Slug
		}
		if linked {
			in = append(in, d)
		}
	}
	if len(in) > 0 {
		return in
	}
	for _, d := range docs {
		if strings.Contains(s, d.Short) || d.ShortEn != "" && strings.Contains(s, d.ShortEn) {
			in = append(in, d)
		}
	}
	if len(in) > 0 {
		return in
	}
	return docs
}

// occurrences counts a theme's terms in a document's text.
func occurrences(notes *annotate.Annotations, theme *annotate.Theme, d *structure.Document) int {
	n := 0
	for _, b := range d.Blocks {
		for _, m := range notes.Matches(b) {
			if m.Theme == theme {
				n++
			}
		}
	}
	return n
}

func names(docs []*structure.Document) string {
	var s []string
	for _, d := range docs {
		s = append(s, d.Short)
	}
	return fmt.Sprint(s)
}

// TestOutsideFactsSourced: a theme note that states a date the documents
// do not (when an initiative was proposed, when a resolution was
// adopted) links, in the same paragraph, to a source outside the site:
// the facts the texts give are sourced by the clauses the note links to,
// the others by their own sources (../shared/facts.md lists them).
func TestOutsideFactsSourced(t *testing.T) {
	content, docs := testenv.Structured(t, filepath.Join(repoRoot, "content"))
	var texts strings.Builder
	for _, d := range docs {
		for _, b := range d.Blocks {
			texts.WriteString(b.Text())
			texts.WriteByte('\n')
		}
	}
	inTexts := texts.String()
	checked := 0
	check := func(file, body string) {
		for _, para := range strings.Split(body, "\n\n") {
			for _, date := range datesIn(para) {
				checked++
				if !inDocuments(inTexts, date) && !linksSource(para) {
					t.Errorf("%s: %s is not in the documents' texts, and its paragraph links to no source:\n\t%s", file, date, para)
				}
			}
		}
	}
	for _, theme := range content.Themes {
		check(theme.File, theme.Body)
	}
	for _, f := range content.Notes {
		for _, n := range f.Notes {
			for _, text := range n.Texts {
				check(fmt.Sprintf("%s:%d", f.File, text.Line), text.Body)
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d dates found in the theme and editors' notes: is the pattern right?", checked)
	}
}

func linksSource(markdown string) bool {
	return strings.Contains(markdown, "](http://") || strings.Contains(markdown, "](https://")
}

// TestEditorsNotesComplete: every editors' note of the site's documents
// is in Chinese and in English, and each text names its source.
func TestEditorsNotesComplete(t *testing.T) {
	content, _ := testenv.Structured(t, filepath.Join(repoRoot, "content"))
	notes := 0
	for _, f := range content.Notes {
		for _, n := range f.Notes {
			notes++
			if len(n.Texts) != 2 || n.Texts[1].Lang != "en" {
				t.Errorf("%s:%d: the note is not in Chinese and English", f.File, n.Line)
			}
			for _, text := range n.Texts {
				if !linksSource(text.Body) {
					t.Errorf("%s:%d: the note's text links to no source", f.File, text.Line)
				}
			}
		}
	}
	if len(content.Notes) < 2 || notes < 20 {
		t.Errorf("%d notes in %d files: both documents should have their notes", notes, len(content.Notes))
	}
}

var (
	chineseDate = regexp.MustCompile(`\d{4}年\d{1,2}月\d{1,2}日`)
	englishDate = regexp.MustCompile(`\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b`)
	months      = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}
)

// datesIn lists the full dates a paragraph states, written as the texts
// write them (2025年9月3日).
func datesIn(para string) []string {
	dates := chineseDate.FindAllString(para, -1)
	for _, m := range englishDate.FindAllStringSubmatch(para, -1) {
		dates = append(dates, fmt.Sprintf("%s年%d月%s日", m[3], months[m[2]], m[1]))
	}
	return dates
}

// inDocuments reports whether the texts give a date, alone or as the end
// of a range of days (2025年9月2日至6日 gives 2025年9月6日).
func inDocuments(texts, date string) bool {
	if strings.Contains(texts, date) {
		return true
	}
	m := regexp.MustCompile(`^(\d{4}年\d{1,2}月)(\d{1,2}日)$`).FindStringSubmatch(date)
	return m != nil && regexp.MustCompile(regexp.QuoteMeta(m[1])+`\d{1,2}日至`+regexp.QuoteMeta(m[2])).MatchString(texts)
}
