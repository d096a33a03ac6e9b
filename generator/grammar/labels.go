package grammar

import (
	"fmt"
	"strings"
)

// Label is how a block is cited: in Chinese and in English.
type Label struct{ Zh, En string }

// The labels of the blocks that have no number of their own, and of the
// parts of an article. %d is a count from 1, %s a label.
var (
	PrefaceLabel           = Label{"文头", "preface"}
	TOCLabel               = Label{"目录", "table of contents"}
	DatelineLabel          = Label{"电头", "dateline"}
	ClosingLabel           = Label{"落款", "closing"}
	preambleFormat         = Label{"序言第%d段", "preamble, paragraph %d"}
	paragraphFormat        = Label{"第%d段", "paragraph %d"}
	introFormat            = Label{"%s导语", "%s, introduction"}
	attachmentFormat       = Label{"附件%d", "Attachment %d"}
	attachmentPrefixFormat = Label{"%s ", "%s, "}
	clauseFormat           = Label{"第%s款", "(%d)"}
	itemFormat             = Label{"第%s项", "(%s)"}
	subitemFormat          = Label{"第%s目", "(%s)"}
)

// PreambleLabel labels the nth paragraph of a preamble.
func PreambleLabel(n int) Label {
	return Label{fmt.Sprintf(preambleFormat.Zh, n), fmt.Sprintf(preambleFormat.En, n)}
}

// ParagraphLabel labels the nth paragraph of a document without numbers.
func ParagraphLabel(n int) Label {
	return Label{fmt.Sprintf(paragraphFormat.Zh, n), fmt.Sprintf(paragraphFormat.En, n)}
}

// IntroLabel labels the introduction of a heading labelled parent; joiner is
// the punctuation its number loses in the label (二 → 二、导语).
func IntroLabel(parent Label, joiner string) Label {
	return Label{fmt.Sprintf(introFormat.Zh, parent.Zh+joiner), fmt.Sprintf(introFormat.En, parent.En)}
}

// AttachmentLabel labels the nth attachment.
func AttachmentLabel(n int) Label {
	return Label{fmt.Sprintf(attachmentFormat.Zh, n), fmt.Sprintf(attachmentFormat.En, n)}
}

// InAttachmentLabel labels a block of an attachment.
func InAttachmentLabel(att, inner Label) Label {
	return Label{fmt.Sprintf(attachmentPrefixFormat.Zh, att.Zh) + inner.Zh, fmt.Sprintf(attachmentPrefixFormat.En, att.En) + inner.En}
}

// ClauseLabel labels an article's kth paragraph (款): 第五条第二款, Art. 5(2).
func ClauseLabel(article Label, k int) Label {
	return Label{article.Zh + fmt.Sprintf(clauseFormat.Zh, ChineseNumeral(k)), article.En + fmt.Sprintf(clauseFormat.En, k)}
}

// ItemLabel labels an item of an article, or of one of its paragraphs or items:
// depth 1 is an item (项: 第（一）项, (i)), deeper ones sub-items (目: 第1目, (1)).
func ItemLabel(parent Label, m Marker, depth int) Label {
	printed := strings.TrimRight(m.Text, "、.．")
	if depth == 1 {
		return Label{parent.Zh + fmt.Sprintf(itemFormat.Zh, printed), parent.En + fmt.Sprintf(itemFormat.En, roman(m.Num))}
	}
	return Label{parent.Zh + fmt.Sprintf(subitemFormat.Zh, printed), parent.En + fmt.Sprintf(subitemFormat.En, fmt.Sprint(m.Num))}
}

// NumberedLabel labels a numbered block under a parent labelled parent (zero
// for none): the printed number for GB/T (二、5), the marker for articles
// (第二章第一节; an article alone: 第十二条), the number for decimals (2.1).
func NumberedLabel(parent Label, parentLevel *Level, m Marker) Label {
	l := m.Level
	switch l.Family {
	case Articles:
		en := fmt.Sprintf(l.CiteEn, m.Num)
		if l.Through || parent.Zh == "" {
			return Label{m.Text, en}
		}
		return Label{parent.Zh + m.Text, parent.En + ", " + en}
	case Decimal:
		return Label{m.Text, fmt.Sprintf(l.CiteEn, m.Text)}
	}
	zh, en := strings.TrimRight(m.Text, l.Trim), numberEn(l, m.Num)
	if parent.Zh != "" {
		joiner := ""
		if parentLevel != nil {
			joiner = parentLevel.Joiner
		}
		zh = parent.Zh + joiner + zh
		if !strings.HasPrefix(en, "(") {
			en = "." + en
		}
		en = parent.En + en
	}
	return Label{zh, en}
}

// numberEn writes a GB/T number the English way (Level.NumberEn).
func numberEn(l *Level, n int) string {
	if l.NumberEn == "%R" {
		return strings.ToUpper(roman(n))
	}
	return fmt.Sprintf(l.NumberEn, n)
}

// roman writes 1 … 3999 in lower-case Roman numerals.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return fmt.Sprint(n)
	}
	var b strings.Builder
	for _, s := range []struct {
		v int
		r string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= s.v {
			b.WriteString(s.r)
			n -= s.v
		}
	}
	return b.String()
}
