package ocrimport

import (
	"slices"
	"strings"
	"testing"
)

// A synthetic column ten cells wide. Each entry is one column line; page()
// puts blank lines between them, so entry i is on source line 2i+1.
var layoutPage = []string{
	"一二三四五六七八",     // 1  first line, indented
	"一二三四五六七八九十",   // 3
	"一二三四五。",       // 5  short, ends 。: break (rule b)
	"一、总则",         // 7  heading: break before (a) and after (d)
	"甲乙丙丁戊己庚辛",     // 9  indented
	"甲乙丙丁戊己庚辛壬癸",   // 11
	"甲乙丙丁戊己庚辛壬。",   // 13 full width, ends 。 ...
	"甲乙丙丁戊己庚辛壬癸",   // 15 ... but the next line is full: no break (f)
	"甲乙丙丁戊己庚辛壬。",   // 17 full width, ends 。 ...
	"子丑寅卯辰巳午未",     // 19 ... and this line looks indented: guessed break (c)
	"子丑寅卯辰巳午未申酉",   // 21
	"子丑寅。",         // 23 short: break (b)
	"1.子丑寅卯辰巳午",    // 25 marker after 。: break (a)
	"子丑寅卯辰巳午未申酉",   // 27
	"子丑寅卯辰巳午未申。",   // 29 full, ends 。
	"2.子丑寅卯辰巳午",    // 31 marker after full 。: break (a)
	"子丑寅卯辰巳午未申酉",   // 33
	"2026年在中国举办会议", // 35 not a marker: no break although 33 is full
	"甲乙丙丁戊己庚辛壬。",   // 37
	"（新华社北京9月4日电）", // 39 dateline: its own paragraph (e)
	"标",            // 41 vertical title
	"题",
}

func TestParagraphRules(t *testing.T) {
	src := []byte(page(layoutPage...))
	docs, warnings, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	checkNothingLost(t, src, docs)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	wantStarts := []int{1, 7, 9, 19, 25, 31, 39}
	if got := paragraphStarts(docs[0]); !slices.Equal(got, wantStarts) {
		t.Errorf("paragraph starts = %v, want %v", got, wantStarts)
	}
	wantTexts := []string{
		"一二三四五六七八一二三四五六七八九十一二三四五。",
		"一、总则",
		"甲乙丙丁戊己庚辛甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬。甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬。",
		"子丑寅卯辰巳午未子丑寅卯辰巳午未申酉子丑寅。",
		"1.子丑寅卯辰巳午子丑寅卯辰巳午未申酉子丑寅卯辰巳午未申。",
		"2.子丑寅卯辰巳午子丑寅卯辰巳午未申酉2026年在中国举办会议甲乙丙丁戊己庚辛壬。",
		"（新华社北京9月4日电）",
	}
	if got := paragraphTexts(docs[0]); !slices.Equal(got, wantTexts) {
		t.Errorf("paragraphs =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantTexts, "\n"))
	}
	if len(warnings) != 1 || warnings[0].Line != 19 || !strings.Contains(warnings[0].Message, "guessed paragraph break") {
		t.Errorf("warnings = %v, want one guessed break at line 19", warnings)
	}
	if docs[0].Title != "标题" || docs[0].TitleLine != 41 {
		t.Errorf("title = %q at %d, want 标题 at 41", docs[0].Title, docs[0].TitleLine)
	}
}

func TestParagraphBoundaries(t *testing.T) {
	// The column is ten cells wide; every case is surrounded by full lines so
	// that the local column width is known.
	const (
		full     = "甲乙丙丁戊己庚辛壬癸" // fills the column
		indented = "甲乙丙丁戊己庚辛"   // first line of a paragraph
		last     = "甲乙。"        // last line of a paragraph
	)
	tests := []struct {
		name         string
		lines        []string // body lines, before the dateline
		wantStarts   []int    // indexes into lines
		wantWarnings []int    // indexes into lines
	}{
		{
			name:       "comma at a short line is no paragraph end",
			lines:      []string{indented, full, full, "甲乙丙丁，", full, full, last},
			wantStarts: []int{0},
			// a short line that does not end its paragraph is suspicious
			wantWarnings: []int{3},
		},
		{
			name:       "short line ending in a colon",
			lines:      []string{indented, full, full, "双方同意：", indented, full, full, last},
			wantStarts: []int{0, 4},
		},
		{
			name:         "full line ending in a colon before a numbered item",
			lines:        []string{indented, full, full, "甲乙丙丁戊己庚辛壬：", "1.甲乙丙丁戊己", full, full, last},
			wantStarts:   []int{0, 4},
			wantWarnings: []int{4},
		},
		{
			name:       "numbered item after a line without terminal punctuation",
			lines:      []string{indented, full, full, "1.甲乙丙丁戊己", full, full, last},
			wantStarts: []int{0},
		},
		{
			name:       "bracketed markers",
			lines:      []string{"（一）甲乙丙丁戊己", full, full, last, "（二）甲乙丙丁戊己", full, full, last, "（1）甲乙丙丁戊己", full, full, last},
			wantStarts: []int{0, 4, 8},
		},
		{
			name:       "heading followed by a numbered item",
			lines:      []string{indented, full, full, last, "二、概述", "1.甲乙丙丁戊己", full, full, last},
			wantStarts: []int{0, 4, 5},
		},
		{
			name:  "heading followed by a line that fills the column",
			lines: []string{indented, full, full, last, "二、概述", full, full, full, last},
			// a short line cannot continue on the next line of a justified
			// column, so the break is certain
			wantStarts: []int{0, 4, 5},
		},
		{
			name:         "shorter heading-like line followed by a full line",
			lines:        []string{indented, full, full, last, "二、甲乙丙", full, full, full, last},
			wantStarts:   []int{0, 4, 5},
			wantWarnings: []int{4},
		},
		{
			name:       "short numbered line with clause punctuation is no heading",
			lines:      []string{indented, full, full, last, "三、甲，丙", full, full, last},
			wantStarts: []int{0, 4},
			// but a short line inside a paragraph is suspicious
			wantWarnings: []int{4},
		},
		{
			name:         "possible heading: a little shorter, next line indented",
			lines:        []string{indented, full, full, last, "四、甲乙丙丁戊", indented, full, full, last},
			wantStarts:   []int{0, 4, 5},
			wantWarnings: []int{4},
		},
		{
			name:       "possible heading followed by a short line is an item",
			lines:      []string{indented, full, full, last, "四、甲乙丙丁戊", last, indented, full, full, last},
			wantStarts: []int{0, 4, 6},
		},
		{
			name:       "first line of a numbered item is no heading",
			lines:      []string{indented, full, full, last, "五、甲乙丙丁戊己", full, full, last},
			wantStarts: []int{0, 4},
		},
		{
			name:         "full line ending in a sentence, next line indented",
			lines:        []string{indented, full, full, "甲乙丙丁戊己庚辛壬。", indented, full, full, last},
			wantStarts:   []int{0, 4},
			wantWarnings: []int{4},
		},
		{
			name:       "full line ending in a sentence, next line full",
			lines:      []string{indented, full, full, "甲乙丙丁戊己庚辛壬。", full, full, last},
			wantStarts: []int{0},
		},
		{
			name:         "full line ending in 。 and a closing quote",
			lines:        []string{indented, full, full, "甲乙丙丁戊己庚辛。”", indented, full, full, last},
			wantStarts:   []int{0, 4},
			wantWarnings: []int{4},
		},
		{
			name:       "line a little short ending in a sentence, next line indented",
			lines:      []string{indented, full, full, "甲乙丙丁戊己庚。", indented, full, full, last},
			wantStarts: []int{0, 4},
		},
		{
			name:         "line a little short ending in a sentence, next line full",
			lines:        []string{indented, full, full, "甲乙丙丁戊己庚。", full, full, full, last},
			wantStarts:   []int{0, 4},
			wantWarnings: []int{4},
		},
		{
			name:       "line a cell short of the column ending in a sentence",
			lines:      []string{indented, full, full, "甲乙丙丁戊己庚辛。", full, full, last},
			wantStarts: []int{0},
		},
		{
			name: "narrower column later in the document",
			lines: []string{
				indented, full, full, full, full, last,
				"子丑寅卯辰巳", "子丑寅卯辰巳午未", "子丑寅卯辰巳午。", "子丑寅卯辰巳午未", "子丑寅卯辰巳午。", "子丑寅卯辰巳", "子丑寅卯辰巳午未", "子丑寅卯辰巳午未", "子丑。",
			},
			// 8 ends 。 and fills its 8-cell column, 9 too: no break; 10
			// ends 。 and 11 is indented: a guessed break. In a 10-cell
			// column 8 and 10 would have been short: certain breaks.
			wantStarts:   []int{0, 6, 11},
			wantWarnings: []int{11},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append(slices.Clone(tt.lines), "（新华社北京9月4日电）", "题")
			src := []byte(page(lines...))
			docs, warnings, err := Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			checkNothingLost(t, src, docs)
			var gotStarts []int
			for _, p := range docs[0].Paragraphs[:len(docs[0].Paragraphs)-1] {
				gotStarts = append(gotStarts, (p.Line-1)/2)
			}
			if !slices.Equal(gotStarts, tt.wantStarts) {
				t.Errorf("paragraphs start at lines %v, want %v\n%s", gotStarts, tt.wantStarts, strings.Join(paragraphTexts(docs[0]), "\n"))
			}
			var gotWarnings []int
			for _, w := range warnings {
				gotWarnings = append(gotWarnings, (w.Line-1)/2)
			}
			if !slices.Equal(gotWarnings, tt.wantWarnings) {
				t.Errorf("warnings at lines %v, want %v: %v", gotWarnings, tt.wantWarnings, warnings)
			}
		})
	}
}

func TestLatinText(t *testing.T) {
	src := []byte("The General Assembly adopted\n\n" +
		"resolution A/RES/2758 (XXVI) on 25\n\n" +
		"October 1971, restoring the lawful\n\n" +
		"rights of China.\n\n" +
		"（新华社北京9月4日电）\n\n" +
		"Title  of the\n" +
		"document\n")
	docs, _, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	checkNothingLost(t, src, docs)
	want := "The General Assembly adopted resolution A/RES/2758 (XXVI) on 25October 1971, restoring the lawful rights of China."
	if got := docs[0].Paragraphs[0].Text; got != want {
		t.Errorf("paragraph = %q\nwant        %q", got, want)
	}
	if got := docs[0].Title; got != "Title of the document" {
		t.Errorf("title = %q, want %q", got, "Title of the document")
	}
}
