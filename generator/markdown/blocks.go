package markdown

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"statements/generator/i18n"
	"statements/generator/structure"
)

// writeBlock writes a block's paragraphs; a heading block becomes a markdown
// heading whose level follows its depth (part → ##, sec → ###, para → ####),
// and so do an attachment's title lines. depth is the heading level of the
// page's top blocks. A block of lines (preface, table of contents, closing,
// attachment) carries its kind as a class, and each line its role as a
// class line-<role>. The first occurrence of each theme in the block links
// to the theme's page, and a note after the block names its themes and
// where else they occur.
//
// On an edition's pages the block is in the edition's language: its
// translation, with the text it translates after it (class original, in
// the text's language), which the layout sets beside it on wide screens;
// or, where there is no translation, the text, marked as in its language.
func (c *DocContext) writeBlock(b *strings.Builder, d *structure.Document, blk *structure.Block, depth int) {
	linked := map[*ThemeNote]bool{}
	level := min(depth+len(blk.Ancestors()), 6)
	t := c.translation()
	translated := t != nil && t.Blocks[blk.Index] != nil
	for i, p := range blk.Paragraphs {
		attrs := "#" + p.ID
		if label := c.label(blk); i == 0 && label != "" {
			attrs += " data-label=" + attrValue(label)
		}
		if i == 0 || p.Role == "" {
			// A clause's further paragraphs are linked and cited on their own.
			loc := blk.ParagraphLocator(i)
			attrs += " data-loc=" + attrValue(loc.Zh) + " data-loc-en=" + attrValue(loc.En)
		}
		if class := blockClass[blk.Kind]; i == 0 && class != "" {
			attrs += " ." + class
		}
		if p.Role != "" {
			attrs += " .line-" + p.Role
		}
		var text string
		switch target := d.TOCTarget(p.ID); {
		case translated:
			text = Escape(t.Blocks[blk.Index][i])
			if target != nil {
				text = fmt.Sprintf("[%s](%s)", escapeInline(t.Blocks[blk.Index][i]), c.Base.Path(InContext(d, target)))
			}
		case target != nil:
			text = fmt.Sprintf("[%s](%s)", escapeInline(p.Text), c.Base.Path(InContext(d, target)))
		default:
			text = c.linkTerms(blk, i, p.Text, linked)
		}
		if c.inEdition() && !translated {
			attrs += " lang=" + attrValue(c.TextLang)
		}
		if blk.Kind == structure.Attachment && p.Role == structure.RoleTitle || blk.Kind != structure.Attachment && i == 0 && blk.Heading {
			fmt.Fprintf(b, "%s %s {%s}\n\n", strings.Repeat("#", level), text, attrs)
			continue
		}
		fmt.Fprintf(b, "%s {%s}\n\n", text, attrs)
	}
	if translated {
		for i, p := range blk.Paragraphs {
			fmt.Fprintf(b, "%s {.original lang=%s}\n\n", c.linkTerms(blk, i, p.Text, linked), attrValue(c.TextLang))
		}
		if t.Stale[blk.Index] {
			fmt.Fprintf(b, "%s {.note}\n\n", Escape(c.Words.Document.Stale))
		}
	}
	c.writeThemeNote(b, d, blk, linked)
}

// writeNotice says, on an edition's pages of a document, that its text is
// the editors' unofficial translation and the original the authoritative
// one, or that it has no translation yet.
func (c *DocContext) writeNotice(b *strings.Builder) {
	if !c.inEdition() {
		return
	}
	notice := c.Words.Document.Untranslated
	if c.translation() != nil {
		notice = c.Words.Document.Translated
	}
	fmt.Fprintf(b, "%s {.notice}\n\n", Escape(notice))
}

// blockClass is the class of the blocks that are made of lines.
var blockClass = map[structure.Kind]string{
	structure.Preface:     "preface",
	structure.TOC:         "contents",
	structure.Conclusions: "closing",
	structure.Attachment:  "attachment",
}

// writeBlocks writes blocks and, recursively, their children.
func (c *DocContext) writeBlocks(b *strings.Builder, d *structure.Document, blocks []*structure.Block, depth int) {
	for _, blk := range blocks {
		c.writeBlock(b, d, blk, depth)
		c.writeBlocks(b, d, blk.Children, depth)
	}
}

// linkTerms escapes a paragraph, linking the first occurrence in the block
// of each theme's term to the theme's page.
func (c *DocContext) linkTerms(blk *structure.Block, para int, text string, linked map[*ThemeNote]bool) string {
	var b strings.Builder
	pos := 0
	for _, m := range c.Matches[blk.Index] {
		theme := c.Notes[m.Theme]
		if m.Paragraph != para || linked[theme] {
			continue
		}
		linked[theme] = true
		b.WriteString(escapeFrom(text, pos, m.Start))
		term := text[m.Start:m.End]
		if term == theme.Title {
			// The text already names the theme.
			fmt.Fprintf(&b, "[%s](%s)", escapeInline(term), c.Base.Path(themePath(theme.Slug)))
		} else {
			fmt.Fprintf(&b, "[%s](%s %s)", escapeInline(term), c.Base.Path(themePath(theme.Slug)), attrValue(theme.Title))
		}
		pos = m.End
	}
	b.WriteString(escapeFrom(text, pos, len(text)))
	return b.String()
}

// escapeFrom escapes text[from:to], treating it as a line start when from is 0.
func escapeFrom(text string, from, to int) string {
	if from == 0 {
		return Escape(text[:to])
	}
	return escapeInline(text[from:to])
}

// writeThemeNote writes, after a tagged block, where else its themes occur,
// naming each other document once:
//
//	另见中巴行动计划：全球发展倡议、全球治理倡议：一、7；一带一路：二、二、导语、四、1 [共 10 段]
//
// It names at most maxNoteDocuments other documents (the first in site
// order) and, within each, at most maxAlsoIn blocks per theme, so a note
// stays the same size however many documents the site holds; themes that
// occur in further documents link to their pages, which list them all.
// Themes with the same blocks in a document share one list. A theme whose
// term the block's text already links is named in plain text.
func (c *DocContext) writeThemeNote(b *strings.Builder, d *structure.Document, blk *structure.Block, linked map[*ThemeNote]bool) {
	themes := c.ThemesOf(blk)
	if len(themes) == 0 {
		return
	}
	w := c.Words
	shown := noteDocuments(themes, d.Slug)
	sep := ""
	for _, other := range shown {
		b.WriteString(escapeInline(sep + i18n.Sub(w.Notes.SeeAlso, "document", other.Short)))
		sep = w.Notes.Sentence
		for i, g := range groupByRefs(themes, other.Slug) {
			if i > 0 {
				b.WriteString(escapeInline(w.Notes.Group))
			}
			c.writeThemeNames(b, g, linked)
			b.WriteString(escapeInline(w.Colon))
			refs := g[0].in(other.Slug)
			for k, r := range refs {
				if k == maxAlsoIn {
					fmt.Fprintf(b, " [%s](%s)", escapeInline(w.Notes.AllPassages.Of(len(refs))), c.Base.Path(g[0].passages(other.Slug)))
					break
				}
				if k > 0 {
					b.WriteString(escapeInline(w.ListSep))
				}
				fmt.Fprintf(b, "[%s](%s)", escapeInline(r.Label), c.Base.Path("/"+other.Slug+"/#"+r.EID))
			}
		}
	}
	if further := beyond(themes, shown); len(further) > 0 {
		b.WriteString(escapeInline(sep + w.Notes.SeeOthers))
		c.writeThemeNames(b, further, nil)
		sep = w.Notes.Sentence
	}
	var only []*ThemeNote
	for _, t := range themes {
		if t.Docs == 1 {
			only = append(only, t)
		}
	}
	if len(only) > 0 {
		b.WriteString(escapeInline(sep + w.Notes.OnlyHere))
		c.writeThemeNames(b, only, linked)
	}
	b.WriteString(" {.note}\n\n")
}

// maxNoteDocuments is how many other documents a note names.
const maxNoteDocuments = 3

// noteDocuments picks the documents other than slug that a note names:
// those the block's themes occur in, the first maxNoteDocuments in site order.
func noteDocuments(themes []*ThemeNote, slug string) []DocRefs {
	seen := map[string]bool{}
	var docs []DocRefs
	for _, t := range themes {
		n := 0
		for _, od := range t.First {
			if od.Slug == slug {
				continue
			}
			if !seen[od.Slug] {
				seen[od.Slug] = true
				docs = append(docs, od)
			}
			if n++; n == maxNoteDocuments {
				break
			}
		}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Position < docs[j].Position })
	if len(docs) > maxNoteDocuments {
		docs = docs[:maxNoteDocuments]
	}
	return docs
}

// beyond lists the themes that occur in documents other than this one and
// those shown. (A shown document a theme occurs in is among the theme's
// first documents, so ThemeNote knows its blocks.)
func beyond(themes []*ThemeNote, shown []DocRefs) []*ThemeNote {
	var further []*ThemeNote
	for _, t := range themes {
		named := 1 // this document
		for _, od := range shown {
			if len(t.in(od.Slug)) > 0 {
				named++
			}
		}
		if t.Docs > named {
			further = append(further, t)
		}
	}
	return further
}

// writeThemeNames writes a group's theme names, linking those the text does not link already.
func (c *DocContext) writeThemeNames(b *strings.Builder, group []*ThemeNote, linked map[*ThemeNote]bool) {
	for j, t := range group {
		if j > 0 {
			b.WriteString(escapeInline(c.Words.ListSep))
		}
		if linked[t] {
			b.WriteString(escapeInline(t.Title))
		} else {
			fmt.Fprintf(b, "[%s](%s)", escapeInline(t.Title), c.Base.Path(themePath(t.Slug)))
		}
	}
}

// groupByRefs groups the themes that occur in the document slug by the
// blocks they tag there, keeping their order.
func groupByRefs(themes []*ThemeNote, slug string) [][]*ThemeNote {
	var groups [][]*ThemeNote
	var keys []string
	for _, t := range themes {
		refs := t.in(slug)
		if len(refs) == 0 {
			continue
		}
		var k strings.Builder
		for _, r := range refs {
			k.WriteString(r.EID + " ")
		}
		if i := slices.Index(keys, k.String()); i >= 0 {
			groups[i] = append(groups[i], t)
			continue
		}
		keys = append(keys, k.String())
		groups = append(groups, []*ThemeNote{t})
	}
	return groups
}

// maxAlsoIn is how many related blocks of one document a note links to
// directly; the theme page lists them all.
const maxAlsoIn = 3
