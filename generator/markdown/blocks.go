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
// class line-<role>. Every occurrence of a theme's term links to the
// theme's page, and a note after the block names its themes and where
// else they occur.
//
// On an edition's pages the block is in the edition's language: its
// translation, with the text it translates after it (class original, in
// the text's language), which the layout sets beside it on wide screens;
// or, where there is no translation, the text, marked as in its language.
func (c *DocContext) writeBlock(b *strings.Builder, d *structure.Document, blk *structure.Block, depth int) {
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
			text += c.markers(blk, i) // a translation has no phrases to mark: its paragraph's notes end it
		case target != nil:
			text = fmt.Sprintf("[%s](%s)", escapeInline(p.Text), c.Base.Path(InContext(d, target))) + c.markers(blk, i)
		default:
			text = c.inline(blk, i, p.Text, true)
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
			fmt.Fprintf(b, "%s {.original lang=%s}\n\n", c.inline(blk, i, p.Text, false), attrValue(c.TextLang))
		}
		if t.Stale[blk.Index] {
			fmt.Fprintf(b, "%s {.note}\n\n", Escape(c.Words.Document.Stale))
		}
	}
	c.writeThemeNote(b, d, blk)
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

// inline escapes a paragraph, linking every occurrence of a theme's term
// to the theme's page and every title of another document of the site
// to that document (a term inside a title is not linked: links do not
// nest), and, if marked, ending each of its notes' phrases with the
// note's footnote reference (after the link the phrase ends in, if any).
func (c *DocContext) inline(blk *structure.Block, para int, text string, marked bool) string {
	type link struct {
		start, end int
		path       string
	}
	var links []link
	if c.Refs != nil {
		for _, r := range c.Refs[blk.Index] {
			if r.Paragraph == para {
				links = append(links, link{r.Start, r.End, c.Base.Path(r.Path)})
			}
		}
	}
	titles := len(links)
	for _, m := range c.Matches.Of(blk.Index) {
		if m.Paragraph != para || slices.ContainsFunc(links[:titles], func(l link) bool { return m.Start < l.end && l.start < m.End }) {
			continue // (matches do not overlap: annotate takes the longest term at each place)
		}
		// (No title: the note after the block names the theme.)
		links = append(links, link{m.Start, m.End, c.Base.Path(themePath(c.Notes[m.Theme].Slug))})
	}
	slices.SortFunc(links, func(a, b link) int { return a.start - b.start })
	var notes []EdNote
	if marked {
		for _, n := range c.notesIn(blk) {
			if n.Paragraph == para {
				notes = append(notes, n)
			}
		}
	}
	var b strings.Builder
	pos := 0
	// markUpTo writes the markers of the notes whose phrases end by at.
	markUpTo := func(at int) {
		for len(notes) > 0 && notes[0].End <= at {
			b.WriteString(escapeFrom(text, pos, notes[0].End))
			pos = notes[0].End
			b.WriteString(marker(notes[0]))
			notes = notes[1:]
		}
	}
	for _, l := range links {
		markUpTo(l.start)
		b.WriteString(escapeFrom(text, pos, l.start))
		fmt.Fprintf(&b, "[%s](%s)", escapeInline(text[l.start:l.end]), l.path)
		pos = l.end
		// A phrase ending inside the link is marked after it.
		for len(notes) > 0 && notes[0].End <= l.end {
			b.WriteString(marker(notes[0]))
			notes = notes[1:]
		}
	}
	markUpTo(len(text))
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

// writeThemeNote writes, after a tagged block, its themes, each named once
// and linked to its page, each with the blocks of other documents it also
// tags, by their full locators:
//
//	主题：全球发展倡议、全球治理倡议（另见中古联合声明 十四）；一带一路（另见中古联合声明 十一、中古联合声明 十四）
//
// It names at most maxNoteDocuments other documents (the first in site
// order) and, within each, at most maxAlsoIn blocks per theme, then the
// link to all of them, so a note stays the same size however many
// documents the site holds; a theme that occurs in further documents
// leads to them through its page. Themes with the same related blocks
// share one group.
func (c *DocContext) writeThemeNote(b *strings.Builder, d *structure.Document, blk *structure.Block) {
	themes := c.ThemesOf(blk)
	if len(themes) == 0 || c.noteRepeatsNext(d, blk, themes) {
		return
	}
	w := c.Words.Notes
	shown := noteDocuments(themes, d.Slug)
	further := beyond(themes, shown)
	var groups [][]*ThemeNote
	var places []string
	for _, t := range themes {
		p := c.places(t, shown, slices.Contains(further, t))
		if i := slices.Index(places, p); i >= 0 {
			groups[i] = append(groups[i], t)
			continue
		}
		places, groups = append(places, p), append(groups, []*ThemeNote{t})
	}
	b.WriteString(escapeInline(w.Themes.Of(len(themes))))
	for i, g := range groups {
		if i > 0 {
			b.WriteString(escapeInline(w.Group))
		}
		for j, t := range g {
			if j > 0 {
				b.WriteString(escapeInline(c.Words.ListSep))
			}
			fmt.Fprintf(b, "[%s](%s)", escapeInline(t.Title), c.Base.Path(themePath(t.Slug)))
		}
		b.WriteString(places[i])
	}
	b.WriteString(" {.note}\n\n")
}

// places writes where else a theme occurs, as the note says it after the
// theme's name: the blocks of the shown documents that it tags, and, if
// it occurs in further documents (more), a link to its page; or that it
// occurs in this document only.
func (c *DocContext) places(t *ThemeNote, shown []DocRefs, more bool) string {
	w := c.Words.Notes
	var list []string
	for _, other := range shown {
		refs := t.in(other.Slug)
		for k, r := range refs {
			if k == maxAlsoIn {
				list = append(list, fmt.Sprintf("[%s](%s)", escapeInline(w.AllPassages.Of(len(refs))), c.Base.Path(t.passages(other.Slug))))
				break
			}
			place := i18n.Sub(w.Place, "document", other.Short, "label", r.Label)
			list = append(list, fmt.Sprintf("[%s](%s)", escapeInline(place), c.Base.Path("/"+other.Slug+"/#"+r.EID)))
		}
	}
	if more {
		list = append(list, fmt.Sprintf("[%s](%s)", escapeInline(w.Others), c.Base.Path(themePath(t.Slug))))
	}
	if len(list) == 0 {
		return escapeInline(w.OnlyHere)
	}
	sep := escapeInline(c.Words.ListSep)
	at := strings.Index(w.SeeAlso, "{places}")
	return escapeInline(w.SeeAlso[:at]) + strings.Join(list, sep) + escapeInline(w.SeeAlso[at+len("{places}"):])
}

// noteRepeatsNext says whether a heading's note would repeat the note of
// the block after it, which names the same themes or more: a part's
// heading and its first clause, tagged by the same term, show it once.
func (c *DocContext) noteRepeatsNext(d *structure.Document, blk *structure.Block, themes []*ThemeNote) bool {
	if !blk.Heading || blk.Index+1 >= len(d.Blocks) {
		return false
	}
	next := c.ThemesOf(d.Blocks[blk.Index+1])
	for _, t := range themes {
		if !slices.Contains(next, t) {
			return false
		}
	}
	return true
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

// maxAlsoIn is how many related blocks of one document a note links to
// directly; the theme page lists them all.
const maxAlsoIn = 3
