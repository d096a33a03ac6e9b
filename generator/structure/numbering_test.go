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

// mustBuild builds a document of one paragraph per line.
func mustBuild(t *testing.T, text string) *Document {
	t.Helper()
	d, err := Build(doc(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ids(d *Document) string {
	var ids []string
	for _, b := range d.Blocks {
		ids = append(ids, b.EID)
	}
	return strings.Join(ids, " ")
}

func TestAllFiveLevels(t *testing.T) {
	d := mustBuild(t, `
序言。
一、总则
（一）基本原则
导语一。
1.第一条。
（1）甲。
①子项。
（2）乙。
第一条的第二段。
2.第二条。
（二）第二节。
二、第二部分。
（新华社北京9月4日电）`)
	want := []struct{ eid, kind, label, text string }{
		{"preamble__p_1", "preamble", "序言第1段", "序言。"},
		{"part_1", "part", "一", "一、总则"},
		{"part_1__sec_1", "sec", "一、（一）", "（一）基本原则"},
		{"part_1__sec_1__intro", "intro", "一、（一）导语", "导语一。"},
		{"part_1__sec_1__para_1", "para", "一、（一）1", "1.第一条。"},
		{"part_1__sec_1__para_1__subpara_1", "subpara", "一、（一）1.（1）", "（1）甲。"},
		{"part_1__sec_1__para_1__subpara_1__point_1", "point", "一、（一）1.（1）①", "①子项。"},
		{"part_1__sec_1__para_1__subpara_2", "subpara", "一、（一）1.（2）", "（2）乙。\n第一条的第二段。"},
		{"part_1__sec_1__para_2", "para", "一、（一）2", "2.第二条。"},
		// Siblings share a stem: （一） has numbered children, so （二） is a sec too.
		{"part_1__sec_2", "sec", "一、（二）", "（二）第二节。"},
		{"part_2", "part", "二", "二、第二部分。"},
		{"conclusions", "conclusions", "电头", "（新华社北京9月4日电）"},
	}
	if len(d.Blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %s", len(d.Blocks), len(want), ids(d))
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
	if len(d.Warnings) != 0 {
		t.Errorf("warnings: %v", d.Warnings)
	}
}

func TestLevelThreeUnderLevelOne(t *testing.T) {
	// The action plan's shape: parts with introductions and 1. 2. items, no level 2.
	d := mustBuild(t, `
一、政治领域交流合作
以两国领导人重要共识为引领。
1.发挥高层引领作用。
2.深化交流。
二、共建“一带一路”务实合作
双方重申。
1.充分发挥作用。
强调第二段。`)
	want := "part_1 part_1__intro part_1__para_1 part_1__para_2 part_2 part_2__intro part_2__para_1"
	if ids(d) != want {
		t.Errorf("ids = %v\nwant %v", ids(d), want)
	}
	if got := d.Block("part_2__para_1").Label; got != "二、1" {
		t.Errorf("label = %q, want 二、1", got)
	}
	// 强调第二段。 may be 1.'s second paragraph or a closing remark: the build says where it chose.
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Error(), "t.md:17: took this paragraph, after the last numbered clause, as part of 二、1 (part_2__para_1)") ||
		!strings.Contains(d.Warnings[0].Error(), ClosingDirective) {
		t.Errorf("warnings = %v", d.Warnings)
	}
}

func TestSiblingsShareAStem(t *testing.T) {
	// 一、 has numbered children, 二、 has none, 三、 has: all three are parts;
	// a heading without numbered children keeps its text as its introduction.
	d := mustBuild(t, `
一、指导思想
1.坚持甲。
二、基本原则
坚持乙。
三、主要任务
1.推进丙。`)
	if want := "part_1 part_1__para_1 part_2 part_2__intro part_3 part_3__para_1"; ids(d) != want {
		t.Errorf("ids = %v\nwant %v", ids(d), want)
	}
	if !d.Block("part_2").Heading {
		t.Error("二、基本原则 is a heading")
	}
}

func TestNumberingContinuesAcrossParents(t *testing.T) {
	// Rules numbered 一、 … straight through their chapters.
	d := mustBuild(t, `
第一章　总　　则
一、甲。
二、乙。
第二章　职责
三、丙。
四、丁。`)
	if want := "chp_1 chp_1__para_1 chp_1__para_2 chp_2 chp_2__para_3 chp_2__para_4"; ids(d) != want {
		t.Errorf("ids = %v\nwant %v", ids(d), want)
	}
}

func TestArticlesCountThroughTheDocument(t *testing.T) {
	d := mustBuild(t, `
第一编　总则
第一章　一般规定
第一条　甲。
第二章　乙
第二条　乙。
第二编　分则
第一章　丙
第三条　丙。
第四条　丁：
（一）戊；
（二）己。
第二款。
（一）庚。`)
	want := "book_1 book_1__chp_1 art_1 book_1__chp_2 art_2 book_2 book_2__chp_1 art_3 art_4 art_4__point_1 art_4__point_2 art_4__para_2 art_4__para_2__point_1"
	if ids(d) != want {
		t.Errorf("ids = %v\nwant %v", ids(d), want)
	}
	if got := d.Block("art_4__para_2__point_1").Label; got != "第四条第二款第（一）项" {
		t.Errorf("label = %q", got)
	}
	if got := d.Block("art_4__para_2__point_1").LabelEn; got != "Art. 4(2)(i)" {
		t.Errorf("English label = %q", got)
	}
}

func TestNumberingErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"skip", "一、甲。\n二、乙。\n四、丁。", "t.md:12: numbering skips: 四、 after number 2 (expected 3)"},
		{"repeat", "一、甲。\n二、乙。\n二、丙。", "t.md:12: number 二、 repeats the number before it"},
		{"backwards", "一、甲。\n二、乙。\n三、丙。\n二、丁。", "t.md:13: numbering goes backwards: 二、 after number 3"},
		{"starts at two", "序言。\n二、乙。", "t.md:11: numbering starts at 二、; expected number 1 first"},
		{"child starts at two", "一、甲\n2.乙。", "t.md:11: numbering starts at 2.; expected number 1 first"},
		{"level above the first", "1.甲。\n一、乙。", "t.md:11: 一、 is a number of a higher level than the 1. the text began with"},
		{"articles restart", "第一条　甲。\n第二条　乙。\n第一条　丙。", "t.md:12: numbering goes backwards: 第一条 after number 2"},
		{"decimal under the wrong section", "1　总则\n1.1　甲。\n2　乙\n3.1　丙。", "t.md:13: section 3.1 stands under section 2: its number does not extend it"},
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

func TestClosingDirectiveSettlesTheLastParagraph(t *testing.T) {
	d := doc("一、甲。\n二、乙。\n本声明自签署之日起生效。\n2025年9月4日于北京")
	d.Paragraphs[2].ClosingStarts = true
	sd, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	if ids(sd) != "para_1 para_2 conclusions" || sd.Block("conclusions").Text() != "本声明自签署之日起生效。\n2025年9月4日于北京" || len(sd.Warnings) != 0 {
		t.Errorf("ids %s, conclusions %q, warnings %v", ids(sd), sd.Block("conclusions").Text(), sd.Warnings)
	}
}

func TestClosingWithoutADate(t *testing.T) {
	// A signature block of titles and names, or notes, end a text without a warning;
	// an organ alone may be text, so the build says where it chose.
	d := mustBuild(t, "一、甲。\n二、乙。\n甲国外交部长　王一\n乙国外交部长　李二")
	if ids(d) != "para_1 para_2 conclusions" || len(d.Warnings) != 0 {
		t.Errorf("ids %s, warnings %v", ids(d), d.Warnings)
	}
	d = mustBuild(t, "一、甲。\n二、乙。\n国务院办公厅")
	if ids(d) != "para_1 para_2 conclusions" || len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Error(), "t.md:12: took the last 1 line(s)") {
		t.Errorf("ids %s, warnings %v", ids(d), d.Warnings)
	}
	dd := doc("一、甲。\n二、乙。\n国务院办公厅")
	dd.Paragraphs[2].NoClosingAfter = true
	sd, err := Build(dd)
	if err != nil || ids(sd) != "para_1 para_2" || sd.Block("para_2").Text() != "二、乙。\n国务院办公厅" || len(sd.Warnings) != 0 {
		t.Errorf("with the directive at the end: %v, ids %s, warnings %v", err, ids(sd), sd.Warnings)
	}
}
