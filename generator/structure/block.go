package structure

import (
	"strings"

	"statements/generator/grammar"
	"statements/generator/internal/digest"
	"statements/generator/load"
)

// Kind says what a block is; it is also the stem of its id.
type Kind string

// The kinds of block that are not named by a row of the numbering grammar
// (those take the row's stem: part, sec, para, subpara, point, book,
// subdvs, chp, art).
const (
	Preface     Kind = "preface"     // header lines before the text: document number, addressee…
	TOC         Kind = "toc"         // a printed table of contents
	Preamble    Kind = "preamble"    // a paragraph before the first number
	Para        Kind = "para"        // a paragraph of a document without numbers; an article's 款
	Intro       Kind = "intro"       // the text after a heading, before its first numbered child
	Conclusions Kind = "conclusions" // closing matter: signature, date, dateline, notes
	Attachment  Kind = "att"         // an attachment, with its own blocks below it
)

// Paragraph is one published paragraph of a block, with its own id.
type Paragraph struct {
	ID   string // the block's id for the first paragraph, <block id>__p_N for the others
	Text string
	Line int
	// Role is what a line of a preface, closing or attachment heading is:
	// "dateline", "docnumber", "title", "note", "date", "addressee",
	// "signer", "attachments", "remark", "mark", "entry"; "" in clauses.
	Role string
}

// The roles of lines.
const (
	RoleTitle       = "title"       // a heading line of a preface or an attachment
	RoleAddressee   = "addressee"   // 各省、自治区、直辖市人民政府：
	RoleSigner      = "signer"      // 国务院办公厅, 国务院总理　李强
	RoleAttachments = "attachments" // 附件：1.… listed before the signature
	RoleRemark      = "remark"      // a closing sentence set apart by <!-- closing -->
	RoleMark        = "mark"        // 附件1
	RoleEntry       = "entry"       // an entry of a printed table of contents
)

// Block is an anchored unit of a document: what a reader links to and cites.
type Block struct {
	EID     string
	Kind    Kind
	Element string         // its Akoma Ntoso element: part, article, point, paragraph…
	Level   *grammar.Level // the numbering row; nil when unnumbered
	Num     int            // printed number as an integer; 0 when unnumbered
	Marker  string         // the number as printed: 二十一、, （一）, 第十二条, 2.1; empty when unnumbered
	Label   string         // how it is cited: 四, 二、5, 第十二条第二款, 附件1 一、（一）
	LabelEn string         // the same in an English citation
	// Locator is how a citation points at the block: 第四条, para. 4
	// (see package grammar, Locators).
	Locator grammar.Label
	Heading bool // a title line: a heading, an attachment's title; its text continues in its intro and children
	// Paragraphs are the block's own paragraphs; a container's children follow them.
	Paragraphs []Paragraph
	Parent     *Block   // nil at the top
	Children   []*Block // intro first, then numbered children
	Index      int      // position in Document.Blocks
	rank       int
	path       []int      // a decimal number's components
	excerpt    *Excerpt   // made once the block is complete
	titles     [][][2]int // per paragraph, its titles in 《》 (grammar.Titles)
}

// Excerpt is a block's own text as shown out of its document: its label,
// its id and its paragraphs' text. It is made once with the document and
// known to package digest by the digest of what it holds, so that a page
// showing excerpts of many documents (a theme's) is keyed by the text it
// shows, not by the whole of each document, and cheaply.
type Excerpt struct {
	Label, EID string
	Texts      []string
	id         digest.Digest
}

// DigestIdentity is the digest of the excerpt's label, id and texts.
func (e *Excerpt) DigestIdentity() digest.Digest { return e.id }

func newExcerpt(b *Block) *Excerpt {
	e := &Excerpt{Label: b.Label, EID: b.EID, Texts: make([]string, len(b.Paragraphs))}
	for i, p := range b.Paragraphs {
		e.Texts[i] = p.Text
	}
	e.id = digest.Of(*e)
	return e
}

// Excerpt is the block's own text, as shown out of its document.
func (b *Block) Excerpt() *Excerpt { return b.excerpt }

// Titles are the byte offsets of the titles in 《》 in the block's
// paragraph i (grammar.Titles), found once, when the document is built.
func (b *Block) Titles(i int) [][2]int { return b.titles[i] }

// Numbered reports whether the block starts with a number of the grammar.
func (b *Block) Numbered() bool { return b.Level != nil }

// Text is the block as published: its paragraphs joined by "\n".
func (b *Block) Text() string {
	texts := make([]string, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\n")
}

// ParagraphLocator locates the block's ith paragraph (from 0): the
// block's locator for the first, "第四条第二段, para. 4, second paragraph"
// for the others.
func (b *Block) ParagraphLocator(i int) grammar.Label {
	if i == 0 {
		return b.Locator
	}
	return grammar.ParagraphLocator(b.Locator, i+1)
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
	// Top holds the top-level blocks: the preface, the table of contents,
	// the preamble's paragraphs, the numbered (or unnumbered) clauses, the
	// conclusions, then the attachments, which hold their own.
	Top []*Block
	// Warnings are the places where the form could not decide and a rule
	// chose; each says how the content file can settle it.
	Warnings   []error
	byID       map[string]*Block
	tocTargets map[string]*Block // entry paragraph id → the heading it repeats
	chars      int
}

// Chars is the number of non-space characters of the document's text.
func (d *Document) Chars() int { return d.chars }

// Block returns the block with the given id, or nil.
func (d *Document) Block(eid string) *Block { return d.byID[eid] }

// Error is a structural problem at one line of a content file.
type Error = load.Error
