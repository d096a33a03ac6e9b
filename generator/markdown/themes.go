package markdown

import (
	"fmt"
	"slices"
	"strings"

	"statements/generator/annotate"
	"statements/generator/structure"
)

// ThemesPath is the site path of the themes index.
const ThemesPath = "/themes/"

// ThemePath is the site path of a theme's page.
func ThemePath(t *annotate.Theme) string { return themePath(t.Slug) }

func themePath(slug string) string { return ThemesPath + slug + "/" }

type themeFront struct {
	Title   string   `yaml:"title"`
	TitleEn string   `yaml:"title_en"`
	Terms   []string `yaml:"terms"`
	URL     string   `yaml:"url"`
}

// themePages are a theme's pages: its annotation, then the passages of
// each document it occurs in, grouped by document, ThemeDocsPerPage
// documents to a page (side by side in the layout).
func themePages(s *Site, t *annotate.Theme) []*Page {
	n := pageCount(len(t.Docs), ThemeDocsPerPage)
	pages := make([]*Page, 0, n)
	for k := 1; k <= n; k++ {
		title := t.Title
		if k > 1 {
			title = fmt.Sprintf("%s（第 %d 页）", t.Title, k)
		}
		p := &Page{
			Path:          pagePath(ThemePath(t), k),
			Layout:        ThemeLayout,
			Title:         title,
			Description:   fmt.Sprintf("%s（%s）：注释，及各文件中的相关段落对照。", t.Title, t.TitleEn),
			Crumbs:        []Crumb{homeCrumb(), {Title: "主题", Path: ThemesPath}, {Title: title}},
			TitleEn:       t.TitleEn,
			Front:         themeFront{Title: title, TitleEn: t.TitleEn, Terms: t.Terms, URL: s.Base.Abs(pagePath(ThemePath(t), k))},
			SectionsTitle: fmt.Sprintf("各文件中的相关段落（%d 份文件）", len(t.Docs)),
		}
		var b strings.Builder
		if k == 1 {
			b.WriteString(strings.TrimSpace(t.Body) + "\n\n")
		}
		s.writePager(&b, ThemePath(t), k, n)
		p.Body = []byte(b.String())
		for _, d := range t.Docs[(k-1)*ThemeDocsPerPage : min(k*ThemeDocsPerPage, len(t.Docs))] {
			refs := t.In(d)
			var b strings.Builder
			for _, r := range refs {
				s.writePassage(&b, d, r.Block, t)
			}
			p.Sections = append(p.Sections, Section{ID: "in-" + d.Slug, Title: fmt.Sprintf("%s（%d 段）", d.Short, len(refs)), Body: []byte(b.String())})
		}
		pages = append(pages, p)
	}
	return pages
}

// ThemeIn is the link to a document's passages on the theme's pages.
func ThemeIn(t *annotate.Theme, d *structure.Document) string {
	k := slices.Index(t.Docs, d)/ThemeDocsPerPage + 1
	return pagePath(ThemePath(t), k) + "#in-" + d.Slug
}

// writePassage writes a block as a passage of a theme page: its number
// linking to the clause in context, its text with the theme's terms highlighted.
func (s *Site) writePassage(b *strings.Builder, d *structure.Document, blk *structure.Block, t *annotate.Theme) {
	for i, p := range blk.Paragraphs {
		if i == 0 {
			fmt.Fprintf(b, "[%s](%s %s) ", escapeInline(blk.Label), s.Base.Path(InContext(d, blk)), attrValue("在全文中阅读"))
		}
		pos := 0
		for _, m := range s.Notes.Matches(blk) {
			if m.Paragraph != i || m.Theme != t {
				continue
			}
			b.WriteString(escapeInline(p.Text[pos:m.Start]))
			fmt.Fprintf(b, "==%s==", escapeInline(p.Text[m.Start:m.End]))
			pos = m.End
		}
		b.WriteString(escapeInline(p.Text[pos:]))
		b.WriteString(" {.passage}\n\n")
	}
}

// themesPage lists every theme with how many blocks of how many documents it tags.
func themesPage(s *Site) *Page {
	var b strings.Builder
	b.WriteString("两份以上文件共同涉及的主题，及其出现的段落数和文件数。点击主题查看注释和逐段对照。\n\n")
	for _, t := range s.Notes.Themes {
		fmt.Fprintf(&b, "- [%s](%s) %s · %d 段，%d 份文件\n", escapeInline(t.Title), s.Base.Path(ThemePath(t)), escapeInline(t.TitleEn), len(t.Refs), len(t.Docs))
	}
	b.WriteString("\n")
	return &Page{
		Path: ThemesPath, Layout: ThemesLayout, Title: "主题",
		Description: "各文件共同涉及的主题一览，及其出现的段落数和文件数。",
		Crumbs:      []Crumb{homeCrumb(), {Title: "主题"}},
		Front:       homeFront{Title: "主题", URL: s.Base.Abs(ThemesPath)},
		Body:        []byte(b.String()),
	}
}
