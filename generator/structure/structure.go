package structure

import (
	"fmt"
	"strings"

	"statements/generator/load"
)

// Kind says what a block is, in Akoma Ntoso terms; it is also the stem of its id.
type Kind string

// The kinds of block.
const (
	Preamble    Kind = "preamble"    // a paragraph before the first number
	Part        Kind = "part"        // level 1 with children
	Section     Kind = "sec"         // level 2 with children
	Para        Kind = "para"        // level 3 with children, or levels 1–3 without
	Subpara     Kind = "subpara"     // level 4
	Intro       Kind = "intro"       // a heading's introduction
	Conclusions Kind = "conclusions" // the dateline
)

// Paragraph is one published paragraph of a block, with its own id.
type Paragraph struct {
	ID   string // the block's id for the first paragraph, <block id>__p_N for the others
	Text string
	Line int
}

// Block is an anchored unit of a document: what a reader links to and cites.
type Block struct {
	EID        string
	Kind       Kind
	Level      int    // numbering level 1–4; 0 when unnumbered
	Num        int    // printed number as an integer; 0 when unnumbered
	Marker     string // the number as printed: "二十一、", "（一）", "5.", "" when unnumbered
	Label      string // the number to cite, as printed: "四", "二、5", "一、（一）2.（1）"
	LabelEn    string // the same in an English citation
	Heading    bool   // a numbered title line; its text continues in its intro and children
	Paragraphs []Paragraph
	Parent     *Block   // nil at the top
	Children   []*Block // intro first, then numbered children
	Index      int      // position in Document.Blocks
}

// Text is the block as published: its paragraphs joined by "\n".
func (b *Block) Text() string {
	texts := make([]string, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\n")
}

// Line is the source line of the block's first paragraph.
func (b *Block) Line() int { return b.Paragraphs[0].Line }

// Ancestors lists the block's parents, outermost first.
func (b *Block) Ancestors() []*Block {
	var as []*Block
	for p := b.Parent; p != nil; p = p.Parent {
		as = append([]*Block{p}, as...)
	}
	return as
}

// Document is a loaded document with its structure.
type Document struct {
	*load.Document
	Blocks []*Block // every block in reading order
	Top    []*Block // preamble paragraphs, top-level numbered blocks, the dateline
	byID   map[string]*Block
}

// Block returns the block with the given id, or nil.
func (d *Document) Block(eid string) *Block { return d.byID[eid] }

// Error is a structural problem at one line of a content file.
type Error = load.Error

// Build derives the structure of one document.
func Build(doc *load.Document) (*Document, error) {
	b := builder{doc: doc, lastNum: map[*Block]map[int]int{}}
	for i, p := range doc.Paragraphs {
		if err := b.add(p, i == len(doc.Paragraphs)-1); err != nil {
			return nil, err
		}
	}
	d := &Document{Document: doc, Top: b.top, byID: map[string]*Block{}}
	preambleN := 0
	for _, blk := range b.top {
		switch blk.Kind {
		case Preamble:
			preambleN++
			name(blk, nil, fmt.Sprintf("preamble__p_%d", preambleN))
			blk.Label = fmt.Sprintf("序言第%d段", preambleN)
			blk.LabelEn = fmt.Sprintf("preamble, paragraph %d", preambleN)
		case Conclusions:
			name(blk, nil, "conclusions")
			blk.Label, blk.LabelEn = "电头", "dateline"
		default:
			shape(blk, nil)
		}
	}
	var walk func([]*Block) error
	walk = func(bs []*Block) error {
		for _, blk := range bs {
			if prev, dup := d.byID[blk.EID]; dup {
				return &Error{File: doc.File, Line: blk.Line(), Msg: fmt.Sprintf("duplicate id %s: the paragraph at line %d has it too", blk.EID, prev.Line())}
			}
			d.byID[blk.EID] = blk
			blk.Index = len(d.Blocks)
			d.Blocks = append(d.Blocks, blk)
			if err := walk(blk.Children); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(b.top); err != nil {
		return nil, err
	}
	return d, nil
}

// builder reads paragraphs one by one, keeping the numbered blocks still open.
type builder struct {
	doc      *load.Document
	top      []*Block
	open     []*Block               // numbered blocks, outermost first
	lastNum  map[*Block]map[int]int // parent (nil: top) → level → last number used
	topLevel int                    // level of the document's first number
}

func (b *builder) errorf(line int, format string, args ...any) error {
	return &Error{File: b.doc.File, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (b *builder) add(p load.Paragraph, last bool) error {
	para := Paragraph{Text: p.Text, Line: p.Line}
	if last && IsDateline(p.Text) {
		b.top = append(b.top, &Block{Kind: Conclusions, Paragraphs: []Paragraph{para}})
		return nil
	}
	m, numbered := parseMarker(p.Text)
	if !numbered {
		if len(b.open) == 0 {
			b.top = append(b.top, &Block{Kind: Preamble, Paragraphs: []Paragraph{para}})
			return nil
		}
		cur := b.open[len(b.open)-1]
		cur.Paragraphs = append(cur.Paragraphs, para) // sorted out by shape()
		return nil
	}
	if b.topLevel == 0 {
		b.topLevel = m.level
	}
	if m.level < b.topLevel {
		return b.errorf(p.Line, "%s is a level-%d number, above the level-%d numbering the document began with; a deeper level has no parent", m.text, m.level, b.topLevel)
	}
	for len(b.open) > 0 && b.open[len(b.open)-1].Level >= m.level {
		b.open = b.open[:len(b.open)-1]
	}
	var parent *Block
	if len(b.open) > 0 {
		parent = b.open[len(b.open)-1]
	}
	if err := b.checkNumber(parent, m, p.Line); err != nil {
		return err
	}
	blk := &Block{Level: m.level, Num: m.num, Marker: m.text, Parent: parent, Paragraphs: []Paragraph{para}}
	if parent == nil {
		b.top = append(b.top, blk)
	} else {
		parent.Children = append(parent.Children, blk)
	}
	b.open = append(b.open, blk)
	return nil
}

// checkNumber enforces counting 1, 2, 3… at one level under one parent.
// (Siblings of different levels that end with the same id are caught as duplicate ids.)
func (b *builder) checkNumber(parent *Block, m marker, line int) error {
	used := b.lastNum[parent]
	if used == nil {
		used = map[int]int{}
		b.lastNum[parent] = used
	}
	last := used[m.level]
	switch want := last + 1; {
	case m.num == want:
	case last == 0:
		return b.errorf(line, "numbering starts at %s; expected number %d first", m.text, want)
	case m.num == last:
		return b.errorf(line, "number %s repeats the number before it", m.text)
	case m.num < last:
		return b.errorf(line, "numbering goes backwards: %s after number %d", m.text, last)
	default:
		return b.errorf(line, "numbering skips: %s after number %d (expected %d)", m.text, last, want)
	}
	used[m.level] = m.num
	return nil
}

// name gives a block its id and its paragraphs theirs.
func name(blk *Block, parent *Block, stem string) {
	blk.EID = stem
	if parent != nil {
		blk.EID = parent.EID + "__" + stem
	}
	for i := range blk.Paragraphs {
		blk.Paragraphs[i].ID = blk.EID
		if i > 0 {
			blk.Paragraphs[i].ID = fmt.Sprintf("%s__p_%d", blk.EID, i+1)
		}
	}
}

// shape decides a numbered block's kind, id, label, heading and intro, then its children's.
func shape(blk *Block, parent *Block) {
	var numbered []*Block
	for _, c := range blk.Children {
		numbered = append(numbered, c)
	}
	hasChildren := len(numbered) > 0
	switch {
	case hasChildren && blk.Level == 1:
		blk.Kind = Part
	case hasChildren && blk.Level == 2:
		blk.Kind = Section
	case blk.Level == 4:
		blk.Kind = Subpara
	default:
		blk.Kind = Para
	}
	blk.Heading = hasChildren && !endsSentence(blk.Paragraphs[0].Text)
	if blk.Heading && len(blk.Paragraphs) > 1 {
		intro := &Block{Kind: Intro, Parent: blk, Paragraphs: blk.Paragraphs[1:]}
		blk.Paragraphs = blk.Paragraphs[:1]
		blk.Children = append([]*Block{intro}, blk.Children...)
	}
	name(blk, parent, fmt.Sprintf("%s_%d", blk.Kind, blk.Num))
	blk.Label = strings.TrimRight(blk.Marker, "、.．")
	if parent != nil {
		blk.Label = parent.Label + parentJoiner(parent) + blk.Label
	}
	blk.LabelEn = blk.Label
	for _, c := range blk.Children {
		if c.Kind == Intro {
			name(c, blk, "intro")
			c.Label, c.LabelEn = blk.Label+parentJoiner(blk)+"导语", blk.LabelEn+", introduction"
			continue
		}
		shape(c, blk)
	}
}

// parentJoiner restores the punctuation a level-1 or level-3 number loses in a label: 二 + 5 → 二、5.
func parentJoiner(parent *Block) string {
	switch {
	case strings.HasSuffix(parent.Marker, "、"):
		return "、"
	case strings.HasSuffix(parent.Marker, ".") || strings.HasSuffix(parent.Marker, "．"):
		return "."
	}
	return ""
}
