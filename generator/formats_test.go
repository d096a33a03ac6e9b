package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"statements/generator/i18n/i18ntest"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"statements/generator/export"
	"statements/generator/html"
)

// xmlNode is a generic parsed XML element.
type xmlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []xmlNode  `xml:",any"`
}

func (n *xmlNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// aknBlocks collects, for every element with an eId, the text a reader sees
// for that block: num, heading and the p's of its content or intro, the
// entries of a table of contents, an attachment's heading lines, joined as
// the JSON joins paragraphs.
func aknBlocks(n *xmlNode, out map[string]string) {
	if n.XMLName.Local == "meta" {
		return // references carry eIds of their own
	}
	if id := n.attr("eId"); id != "" && (n.XMLName.Local == "p" || n.XMLName.Local == "tocItem") {
		out[id] = n.Text // a preamble paragraph, a block's further paragraph, an entry of a table of contents
	} else if id != "" {
		var parts []string
		num := ""
		for _, c := range n.Children {
			switch c.XMLName.Local {
			case "num":
				num = c.Text
			case "heading":
				parts = append(parts, num+c.Text)
			case "content", "intro":
				if c.attr("eId") != "" {
					continue // an intro block of its own
				}
				for i, p := range c.Children {
					if i == 0 {
						parts = append(parts, num+p.Text)
					} else {
						parts = append(parts, p.Text)
					}
				}
			case "p":
				parts = append(parts, c.Text)
			case "toc":
				for _, item := range c.Children {
					parts = append(parts, item.Text)
				}
			case "doc":
				// An attachment: the lines of its heading are its preface.
				for _, part := range c.Children {
					if part.XMLName.Local != "preface" {
						continue
					}
					for _, l := range part.Children {
						switch l.XMLName.Local {
						case "longTitle":
							parts = append(parts, l.Children[0].Text)
						case "p":
							parts = append(parts, l.Text)
						}
					}
				}
			}
		}
		out[id] = strings.Join(parts, "\n")
	}
	for i := range n.Children {
		aknBlocks(&n.Children[i], out)
	}
}

// htmlBlockTexts renders markdown with the site's goldmark set-up and gives
// the text of every element with an id, leaving out theme notes.
func htmlBlockTexts(t *testing.T, markdown []byte) map[string]string {
	var out bytes.Buffer
	if err := html.NewMarkdown(i18ntest.Words(t, "zh-Hans")).Convert(markdown, &out); err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	var text func(*xhtml.Node) string
	text = func(n *xhtml.Node) string {
		if n.Type == xhtml.TextNode {
			if n.Parent != nil && n.Parent.Data == "div" && strings.TrimSpace(n.Data) == "" {
				return "" // layout whitespace between a block's paragraphs
			}
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && (c.Data == "a" && hasClass(c, "self") || hasClass(c, "note") || c.Data == "sup" && hasClass(c, "nref")) {
				continue // not the block's text: its link, its theme line, an editors' note's marker
			}
			if c.Type == xhtml.ElementNode && (c.Data == "p" || len(c.Data) == 2 && c.Data[0] == 'h' && c.Data[1] >= '1' && c.Data[1] <= '6') && b.Len() > 0 {
				b.WriteString("\n")
			}
			b.WriteString(text(c))
		}
		return b.String()
	}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				texts[a.Val] = strings.TrimSpace(text(n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return texts
}

func hasClass(n *xhtml.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}

// TestFormatsAreComplete: every block is in the JSON, the Akoma Ntoso XML and
// the markdown, with the same id and the same text.
func TestFormatsAreComplete(t *testing.T) {
	for _, slug := range []string{cubaSlug, pakSlug} {
		files := map[string][]byte{}
		for _, name := range []string{"data/" + slug + ".json", "data/" + slug + ".akn.xml", slug + "/index.md"} {
			data, err := os.ReadFile(filepath.Join(repoRoot, "public", name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = data
		}
		formatsAgree(t, files, slug)
		if !bytes.Contains(files["data/"+slug+".akn.xml"], []byte("<preamble>")) {
			t.Errorf("%s.akn.xml lacks the preamble", slug)
		}
	}
}

// formatsAgree checks that every block of a document is in the site's
// JSON, Akoma Ntoso XML and markdown, with the same id and the same text.
func formatsAgree(t *testing.T, files map[string][]byte, slug string) {
	t.Helper()
	var doc export.Document
	if err := json.Unmarshal(files["data/"+slug+".json"], &doc); err != nil {
		t.Fatal(err)
	}
	raw := files["data/"+slug+".akn.xml"]
	var root xmlNode
	if err := xml.Unmarshal(raw, &root); err != nil {
		t.Fatalf("%s.akn.xml is not well-formed: %v", slug, err)
	}
	if root.XMLName.Space != export.AknNamespace || root.XMLName.Local != "akomaNtoso" || len(root.Children) != 1 || root.Children[0].XMLName.Local != "doc" {
		t.Fatalf("%s.akn.xml: root is %v with %d children, want akomaNtoso/doc", slug, root.XMLName, len(root.Children))
	}
	if !bytes.Contains(raw, []byte("<FRBRthis value=\"/akn/")) || !bytes.Contains(raw, []byte("<mainBody>")) {
		t.Errorf("%s.akn.xml lacks FRBR identification or the main body", slug)
	}
	inXML := map[string]string{}
	aknBlocks(&root, inXML)

	md := files[slug+"/index.md"]
	inMarkdown := htmlBlockTexts(t, md[bytes.Index(md, []byte("\n---\n"))+5:])

	for _, b := range doc.Blocks {
		if got, ok := inXML[b.EID]; !ok || got != b.Text {
			t.Errorf("%s XML %s = %q\nJSON text   %q", slug, b.EID, got, b.Text)
		}
		if got, ok := inMarkdown[b.EID]; !ok || got != b.Text {
			t.Errorf("%s markdown %s = %q\nJSON text        %q", slug, b.EID, got, b.Text)
		}
	}
	// Every editors' note is in each: a footnote of the markdown, a note
	// of the XML's meta with a noteRef in the text.
	for _, b := range doc.Blocks {
		for _, n := range b.Notes {
			ref := fmt.Sprintf(`<noteRef href="#%s" marker="%d"`, n.ID, n.Number)
			if !bytes.Contains(raw, []byte(`<note eId="`+n.ID+`"`)) || !bytes.Contains(raw, []byte(ref)) {
				t.Errorf("%s.akn.xml lacks note %s or its noteRef", slug, n.ID)
			}
			if fn := fmt.Sprintf("[^%d]", n.Number); !bytes.Contains(md, []byte(fn+": ")) || bytes.Count(md, []byte(fn)) != 2 {
				t.Errorf("%s/index.md: note %s is not the footnote %s, marked once", slug, n.ID, fn)
			}
		}
	}
	if len(inXML) != len(doc.Blocks)+countContinuations(doc) {
		t.Errorf("%s: XML has %d eIds, JSON %d blocks", slug, len(inXML), len(doc.Blocks))
	}
}

// countContinuations counts the blocks' further paragraphs, which carry their own eIds in XML.
func countContinuations(doc export.Document) int {
	n := 0
	for _, b := range doc.Blocks {
		n += strings.Count(b.Text, "\n")
	}
	return n
}

func TestSitemapListsExistingPages(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "public", "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	pages := 0
	filepath.WalkDir(filepath.Join(repoRoot, "public"), func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "index.html" {
			pages++
		}
		return err
	})
	if len(set.URLs) != pages {
		t.Errorf("sitemap lists %d URLs, the site has %d pages", len(set.URLs), pages)
	}
	for _, u := range set.URLs {
		if _, err := os.Stat(filepath.Join(repoRoot, "public", filepath.FromSlash(u.Loc), "index.html")); err != nil {
			t.Errorf("sitemap lists %s, which is not a page", u.Loc)
		}
		if !regexp.MustCompile(`^\d{4}-\d\d-\d\d$`).MatchString(u.LastMod) {
			t.Errorf("%s: lastmod %q", u.Loc, u.LastMod)
		}
	}
	robots, _ := os.ReadFile(filepath.Join(repoRoot, "public", "robots.txt"))
	if !bytes.Contains(robots, []byte("Sitemap: /sitemap.xml")) {
		t.Errorf("robots.txt does not point to the sitemap: %s", robots)
	}
}

// TestSubPathBuild: built for https://example.org/sub/path/, no link, canonical
// URL, feed or sitemap entry escapes the sub-path (the build's own link check
// refuses links outside it; this checks the absolute URLs too).
func TestSubPathBuild(t *testing.T) {
	const base = "https://example.org/sub/path/"
	site := buildRepo(t, base)
	for _, name := range []string{"sitemap.xml", "feed.xml"} {
		for _, m := range regexp.MustCompile(`(?:<loc>|href=")(https?://[^<"]*)`).FindAllStringSubmatch(string(site.Files[name]), -1) {
			if !strings.HasPrefix(m[1], base) {
				t.Errorf("%s: %s is outside %s", name, m[1], base)
			}
		}
	}
	attr := regexp.MustCompile(`(?:href|src|content)="([^"]*)"`)
	for name, data := range site.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range attr.FindAllStringSubmatch(string(data), -1) {
			v := m[1]
			switch {
			case strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "/sub/path/"):
				t.Errorf("%s: %s escapes the sub-path", name, v)
			case strings.HasPrefix(v, "https://example.org/") && !strings.HasPrefix(v, base):
				t.Errorf("%s: %s escapes the sub-path", name, v)
			}
		}
	}
	if !bytes.Contains(site.Files["index.html"], []byte(`<link rel="canonical" href="https://example.org/sub/path/">`)) {
		t.Error("the home page's canonical URL is not the absolute base")
	}
	if !bytes.Contains(site.Files["robots.txt"], []byte("Sitemap: https://example.org/sub/path/sitemap.xml")) {
		t.Errorf("robots.txt = %s", site.Files["robots.txt"])
	}
}
