package export

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"unicode"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// AknNamespace is the Akoma Ntoso 3.0 namespace.
const AknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

// XMLPath is the site path of a document's Akoma Ntoso XML.
func XMLPath(d *structure.Document) string { return "/data/" + d.Slug + ".akn.xml" }

// element is a generic XML element: the Akoma Ntoso tree is built from these.
type element struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",attr"`
	Text     string     `xml:",chardata"`
	Children []*element // an element without a name is text, in mixed content
	// from is the paragraph its text is, for the notes marked in it.
	from *textOf
}

// textOf names a block's paragraph (by Block.Index and its index) whose
// text an element holds, without its first cut bytes (a printed number).
type textOf struct{ block, para, cut int }

// write writes the element and its children, each element on a line of
// its own, indented by depth, as encoding/xml's Encoder.Indent would;
// but an element whose content is mixed (text with a noteRef in it) is
// written on one line, since an indent inside it would be text.
func (e *element) write(b *bytes.Buffer, depth int) {
	b.WriteByte('<')
	b.WriteString(e.XMLName.Local)
	for _, a := range e.Attrs {
		b.WriteByte(' ')
		b.WriteString(a.Name.Local)
		b.WriteString(`="`)
		xml.EscapeText(b, []byte(a.Value))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	xml.EscapeText(b, []byte(e.Text))
	mixed := slices.ContainsFunc(e.Children, func(c *element) bool { return c.XMLName.Local == "" })
	for _, c := range e.Children {
		switch {
		case c.XMLName.Local == "":
			xml.EscapeText(b, []byte(c.Text))
		case mixed:
			c.write(b, -1)
		default:
			b.WriteByte('\n')
			b.WriteString(strings.Repeat("  ", depth+1))
			c.write(b, depth+1)
		}
	}
	if len(e.Children) > 0 && !mixed && depth >= 0 {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat("  ", depth))
	}
	b.WriteString("</")
	b.WriteString(e.XMLName.Local)
	b.WriteByte('>')
}

func el(name string, attrs ...string) *element {
	e := &element{XMLName: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attrs = append(e.Attrs, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	return e
}

func (e *element) add(children ...*element) *element {
	e.Children = append(e.Children, children...)
	return e
}

func textEl(name, text string, attrs ...string) *element {
	e := el(name, attrs...)
	e.Text = text
	return e
}

// paraEl is an element holding the text of b's paragraph i, without its
// first cut bytes.
func paraEl(name string, b *structure.Block, i, cut int, attrs ...string) *element {
	e := textEl(name, b.Paragraphs[i].Text[cut:], attrs...)
	e.from = &textOf{b.Index, i, cut}
	return e
}

// AkomaNtoso gives a document as Akoma Ntoso 3.0 XML: meta/identification
// with FRBR URIs; the preface with the title, the document's header lines
// and its table of contents; the preamble; the clauses in mainBody, each
// as the element the grammar names (part, chapter, article, paragraph,
// point…) with num, heading, intro and content; the closing matter as
// conclusions; and the attachments, each a doc of its own. Every block
// keeps the eId of the HTML.
//
// The editors' notes are editorial notes: meta/notes holds their text,
// each a note with the id of the page, and a noteRef where the page has
// its marker, in the text's element, which keeps every character.
func AkomaNtoso(base siteurl.Base, country string, d *structure.Document, notes []markdown.EdNote) ([]byte, error) {
	name := camel(d.Genre)
	if name == "" {
		name = "document"
	}
	work := "/akn/" + country + "/doc/" + name + "/" + d.Date + "/" + d.Slug
	author := el("TLCOrganization", "eId", "author", "href", "/ontology/organization/"+slugOf(d.Publisher), "showAs", d.Publisher)
	if d.Publisher == "" {
		author = el("TLCOrganization", "eId", "author", "href", base.Abs("/"), "showAs", "editors")
	}
	meta := metaOf(d, country, work).add(
		el("references", "source", "#editors").add(
			author,
			el("TLCOrganization", "eId", "editors", "href", base.Abs("/"), "showAs", "editors"),
		),
	)
	if len(notes) > 0 {
		meta.add(notesEl(notes))
	}
	preface := el("preface").add(el("longTitle").add(textEl("p", d.Title)))
	if d.TitleEn != "" {
		preface.add(textEl("p", d.TitleEn, "xml:lang", "en"))
	}
	doc := el("doc", "name", name).add(meta)
	addParts(doc, preface, d.Top, d, country, work)
	placeNotes(doc, notes)
	root := el("akomaNtoso", "xmlns", AknNamespace).add(doc)
	var out bytes.Buffer
	out.WriteString(xml.Header)
	root.write(&out, 0)
	out.WriteString("\n")
	return out.Bytes(), nil
}

// metaOf is the identification of a document or attachment whose work URI is work.
func metaOf(d *structure.Document, country, work string) *element {
	expr := work + "/zho@"
	frbr := func(kind, this, uri string, extra ...*element) *element {
		e := el(kind).add(el("FRBRthis", "value", this), el("FRBRuri", "value", uri),
			el("FRBRdate", "date", d.Date, "name", "publication"), el("FRBRauthor", "href", "#author"))
		return e.add(extra...)
	}
	return el("meta").add(
		el("identification", "source", "#editors").add(
			frbr("FRBRWork", work+"/!main", work, el("FRBRcountry", "value", country), el("FRBRname", "value", d.Title)),
			frbr("FRBRExpression", expr+"/!main", expr, el("FRBRlanguage", "language", "zho")),
			frbr("FRBRManifestation", expr+"/!main.xml", expr+".akn"),
		),
	)
}

// addParts adds to doc the preface (given, with the document's header
// lines and table of contents added), preamble, mainBody, conclusions and
// attachments made of blocks.
func addParts(doc, preface *element, blocks []*structure.Block, d *structure.Document, country, work string) {
	preamble := el("preamble")
	body := el("mainBody")
	var conclusions, attachments *element
	for _, b := range blocks {
		switch b.Kind {
		case structure.Preface:
			preface.add(lines(el("container", "name", "preface", "eId", b.EID), b))
		case structure.TOC:
			preface.add(toc(b, d))
		case structure.Preamble:
			if len(b.Paragraphs) == 1 {
				preamble.add(paraEl("p", b, 0, 0, "eId", b.EID))
			} else {
				preamble.add(textEl("p", b.Text(), "eId", b.EID))
			}
		case structure.Conclusions:
			conclusions = lines(el("conclusions", "eId", b.EID), b)
		case structure.Attachment:
			if attachments == nil {
				attachments = el("attachments")
			}
			attachments.add(attachment(b, d, country, work))
		default:
			body.add(container(b))
		}
	}
	if len(preface.Children) > 0 {
		doc.add(preface)
	}
	if len(preamble.Children) > 0 {
		doc.add(preamble)
	}
	doc.add(body)
	for _, e := range []*element{conclusions, attachments} {
		if e != nil {
			doc.add(e)
		}
	}
}

// attachment is an attachment: a doc of its own, its heading lines in its preface.
func attachment(b *structure.Block, d *structure.Document, country, work string) *element {
	preface := el("preface")
	for i, p := range b.Paragraphs {
		line := paraEl("p", b, i, 0)
		if i > 0 {
			line = paraEl("p", b, i, 0, "eId", p.ID)
		}
		if p.Role == structure.RoleTitle {
			line = el("longTitle").add(line)
		}
		preface.add(line)
	}
	att := el("doc", "name", "attachment").add(metaOf(d, country, work+"/"+b.EID))
	addParts(att, preface, b.Children, d, country, work)
	return el("attachment", "eId", b.EID).add(att)
}

// lines fills e with a block's lines, each a p; the first has the block's eId on e.
func lines(e *element, b *structure.Block) *element {
	return e.add(paragraphs(b, 0)...)
}

// toc is a printed table of contents: its head line, then one tocItem per
// entry, linked to the block whose heading it repeats.
func toc(b *structure.Block, d *structure.Document) *element {
	c := el("container", "name", "toc", "eId", b.EID).add(paraEl("p", b, 0, 0))
	if len(b.Paragraphs) == 1 {
		return c
	}
	list := el("toc")
	for i, p := range b.Paragraphs[1:] {
		href := "#" + b.EID
		if target := d.TOCTarget(p.ID); target != nil {
			href = "#" + target.EID
		}
		list.add(paraEl("tocItem", b, i+1, 0, "eId", p.ID, "href", href, "level", "1"))
	}
	return c.add(list)
}

// container is a clause: num, then heading (a heading block) or
// content/intro (its own text), then its intro and children. A block
// without a number is a paragraph with content only.
func container(b *structure.Block) *element {
	c := el(b.Element, "eId", b.EID)
	cut := 0
	if b.Marker != "" {
		c.add(textEl("num", b.Marker))
		if strings.HasPrefix(b.Paragraphs[0].Text, b.Marker) {
			cut = len(b.Marker)
		}
	}
	switch {
	case b.Heading:
		c.add(paraEl("heading", b, 0, cut))
	case len(b.Children) > 0:
		c.add(el("intro").add(paragraphs(b, cut)...))
	default:
		c.add(el("content").add(paragraphs(b, cut)...))
	}
	for _, child := range b.Children {
		if child.Kind == structure.Intro {
			intro := el("intro", "eId", child.EID)
			intro.add(paragraphs(child, 0)...)
			c.add(intro)
			continue
		}
		c.add(container(child))
	}
	return c
}

// paragraphs gives a block's paragraphs as <p> elements: the first
// without its first cut bytes (its number), the others with their eIds.
func paragraphs(b *structure.Block, cut int) []*element {
	ps := []*element{paraEl("p", b, 0, cut)}
	for i, p := range b.Paragraphs[1:] {
		ps = append(ps, paraEl("p", b, i+1, 0, "eId", p.ID))
	}
	return ps
}

// camel turns "joint statement" into "jointStatement", the Akoma Ntoso doc name.
func camel(s string) string {
	var b strings.Builder
	up := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '-' || r == '_':
			up = b.Len() > 0
		case up:
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// slugOf makes an ontology name from a publisher's name; non-ASCII names stay as they are, escaped by XML.
func slugOf(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), " ", "-") }
