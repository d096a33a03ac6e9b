package ocrimport

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const (
	dateline  = "（新华社北京9月4日电）"
	bodyLine1 = "甲乙丙丁戊己庚辛"
	bodyLine2 = "甲乙丙丁戊己庚辛壬癸"
	bodyLine3 = "甲乙丙。"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantLine int
		wantText string
	}{
		{"empty input", "", 1, "no dateline found"},
		{"no dateline", page(bodyLine1, bodyLine3), 3, "no dateline found"},
		{"invalid UTF-8", "中国\n\n甲乙\xff丙\n" + dateline + "\n题\n", 3, "invalid UTF-8 at byte 7"},
		{"truncated UTF-8 at the end", page(bodyLine1, dateline, "题") + "\xe4\xb8", 6, "invalid UTF-8"},
		{"garbage after the last title", page(bodyLine1, bodyLine3, dateline) + "\n题\n\n" + page("多余的一行。"), 9, "not a complete document"},
		{"garbage after a vertical title", page(bodyLine1, dateline, "题", "目", "多余的文字"), 9, "not a complete document"},
		{"empty body", page(bodyLine1, dateline, "题", dateline, "题"), 7, "empty body"},
		{"empty body at the start", page(dateline, "题"), 1, "empty body"},
		{"dateline at the end", page(bodyLine1, bodyLine3, dateline), 5, "not followed by a title"},
		{"dateline after a dateline", page(bodyLine1, dateline, dateline, "题"), 5, "without a title"},
		{"dateline inside a horizontal title", page(bodyLine1, dateline) + "\n标题\n" + dateline + "\n", 6, "dateline inside the title that starts at line 5"},
	}
	pattern := regexp.MustCompile(`^([1-9][0-9]*): `)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _, err := Parse([]byte(tt.src))
			if err == nil {
				t.Fatalf("no error; documents %+v", docs)
			}
			if docs != nil {
				t.Errorf("documents returned with the error: %+v", docs)
			}
			m := pattern.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error %q does not start with a line number", err)
			}
			var lineErr *LineError
			if !errors.As(err, &lineErr) || lineErr.Line != tt.wantLine {
				t.Errorf("error %q: want line %d", err, tt.wantLine)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not say %q", err, tt.wantText)
			}
		})
	}
}

func TestCRLFAndWhitespaceVariants(t *testing.T) {
	lf := page(bodyLine1, bodyLine2, "甲乙丙丁戊己庚辛壬。", bodyLine1, bodyLine3, dateline) + "\n中\n\n国\n"
	variants := map[string]string{
		"CRLF":              strings.ReplaceAll(lf, "\n", "\r\n"),
		"tabs":              strings.ReplaceAll(lf, "乙丙", "乙\t丙"),
		"ideographic space": strings.ReplaceAll(lf, "\n", "\u3000\n"),
		"NBSP and spaces":   strings.ReplaceAll(lf, "丁戊", "丁\u00a0 戊"),
		"letter spacing":    strings.ReplaceAll(strings.ReplaceAll(lf, "甲乙", "甲 乙"), "己庚", "己 庚"),
	}
	want, wantWarnings, err := Parse([]byte(lf))
	if err != nil {
		t.Fatal(err)
	}
	if len(want[0].Paragraphs) != 3 || len(wantWarnings) != 1 {
		t.Fatalf("reference input: %d paragraphs and warnings %v, want 3 and one warning", len(want[0].Paragraphs), wantWarnings)
	}
	for name, src := range variants {
		t.Run(name, func(t *testing.T) {
			got, gotWarnings, err := Parse([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			checkNothingLost(t, []byte(src), got)
			if !slices.EqualFunc(got, want, equalDocuments) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
			if !slices.Equal(gotWarnings, wantWarnings) {
				t.Errorf("warnings %v, want %v", gotWarnings, wantWarnings)
			}
		})
	}
}

func equalDocuments(a, b Document) bool {
	return a.Title == b.Title && a.TitleLine == b.TitleLine && slices.Equal(a.Paragraphs, b.Paragraphs)
}

func TestSuspiciousCharactersAreKeptAndReported(t *testing.T) {
	src := []byte("\ufeff" + page("甲乙\u200b丙丁戊己庚辛", "甲乙丙\ufffd。", dateline, "题"))
	docs, warnings, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	checkNothingLost(t, src, docs)
	var lines []int
	for _, w := range warnings {
		lines = append(lines, w.Line)
	}
	if !slices.Equal(lines, []int{1, 3}) {
		t.Fatalf("warnings %v, want lines 1 and 3", warnings)
	}
	for _, want := range []string{"U+FEFF", "U+200B"} {
		if !strings.Contains(warnings[0].Message, want) {
			t.Errorf("warning %q does not name %s", warnings[0], want)
		}
	}
	if !strings.Contains(warnings[1].Message, "U+FFFD") {
		t.Errorf("warning %q does not name U+FFFD", warnings[1])
	}
}

func TestWarningString(t *testing.T) {
	w := Warning{Line: 38, Message: "guessed paragraph break"}
	if got := w.String(); got != "38: guessed paragraph break" {
		t.Errorf("String() = %q", got)
	}
	var err error = &LineError{Line: 12, Message: "invalid UTF-8"}
	if got := err.Error(); got != "12: invalid UTF-8" {
		t.Errorf("Error() = %q", got)
	}
}
