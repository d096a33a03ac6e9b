package html

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"statements/generator/i18n"
)

// Anchors is the goldmark extension that gives paragraphs ids and turns each
// anchored block into one element a reader can link to:
//
//   - a paragraph may end with an attribute list, " {#id .class key=value}",
//     as headings may with parser.WithAttribute;
//   - a paragraph with an id, and the paragraphs after it whose ids extend it
//     (<id>__p_2 …) or that carry the class "note", become one Block node;
//     so do headings with such ids (an attachment's title lines), and a
//     heading with an id when paragraphs after it extend it;
//   - the block takes the first paragraph's id, data and classes, but for
//     the classes line-*, which style the paragraph itself;
//   - a Block renders as <div id="…"> with its paragraphs, the first of
//     which ends with the block's self-link (¶), and a heading with an id
//     with the same self-link. A screen reader names the link with the
//     wording's Site.LinkTo and the block's label.
func Anchors(w *i18n.Strings) goldmark.Extender { return anchors{w} }

type anchors struct{ words *i18n.Strings }

func (a anchors) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithAttribute(),
		parser.WithParagraphTransformers(util.Prioritized(paragraphAttributes{}, 50)),
		parser.WithASTTransformers(util.Prioritized(blockGrouper{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(anchorRenderer{a.words}, 100)))
}

// paragraphAttributes moves a trailing " {…}" attribute list of a paragraph's
// last line onto the paragraph. Escaped braces ("\{") in text never match.
type paragraphAttributes struct{}

func (paragraphAttributes) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() == 0 {
		return
	}
	last := lines.At(lines.Len() - 1)
	src := reader.Source()
	line := util.TrimRightSpace(last.Value(src))
	open := bytes.LastIndex(line, []byte(" {"))
	if open < 0 || !bytes.HasSuffix(line, []byte("}")) {
		return
	}
	r := text.NewReader(line[open+1:])
	attrs, ok := parser.ParseAttributes(r)
	if !ok {
		return
	}
	r.SkipSpaces()
	if r.Peek() != text.EOF {
		return
	}
	for _, a := range attrs {
		node.SetAttribute(a.Name, a.Value)
	}
	lines.Set(lines.Len()-1, text.NewSegment(last.Start, last.Start+open))
	node.SetLines(lines)
}

// KindBlock is the node kind of an anchored block.
var KindBlock = ast.NewNodeKind("Block")

// Block is an anchored unit: a clause's paragraphs and the notes beside it.
type Block struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (*Block) Kind() ast.NodeKind { return KindBlock }

// Dump implements ast.Node.
func (b *Block) Dump(source []byte, level int) { ast.DumpHelper(b, source, level, nil, nil) }

// blockGrouper wraps each anchored paragraph and its continuations in a Block.
type blockGrouper struct{}

func (blockGrouper) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	for n := doc.FirstChild(); n != nil; {
		id := groupID(n)
		if id == "" {
			n = n.NextSibling()
			continue
		}
		blk := &Block{}
		var lineClass string
		for _, a := range n.Attributes() {
			if string(a.Name) == "class" {
				var block string
				block, lineClass = splitClasses(a.Value)
				if block != "" {
					blk.SetAttribute(a.Name, []byte(block))
				}
				continue
			}
			blk.SetAttribute(a.Name, a.Value)
		}
		n.RemoveAttributes() // the id, data and block classes now live on the block
		if lineClass != "" {
			n.SetAttribute([]byte("class"), []byte(lineClass))
		}
		doc.InsertBefore(doc, n, blk)
		for {
			next := n.NextSibling()
			doc.RemoveChild(doc, n)
			blk.AppendChild(blk, n)
			n = next
			if n == nil || !continues(n, id) {
				break
			}
		}
	}
}

// groupID is the id of the block n starts: a paragraph's id, or a
// heading's (an attachment's title) when the paragraph after it extends
// its id; a heading followed only by a note stays a heading.
func groupID(n ast.Node) string {
	if id := paragraphID(n); id != "" {
		return id
	}
	if n.Kind() == ast.KindHeading {
		if id := attributeID(n); id != "" && n.NextSibling() != nil && strings.HasPrefix(attributeID(n.NextSibling()), id+"__p_") {
			return id
		}
	}
	return ""
}

func paragraphID(n ast.Node) string {
	if n.Kind() != ast.KindParagraph {
		return ""
	}
	return attributeID(n)
}

func attributeID(n ast.Node) string {
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// splitClasses separates the classes of an anchored paragraph into those
// of its block and those of the paragraph itself, line-*.
func splitClasses(v any) (block, line string) {
	b, _ := v.([]byte)
	var bs, ls []string
	for _, c := range strings.Fields(string(b)) {
		if strings.HasPrefix(c, "line-") {
			ls = append(ls, c)
		} else {
			bs = append(bs, c)
		}
	}
	return strings.Join(bs, " "), strings.Join(ls, " ")
}

// continues reports whether n belongs to the block with the given id: a
// paragraph or heading (an attachment's title) whose id extends it, a
// note, or the original of a translated block (class original).
func continues(n ast.Node, id string) bool {
	if n.Kind() == ast.KindHeading {
		return strings.HasPrefix(attributeID(n), id+"__p_")
	}
	if n.Kind() != ast.KindParagraph {
		return false
	}
	if strings.HasPrefix(paragraphID(n), id+"__p_") {
		return true
	}
	if v, ok := n.AttributeString("class"); ok {
		if b, ok := v.([]byte); ok {
			classes := strings.Fields(string(b))
			return slices.Contains(classes, "note") || slices.Contains(classes, "original")
		}
	}
	return false
}

// anchorRenderer renders Blocks and adds self-links to headings with ids.
type anchorRenderer struct{ words *i18n.Strings }

func (r anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, r.renderBlock)
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindParagraph, r.renderParagraph)
}

// renderAttributes writes the attributes a block or heading carries into
// HTML: id, class and lang. Its label (data-label) names its self-link instead.
func renderAttributes(w util.BufWriter, node ast.Node) {
	for _, name := range []string{"id", "class", "lang"} {
		if v, ok := node.AttributeString(name); ok {
			w.WriteString(" " + name + `="`)
			w.Write(util.EscapeHTML(v.([]byte)))
			w.WriteByte('"')
		}
	}
}

func (r anchorRenderer) renderBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<div`)
		renderAttributes(w, node)
		w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	if !selfLinkInside(node) {
		r.writeSelfLink(w, node)
	}
	w.WriteString("</div>\n")
	return ast.WalkContinue, nil
}

// selfLinkInside says whether a block's self-link ends its first
// paragraph, at the end of the block's own text, rather than the block.
func selfLinkInside(block ast.Node) bool {
	first := block.FirstChild()
	return first != nil && first.Kind() == ast.KindParagraph
}

// writeSelfLink writes the ¶ link to an anchored node; its accessible name
// says which block it links to (Site.LinkTo with the block's label, "二、5",
// or for a further paragraph its locator, "第一部分第2项第二段"), and it
// carries the locators a citation of it uses (data-loc, data-loc-en), which
// also name it on the page's buttons.
func (r anchorRenderer) writeSelfLink(w util.BufWriter, node ast.Node) {
	id, _ := node.AttributeString("id")
	w.WriteString(`<a class="self" href="#`)
	w.Write(util.EscapeHTML(id.([]byte)))
	w.WriteString(`" aria-label="`)
	label, ok := node.AttributeString("data-label")
	if !ok {
		label, ok = node.AttributeString("data-loc")
	}
	if ok {
		w.Write(util.EscapeHTML([]byte(i18n.Sub(r.words.Site.LinkTo, "label", string(label.([]byte))))))
	} else {
		w.Write(util.EscapeHTML([]byte(r.words.Site.Link)))
	}
	w.WriteByte('"')
	for _, name := range []string{"data-loc", "data-loc-en"} {
		if v, ok := node.AttributeString(name); ok {
			w.WriteString(" " + name + `="`)
			w.Write(util.EscapeHTML(v.([]byte)))
			w.WriteByte('"')
		}
	}
	w.WriteString(`>¶</a>`)
}

// renderParagraph renders a paragraph; a further paragraph of a block,
// which has an id and locators of its own, ends with its own self-link.
func (r anchorRenderer) renderParagraph(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	_, own := node.AttributeString("data-loc")
	if entering {
		w.WriteString("<p")
		if own {
			renderAttributes(w, node)
		} else if node.Attributes() != nil {
			html.RenderAttributes(w, node, html.ParagraphAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if own {
		r.writeSelfLink(w, node)
	} else if parent := node.Parent(); parent != nil && parent.Kind() == KindBlock && parent.FirstChild() == node {
		r.writeSelfLink(w, parent)
	}
	w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func (r anchorRenderer) renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if entering {
		w.WriteString("<h")
		w.WriteByte("0123456"[n.Level])
		renderAttributes(w, node)
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if _, ok := n.AttributeString("id"); ok {
		if _, isBlock := n.AttributeString("data-label"); isBlock {
			r.writeSelfLink(w, n)
		}
	}
	w.WriteString("</h")
	w.WriteByte("0123456"[n.Level])
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}
