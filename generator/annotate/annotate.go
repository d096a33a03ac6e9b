package annotate

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"statements/generator/load"
	"statements/generator/structure"
)

// Ref is one block of one document.
type Ref struct {
	Doc   *structure.Document
	Block *structure.Block
}

// Theme is a theme with the blocks it tags, in document order, then reading order.
type Theme struct {
	*load.Theme
	Refs  []Ref
	Docs  []*structure.Document // the documents it occurs in, in site order
	byDoc map[*structure.Document][]Ref
	index int // its place in Annotations.Themes
}

// Match is one occurrence of a theme's term in a block.
type Match struct {
	Theme      *Theme
	Paragraph  int // index into Block.Paragraphs
	Start, End int // byte offsets in that paragraph's text
}

// Annotations are the themes found in the documents.
type Annotations struct {
	Themes   []*Theme
	Terms    *Terms // every theme's terms and exclusions, for finding them again
	themes   map[*structure.Block][]*Theme
	matches  map[*structure.Block][]Match
	position map[*structure.Document]int
}

// Position is a document's place in the site's order, for sorting.
func (a *Annotations) Position(d *structure.Document) int { return a.position[d] }

// ThemesOf lists the themes that tag a block, in the order of Annotations.Themes.
func (a *Annotations) ThemesOf(b *structure.Block) []*Theme {
	if a == nil {
		return nil
	}
	return a.themes[b]
}

// Matches lists the term occurrences in a block, in reading order.
func (a *Annotations) Matches(b *structure.Block) []Match {
	if a == nil {
		return nil
	}
	return a.matches[b]
}

// In lists the blocks a theme tags in doc.
func (t *Theme) In(doc *structure.Document) []Ref { return t.byDoc[doc] }

// OnlyIn reports whether doc is the one document the theme occurs in.
func (t *Theme) OnlyIn(doc *structure.Document) bool { return len(t.Docs) == 1 && t.Docs[0] == doc }

// Terms finds the themes' terms in a text, as Annotate does: the longest
// term or exclusion at each place. It is a function of its List alone.
type Terms struct {
	matcher *Matcher
	terms   []string
	owners  []string // per term, the slug of its theme; "" for an exclusion
}

// List gives the terms and exclusions in the order they are matched, and
// the slug of each one's theme ("" for an exclusion): all that Find depends on.
func (t *Terms) List() (terms, owners []string) { return t.terms, t.owners }

// Find gives the occurrences of the theme slug's terms in text, in order.
func (t *Terms) Find(text, slug string) []Hit {
	var hits []Hit
	for _, h := range t.matcher.Find(text) {
		if t.owners[h.Term] == slug {
			hits = append(hits, h)
		}
	}
	return hits
}

// termOwner says which theme a matcher entry belongs to; nil for an exclusion.
type termOwner struct {
	theme *Theme // nil for an exclusion
	term  string
	line  int
}

// Annotate tags every block of docs with the themes whose terms it contains.
func Annotate(docs []*structure.Document, themes []*load.Theme) (*Annotations, error) {
	return (*Scans)(nil).Annotate(docs, themes)
}

// Scans remembers where the terms occur in each document, so that a
// process that annotates again and again (the development server) scans
// only the documents it has not seen: a structure.Document is never
// changed once built, and the build gives an unchanged document the same
// one. The scans are for one list of terms; a change of terms drops them.
// The zero Scans is ready; a nil *Scans remembers nothing.
type Scans struct {
	mu    sync.Mutex
	terms string // the terms scanned for, joined
	docs  map[*structure.Document][][]paraHit
}

// paraHit is a term's occurrence in a paragraph of a block.
type paraHit struct {
	para int
	Hit
}

// scan gives the hits of a document's blocks, by block index.
func (s *Scans) scan(d *structure.Document, m *Matcher) [][]paraHit {
	if s != nil {
		s.mu.Lock()
		hits, ok := s.docs[d]
		s.mu.Unlock()
		if ok {
			return hits
		}
	}
	hits := make([][]paraHit, len(d.Blocks))
	for bi, b := range d.Blocks {
		for pi, p := range b.Paragraphs {
			for _, h := range m.Find(p.Text) {
				hits[bi] = append(hits[bi], paraHit{pi, h})
			}
		}
	}
	if s != nil {
		s.mu.Lock()
		s.docs[d] = hits
		s.mu.Unlock()
	}
	return hits
}

// use readies the scans for terms and forgets documents not in docs.
func (s *Scans) use(terms []string, docs []*structure.Document) {
	if s == nil {
		return
	}
	key := strings.Join(terms, "\x00")
	kept := map[*structure.Document][][]paraHit{}
	if key == s.terms {
		for _, d := range docs {
			if hits, ok := s.docs[d]; ok {
				kept[d] = hits
			}
		}
	}
	s.terms, s.docs = key, kept
}

// Annotate is the package's Annotate, scanning only the documents s has not seen.
func (s *Scans) Annotate(docs []*structure.Document, themes []*load.Theme) (*Annotations, error) {
	a := &Annotations{themes: map[*structure.Block][]*Theme{}, matches: map[*structure.Block][]Match{}, position: map[*structure.Document]int{}}
	for i, d := range docs {
		a.position[d] = i
	}
	var errs []error
	fail := func(file string, line int, format string, args ...any) {
		errs = append(errs, &load.Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	var owners []termOwner
	var terms []string
	claimed := map[string]*Theme{}
	for ti, lt := range themes {
		t := &Theme{Theme: lt, byDoc: map[*structure.Document][]Ref{}, index: ti}
		a.Themes = append(a.Themes, t)
		for _, term := range lt.Terms {
			if other := claimed[term]; other != nil {
				fail(lt.File, lt.FieldLines["terms"], "term %q is also a term of theme %s; a term may mark one theme only", term, other.Slug)
				continue
			}
			claimed[term] = t
			owners = append(owners, termOwner{theme: t, term: term, line: lt.FieldLines["terms"]})
			terms = append(terms, term)
		}
		for _, ex := range lt.Exclude {
			owners = append(owners, termOwner{term: ex, line: lt.FieldLines["exclude"]})
			terms = append(terms, ex)
		}
	}
	matcher := NewMatcher(terms)
	a.Terms = &Terms{matcher: matcher, terms: terms}
	for _, o := range owners {
		slug := ""
		if o.theme != nil {
			slug = o.theme.Slug
		}
		a.Terms.owners = append(a.Terms.owners, slug)
	}
	s.use(terms, docs)
	used := make([]bool, len(owners))
	tags := newTagSet(docs, len(a.Themes))
	var pending [][]Match // by block, in tags' order: the matches found, kept once the themes are settled
	for di, d := range docs {
		for bi, hits := range s.scan(d, matcher) {
			for _, h := range hits {
				used[h.Term] = true
				o := owners[h.Term]
				if o.theme == nil {
					continue // an exclusion: the longer string that is not the theme
				}
				if pending == nil {
					pending = make([][]Match, tags.blocks)
				}
				k := tags.block(di, bi)
				pending[k] = append(pending[k], Match{Theme: o.theme, Paragraph: h.para, Start: h.Start, End: h.End})
				tags.set(di, bi, o.theme.index, true)
			}
		}
	}
	for i, o := range owners {
		if !used[i] && o.theme != nil {
			fail(o.theme.File, o.line, "term %q matches nowhere in the documents", o.term)
		}
	}
	for ti, t := range a.Themes {
		applyManual(t, docs, func(d *structure.Document, b *structure.Block, on bool) {
			tags.set(a.position[d], b.Index, ti, on)
		}, fail)
	}
	for di, d := range docs {
		for bi, b := range d.Blocks {
			for ti := range tags.of(di, bi) {
				t := a.Themes[ti]
				r := Ref{Doc: d, Block: b}
				t.Refs = append(t.Refs, r)
				if len(t.byDoc[d]) == 0 {
					t.Docs = append(t.Docs, d)
				}
				t.byDoc[d] = append(t.byDoc[d], r)
				a.themes[b] = append(a.themes[b], t)
			}
			if pending == nil {
				continue
			}
			// A block's matches of removed themes are not shown as links either.
			var kept []Match
			for _, m := range pending[tags.block(di, bi)] {
				if tags.has(di, bi, m.Theme.index) {
					kept = append(kept, m)
				}
			}
			if kept != nil {
				a.matches[b] = kept
			}
		}
	}
	for _, t := range a.Themes {
		if len(t.Refs) == 0 {
			fail(t.File, 1, "theme %s tags no block of any document", t.Slug)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return a, nil
}

// applyManual adds and removes the blocks a theme's file names by hand,
// with tag.
func applyManual(t *Theme, docs []*structure.Document, tag func(d *structure.Document, b *structure.Block, on bool), fail func(string, int, string, ...any)) {
	resolve := func(field, ref string) (*structure.Document, *structure.Block) {
		slug, eid, ok := strings.Cut(ref, "#")
		if ok {
			for _, d := range docs {
				if d.Slug == slug {
					if b := d.Block(eid); b != nil {
						return d, b
					}
				}
			}
		}
		fail(t.File, t.FieldLines[field], "%s: %q is not a block of any document; write <document slug>#<eid>, e.g. china-cuba-joint-statement-2025#para_4", field, ref)
		return nil, nil
	}
	for _, ref := range t.Add {
		if d, b := resolve("add", ref); b != nil {
			tag(d, b, true)
		}
	}
	for _, ref := range t.Remove {
		if d, b := resolve("remove", ref); b != nil {
			tag(d, b, false)
		}
	}
}
