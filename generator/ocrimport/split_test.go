package ocrimport

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitDocuments(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		wantTitles   []string
		wantLines    []int   // TitleLine of each document
		wantStarts   [][]int // paragraph lines of each document, the dateline last
		wantWarnings []int
	}{
		{
			name:       "vertical title with a blank line inside",
			src:        page(bodyLine1, bodyLine2, bodyLine3, dateline) + "\n中\n华\n\n人\n民\n",
			wantTitles: []string{"中华人民"},
			wantLines:  []int{9},
			wantStarts: [][]int{{1, 7}},
		},
		{
			name:       "horizontal title on consecutive lines",
			src:        page(bodyLine1, bodyLine2, bodyLine3, dateline) + "\n关于构建\n新时代 2025 年\n",
			wantTitles: []string{"关于构建新时代2025年"},
			wantLines:  []int{9},
			wantStarts: [][]int{{1, 7}},
		},
		{
			name: "two documents, vertical then horizontal title",
			src: page(bodyLine1, bodyLine2, bodyLine3, dateline) + "\n一\n号\n\n" +
				page(bodyLine1, bodyLine3, dateline) + "\n二号文件\n",
			wantTitles: []string{"一号", "二号文件"},
			wantLines:  []int{9, 18},
			wantStarts: [][]int{{1, 7}, {12, 16}},
		},
		{
			name:       "text before the first body belongs to it",
			src:        "\n\n" + page("前言。", bodyLine1, bodyLine2, bodyLine2, bodyLine3, dateline, "题"),
			wantTitles: []string{"题"},
			wantLines:  []int{15},
			wantStarts: [][]int{{3, 5, 13}},
		},
		{
			name:       "title ends at a blank line, next body follows",
			src:        page(bodyLine1, bodyLine3, dateline) + "\n标题\n\n" + page(bodyLine1, bodyLine3, dateline, "乙"),
			wantTitles: []string{"标题", "乙"},
			wantLines:  []int{7, 15},
			wantStarts: [][]int{{1, 5}, {9, 13}},
		},
		{
			name:         "vertical title with digits set across the column",
			src:          page(bodyLine1, bodyLine3, dateline) + "\n计\n划\n（\n2025\n－\n2029\n年\n）\n\n" + page(bodyLine1, bodyLine3, dateline, "乙"),
			wantTitles:   []string{"计划（2025－2029年）", "乙"},
			wantLines:    []int{7, 22},
			wantStarts:   [][]int{{1, 5}, {16, 20}},
			wantWarnings: []int{10, 12},
		},
		{
			name:         "horizontal title that looks like body text",
			src:          page(bodyLine1, bodyLine3, dateline) + "\n标题。\n正文\n",
			wantTitles:   []string{"标题。正文"},
			wantLines:    []int{7},
			wantStarts:   [][]int{{1, 5}},
			wantWarnings: []int{7},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, warnings, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			checkNothingLost(t, []byte(tt.src), docs)
			var titles []string
			var lines []int
			var starts [][]int
			for _, d := range docs {
				titles = append(titles, d.Title)
				lines = append(lines, d.TitleLine)
				starts = append(starts, paragraphStarts(d))
				if last := d.Paragraphs[len(d.Paragraphs)-1].Text; last != dateline {
					t.Errorf("last paragraph = %q, want the dateline", last)
				}
			}
			if !slices.Equal(titles, tt.wantTitles) || !slices.Equal(lines, tt.wantLines) {
				t.Errorf("titles %q at lines %v, want %q at %v", titles, lines, tt.wantTitles, tt.wantLines)
			}
			if !slices.EqualFunc(starts, tt.wantStarts, slices.Equal) {
				t.Errorf("paragraph lines %v, want %v", starts, tt.wantStarts)
			}
			var warningLines []int
			for _, w := range warnings {
				warningLines = append(warningLines, w.Line)
			}
			if !slices.Equal(warningLines, tt.wantWarnings) {
				t.Errorf("warnings %v, want lines %v", warnings, tt.wantWarnings)
			}
		})
	}
}

func TestIsDateline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"（新华社北京9月4日电）", true},
		{"（新华社北京9月 4日电）", true},
		{" （ 新 华 社 北 京 9 月 4 日 电 ） ", true},
		{"(新华社北京9月4日电)", true},
		{"（新华社电）", true},
		{"新华社北京9月4日电", false},
		{"（新华社记者）", false},
		{"（人民日报北京9月4日电）", true},
		{"据新华社北京9月4日电）", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isDateline(tt.in); got != tt.want {
			t.Errorf("isDateline(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// A page whose first dateline is lost: the second document's vertical
// title stands inside the first body, and is reported, not merged.
func TestMissingDatelineIsReported(t *testing.T) {
	src := page("甲乙丙丁戊己庚辛壬癸子丑寅卯", "甲乙丙。") + "\n题\n\n一\n\n二\n\n三\n\n四\n\n五\n\n" +
		page("子丑寅卯辰巳午未申酉戌亥甲乙", "子丑寅。", "（新华社北京9月4日电）") + "\n第\n二\n"
	_, _, err := Parse([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "read as a title printed vertically, inside a document's body: the dateline of the document before it is missing") {
		t.Errorf("error = %v", err)
	}
}
