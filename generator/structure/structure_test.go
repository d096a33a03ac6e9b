package structure

import (
	"strings"
	"testing"

	"statements/generator/load"
)

// doc makes a document from one paragraph per line, numbering lines from 10.
func doc(text string) *load.Document {
	d := &load.Document{File: "content/documents/t.md", Slug: "t"}
	for i, p := range strings.Split(strings.TrimSpace(text), "\n") {
		d.Paragraphs = append(d.Paragraphs, load.Paragraph{Text: p, Line: 10 + i})
	}
	return d
}

func TestAllFourLevels(t *testing.T) {
	d, err := Build(doc(`
序言。
一、总则
（一）基本原则
导语一。
1.第一条。
（1）甲。
（2）乙。
第一条的第二段。
2.第二条。
（二）第二节。
二、第二部分。
（新华社北京9月4日电）`))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ eid, kind, label, text string }{
		{"preamble__p_1", "preamble", "序言第1段", "序言。"},
		{"part_1", "part", "一", "一、总则"},
		{"part_1__sec_1", "sec", "一、（一）", "（一）基本原则"},
		{"part_1__sec_1__intro", "intro", "一、（一）导语", "导语一。"},
		{"part_1__sec_1__para_1", "para", "一、（一）1", "1.第一条。"},
		{"part_1__sec_1__para_1__subpara_1", "subpara", "一、（一）1.（1）", "（1）甲。"},
		{"part_1__sec_1__para_1__subpara_2", "subpara", "一、（一）1.（2）", "（2）乙。\n第一条的第二段。"},
		{"part_1__sec_1__para_2", "para", "一、（一）2", "2.第二条。"},
		{"part_1__para_2", "para", "一、（二）", "（二）第二节。"},
		{"para_2", "para", "二", "二、第二部分。"},
		{"conclusions", "conclusions", "电头", "（新华社北京9月4日电）"},
	}
	if len(d.Blocks) != len(want) {
		for _, b := range d.Blocks {
			t.Logf("%s %s %q", b.EID, b.Kind, b.Text())
		}
		t.Fatalf("got %d blocks, want %d", len(d.Blocks), len(want))
	}
	for i, w := range want {
		b := d.Blocks[i]
		if b.EID != w.eid || string(b.Kind) != w.kind || b.Label != w.label || b.Text() != w.text {
			t.Errorf("block %d = %s %s %q %q, want %s %s %q %q", i, b.EID, b.Kind, b.Label, b.Text(), w.eid, w.kind, w.label, w.text)
		}
		if d.Block(w.eid) != b {
			t.Errorf("Block(%q) does not find it", w.eid)
		}
	}
	if got := d.Block("part_1__sec_1__para_1__subpara_2").Paragraphs[1].ID; got != "part_1__sec_1__para_1__subpara_2__p_2" {
		t.Errorf("second paragraph id = %s", got)
	}
	if !d.Block("part_1").Heading || !d.Block("part_1__sec_1").Heading || d.Block("part_1__sec_1__para_1").Heading {
		t.Error("heading detection: 一、总则 and （一）基本原则 are headings, 1.第一条。 is not")
	}
}

func TestLevelThreeUnderLevelOne(t *testing.T) {
	// The action plan's shape: parts with introductions and 1. 2. items, no level 2.
	d, err := Build(doc(`
一、政治领域交流合作
以两国领导人重要共识为引领。
1.发挥高层引领作用。
2.深化交流。
二、共建“一带一路”务实合作
双方重申。
1.充分发挥作用。
强调第二段。`))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range d.Blocks {
		ids = append(ids, b.EID)
	}
	want := "part_1 part_1__intro part_1__para_1 part_1__para_2 part_2 part_2__intro part_2__para_1"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids = %v\nwant %v", ids, want)
	}
	if got := d.Block("part_2__para_1").Label; got != "二、1" {
		t.Errorf("label = %q, want 二、1", got)
	}
}

func TestNumberingErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"skip", "一、甲。\n二、乙。\n四、丁。", "t.md:12: numbering skips: 四、 after number 2 (expected 3)"},
		{"repeat", "一、甲。\n二、乙。\n二、丙。", "t.md:12: number 二、 repeats the number before it"},
		{"backwards", "一、甲。\n二、乙。\n三、丙。\n二、丁。", "t.md:13: numbering goes backwards: 二、 after number 3"},
		{"starts at two", "序言。\n二、乙。", "t.md:11: numbering starts at 二、; expected number 1 first"},
		{"child starts at two", "一、甲\n2.乙。", "t.md:11: numbering starts at 2.; expected number 1 first"},
		{"level above the first", "1.甲。\n一、乙。", "t.md:11: 一、 is a level-1 number, above the level-3 numbering the document began with"},
		{"duplicate id", "一、甲\n1.乙。\n（一）丙。", "t.md:12: duplicate id part_1__para_1: the paragraph at line 11 has it too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(doc(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant containing %q", err, tt.want)
			}
		})
	}
}

func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "四": 4, "十": 10, "十一": 11, "二十": 20, "二十一": 21, "九十九": 99, "一百零五": 105, "一百一十": 110} {
		if got, ok := chineseNumber(s); !ok || got != want {
			t.Errorf("chineseNumber(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, bad := range []string{"", "零", "二三", "十十", "百", "十二十"} {
		if got, ok := chineseNumber(bad); ok {
			t.Errorf("chineseNumber(%q) = %d, want failure", bad, got)
		}
	}
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		text  string
		level int
		num   int
	}{
		{"二十一、迪亚斯", 1, 21}, {"（三）甲", 2, 3}, {"(三)甲", 2, 3}, {"12.加强", 3, 12}, {"4．中方", 3, 4},
		{"（2）乙", 4, 2}, {"2026年在中国", 0, 0}, {"1.5亿元", 0, 0}, {"“一带一路”", 0, 0}, {"一带一路", 0, 0},
	}
	for _, tt := range tests {
		m, ok := parseMarker(tt.text)
		if !ok && tt.level != 0 || ok && (m.level != tt.level || m.num != tt.num) {
			t.Errorf("parseMarker(%q) = %+v, %v; want level %d num %d", tt.text, m, ok, tt.level, tt.num)
		}
	}
}
