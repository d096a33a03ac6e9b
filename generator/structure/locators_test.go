package structure_test

import (
	"testing"

	"statements/generator/load"
	"statements/generator/structure"
)

// locators are the locators of blocks of every shape in testdata/content,
// in Chinese and English, written out by hand from the table in package
// grammar (Locators).
var locators = map[string]map[string][2]string{
	"notice": {
		"preface":        {"文头", "preface"},
		"preamble__p_1":  {"序言第1段", "preamble, para. 1"},
		"part_1":         {"第一条", "para. 1"},
		"part_2":         {"第二部分", "Part II"},
		"part_2__para_2": {"第二部分第2项", "Part II, item 2"},
		"conclusions":    {"落款", "closing"},
	},
	"joint-statement-unnumbered": {
		"para_4": {"第四段", "para. 4"},
	},
	"opinions-attachment": {
		"part_2__intro":         {"第二部分导语", "Part II, introduction"},
		"att_1":                 {"附件1", "Attachment 1"},
		"att_1__part_1__para_2": {"附件1第一部分第2项", "Attachment 1, Part I, item 2"},
	},
	"decimal-plan-cover": {
		"att_1__toc":                {"附件1目录", "Attachment 1, table of contents"},
		"att_1__sec_2-1-2":          {"附件1第2.1.2节", "Attachment 1, sec. 2.1.2"},
		"att_1__sec_1-1__intro":     {"附件1第1.1节导语", "Attachment 1, sec. 1.1, introduction"},
		"att_1__sec_1-2__subpara_2": {"附件1第1.2节第2项", "Attachment 1, sec. 1.2, item 2"},
	},
	"regulation-order": {
		"para_1":                         {"第一段", "para. 1"},
		"att_1__chp_2__sec_1":            {"附件1第二章第一节", "Attachment 1, Ch. 2, Sec. 1"},
		"att_1__art_2__para_2":           {"附件1第二条第二款", "Attachment 1, Art. 2(2)"},
		"att_1__art_4__point_2__point_1": {"附件1第四条第（二）项第1目", "Attachment 1, Art. 4(ii)(1)"},
	},
	"gbt-skipped-levels": {
		"part_2__subpara_1":              {"第二部分第1项", "Part II, item 1"},
		"part_3__sec_1__para_2":          {"第三部分第1项第2目", "Part III, item 1(2)"},
		"part_3__sec_1__para_1__point_2": {"第三部分第1项第1目（2）", "Part III, item 1(1)(2)"},
	},
	"communique-signatures": {
		"para_3": {"第三条", "para. 3"},
	},
	"news-dateline-top": {
		"para_2": {"第二段", "para. 2"},
	},
}

func TestLocators(t *testing.T) {
	c := loadShapes(t)
	for _, doc := range c.Documents {
		d, err := structure.Build(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range d.Blocks {
			if b.Locator.Zh == "" || b.Locator.En == "" {
				t.Errorf("%s %s: no locator: %+v", doc.Slug, b.EID, b.Locator)
			}
		}
		for eid, want := range locators[doc.Slug] {
			b := d.Block(eid)
			if b == nil {
				t.Errorf("%s: no block %s", doc.Slug, eid)
				continue
			}
			if got := [2]string{b.Locator.Zh, b.Locator.En}; got != want {
				t.Errorf("%s %s: locator %q, want %q", doc.Slug, eid, got, want)
			}
		}
	}
	if len(locators) != len(c.Documents) {
		t.Errorf("locators cover %d of the %d shapes", len(locators), len(c.Documents))
	}
}

func TestParagraphLocator(t *testing.T) {
	doc := &load.Document{File: "t.md", Slug: "t"}
	for i, text := range []string{"一、双方同意：", "第二段文字。", "二、结束。"} {
		doc.Paragraphs = append(doc.Paragraphs, load.Paragraph{Text: text, Line: i + 1})
	}
	d, err := structure.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	b := d.Block("para_1")
	if got := b.ParagraphLocator(1); got.Zh != "第一条第二段" || got.En != "para. 1, second paragraph" {
		t.Errorf("second paragraph: %+v", got)
	}
	if got := b.ParagraphLocator(0); got != b.Locator {
		t.Errorf("first paragraph: %+v, want the block's %+v", got, b.Locator)
	}
}
