package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"unicode"

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
	Children []*element
}

// MarshalXML writes the element with its children in order.
func (e *element) MarshalXML(enc *xml.Encoder, start xml.StartElement) error {
	start = xml.StartElement{Name: e.XMLName, Attr: e.Attrs}
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	if e.Text != "" {
		if err := enc.EncodeToken(xml.CharData(e.Text)); err != nil {
			return err
		}
	}
	for _, c := range e.Children {
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	return enc.EncodeToken(start.End())
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

// containerName maps a block kind to its Akoma Ntoso element.
var containerName = map[structure.Kind]string{
	structure.Part: "part", structure.Section: "section", structure.Para: "paragraph", structure.Subpara: "subparagraph",
}

// AkomaNtoso gives a document as Akoma Ntoso 3.0 XML: meta/identification
// with FRBR URIs, the preamble, numbered containers with num, heading,
// intro and content, and the dateline as conclusions, with the eIds of the HTML.
func AkomaNtoso(base siteurl.Base, country string, d *structure.Document) ([]byte, error) {
	name := camel(d.Genre)
	if name == "" {
		name = "document"
	}
	work := "/akn/" + country + "/doc/" + name + "/" + d.Date + "/" + d.Slug
	expr := work + "/zho@"
	frbr := func(kind, this, uri, dateName string, extra ...*element) *element {
		e := el(kind).add(el("FRBRthis", "value", this), el("FRBRuri", "value", uri),
			el("FRBRdate", "date", d.Date, "name", dateName), el("FRBRauthor", "href", "#author"))
		return e.add(extra...)
	}
	meta := el("meta").add(
		el("identification", "source", "#editors").add(
			frbr("FRBRWork", work+"/!main", work, "publication", el("FRBRcountry", "value", country), el("FRBRname", "value", d.Title)),
			frbr("FRBRExpression", expr+"/!main", expr, "publication", el("FRBRlanguage", "language", "zho")),
			frbr("FRBRManifestation", expr+"/!main.xml", expr+".akn", "publication"),
		),
		el("references", "source", "#editors").add(
			el("TLCOrganization", "eId", "author", "href", "/ontology/organization/"+slugOf(d.Publisher), "showAs", d.Publisher),
			el("TLCOrganization", "eId", "editors", "href", base.Abs("/"), "showAs", "editors"),
		),
	)
	doc := el("doc", "name", name).add(meta,
		el("preface").add(el("longTitle").add(textEl("p", d.Title)), textEl("p", d.TitleEn, "xml:lang", "en")))
	preamble := el("preamble")
	body := el("mainBody")
	var conclusions *element
	for _, b := range d.Top {
		switch b.Kind {
		case structure.Preamble:
			preamble.add(textEl("p", b.Text(), "eId", b.EID))
		case structure.Conclusions:
			conclusions = el("conclusions", "eId", b.EID).add(textEl("p", b.Text()))
		default:
			body.add(container(b))
		}
	}
	if len(preamble.Children) > 0 {
		doc.add(preamble)
	}
	doc.add(body)
	if conclusions != nil {
		doc.add(conclusions)
	}
	root := el("akomaNtoso", "xmlns", AknNamespace).add(doc)
	var out bytes.Buffer
	out.WriteString(xml.Header)
	enc := xml.NewEncoder(&out)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	out.WriteString("\n")
	return out.Bytes(), nil
}

// container is a numbered block: num, then heading (a heading block) or
// content/intro (its own text), then its intro and children.
func container(b *structure.Block) *element {
	c := el(containerName[b.Kind], "eId", b.EID)
	c.add(textEl("num", b.Marker))
	first := strings.TrimPrefix(b.Paragraphs[0].Text, b.Marker)
	switch {
	case b.Heading:
		c.add(textEl("heading", first))
	case len(b.Children) > 0:
		c.add(el("intro").add(paragraphs(first, b.Paragraphs[1:])...))
	default:
		c.add(el("content").add(paragraphs(first, b.Paragraphs[1:])...))
	}
	for _, child := range b.Children {
		if child.Kind == structure.Intro {
			intro := el("intro", "eId", child.EID)
			intro.add(paragraphs(child.Paragraphs[0].Text, child.Paragraphs[1:])...)
			c.add(intro)
			continue
		}
		c.add(container(child))
	}
	return c
}

// paragraphs gives <p> elements: the first text, then further paragraphs with their eIds.
func paragraphs(first string, rest []structure.Paragraph) []*element {
	ps := []*element{textEl("p", first)}
	for _, p := range rest {
		ps = append(ps, textEl("p", p.Text, "eId", p.ID))
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
