package structure_test

import (
	"os"
	"strings"
	"testing"

	"statements/generator/load"
	"statements/generator/structure"
)

// shapes are the documents of testdata/content, one per shape of official
// document, with every block they must have, in reading order, as
// "eid kind label" — written out by hand from the rules in the package doc.
var shapes = map[string][]string{
	"gbt-skipped-levels": {
		"preamble__p_1 preamble 序言第1段",
		"part_1 part 一",
		"part_1__intro intro 一、导语",
		"part_2 part 二",
		"part_2__subpara_1 subpara 二、（1）",
		"part_2__subpara_2 subpara 二、（2）",
		"part_3 part 三",
		"part_3__sec_1 sec 三、（一）",
		"part_3__sec_1__para_1 para 三、（一）1",
		"part_3__sec_1__para_1__point_1 point 三、（一）1.①",
		"part_3__sec_1__para_1__point_2 point 三、（一）1.②",
		"part_3__sec_1__para_2 para 三、（一）2",
		"part_3__sec_2 sec 三、（二）",
	},
	"regulation-order": {
		"preface preface 文头",
		"para_1 para 第1段",
		"conclusions conclusions 落款",
		"att_1 att 附件1",
		"att_1__chp_1 chp 附件1_第一章",
		"att_1__art_1 art 附件1_第一条",
		"att_1__art_2 art 附件1_第二条",
		"att_1__art_2__point_1 point 附件1_第二条第（一）项",
		"att_1__art_2__point_2 point 附件1_第二条第（二）项",
		"att_1__art_2__para_2 para 附件1_第二条第二款",
		"att_1__chp_2 chp 附件1_第二章",
		"att_1__chp_2__sec_1 sec 附件1_第二章第一节",
		"att_1__art_3 art 附件1_第三条",
		"att_1__art_3__point_1 point 附件1_第三条第（一）项",
		"att_1__art_3__point_2 point 附件1_第三条第（二）项",
		"att_1__art_4 art 附件1_第四条",
		"att_1__art_4__point_1 point 附件1_第四条第（一）项",
		"att_1__art_4__point_2 point 附件1_第四条第（二）项",
		"att_1__art_4__point_2__point_1 point 附件1_第四条第（二）项第1目",
		"att_1__art_4__point_2__point_2 point 附件1_第四条第（二）项第2目",
		"att_1__chp_2__sec_2 sec 附件1_第二章第二节",
		"att_1__art_5 art 附件1_第五条",
		"att_1__chp_3 chp 附件1_第三章",
		"att_1__art_6 art 附件1_第六条",
	},
	"decimal-plan-cover": {
		"preface preface 文头",
		"para_1 para 第1段",
		"conclusions conclusions 落款",
		"att_1 att 附件1",
		"att_1__toc toc 附件1_目录",
		"att_1__sec_1 sec 附件1_1",
		"att_1__sec_1-1 sec 附件1_1.1",
		"att_1__sec_1-1__intro intro 附件1_1.1导语",
		"att_1__sec_1-2 sec 附件1_1.2",
		"att_1__sec_1-2__intro intro 附件1_1.2导语",
		"att_1__sec_1-2__subpara_1 subpara 附件1_1.2（1）",
		"att_1__sec_1-2__subpara_2 subpara 附件1_1.2（2）",
		"att_1__sec_2 sec 附件1_2",
		"att_1__sec_2-1 sec 附件1_2.1",
		"att_1__sec_2-1-1 sec 附件1_2.1.1",
		"att_1__sec_2-1-2 sec 附件1_2.1.2",
	},
	"notice": {
		"preface preface 文头",
		"preamble__p_1 preamble 序言第1段",
		"part_1 part 一",
		"part_2 part 二",
		"part_2__para_1 para 二、1",
		"part_2__para_2 para 二、2",
		"part_3 part 三",
		"conclusions conclusions 落款",
	},
	"joint-statement-unnumbered": {
		"para_1 para 第1段",
		"para_2 para 第2段",
		"para_3 para 第3段",
		"para_4 para 第4段",
		"para_5 para 第5段",
		"conclusions conclusions 落款",
	},
	"communique-signatures": {
		"preamble__p_1 preamble 序言第1段",
		"para_1 para 一",
		"para_2 para 二",
		"para_3 para 三",
		"conclusions conclusions 落款",
	},
	"opinions-attachment": {
		"preface preface 文头",
		"preamble__p_1 preamble 序言第1段",
		"part_1 part 一",
		"part_1__para_1 para 一、（一）",
		"part_1__para_2 para 一、（二）",
		"part_2 part 二",
		"part_2__intro intro 二、导语",
		"conclusions conclusions 落款",
		"att_1 att 附件1",
		"att_1__part_1 part 附件1_一",
		"att_1__part_1__para_1 para 附件1_一、（一）",
		"att_1__part_1__para_2 para 附件1_一、（二）",
		"att_1__part_2 part 附件1_二",
		"att_1__part_2__para_1 para 附件1_二、（一）",
	},
	"news-dateline-top": {
		"preface preface 文头",
		"para_1 para 第1段",
		"para_2 para 第2段",
	},
}

// roles are the roles of the lines of the blocks made of lines.
var roles = map[string]map[string]string{
	"regulation-order":           {"preface": "title docnumber", "conclusions": "signer date", "att_1": "title note"},
	"decimal-plan-cover":         {"preface": "docnumber addressee", "conclusions": "signer date", "att_1": "title"},
	"notice":                     {"preface": "docnumber addressee", "conclusions": "remark signer date note"},
	"joint-statement-unnumbered": {"conclusions": "date"},
	"communique-signatures":      {"conclusions": "date signer signer signer"},
	"opinions-attachment":        {"preface": "docnumber addressee", "conclusions": "attachments signer date note", "att_1": "mark title"},
	"news-dateline-top":          {"preface": "dateline"},
}

func loadShapes(t *testing.T) *load.Content {
	t.Helper()
	c, err := load.Load(os.DirFS("testdata/content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestShapes(t *testing.T) {
	c := loadShapes(t)
	if len(c.Documents) != len(shapes) {
		t.Errorf("%d documents in testdata/content, %d expected", len(c.Documents), len(shapes))
	}
	for _, doc := range c.Documents {
		t.Run(doc.Slug, func(t *testing.T) {
			d, err := structure.Build(doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range d.Warnings {
				t.Errorf("warning: %v", w)
			}
			var got []string
			for _, b := range d.Blocks {
				got = append(got, strings.Join([]string{b.EID, string(b.Kind), strings.ReplaceAll(b.Label, " ", "_")}, " "))
			}
			if want := shapes[doc.Slug]; strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for eid, want := range roles[doc.Slug] {
				b := d.Block(eid)
				if b == nil {
					t.Errorf("no block %s", eid)
					continue
				}
				var rs []string
				for _, p := range b.Paragraphs {
					rs = append(rs, p.Role)
				}
				if strings.Join(rs, " ") != want {
					t.Errorf("%s: line roles %q, want %q", eid, strings.Join(rs, " "), want)
				}
			}
			keepsEveryCharacter(t, doc, d)
		})
	}
}

// keepsEveryCharacter checks that the blocks hold the document's
// paragraphs, each once, in reading order.
func keepsEveryCharacter(t *testing.T, doc *load.Document, d *structure.Document) {
	t.Helper()
	var want, got []string
	for _, p := range doc.Paragraphs {
		want = append(want, p.Text)
	}
	ids := map[string]bool{}
	for _, b := range d.Blocks {
		for _, p := range b.Paragraphs {
			got = append(got, p.Text)
			if ids[p.ID] || p.ID == "" {
				t.Errorf("paragraph id %q empty or repeated", p.ID)
			}
			ids[p.ID] = true
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the blocks hold\n%s\nthe document\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
