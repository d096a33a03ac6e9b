package structure

import (
	"fmt"
	"slices"

	"statements/generator/grammar"
)

// tree builds the blocks of one body from its lines: the preamble, then
// the numbered blocks, each holding the blocks of greater rank that follow it.
type tree struct {
	file    string
	top     []*Block
	open    []*Block                  // numbered blocks (and 款), outermost first
	lastNum map[*Block]map[rowKey]int // parent (nil: top) → row → last number used
	through map[rowKey]int            // row → last number used in the body
	topRank int                       // rank of the body's first number
	// continued is the first paragraph after the last number so far taken
	// as a further paragraph of a clause; nil if there is none.
	continued *line
	contBlock *Block
}

// rowKey is a row of the grammar; decimal numbers differ by their depth.
type rowKey struct {
	level *grammar.Level
	depth int
}

func newTree(file string) *tree {
	return &tree{file: file, lastNum: map[*Block]map[rowKey]int{}, through: map[rowKey]int{}}
}

func (t *tree) errorf(line int, format string, args ...any) error {
	return &Error{File: t.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (t *tree) add(l line) error {
	para := Paragraph{Text: l.Text, Line: l.Line}
	if !l.numbered {
		t.addUnnumbered(l, para)
		return nil
	}
	m := l.marker
	if t.topRank == 0 {
		t.topRank = m.Rank
	}
	if m.Rank < t.topRank {
		return t.errorf(l.Line, "%s is a number of a higher level than the %s the text began with; a lower level has no parent here", m.Text, t.first().Marker)
	}
	for len(t.open) > 0 && t.open[len(t.open)-1].rank >= m.Rank {
		t.open = t.open[:len(t.open)-1]
	}
	var parent *Block
	if len(t.open) > 0 {
		parent = t.open[len(t.open)-1]
	}
	if err := t.checkNumber(parent, m, l.Line); err != nil {
		return err
	}
	blk := &Block{Level: m.Level, Num: m.Num, Marker: m.Text, rank: m.Rank, path: m.Path, Parent: parent,
		Heading: l.heading, Paragraphs: []Paragraph{para}}
	if parent == nil {
		t.top = append(t.top, blk)
	} else {
		parent.Children = append(parent.Children, blk)
	}
	t.open = append(t.open, blk)
	t.continued, t.contBlock = nil, nil
	return nil
}

// first is the body's first numbered block.
func (t *tree) first() *Block {
	for _, b := range t.top {
		if b.Numbered() {
			return b
		}
	}
	return nil
}

// addUnnumbered places a paragraph without a number: before the first
// number it is the preamble's; in an article it starts a further
// paragraph of the article (款: an article's text is all the law says, so
// even after the last article it is one); after a heading it is the
// heading's introduction; anywhere else it continues the innermost clause,
// and after the last number the build warns, as it may close the whole
// document instead.
func (t *tree) addUnnumbered(l line, para Paragraph) {
	if len(t.open) == 0 {
		t.top = append(t.top, &Block{Kind: Preamble, Paragraphs: []Paragraph{para}})
		return
	}
	cur := t.open[len(t.open)-1]
	if art := articleOf(cur); art != nil {
		for t.open[len(t.open)-1] != art {
			t.open = t.open[:len(t.open)-1]
		}
		clause := &Block{Kind: Para, Element: grammar.ParaAKN, rank: grammar.ClauseRank, Parent: art, Paragraphs: []Paragraph{para}}
		art.Children = append(art.Children, clause)
		t.open = append(t.open, clause)
		return
	}
	cur.Paragraphs = append(cur.Paragraphs, para) // a heading's become its intro in name()
	if !cur.Heading {
		t.noteContinued(l, cur)
	}
}

func (t *tree) noteContinued(l line, b *Block) {
	if t.continued == nil {
		t.continued, t.contBlock = &l, b
	}
}

// articleOf is the article a paragraph after cur belongs to: cur itself,
// or the article of the 款 or item cur is.
func articleOf(cur *Block) *Block {
	for b := cur; b != nil; b = b.Parent {
		switch {
		case b.rank == grammar.ClauseRank:
			return b.Parent
		case b.Level == nil:
			return nil
		case b.Level.Items:
			return b
		case b.Level.Family != grammar.GBT:
			return nil
		}
	}
	return nil
}

// checkNumber enforces counting 1, 2, 3… at one level under one parent,
// or on from the level's last number in the body (一、 … 五、 under 第一章,
// 六、 under 第二章). Articles count through the body; a decimal number
// stands under the number it extends (2.1 under 2).
func (t *tree) checkNumber(parent *Block, m grammar.Marker, line int) error {
	key := rowKey{m.Level, len(m.Path)}
	used := t.lastNum[parent]
	if used == nil {
		used = map[rowKey]int{}
		t.lastNum[parent] = used
	}
	last, through := used[key], t.through[key]
	want := last + 1
	if m.Level.Family == grammar.Decimal {
		if parent != nil && parent.path != nil && !isPrefix(parent.path, m.Path) {
			return t.errorf(line, "section %s stands under section %s: its number does not extend it", m.Text, parent.Marker)
		}
	} else if m.Level.Through {
		last, want = through, through+1
	} else if last == 0 && through > 0 && m.Num == through+1 {
		want = m.Num // numbered on through the body
	}
	switch {
	case m.Num == want:
	case last == 0:
		return t.errorf(line, "numbering starts at %s; expected number %d first", m.Text, want)
	case m.Num == last:
		return t.errorf(line, "number %s repeats the number before it", m.Text)
	case m.Num < last:
		return t.errorf(line, "numbering goes backwards: %s after number %d", m.Text, last)
	default:
		return t.errorf(line, "numbering skips: %s after number %d (expected %d)", m.Text, last, want)
	}
	used[key] = m.Num
	t.through[key] = m.Num
	return nil
}

func isPrefix(prefix, path []int) bool {
	return len(prefix) < len(path) && slices.Equal(prefix, path[:len(prefix)])
}
