package markdown

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"statements/generator/grammar"
	"statements/generator/i18n"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// Lists stay small however many documents the site holds: a list page
// shows at most PerPage documents, a theme page the passages of at most
// ThemeDocsPerPage documents, the home page the Latest documents.
const (
	PerPage          = 50
	ThemeDocsPerPage = 10
	Latest           = 20
)

// The browse pages' paths.
const (
	PartiesPath = "/parties/"
	YearsPath   = "/years/"
)

// Party is a state or organisation that is a party to documents of the
// site (grammar.Party: a state and its government are one party).
type Party struct{ Slug, Name, NameEn string }

// partyDocs is a party with its documents, newest first.
type partyDocs struct {
	Party
	Docs []*structure.Document
}

// Year is a year of the documents' dates.
type Year struct {
	Year string
	Docs []*structure.Document // newest first
}

// archive is what the browse pages group the documents by.
type archive struct {
	newest  []*structure.Document
	parties []*partyDocs // by number of documents, then name
	years   []*Year      // newest first
	partyOf map[*structure.Document][]*partyDocs
}

// archive groups the documents once per site.
func (s *Site) archive() *archive {
	s.once.Do(func() { s.arch = newArchive(s.Documents) })
	return s.arch
}

func newArchive(docs []*structure.Document) *archive {
	a := &archive{partyOf: map[*structure.Document][]*partyDocs{}}
	a.newest = slices.Clone(docs)
	slices.Reverse(a.newest) // docs are sorted by date, then slug
	bySlug := map[string]*partyDocs{}
	byYear := map[string]*Year{}
	for _, d := range a.newest {
		for i, zh := range d.Parties {
			en := ""
			if i < len(d.PartiesEn) {
				en = d.PartiesEn[i]
			}
			name, nameEn, slug := grammar.Party(zh, en)
			if slug == "" {
				continue // no English name to name its page by
			}
			p := bySlug[slug]
			if p == nil {
				p = &partyDocs{Party: Party{Slug: slug, Name: name, NameEn: nameEn}}
				bySlug[slug] = p
				a.parties = append(a.parties, p)
			}
			if !slices.Contains(a.partyOf[d], p) {
				p.Docs = append(p.Docs, d)
				a.partyOf[d] = append(a.partyOf[d], p)
			}
		}
		y := d.Date[:4]
		if byYear[y] == nil {
			byYear[y] = &Year{Year: y}
			a.years = append(a.years, byYear[y])
		}
		byYear[y].Docs = append(byYear[y].Docs, d)
	}
	slices.SortStableFunc(a.parties, func(p, q *partyDocs) int {
		return cmp.Or(cmp.Compare(len(q.Docs), len(p.Docs)), cmp.Compare(p.Slug, q.Slug))
	})
	return a
}

// PartyPath is the site path of a party's page.
func PartyPath(p Party) string { return PartiesPath + p.Slug + "/" }

// YearPath is the site path of a year's page.
func YearPath(year string) string { return YearsPath + year + "/" }

// pagePath is the path of page k (from 1) of a list at path.
func pagePath(path string, k int) string {
	if k <= 1 {
		return path
	}
	return fmt.Sprintf("%spage/%d/", path, k)
}

// pageCount is how many pages n items take, per to a page; at least one.
func pageCount(n, per int) int { return max(1, (n+per-1)/per) }

// writeDocumentList writes documents as a list, newest first.
func (s *Site) writeDocumentList(b *strings.Builder, docs []*structure.Document) {
	w := s.Words
	for _, d := range docs {
		title, other := s.docTitle(d)
		fmt.Fprintf(b, "- [%s](%s)  \n", escapeInline(title), s.Base.Path(DocumentPath(d)))
		if other != "" {
			fmt.Fprintf(b, "  %s  \n", escapeInline(other))
		}
		fmt.Fprintf(b, "  %s", escapeInline(w.Date(d.Date)))
		parties := d.Parties
		if s.inEdition() && len(d.PartiesEn) == len(d.Parties) {
			parties = d.PartiesEn
		}
		if len(parties) > 0 {
			fmt.Fprintf(b, " · %s", escapeInline(strings.Join(parties, w.ListSep)))
		}
		fmt.Fprintf(b, " · %s\n", escapeInline(w.Document.Chars.Of(CharCount(d))))
	}
	b.WriteString("\n")
}

// writePager writes the links between the pages of a list: page k of n.
func writePager(b *strings.Builder, w *i18n.Strings, base siteurl.Base, path string, k, n int) {
	if n <= 1 {
		return
	}
	b.WriteString(Escape(i18n.Sub(w.Browse.Pager, "k", k, "n", n)))
	for i := 1; i <= n; i++ {
		if i == k {
			fmt.Fprintf(b, " **%d**", i)
		} else {
			fmt.Fprintf(b, " [%d](%s)", i, base.Path(pagePath(path, i)))
		}
	}
	b.WriteString(" {.pager}\n\n")
}

// listPages are the pages of a paginated list of documents.
func (s *Site) listPages(path, title string, crumbs []Crumb, intro string, docs []*structure.Document) []*Page {
	n := pageCount(len(docs), PerPage)
	pages := make([]*Page, 0, n)
	for k := 1; k <= n; k++ {
		var b strings.Builder
		if intro != "" {
			fmt.Fprintf(&b, "%s\n\n", intro)
		}
		writePager(&b, s.Words, s.Base, path, k, n)
		s.writeDocumentList(&b, docs[(k-1)*PerPage:min(k*PerPage, len(docs))])
		writePager(&b, s.Words, s.Base, path, k, n)
		pageTitle := pageTitle(s.Words, title, k)
		pages = append(pages, &Page{
			Path: pagePath(path, k), Layout: ListLayout, Title: pageTitle,
			Description: i18n.Sub(s.Words.Browse.ListDescription, "title", title, "documents", s.Words.Browse.Documents.Of(len(docs))),
			Crumbs:      append(slices.Clone(crumbs), Crumb{Title: pageTitle}),
			Front:       homeFront{Title: pageTitle, URL: s.Base.Abs(pagePath(path, k))},
			Body:        []byte(b.String()),
		})
	}
	return pages
}

// pageTitle is the title of page k of a list.
func pageTitle(w *i18n.Strings, title string, k int) string {
	if k <= 1 {
		return title
	}
	return i18n.Sub(w.Browse.PageTitle, "title", title, "k", k)
}

// browsePages are the parties' and years' indexes and pages.
func browsePages(s *Site) []*Page {
	a, w := s.archive(), s.Words
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", Escape(w.Browse.PartiesIntro))
	for _, p := range a.parties {
		name, other := s.named(p.Name, p.NameEn)
		fmt.Fprintf(&b, "- [%s](%s) %s · %s\n", escapeInline(name), s.Base.Path(PartyPath(p.Party)), escapeInline(other), escapeInline(w.Browse.Documents.Of(len(p.Docs))))
	}
	b.WriteString("\n")
	pages := []*Page{{
		Path: PartiesPath, Layout: ListLayout, Title: w.Browse.Parties,
		Description: w.Browse.PartiesDescription,
		Crumbs:      []Crumb{homeCrumb(w), {Title: w.Browse.Parties}},
		Front:       homeFront{Title: w.Browse.Parties, URL: s.Base.Abs(PartiesPath)},
		Body:        []byte(b.String()),
	}}
	crumbs := []Crumb{homeCrumb(w), {Title: w.Browse.Parties, Path: PartiesPath}}
	for _, p := range a.parties {
		name, _ := s.named(p.Name, p.NameEn)
		intro := Escape(i18n.Sub(w.Browse.PartyIntro, "party", name))
		pages = append(pages, s.listPages(PartyPath(p.Party), name, crumbs, intro, p.Docs)...)
	}
	b.Reset()
	for _, y := range a.years {
		fmt.Fprintf(&b, "- [%s](%s) · %s\n", escapeInline(i18n.Sub(w.Browse.Year, "year", y.Year)), s.Base.Path(YearPath(y.Year)), escapeInline(w.Browse.Documents.Of(len(y.Docs))))
	}
	b.WriteString("\n")
	pages = append(pages, &Page{
		Path: YearsPath, Layout: ListLayout, Title: w.Browse.Years,
		Description: w.Browse.YearsDescription,
		Crumbs:      []Crumb{homeCrumb(w), {Title: w.Browse.Years}},
		Front:       homeFront{Title: w.Browse.Years, URL: s.Base.Abs(YearsPath)},
		Body:        []byte(b.String()),
	})
	crumbs = []Crumb{homeCrumb(w), {Title: w.Browse.Years, Path: YearsPath}}
	for _, y := range a.years {
		pages = append(pages, s.listPages(YearPath(y.Year), i18n.Sub(w.Browse.Year, "year", y.Year), crumbs, "", y.Docs)...)
	}
	return pages
}

// PageCount is how many pages Pages writes, without writing them: one per
// document and per block, the fixed ones (home, not-found, search, the
// themes, parties and years indexes), each editorial page, and the pages
// of each theme, party and year.
func (s *Site) PageCount() int {
	n := 6 + len(s.Pages) + len(s.Documents)
	for _, d := range s.Documents {
		n += len(d.Blocks)
	}
	for _, t := range s.Notes.Themes {
		n += pageCount(len(t.Docs), ThemeDocsPerPage)
	}
	a := s.archive()
	for _, p := range a.parties {
		n += pageCount(len(p.Docs), PerPage)
	}
	for _, y := range a.years {
		n += pageCount(len(y.Docs), PerPage)
	}
	return n
}
