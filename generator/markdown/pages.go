package markdown

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"statements/generator/annotate"
	"statements/generator/load"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Site is what the page writers need to know about the whole site.
type Site struct {
	Meta      load.Site
	Base      siteurl.Base
	Documents []*structure.Document
	Notes     *annotate.Annotations // the themes and where they occur
	Pages     []*load.Page          // editorial pages

	once sync.Once
	arch *archive // the documents by party and year
}

// DocumentPath is the site path of a document's page.
func DocumentPath(d *structure.Document) string { return "/" + d.Slug + "/" }

// BlockPath is the site path of a block's own page.
func BlockPath(d *structure.Document, blk *structure.Block) string {
	return DocumentPath(d) + blk.EID + "/"
}

// InContext is the link to a block inside its document's page.
func InContext(d *structure.Document, blk *structure.Block) string { return inContext(d.Slug, blk.EID) }

// inContext is the link to the block eid inside the page of the document slug.
func inContext(slug, eid string) string { return "/" + slug + "/#" + eid }

// documentFront is the front matter of a document page's index.md.
type documentFront struct {
	Title   string   `yaml:"title"`
	TitleEn string   `yaml:"title_en"`
	Date    string   `yaml:"date"`
	Parties []string `yaml:"parties,omitempty"`
	URL     string   `yaml:"url"`
	Source  string   `yaml:"source,omitempty"`
	// Transcription says how the text was taken from its source and checked.
	Transcription string            `yaml:"transcription,omitempty"`
	Corrections   []load.Correction `yaml:"corrections,omitempty"`
}

// clauseFront is the front matter of a clause page's index.md.
type clauseFront struct {
	Title    string `yaml:"title"`
	Document string `yaml:"document"`
	Number   string `yaml:"number"`
	EID      string `yaml:"eid"`
	Date     string `yaml:"date"`
	URL      string `yaml:"url"`
	Context  string `yaml:"context"`
}

// Pages writes every page of the site: SitePages, then each document's
// DocumentPages.
func Pages(s *Site) []*Page {
	pages := SitePages(s)
	for _, c := range s.Contexts() {
		pages = append(pages, DocumentPages(c)...)
	}
	return pages
}

// SitePages writes the pages that belong to no one document: OwnPages,
// and the themes' pages.
func SitePages(s *Site) []*Page {
	pages := OwnPages(s)
	for _, tp := range s.ThemePages() {
		pages = append(pages, tp.Page())
	}
	return finish(pages)
}

// OwnPages writes the site's own pages but the themes': home, not-found,
// editorial, themes index, search and browse pages.
func OwnPages(s *Site) []*Page {
	pages := []*Page{homePage(s), notFoundPage(s)}
	for _, ep := range s.Pages {
		pages = append(pages, editorialPage(s, ep))
	}
	pages = append(pages, themesPage(s), searchPage(s))
	return finish(append(pages, browsePages(s)...))
}

// DocumentPages writes a document's page and its blocks' pages: what a
// build can render and let go of one document at a time. It reads nothing
// but c.
func DocumentPages(c *DocContext) []*Page {
	d := c.Doc
	pages := make([]*Page, 0, 1+len(d.Blocks))
	pages = append(pages, c.documentPage())
	for _, blk := range d.Blocks {
		pages = append(pages, c.clausePage(blk))
	}
	return finish(pages)
}

// finish gives every page its head title.
func finish(pages []*Page) []*Page {
	for _, p := range pages {
		if p.HeadTitle == "" {
			p.HeadTitle = p.Title
		}
	}
	return pages
}

func homeCrumb() Crumb { return Crumb{Title: "首页", Path: "/"} }

func (c *DocContext) documentPage() *Page {
	d, s := c.Doc, c
	var b strings.Builder
	c.writeBlocks(&b, d, d.Top, 2)
	return &Page{
		Path:        DocumentPath(d),
		Layout:      DocumentLayout,
		Title:       d.Title,
		Description: fmt.Sprintf("%s（%s）全文，逐条可链接、可引用。", d.Title, d.Date),
		Crumbs:      []Crumb{homeCrumb(), {Title: d.Short}},
		Document:    d,
		Parties:     c.Parties,
		Front: documentFront{Title: d.Title, TitleEn: d.TitleEn, Date: d.Date, Parties: d.Parties,
			URL: s.Base.Abs(DocumentPath(d)), Source: d.Source, Transcription: d.Transcription, Corrections: d.Corrections},
		Body: []byte(b.String()),
	}
}

// ClauseTitle is how a clause page names its clause: 中古联合声明 四.
func ClauseTitle(d *structure.Document, blk *structure.Block) string {
	return d.Short + " " + blk.Label
}

// WithoutMarker is a block's text without the number it starts with,
// which its title already shows: 中古联合声明 四：古方重申…
func WithoutMarker(blk *structure.Block) string {
	return strings.TrimLeft(strings.TrimPrefix(blk.Text(), blk.Marker), " \u3000")
}

func (c *DocContext) clausePage(blk *structure.Block) *Page {
	d, s := c.Doc, c
	var b strings.Builder
	c.writeBlock(&b, d, blk, 2)
	if blk.Heading {
		// A heading's page shows its introduction and lists its items.
		for _, child := range blk.Children {
			if child.Kind == structure.Intro {
				c.writeBlock(&b, d, child, 2)
				continue
			}
			fmt.Fprintf(&b, "- [%s](%s)\n", Escape(Excerpt(child.Text(), 40)), s.Base.Path(BlockPath(d, child)))
		}
		b.WriteString("\n")
	}
	return &Page{
		Path:        BlockPath(d, blk),
		Layout:      ClauseLayout,
		Title:       ClauseTitle(d, blk),
		HeadTitle:   ClauseTitle(d, blk) + "：" + Excerpt(WithoutMarker(blk), 40),
		Description: Excerpt(blk.Text(), 160),
		Crumbs:      clauseCrumbs(d, blk),
		Document:    d,
		Block:       blk,
		Front: clauseFront{Title: ClauseTitle(d, blk), Document: d.Title, Number: blk.Label, EID: blk.EID,
			Date: d.Date, URL: s.Base.Abs(BlockPath(d, blk)), Context: s.Base.Abs(InContext(d, blk))},
		Body: []byte(b.String()),
	}
}

// clauseCrumbs lead to a block's page through its document and the
// blocks it is part of: 首页 › 中巴行动计划 › 二 › 二、5.
func clauseCrumbs(d *structure.Document, blk *structure.Block) []Crumb {
	crumbs := []Crumb{homeCrumb(), {Title: d.Short, Path: DocumentPath(d)}}
	for _, p := range blk.Ancestors() {
		crumbs = append(crumbs, Crumb{Title: p.Label, Path: BlockPath(d, p)})
	}
	return append(crumbs, Crumb{Title: blk.Label})
}

type homeFront struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

func homePage(s *Site) *Page {
	var b strings.Builder
	if s.Meta.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", Escape(s.Meta.Description))
	}
	a := s.archive()
	b.WriteString("## 最新文件 {#documents}\n\n")
	s.writeDocumentList(&b, a.newest[:min(Latest, len(a.newest))])
	fmt.Fprintf(&b, "全部 %d 份文件：[按年份](%s) · [按国家和组织](%s)\n\n", len(a.newest), s.Base.Path(YearsPath), s.Base.Path(PartiesPath))
	b.WriteString("## 主题 {#themes}\n\n")
	fmt.Fprintf(&b, "两份以上文件共同涉及的主题，附注释与逐段对照。[全部主题](%s)\n\n", s.Base.Path(ThemesPath))
	for _, t := range s.Notes.Themes {
		fmt.Fprintf(&b, "- [%s](%s) %s\n", escapeInline(t.Title), s.Base.Path(ThemePath(t)), escapeInline(t.TitleEn))
	}
	b.WriteString("\n")
	return &Page{
		Path: "/", Layout: HomeLayout, Title: s.Meta.Title, Description: s.Meta.Description,
		Front: homeFront{Title: s.Meta.Title, URL: s.Base.Abs("/")},
		Body:  []byte(b.String()),
	}
}

func notFoundPage(s *Site) *Page {
	var b strings.Builder
	fmt.Fprintf(&b, "此地址没有页面。链接可能有误，或条款编号写法不同。可[搜索](%s)，或[按年份](%s)、[按国家和组织](%s)、[按主题](%s)查找。最新文件：\n\n",
		s.Base.Path(SearchPath), s.Base.Path(YearsPath), s.Base.Path(PartiesPath), s.Base.Path(ThemesPath))
	a := s.archive()
	for _, d := range a.newest[:min(Latest, len(a.newest))] {
		fmt.Fprintf(&b, "- [%s](%s)\n", Escape(d.Title), s.Base.Path(DocumentPath(d)))
	}
	b.WriteString("\n")
	return &Page{Path: "/404.html", Layout: NotFoundLayout, Title: "未找到此页", Crumbs: []Crumb{homeCrumb(), {Title: "未找到"}}, Body: []byte(b.String())}
}

// CharCount is the number of non-space characters of a document's text.
func CharCount(d *structure.Document) int { return d.Chars() }

// Excerpt shortens text to at most n characters, ending with an ellipsis when cut.
func Excerpt(text string, n int) string {
	text = strings.ReplaceAll(text, "\n", " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return string(r[:n-1]) + "…"
}

// EditorialPath is the site path of an editorial page.
func EditorialPath(p *load.Page) string { return "/" + p.Slug + "/" }

// editorialPage is a page written in markdown by the editors, such as /data/.
func editorialPage(s *Site, p *load.Page) *Page {
	return &Page{
		Path: EditorialPath(p), Layout: EditorialLayout, Title: p.Title, Description: p.Description,
		Crumbs: []Crumb{homeCrumb(), {Title: p.Title}},
		Front:  homeFront{Title: p.Title, URL: s.Base.Abs(EditorialPath(p))},
		Body:   []byte(p.Body),
	}
}

// SearchPath is the site path of the search page.
const SearchPath = "/search/"

// searchPage explains how to search; the layout adds the form, and search.js the results.
func searchPage(s *Site) *Page {
	var b strings.Builder
	b.WriteString("输入词语、名称或条款编号（如“一、5”“第四条”“part_2”），即可在全部文件的正文、标题和主题名称中查找；结果随输入即时更新，并可通过地址分享（例如 `/search/?q=一带一路`）。" +
		"查找不分简繁、全角半角，也不计空格、连字符、破折号和间隔号。\n\n")
	b.WriteString("Search finds every clause whose text contains what you type, and the documents and themes whose names do (in Chinese or English: *Belt and Road*, *Resolution 2758*, *CPEC*), and clauses by number; the query stays in the address, so a search can be shared.\n\n")
	return &Page{
		Path: SearchPath, Layout: SearchLayout, Title: "搜索",
		Description: "在全部文件中查找词语，结果按文件分组并链接到段落。",
		Crumbs:      []Crumb{homeCrumb(), {Title: "搜索"}},
		Front:       homeFront{Title: "搜索", URL: s.Base.Abs(SearchPath)},
		Body:        []byte(b.String()),
	}
}
