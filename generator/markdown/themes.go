package markdown

import (
	"fmt"
	"strings"

	"statements/generator/annotate"
	"statements/generator/structure"
)

// ThemesPath is the site path of the themes index.
const ThemesPath = "/themes/"

// ThemePath is the site path of a theme's page.
func ThemePath(t *annotate.Theme) string { return ThemesPath + t.Slug + "/" }

type themeFront struct {
	Title   string   `yaml:"title"`
	TitleEn string   `yaml:"title_en"`
	Terms   []string `yaml:"terms"`
	URL     string   `yaml:"url"`
}

// themePage is a theme's annotation, then each document's passages, side by side in the layout.
func themePage(s *Site, t *annotate.Theme) *Page {
	p := &Page{
		Path:          ThemePath(t),
		Layout:        ThemeLayout,
		Title:         t.Title,
		Description:   fmt.Sprintf("%s（%s）：注释，及各文件中的相关段落对照。", t.Title, t.TitleEn),
		Crumbs:        []Crumb{homeCrumb(s), {Title: "主题", Path: ThemesPath}, {Title: t.Title}},
		Theme:         t,
		Front:         themeFront{Title: t.Title, TitleEn: t.TitleEn, Terms: t.Terms, URL: s.Base.Abs(ThemePath(t))},
		Body:          []byte(strings.TrimSpace(t.Body) + "\n\n"),
		SectionsTitle: "各文件中的相关段落",
	}
	for _, d := range s.Documents {
		refs := t.In(d)
		var b strings.Builder
		if len(refs) == 0 {
			b.WriteString("本文件未涉及此主题。\n\n")
		}
		for _, r := range refs {
			s.writePassage(&b, d, r.Block, t)
		}
		p.Sections = append(p.Sections, Section{ID: "in-" + d.Slug, Title: fmt.Sprintf("%s（%d 段）", d.Short, len(refs)), Body: []byte(b.String())})
	}
	return p
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

// themesPage lists every theme with how many blocks of each document it tags.
func themesPage(s *Site) *Page {
	var b strings.Builder
	b.WriteString("各主题在每份文件中出现的段落数。点击主题查看注释和逐段对照。\n\n")
	b.WriteString("| 主题 Theme |")
	for _, d := range s.Documents {
		fmt.Fprintf(&b, " %s |", escapeInline(d.Short))
	}
	b.WriteString("\n|---|")
	for range s.Documents {
		// Counts are right-aligned by the stylesheet: an alignment here would make
		// goldmark write style="…" attributes, which the Content-Security-Policy forbids.
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, t := range s.Notes.Themes {
		fmt.Fprintf(&b, "| [%s](%s) · %s |", escapeInline(t.Title), s.Base.Path(ThemePath(t)), escapeInline(t.TitleEn))
		for _, d := range s.Documents {
			if n := len(t.In(d)); n > 0 {
				fmt.Fprintf(&b, " %d |", n)
			} else {
				b.WriteString(" — |")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	return &Page{
		Path: ThemesPath, Layout: ThemesLayout, Title: "主题",
		Description: "两份文件共同涉及的主题一览，及其在每份文件中出现的段落数。",
		Crumbs:      []Crumb{homeCrumb(s), {Title: "主题"}},
		Front:       homeFront{Title: "主题", URL: s.Base.Abs(ThemesPath)},
		Body:        []byte(b.String()),
	}
}
