package grammar

import (
	"fmt"
	"strings"
)

// # Locators
//
// A locator is how a reader points at a block in running text, a footnote
// or a reference list: para. 4 and 第四条 where the label, the number as
// printed, is 四. Labels name a block on the page; locators cite it. The
// rules, for a block and what holds it:
//
//	block                                   Chinese              English
//	preface, contents, closing, dateline    文头 目录 落款 电头     preface, table of contents, closing, dateline
//	preamble paragraph 3                    序言第3段             preamble, para. 3
//	paragraph 4 of a text without numbers   第四段                para. 4
//	GB/T, top level, a clause (四、)         第四条                para. 4
//	GB/T, top level, a heading (一、标题)     第一部分              Part I
//	GB/T, under a top-level block (5.)      第一部分第5项          Part I, item 5
//	GB/T, deeper ((2) under 5.)             第一部分第5项第2目      Part I, item 5(2)
//	GB/T, deeper still (① under (2))        第一部分第5项第2目（1）  Part I, item 5(2)(1)
//	a heading's introduction                第二部分导语           Part II, introduction
//	articles and their 款, 项, 目            第十二条第二款第（三）项  Art. 12(2)(iii)
//	chapters, sections…                     第二章第一节           Ch. 2, Sec. 1
//	decimal sections (2.1)                  第2.1节               sec. 2.1
//	attachment 1, and a block within it     附件1, 附件1第四条      Attachment 1, Attachment 1, para. 4
//	a block's second paragraph              第四条第二段           para. 4, second paragraph
//
// A GB/T block under a block of another family ((1) under 1.2, 一、 under
// 第一章) is an item of it: 第1.2节第1项, sec. 1.2, item 1.
var (
	preambleLocatorFormat  = Label{"序言第%d段", "preamble, para. %d"}
	unnumberedLocatorFmt   = Label{"第%s段", "para. %d"}
	clauseLocatorFormat    = Label{"第%s条", "para. %d"}
	partLocatorFormat      = Label{"第%s部分", "Part %s"}
	itemLocatorFormat      = Label{"%s第%d项", "%s, item %d"}
	subitemLocatorFormat   = Label{"%s第%d目", "%s(%d)"}
	deeperLocatorFormat    = Label{"%s（%d）", "%s(%d)"}
	introLocatorFormat     = Label{"%s导语", "%s, introduction"}
	decimalLocatorFormat   = Label{"第%s节", "sec. %s"}
	paragraphLocatorFormat = Label{"%s第%s段", "%s, %s paragraph"}
	underLocatorFormat     = Label{"%s%s", "%s, %s"}
)

// PreambleLocator locates the nth paragraph of a preamble.
func PreambleLocator(n int) Label {
	return Label{fmt.Sprintf(preambleLocatorFormat.Zh, n), fmt.Sprintf(preambleLocatorFormat.En, n)}
}

// UnnumberedLocator locates the nth paragraph of a text without numbers.
func UnnumberedLocator(n int) Label {
	return Label{fmt.Sprintf(unnumberedLocatorFmt.Zh, ChineseNumeral(n)), fmt.Sprintf(unnumberedLocatorFmt.En, n)}
}

// GBTTopLocator locates a GB/T block numbered num at the top of the main
// text or of an attachment (located by outer): a part if it is a heading,
// a clause if not.
func GBTTopLocator(num int, heading bool, outer Label) Label {
	l := Label{fmt.Sprintf(clauseLocatorFormat.Zh, ChineseNumeral(num)), fmt.Sprintf(clauseLocatorFormat.En, num)}
	if heading {
		l = Label{fmt.Sprintf(partLocatorFormat.Zh, ChineseNumeral(num)), fmt.Sprintf(partLocatorFormat.En, strings.ToUpper(roman(num)))}
	}
	return Under(outer, l)
}

// GBTItemLocator locates a GB/T block numbered num under the block located
// by parent, depth GB/T levels below the top one or below a block of
// another family: an item (项) at depth 1, a sub-item (目) at 2, then
// bracketed numbers.
func GBTItemLocator(parent Label, depth, num int) Label {
	f := itemLocatorFormat
	switch {
	case depth == 2:
		f = subitemLocatorFormat
	case depth > 2:
		f = deeperLocatorFormat
	}
	return Label{fmt.Sprintf(f.Zh, parent.Zh, num), fmt.Sprintf(f.En, parent.En, num)}
}

// IntroLocator locates the introduction of the heading located by parent.
func IntroLocator(parent Label) Label {
	return Label{fmt.Sprintf(introLocatorFormat.Zh, parent.Zh), fmt.Sprintf(introLocatorFormat.En, parent.En)}
}

// DecimalLocator locates a decimal section: 2.1.
func DecimalLocator(number string) Label {
	return Label{fmt.Sprintf(decimalLocatorFormat.Zh, number), fmt.Sprintf(decimalLocatorFormat.En, number)}
}

// ParagraphLocator locates the nth paragraph (n ≥ 2) of the block located by block.
func ParagraphLocator(block Label, n int) Label {
	return Label{fmt.Sprintf(paragraphLocatorFormat.Zh, block.Zh, ChineseNumeral(n)), fmt.Sprintf(paragraphLocatorFormat.En, block.En, paragraphOrdinal(n))}
}

// Under puts the locator of what holds a block before the block's own:
// 附件1第四条, Attachment 1, para. 4. A zero outer leaves inner as it is.
func Under(outer, inner Label) Label {
	if outer.Zh == "" {
		return inner
	}
	return Label{fmt.Sprintf(underLocatorFormat.Zh, outer.Zh, inner.Zh), fmt.Sprintf(underLocatorFormat.En, outer.En, inner.En)}
}

// paragraphOrdinal is an ordinal word for a block's nth paragraph: second,
// third … tenth, then 11th.
func paragraphOrdinal(n int) string {
	words := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n > 0 && n < len(words) {
		return words[n]
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprint(n) + suffix
}
