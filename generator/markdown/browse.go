package markdown

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"statements/generator/grammar"
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
	for _, d := range docs {
		fmt.Fprintf(b, "- [%s](%s)  \n", Escape(d.Title), s.Base.Path(DocumentPath(d)))
		if d.TitleEn != "" {
			fmt.Fprintf(b, "  %s  \n", Escape(d.TitleEn))
		}
		fmt.Fprintf(b, "  %s", d.Date)
		if len(d.Parties) > 0 {
			fmt.Fprintf(b, " · %s", Escape(strings.Join(d.Parties, "、")))
		}
		fmt.Fprintf(b, " · %d 字\n", CharCount(d))
	}
	b.WriteString("\n")
}

// writePager writes the links between the pages of a list: page k of n.
func writePager(b *strings.Builder, base siteurl.Base, path string, k, n int) {
	if n <= 1 {
		return
	}
	fmt.Fprintf(b, "第 %d / %d 页：", k, n)
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
		writePager(&b, s.Base, path, k, n)
		s.writeDocumentList(&b, docs[(k-1)*PerPage:min(k*PerPage, len(docs))])
		writePager(&b, s.Base, path, k, n)
		pageTitle := title
		if k > 1 {
			pageTitle = fmt.Sprintf("%s（第 %d 页）", title, k)
		}
		pages = append(pages, &Page{
			Path: pagePath(path, k), Layout: ListLayout, Title: pageTitle,
			Description: fmt.Sprintf("%s：%d 份文件。", title, len(docs)),
			Crumbs:      append(slices.Clone(crumbs), Crumb{Title: pageTitle}),
			Front:       homeFront{Title: pageTitle, URL: s.Base.Abs(pagePath(path, k))},
			Body:        []byte(b.String()),
		})
	}
	return pages
}

// browsePages are the parties' and years' indexes and pages.
func browsePages(s *Site) []*Page {
	a := s.archive()
	var b strings.Builder
	b.WriteString("本站文件的各方（国家、政府或组织），按文件数排列。\n\n")
	for _, p := range a.parties {
		fmt.Fprintf(&b, "- [%s](%s) %s · %d 份文件\n", Escape(p.Name), s.Base.Path(PartyPath(p.Party)), escapeInline(p.NameEn), len(p.Docs))
	}
	b.WriteString("\n")
	pages := []*Page{{
		Path: PartiesPath, Layout: ListLayout, Title: "按国家和组织",
		Description: "本站文件的各方，及各方参与的文件。",
		Crumbs:      []Crumb{homeCrumb(), {Title: "按国家和组织"}},
		Front:       homeFront{Title: "按国家和组织", URL: s.Base.Abs(PartiesPath)},
		Body:        []byte(b.String()),
	}}
	crumbs := []Crumb{homeCrumb(), {Title: "按国家和组织", Path: PartiesPath}}
	for _, p := range a.parties {
		intro := fmt.Sprintf("%s参与的全部文件，新者在前。", Escape(p.Name))
		pages = append(pages, s.listPages(PartyPath(p.Party), p.Name, crumbs, intro, p.Docs)...)
	}
	b.Reset()
	for _, y := range a.years {
		fmt.Fprintf(&b, "- [%s 年](%s) · %d 份文件\n", y.Year, s.Base.Path(YearPath(y.Year)), len(y.Docs))
	}
	b.WriteString("\n")
	pages = append(pages, &Page{
		Path: YearsPath, Layout: ListLayout, Title: "按年份",
		Description: "本站文件按发布年份排列。",
		Crumbs:      []Crumb{homeCrumb(), {Title: "按年份"}},
		Front:       homeFront{Title: "按年份", URL: s.Base.Abs(YearsPath)},
		Body:        []byte(b.String()),
	})
	crumbs = []Crumb{homeCrumb(), {Title: "按年份", Path: YearsPath}}
	for _, y := range a.years {
		pages = append(pages, s.listPages(YearPath(y.Year), y.Year+" 年", crumbs, "", y.Docs)...)
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
