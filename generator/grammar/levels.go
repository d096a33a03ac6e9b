package grammar

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Family is a numbering system.
type Family string

// The families of numbering.
const (
	GBT      Family = "gbt"      // GB/T 9704: 一、 （一） 1. （1） ①
	Articles Family = "articles" // 第X编 第X章 第X节 第X条
	Decimal  Family = "decimal"  // 1　 1.1　 2.1.3
)

// Level is one row of the numbering grammar.
type Level struct {
	Name   string
	Family Family
	// Rank orders the levels of all families: a numbered block holds the
	// blocks of greater rank that follow it. A decimal number's rank is
	// Rank plus its count of components.
	Rank int
	// pattern matches the number at the start of a paragraph; its group 1
	// is the number, its whole match the marker as printed.
	pattern *regexp.Regexp
	// read turns group 1 into the number.
	read func(string) (int, bool)
	// Stem names the blocks of this level whose siblings have numbered
	// children (containers); LeafStem those whose siblings have none.
	Stem, LeafStem string
	// AKN and AKNLeaf are the Akoma Ntoso elements of containers and leaves.
	AKN, AKNLeaf string
	// Through: numbered through the whole document (or attachment), not
	// again under every parent, so its id does not nest (art_12).
	Through bool
	// Items: its numbered children of the GB/T family are items (项, 目),
	// named ItemStem, and its unnumbered paragraphs are further paragraphs
	// of its own (款), named ParaStem.
	Items bool
	// NotBefore lists the characters after which the marker is not one:
	// 1.5亿元 is a number in the text, 第一条的规定 a reference.
	NotBefore string
	// Joiner is put back between a parent's label and a child's where the
	// label drops the marker's punctuation: 二 + 5 → 二、5.
	Joiner string
	// Trim is the punctuation a label drops from the printed marker.
	Trim string
	// CiteEn is the English label of the number: "Art. %d"; "" to keep the
	// printed number.
	CiteEn string
	// NumberEn is how English writes a GB/T number, as the glossary's
	// convention has it (一、→ I., （一）→ (1), 1. → 1.): "%R" an upper-case
	// Roman numeral, "%d" the number, "(%d)" it in brackets.
	NumberEn string
}

// Inside an article: its items and its further paragraphs (款), which hold
// the items that follow them, so their rank is between the article's and
// its items'.
const (
	ClauseRank = 6
	ItemStem   = "point"
	ItemAKN    = "point"
	ParaStem   = "para"
	ParaAKN    = "paragraph"
)

// Marker is a number at the start of a paragraph.
type Marker struct {
	Level *Level
	Num   int    // the number: 21 for 二十一、, 3 for 2.1.3
	Path  []int  // a decimal number's components: [2 1 3]; nil for the others
	Text  string // as printed: "二十一、", "（一）", "第十二条", "2.1.3"
	Rank  int
}

// ID is the decimal number as an id: 2-1-3.
func (m Marker) ID() string {
	parts := make([]string, len(m.Path))
	for i, n := range m.Path {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, "-")
}

const (
	// digits may not follow 1. : 1.5亿元.
	digits = "0123456789０１２３４５６７８９"
	// referenceWords follow 第X条 when the text refers to it rather than
	// starting it: 第一条的规定, 第一条至第三条, 第二章、第三章.
	referenceWords = "的之所中规至、，。和及或与第"
	cn             = `[〇零一二两三四五六七八九十百千]+`
	arabic         = `[0-9０-９]`
)

// Levels is the numbering grammar. Parse tries its rows in order.
var Levels = []*Level{
	{Name: "book", Family: Articles, Rank: 1, pattern: regexp.MustCompile(`^第(` + cn + `|` + arabic + `{1,4})编`), read: readNumber, NotBefore: referenceWords,
		Stem: "book", LeafStem: "book", AKN: "book", AKNLeaf: "book", CiteEn: "Book %d"},
	{Name: "subbook", Family: Articles, Rank: 2, pattern: regexp.MustCompile(`^第(` + cn + `|` + arabic + `{1,4})分编`), read: readNumber, NotBefore: referenceWords,
		Stem: "subdvs", LeafStem: "subdvs", AKN: "subdivision", AKNLeaf: "subdivision", CiteEn: "Subbook %d"},
	{Name: "chapter", Family: Articles, Rank: 3, pattern: regexp.MustCompile(`^第(` + cn + `|` + arabic + `{1,4})章`), read: readNumber, NotBefore: referenceWords,
		Stem: "chp", LeafStem: "chp", AKN: "chapter", AKNLeaf: "chapter", CiteEn: "Ch. %d"},
	{Name: "section", Family: Articles, Rank: 4, pattern: regexp.MustCompile(`^第(` + cn + `|` + arabic + `{1,4})节`), read: readNumber, NotBefore: referenceWords,
		Stem: "sec", LeafStem: "sec", AKN: "section", AKNLeaf: "section", CiteEn: "Sec. %d"},
	{Name: "article", Family: Articles, Rank: 5, pattern: regexp.MustCompile(`^第(` + cn + `|` + arabic + `{1,4})条`), read: readNumber, NotBefore: referenceWords,
		Stem: "art", LeafStem: "art", AKN: "article", AKNLeaf: "article", Through: true, Items: true, CiteEn: "Art. %d"},
	{Name: "decimal", Family: Decimal, Rank: 10, pattern: regexp.MustCompile(`^([0-9]{1,3}(?:\.[0-9]{1,3}){0,5})[ \x{3000}]+[^ \x{3000}]`),
		Stem: "sec", LeafStem: "sec", AKN: "section", AKNLeaf: "section", Through: true, CiteEn: "sec. %s"},
	{Name: "gbt1", Family: GBT, Rank: 21, pattern: regexp.MustCompile(`^(` + cn + `)、`), read: ChineseNumber,
		Stem: "part", LeafStem: "para", AKN: "part", AKNLeaf: "paragraph", Joiner: "、", Trim: "、", NumberEn: "%R"},
	{Name: "gbt2", Family: GBT, Rank: 22, pattern: regexp.MustCompile(`^[（(](` + cn + `)[）)]`), read: ChineseNumber,
		Stem: "sec", LeafStem: "para", AKN: "section", AKNLeaf: "paragraph", NumberEn: "(%d)"},
	{Name: "gbt3", Family: GBT, Rank: 23, pattern: regexp.MustCompile(`^(` + arabic + `{1,3})[.．、]`), read: arabicNumber, NotBefore: digits,
		Stem: "para", LeafStem: "para", AKN: "paragraph", AKNLeaf: "paragraph", Joiner: ".", Trim: ".．、", NumberEn: "%d"},
	{Name: "gbt4", Family: GBT, Rank: 24, pattern: regexp.MustCompile(`^[（(](` + arabic + `{1,3})[）)]`), read: arabicNumber,
		Stem: "subpara", LeafStem: "subpara", AKN: "subparagraph", AKNLeaf: "subparagraph", NumberEn: "(%d)"},
	{Name: "gbt5", Family: GBT, Rank: 25, pattern: regexp.MustCompile(`^([\x{2460}-\x{2473}\x{3251}-\x{325F}\x{32B1}-\x{32BF}])`), read: circledNumber,
		Stem: "point", LeafStem: "point", AKN: "point", AKNLeaf: "point", NumberEn: "(%d)"},
}

// Parse finds the number a paragraph starts with.
func Parse(text string) (Marker, bool) {
	for _, l := range Levels {
		m := l.pattern.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		if l.Family == Decimal {
			mk, ok := parseDecimal(l, m[1], text)
			if ok {
				return mk, true
			}
			continue
		}
		if next, _ := utf8.DecodeRuneInString(text[len(m[0]):]); strings.ContainsRune(l.NotBefore, next) {
			continue
		}
		n, ok := l.read(m[1])
		if !ok || n <= 0 {
			continue
		}
		return Marker{Level: l, Num: n, Text: m[0], Rank: l.Rank}, true
	}
	return Marker{}, false
}

// parseDecimal reads 2.1.3 as a section number.
func parseDecimal(l *Level, number, text string) (Marker, bool) {
	var path []int
	for _, part := range strings.Split(number, ".") {
		n, err := strconv.Atoi(part)
		if err != nil || n <= 0 {
			return Marker{}, false
		}
		path = append(path, n)
	}
	if len(path) == 1 && !ReadsAsHeading(strings.TrimLeft(text[len(number):], " \u3000")) {
		return Marker{}, false
	}
	return Marker{Level: l, Num: path[len(path)-1], Path: path, Text: number, Rank: l.Rank + len(path)}, true
}

// Rest is the paragraph's text after its marker, without the space that
// may separate them: "第一条　总则" → "总则".
func (m Marker) Rest(text string) string {
	return strings.TrimLeft(strings.TrimPrefix(text, m.Text), " \u3000")
}
