package structure

import (
	"fmt"
	"slices"

	"statements/generator/grammar"
	"statements/generator/load"
)

// ClosingDirective is the line an editor puts in a content file before the
// closing matter where its form cannot tell (see the package doc). It is
// not part of the published text.
const ClosingDirective = load.ClosingDirective

// Build derives the structure of one document.
func Build(doc *load.Document) (*Document, error) {
	lines := readLines(doc.Paragraphs)
	segs, warnings := segments(lines, doc.File)
	d := &Document{Document: doc, Warnings: warnings, byID: map[string]*Block{}}
	for i, seg := range segs {
		if i == 0 {
			blocks, err := d.segmentBlocks(lines, seg, nil, "")
			if err != nil {
				return nil, err
			}
			d.Top = append(d.Top, blocks...)
			continue
		}
		att := &Block{Kind: Attachment, Element: "attachment", Heading: true}
		for _, k := range seg.head {
			att.Paragraphs = append(att.Paragraphs, Paragraph{Text: lines[k].Text, Line: lines[k].Line, Role: headRole(lines[k])})
		}
		name(att, fmt.Sprintf("%s_%d", Attachment, i))
		setLabel(att, grammar.AttachmentLabel(i))
		att.Locator = labelOf(att)
		children, err := d.segmentBlocks(lines, seg, att, att.EID+"__")
		if err != nil {
			return nil, err
		}
		att.Children = children
		d.Top = append(d.Top, att)
	}
	if err := d.index(d.Top); err != nil {
		return nil, err
	}
	d.linkTOCs()
	d.chars = charCount(doc.Paragraphs)
	for _, b := range d.Blocks {
		b.excerpt = newExcerpt(b)
		b.titles = make([][][2]int, len(b.Paragraphs))
		for i, p := range b.Paragraphs {
			b.titles[i] = grammar.Titles(p.Text)
		}
	}
	return d, nil
}

// linkTOCs finds, for each entry of a printed table of contents, the
// heading it repeats, in the same part of the document.
func (d *Document) linkTOCs() {
	for _, toc := range d.Blocks {
		if toc.Kind != TOC {
			continue
		}
		headings := map[string]*Block{}
		for _, b := range d.Blocks {
			if b.Heading && inside(b, toc.Parent) {
				key := grammar.NormalizeHeading(b.Paragraphs[0].Text)
				if _, taken := headings[key]; !taken {
					headings[key] = b
				}
			}
		}
		for _, p := range toc.Paragraphs[1:] {
			if target := headings[grammar.NormalizeHeading(p.Text)]; target != nil {
				if d.tocTargets == nil {
					d.tocTargets = map[string]*Block{}
				}
				d.tocTargets[p.ID] = target
			}
		}
	}
}

// inside reports whether b is within the attachment att (nil: the main text).
func inside(b, att *Block) bool {
	for p := b; p != nil; p = p.Parent {
		if p.Kind == Attachment {
			return p == att
		}
	}
	return att == nil
}

// TOCTarget is the block whose heading the entry (a paragraph id of a
// printed table of contents) repeats, or nil.
func (d *Document) TOCTarget(entry string) *Block { return d.tocTargets[entry] }

func headRole(l line) string {
	switch l.kind {
	case grammar.Attachment:
		return RoleMark
	case grammar.Note:
		return string(grammar.Note)
	}
	return RoleTitle
}

// segmentBlocks gives the blocks of the main text or of an attachment:
// preface, table of contents, preamble, clauses, conclusions.
func (d *Document) segmentBlocks(lines []line, seg segment, att *Block, prefix string) ([]*Block, error) {
	var blocks []*Block
	if len(seg.preface) > 0 {
		b := linesBlock(Preface, "preface", lines, seg.preface, prefaceRole)
		name(b, prefix+string(Preface))
		setLabel(b, grammar.PrefaceLabel)
		blocks = append(blocks, b)
	}
	if len(seg.toc) > 0 {
		b := linesBlock(TOC, "toc", lines, seg.toc, func(line) string { return RoleEntry })
		b.Paragraphs[0].Role = RoleTitle // 目录
		name(b, prefix+string(TOC))
		setLabel(b, grammar.TOCLabel)
		blocks = append(blocks, b)
	}
	body, err := d.bodyBlocks(lines, seg, prefix)
	if err != nil {
		return nil, err
	}
	blocks = append(blocks, body...)
	if seg.closing < seg.end {
		idx := make([]int, 0, seg.end-seg.closing)
		for k := seg.closing; k < seg.end; k++ {
			idx = append(idx, k)
		}
		b := linesBlock(Conclusions, "conclusions", lines, idx, line.role)
		name(b, prefix+string(Conclusions))
		setLabel(b, grammar.ClosingLabel)
		if onlyDatelines(b) {
			setLabel(b, grammar.DatelineLabel)
		}
		blocks = append(blocks, b)
	}
	locate(blocks, att.locatorOrZero())
	for _, b := range blocks {
		b.Parent = att
		if att != nil {
			prefixLabels(b, labelOf(att))
		}
	}
	return blocks, nil
}

// bodyBlocks gives the clauses of a body: numbered blocks after a
// preamble, or, in a text without numbers, one block per paragraph.
func (d *Document) bodyBlocks(lines []line, seg segment, prefix string) ([]*Block, error) {
	body := demoteLoneDecimals(lines[seg.body:seg.closing])
	numbered := false
	for _, l := range body {
		numbered = numbered || l.numbered
	}
	if !numbered {
		blocks := make([]*Block, len(body))
		for i, l := range body {
			b := &Block{Kind: Para, Element: "paragraph", Paragraphs: []Paragraph{{Text: l.Text, Line: l.Line}}}
			name(b, fmt.Sprintf("%s%s_%d", prefix, Para, i+1))
			setLabel(b, grammar.ParagraphLabel(i+1))
			blocks[i] = b
		}
		return blocks, nil
	}
	t := newTree(d.File)
	for _, l := range body {
		if err := t.add(l); err != nil {
			return nil, err
		}
	}
	preamble := 0
	var numberedTop []*Block
	for _, b := range t.top {
		if b.Kind == Preamble {
			preamble++
			b.Element = "p"
			name(b, fmt.Sprintf("%s%s__p_%d", prefix, Preamble, preamble))
			setLabel(b, grammar.PreambleLabel(preamble))
			continue
		}
		numberedTop = append(numberedTop, b)
	}
	nameNumbered(numberedTop, nil, prefix)
	if t.continued != nil && !marked(lines, seg) {
		c := t.contBlock
		d.Warnings = append(d.Warnings, &Error{File: d.File, Line: t.continued.Line, Msg: fmt.Sprintf(
			"took this paragraph, after the last numbered clause, as part of %s (%s); if it closes the whole document instead, put a line %s before it",
			c.Label, c.EID, ClosingDirective)})
	}
	return t.top, nil
}

// demoteLoneDecimals reads "1　总则" as a decimal number only in a body
// that has numbers like 1.1 too: alone, "100 多个国家" is text.
func demoteLoneDecimals(body []line) []line {
	for _, l := range body {
		if l.numbered && len(l.marker.Path) > 1 {
			return body
		}
	}
	var out []line
	for i, l := range body {
		if l.numbered && len(l.marker.Path) == 1 {
			if out == nil {
				out = slices.Clone(body)
			}
			out[i].numbered, out[i].marker = false, grammar.Marker{}
			out[i].heading = grammar.ReadsAsHeading(l.Text)
		}
	}
	if out == nil {
		return body
	}
	return out
}

// marked reports whether the editor placed the closing of seg.
func marked(lines []line, seg segment) bool {
	for _, l := range lines[seg.start:seg.end] {
		if l.ClosingStarts || l.NoClosingAfter {
			return true
		}
	}
	return false
}

func prefaceRole(l line) string {
	switch {
	case l.kind != grammar.Text:
		return string(l.kind)
	case grammar.Addressee(l.Text):
		return RoleAddressee
	}
	return RoleTitle
}

// linesBlock is a block made of whole lines: a preface, a table of contents, a closing.
func linesBlock(kind Kind, element string, lines []line, idx []int, role func(line) string) *Block {
	b := &Block{Kind: kind, Element: element}
	for _, k := range idx {
		b.Paragraphs = append(b.Paragraphs, Paragraph{Text: lines[k].Text, Line: lines[k].Line, Role: role(lines[k])})
	}
	return b
}

func onlyDatelines(b *Block) bool {
	for _, p := range b.Paragraphs {
		if p.Role != string(grammar.Dateline) {
			return false
		}
	}
	return true
}

// prefixLabels puts an attachment's label before the labels of its blocks.
func prefixLabels(b *Block, att grammar.Label) {
	setLabel(b, grammar.InAttachmentLabel(att, labelOf(b)))
	for _, c := range b.Children {
		prefixLabels(c, att)
	}
}

// index lists every block in reading order and checks that ids are unique.
func (d *Document) index(bs []*Block) error {
	for _, blk := range bs {
		if prev, dup := d.byID[blk.EID]; dup {
			return &Error{File: d.File, Line: blk.Line(), Msg: fmt.Sprintf("duplicate id %s: the paragraph at line %d has it too", blk.EID, prev.Line())}
		}
		d.byID[blk.EID] = blk
		blk.Index = len(d.Blocks)
		d.Blocks = append(d.Blocks, blk)
		if err := d.index(blk.Children); err != nil {
			return err
		}
	}
	return nil
}

// charCount is the number of non-space characters of paragraphs.
func charCount(paragraphs []load.Paragraph) int {
	n := 0
	for _, p := range paragraphs {
		for _, r := range p.Text {
			if r != ' ' {
				n++
			}
		}
	}
	return n
}
