// Package linkcheck proves a built site has no dangling internal link.
//
// A Checker takes the site's files one by one as the build makes them
// (Add, safe for concurrent use), keeping of each HTML page only its ids
// and where its links lead (its Summary), and then (Check) the links
// editors wrote in the content (Source). CheckSince checks a build against
// the previous one, which passed: when no file came or went and no changed
// page lost or gained an id, only the links of the pages that changed; a
// Checker continued from the previous one (Next) takes over its files and
// patches them, so a build that keeps most of the site costs only what it
// adds and removes. It gives an error listing every broken link: an href or
// src inside the site that names no file, or a #fragment that names no
// element id in its target page; an editor's link as "file:line: …", once,
// any other as "page: link", for the first page that has it. Links to other
// hosts are not checked.
package linkcheck

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unique"

	"golang.org/x/net/html"

	"statements/generator/siteurl"
)

// Source is a link an editor wrote, in a markdown body of the content
// (a theme's annotation, an editorial page): a broken one is reported at
// its file and line, once, not at every page it is built into.
type Source struct {
	File string // the content file: content/themes/x.md
	Line int
	Page string // the page it is resolved on, a site path: /themes/x/
	Link string // as written: /doc/#para_4, #notes
	// Edition is the base of the page's edition in another language (its
	// site paths under /<lang>/), nil for the site's own: the same link,
	// broken in two editions, is reported once.
	Edition *siteurl.Base
}

// target is where a link leads: a file of the site and a fragment.
type target struct{ file, frag string }

// use is the first page, by name, that has a link to a target, and the link as written.
type use struct{ page, link string }

// Checker collects what the pages offer and ask for.
type Checker struct {
	base siteurl.Base
	site *url.URL // the site's root, under the base path

	mu    sync.Mutex
	files map[string]*Summary // every file; a page with its Summary, any other file with nil
	fresh []string            // the files not said to be as in the previous build (AddKept)
	// Without a next build to check against (NewOnce), a page's links are
	// merged here as it is added, and its Summary keeps only its ids:
	// pages share most link targets, so memory is bounded by the site's
	// targets, not the sum of every page's links.
	once   bool
	wanted map[target]use // every merged link's target, with its first use
	bad    []string       // the merged pages' links broken whatever the rest
	// A Checker continued from the last build's (Next) patches that
	// build's files in place; last is what it needs of that build.
	last   *lastBuild
	others []string // the files added one by one (AddNew), not a unit's: the next build removes them unless it adds them again or keeps them (KeepOther)
}

// lastBuild is what a Checker continued from the last build's (Next) keeps
// of it: the Checker, how many files it had, the files it added one by one
// (AddNew), and, for every file this build added or removed, what the last
// build had there: enough to give it back its files (Undo) and to compare
// the two (CheckSince).
type lastBuild struct {
	checker *Checker
	size    int
	others  []string
	journal map[string]prior
	leaving map[string]bool // of others, those this build has not added again yet (Remove, KeepOther)
}

// prior is what the last build had at a path this build touched.
type prior struct {
	s   *Summary
	had bool // the last build had a file there
	put bool // this build added one
}

// New gives a Checker for a site served under base.
func New(base siteurl.Base) *Checker {
	site, _ := url.Parse("http://site.invalid" + base.Prefix() + "/")
	return &Checker{base: base, site: site, files: map[string]*Summary{}, wanted: map[target]use{}}
}

// Next gives the Checker of the next build, of a site served under base,
// which takes over c's files
// and patches them in place: the files of a unit kept from c's build
// (AddNewAll, kept) are there already and cost nothing, so the work of a
// build is proportional to the files it adds and removes. The next build
// says which of c's units it has not (Remove), adds its files, and is
// checked against c (CheckSince(c)); then Commit lets c go, or, for a
// build that failed, Undo gives c back its files. c is of no other use
// meanwhile.
func (c *Checker) Next(base siteurl.Base) *Checker {
	n := New(base)
	n.files = c.files
	n.last = &lastBuild{checker: c, size: len(c.files), others: c.others, journal: map[string]prior{}}
	return n
}

// Commit ends a continued Checker's build: what it keeps of the last
// build goes.
func (c *Checker) Commit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = nil
}

// Undo gives the Checker this one was continued from (Next) its files
// back, as they were before this build touched them; this Checker is of no
// further use.
func (c *Checker) Undo() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last == nil {
		return
	}
	for name, p := range c.last.journal {
		if p.had {
			c.files[name] = p.s
		} else {
			delete(c.files, name)
		}
	}
	c.last, c.files = nil, nil
}

// NewOnce gives a Checker for a build that no later build is checked
// against (with CheckSince): it keeps less of each page.
func NewOnce(base siteurl.Base) *Checker {
	c := New(base)
	c.once = true
	return c
}

// keep records a file; the caller holds c.mu and has checked the name is free.
func (c *Checker) keep(name string, s *Summary) {
	if !c.once {
		c.files[name] = s
		return
	}
	c.files[name] = idsOf(s)
	c.want(name, s)
}

// idsOf is what a Checker built once keeps of a page: its ids.
func idsOf(s *Summary) *Summary {
	if s == nil {
		return nil
	}
	return &Summary{ids: s.ids}
}

// want records, for a Checker built once, the links of a page whose
// targets are not there yet, with the first page by name that has each,
// and the page's broken links. A link to a file already added, and to
// one of its ids, holds for good: such a build neither removes files nor
// changes them. (At a thousand documents most links lead within their
// document, whose pages come in together: see AddNewAll.)
func (c *Checker) want(name string, s *Summary) {
	if s == nil {
		return
	}
	for _, l := range s.links {
		if c.missing(l.t) == "" {
			continue
		}
		if u, seen := c.wanted[l.t]; !seen || name < u.page {
			c.wanted[l.t] = use{name, l.link}
		}
	}
	c.bad = append(c.bad, s.bad...)
}

// Check verifies every internal link of every HTML file in files, and those of sources.
func Check(files map[string][]byte, base siteurl.Base, sources []Source) error {
	c := New(base)
	for name, data := range files {
		c.Add(name, data)
	}
	return c.Check(sources)
}

// Summary is what the link check keeps of a page: its ids, where its
// links lead, and the links that are broken whatever the rest of the site.
// A page that is the same bytes at the same path has the same Summary, so
// a build that reuses a page's HTML can reuse its Summary too.
//
// A site keeps a Summary of every page, so it is kept small: its ids are
// a sorted list, and its strings are interned (package unique), since
// pages share most of their ids and link targets.
type Summary struct {
	ids   []string // sorted, without repeats
	links []found
	bad   []string
}

// has says whether the page has an element with that id.
func (s *Summary) has(id string) bool {
	_, ok := slices.BinarySearch(s.ids, id)
	return ok
}

// intern is the one copy of s that every Summary shares.
func intern(s string) string { return unique.Make(s).Value() }

// found is a link and where it leads.
type found struct {
	t    target
	link string
}

// Summarize reads a page of the site at name (a path ending in .html).
func (c *Checker) Summarize(name string, data []byte) *Summary {
	ids, raw := scan(data)
	s := &Summary{ids: ids}
	self := c.site.ResolveReference(&url.URL{Path: strings.TrimSuffix(name, "index.html")})
	for _, link := range raw {
		t, msg, ok := c.resolve(link, self)
		switch {
		case msg != "":
			s.bad = append(s.bad, fmt.Sprintf("%s: %s (%s)", name, link, msg))
		case ok:
			s.links = append(s.links, found{target{intern(t.file), intern(t.frag)}, intern(link)})
		}
	}
	s.links = slices.Clip(s.links)
	return s
}

// Add takes one file of the site; of a page, its Summary.
func (c *Checker) Add(name string, data []byte) {
	var s *Summary
	if strings.HasSuffix(name, ".html") {
		s = c.Summarize(name, data)
	}
	c.AddSummary(name, s)
}

// AddSummary takes one file of the site with the Summary of its page
// (nil for a file that is not a page).
func (c *Checker) AddSummary(name string, s *Summary) { c.AddNew(name, s) }

// AddNew is AddSummary for a file not added before; it reports false, and
// keeps the first, if one of that name was.
func (c *Checker) AddNew(name string, s *Summary) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last != nil {
		if !c.patch(name, s) {
			return false
		}
		c.others = append(c.others, name)
		return true
	}
	if _, taken := c.files[name]; taken {
		return false
	}
	c.keep(name, s)
	c.fresh = append(c.fresh, name)
	if !c.once {
		c.others = append(c.others, name)
	}
	return true
}

// patch adds a file to a continued Checker's files, unless one of that
// name is there that is not to go (Remove): added by this build, or of a
// unit it kept. The caller holds c.mu.
func (c *Checker) patch(name string, s *Summary) bool {
	p, touched := c.last.journal[name]
	if touched && p.put {
		return false
	}
	if !touched {
		old, had := c.files[name]
		if had && !c.last.leaving[name] {
			return false // of a unit kept, or added by this build as kept (KeepOther)
		}
		p = prior{s: old, had: had}
		delete(c.last.leaving, name)
	}
	p.put = true
	c.last.journal[name] = p
	c.files[name] = s
	c.fresh = append(c.fresh, name)
	return true
}

// Remove removes the last build's files that are not of this one unless
// it adds them again: those of the units the last build had and this one
// has not (gone), and, once every file is added (at the check), those the
// last build added one by one (AddNew) and this one did not add again or
// keep (KeepOther). It is for a continued Checker (Next), before any file
// is added.
func (c *Checker) Remove(gone iter.Seq[string]) {
	c.mu.Lock()
	defer c.mu.Unlock()
	remove := func(name string) {
		if _, touched := c.last.journal[name]; touched {
			return
		}
		if s, had := c.files[name]; had {
			c.last.journal[name] = prior{s: s, had: true}
			delete(c.files, name)
		}
	}
	for name := range gone {
		remove(name)
	}
	c.last.leaving = make(map[string]bool, len(c.last.others))
	for _, name := range c.last.others {
		if _, touched := c.last.journal[name]; !touched {
			c.last.leaving[name] = true
		}
	}
}

// KeepOther says that a file the last build added one by one (AddNew) is
// in this build as it was, the very same bytes: it stays, at the cost of
// a name (at a thousand documents the search index is 30,000 files, of
// which an edit changes a few). It reports false, and does nothing, for a
// name that is not such a file or that this build has added already; for
// a Checker not continued from the last build's (Next), always.
func (c *Checker) KeepOther(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last == nil || !c.last.leaving[name] {
		return false
	}
	delete(c.last.leaving, name)
	c.others = append(c.others, name)
	return true
}

// dropLeaving removes the last build's files added one by one that this
// build neither added again nor kept; the caller holds c.mu.
func (c *Checker) dropLeaving() {
	if c.last == nil {
		return
	}
	for name := range c.last.leaving {
		if s, had := c.files[name]; had {
			c.last.journal[name] = prior{s: s, had: true}
			delete(c.files, name)
		}
	}
	c.last.leaving = nil
}

// AddNewAll is AddNew for several files under one lock: it stops at the
// first name taken, and gives it; the Checker is then of no further use
// (the file of that name may be either). kept says that the files are
// those of the previous build, of the same paths with the very same
// Summaries: CheckSince does not look at them again.
func (c *Checker) AddNewAll(files iter.Seq2[string, *Summary], kept bool) (taken string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last != nil {
		if kept {
			return "", true // the last build's files, there already
		}
		for name, s := range files {
			if !c.patch(name, s) {
				return name, false
			}
		}
		return "", true
	}
	if c.once {
		// The files' ids first, then their links: the links between them hold already.
		for name, s := range files {
			if _, dup := c.files[name]; dup {
				return name, false
			}
			c.files[name] = idsOf(s)
			if !kept {
				c.fresh = append(c.fresh, name)
			}
		}
		for name, s := range files {
			c.want(name, s)
		}
		return "", true
	}
	for name, s := range files {
		// One hash of the name, not two: a site's every file comes
		// through here on every build of the development server.
		n := len(c.files)
		c.files[name] = s
		if len(c.files) == n {
			return name, false
		}
		if !kept {
			c.fresh = append(c.fresh, name)
		}
	}
	return "", true
}

// Check verifies the links of the files added so far, and those of sources.
func (c *Checker) Check(sources []Source) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLeaving()
	return c.check(sources)
}

// CheckSince is Check for a site whose previous build, prev, passed the
// check: if no file was added or removed and no page that changed has
// other ids than before, the links of the pages that did not change still
// hold, and only those of the pages that changed are checked (a page is
// unchanged if it has the very Summary it had: a build that reuses a
// page's HTML reuses its Summary). Otherwise, and to report what is
// broken, it checks everything. prev may be nil. Its work is proportional
// to the files not added as kept (AddNewAll).
func (c *Checker) CheckSince(prev *Checker, sources []Source) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLeaving()
	if prev == nil || prev.base != c.base || !c.checkChanged(prev) {
		return c.check(sources)
	}
	if broken, _ := c.checkSources(sources); len(broken) > 0 {
		return c.check(sources)
	}
	return nil
}

// checkChanged reports whether the set of files and every unchanged
// page's targets are as in prev, and the changed pages' links all hold.
func (c *Checker) checkChanged(prev *Checker) bool {
	before, size := prev.lookup, len(prev.files)
	if c.last != nil {
		if c.last.checker != prev {
			return false
		}
		before, size = c.last.lookup, c.last.size
	}
	if size != len(c.files) {
		return false
	}
	// A kept file is in prev with the same Summary; if every fresh one is
	// in prev too, the two builds have the same files (the counts being equal).
	for _, name := range c.fresh {
		s := c.files[name]
		old, ok := before(name)
		if !ok {
			return false // a file added (and, the counts being equal, one removed)
		}
		if s == old {
			continue
		}
		if s == nil || old == nil || !slices.Equal(s.ids, old.ids) {
			return false
		}
		if len(s.bad) > 0 {
			return false
		}
		for _, l := range s.links {
			if c.missing(l.t) != "" {
				return false
			}
		}
	}
	return true
}

// lookup is the file of a name.
func (c *Checker) lookup(name string) (*Summary, bool) {
	s, ok := c.files[name]
	return s, ok
}

// lookup is the last build's file of a name: as this build found it
// if it touched it, else as it is.
func (l *lastBuild) lookup(name string) (*Summary, bool) {
	if p, touched := l.journal[name]; touched {
		return p.s, p.had
	}
	s, ok := l.checker.files[name]
	return s, ok
}

// check verifies every link.
func (c *Checker) check(sources []Source) error {
	wanted := maps.Clone(c.wanted) // every link's target, with its first use
	broken := slices.Clone(c.bad)
	for name, s := range c.files {
		if s == nil {
			continue
		}
		for _, l := range s.links {
			if u, seen := wanted[l.t]; !seen || name < u.page {
				wanted[l.t] = use{name, l.link} // the first page by name: the same whatever the order of Add
			}
		}
		broken = append(broken, s.bad...)
	}
	fromSources, reported := c.checkSources(sources)
	broken = append(broken, fromSources...)
	for t, u := range wanted {
		if msg := c.missing(t); msg != "" && !reported[t] {
			broken = append(broken, fmt.Sprintf("%s: %s (%s)", u.page, u.link, msg))
		}
	}
	if len(broken) == 0 {
		return nil
	}
	sort.Strings(broken)
	broken = slices.Compact(broken) // an editor's link, broken in every edition
	return errors.New("broken links:\n" + strings.Join(broken, "\n"))
}

// checkSources verifies the editors' links, giving what is broken and its targets.
func (c *Checker) checkSources(sources []Source) (broken []string, reported map[target]bool) {
	reported = map[target]bool{}
	for _, src := range sources {
		base := c.base
		if src.Edition != nil {
			base = *src.Edition
		}
		self := c.site.ResolveReference(&url.URL{Path: base.Path(src.Page)})
		built := src.Link // as the pages have it: a site path under the base
		if strings.HasPrefix(built, "/") {
			built = base.Rebase(built)
		}
		t, msg, ok := c.resolve(built, self)
		if msg == "" && ok {
			msg = c.missing(t)
		}
		if msg != "" {
			broken = append(broken, fmt.Sprintf("%s:%d: link %s leads nowhere (%s)", src.File, src.Line, src.Link, msg))
			reported[t] = true
		}
	}
	return broken, reported
}

// resolve finds where a link of the page at self leads: ok is false for
// another site and a text fragment alone; msg says why a link is broken
// before any file is looked at.
func (c *Checker) resolve(link string, self *url.URL) (t target, msg string, ok bool) {
	ref, err := url.Parse(link)
	if err != nil {
		return target{}, "not a URL", false
	}
	if c.base.IsAbsolute() && ref.IsAbs() && strings.HasPrefix(link, c.base.Abs("/")) {
		ref, _ = url.Parse(strings.TrimPrefix(link, strings.TrimSuffix(c.base.Abs("/"), c.base.Prefix()+"/")))
	}
	if ref.Scheme != "" || ref.Host != "" {
		return target{}, "", false // another site
	}
	to := self.ResolveReference(ref)
	rel, inside := strings.CutPrefix(to.Path, c.site.Path)
	if !inside {
		return target{}, "outside the site's base path " + c.site.Path, false
	}
	file := rel
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	frag := to.Fragment
	if strings.HasPrefix(frag, ":~:") {
		frag = ""
	}
	frag, _, _ = strings.Cut(frag, ":~:")
	return target{path.Clean(file), frag}, "", true
}

// missing says why a target is not there, or "".
func (c *Checker) missing(t target) string {
	s, ok := c.files[t.file]
	if !ok {
		return "no such file"
	}
	if t.frag == "" {
		return ""
	}
	if s == nil {
		return "a fragment on a file that is not a page"
	}
	if !s.has(t.frag) {
		return "no element with id " + t.frag
	}
	return ""
}

// scan collects the ids (sorted, interned, without repeats) and the links
// of an HTML page.
func scan(data []byte) ([]string, []string) {
	var ids, links []string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			slices.Sort(ids)
			return slices.Clip(slices.Compact(ids)), links
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "id":
					ids = append(ids, intern(string(val)))
				case "href", "src":
					// A data: URL holds its target (a page's citation
					// downloads): nothing to check, and long to parse.
					if string(name) != "base" && !bytes.HasPrefix(val, []byte("data:")) {
						links = append(links, string(val))
					}
				}
			}
		}
	}
}
