package build

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"

	"statements/generator/annotate"
	"statements/generator/editorial"
	"statements/generator/export"
	"statements/generator/feeds"
	"statements/generator/html"
	"statements/generator/i18n"
	"statements/generator/internal/digest"
	"statements/generator/linkcheck"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/search"
	"statements/generator/siteurl"
	"statements/generator/sources"
	"statements/generator/structure"
)

// Config says what to build from.
type Config struct {
	Content fs.FS // content/: site.yaml, documents/, themes/
	Layouts fs.FS // layouts/
	Static  fs.FS // static/: copied to the site root as it is
	Base    siteurl.Base
	// SiteURL: the url of site.yaml, when it has one, takes the place of
	// Base (the command line's build when no -base-url is given).
	SiteURL bool
	// Context, when done, stops the build within a page's work, with its
	// error; nil never stops it.
	Context context.Context
}

// stopped is the Context's error, if it is done.
func (cfg Config) stopped() error {
	if cfg.Context == nil {
		return nil
	}
	return cfg.Context.Err()
}

// Site is a complete build.
type Site struct {
	Files map[string][]byte // output path → content
	// Changed lists, for a Builder's build after its first, the paths
	// of Files added, changed (other bytes) or removed since its
	// previous successful build, sorted; nil when there is none.
	Changed []string
	// Pages are the pages built, in every edition: in a Stream's Site,
	// of the documents' pages only their document pages (what the feeds
	// read). PageCount counts them all.
	Pages     []*markdown.Page
	PageCount int
	Documents []*structure.Document
	// Warnings say, as "file:line: message", where the form of a document
	// could not decide and a rule chose; the build succeeded.
	Warnings []error
	// Base is where the site was built to be served.
	Base siteurl.Base
}

// Build builds the whole site. On error nothing is returned but the error,
// which lists every problem found as "file:line: message". It renders every
// page; a Builder reuses the pages of its previous build.
func Build(cfg Config) (*Site, error) {
	site, _, err := NewBuilder().Build(cfg)
	return site, err
}

// Output receives a site's files as a build makes them, from any goroutine.
type Output interface {
	Put(name string, data []byte) error
}

// Stream builds the site into out, a file at a time, rendering one
// document's pages and letting go of them before the next's: memory stays
// bounded whatever the size of the site. Its Site has no Files, and of its
// documents' pages only what the feeds read: their document pages, whose
// markdown is let go of too (PageCount counts every page).
func Stream(cfg Config, out Output) (*Site, error) { return build(cfg, nil, out) }

// sink is where a build puts its files: it hands every file to the link
// check, which refuses a second file of one path, then to the output. A
// file that is not a unit's and is the very bytes the last build put at
// its path (a search index shard an edit did not change) is only named
// to both as kept.
type sink struct {
	out   Output
	links *linkcheck.Checker
}

func (k *sink) put(from, name string, data []byte) error {
	if ko, ok := k.out.(keepingOutput); ok && ko.same(name, data) && k.links.KeepOther(name) {
		ko.keep(name)
		return nil
	}
	var s *linkcheck.Summary
	if strings.HasSuffix(name, ".html") {
		s = k.links.Summarize(name, data)
	}
	return k.putSummarized(from, name, data, s)
}

// putSummarized puts a file whose link check summary is known.
func (k *sink) putSummarized(from, name string, data []byte, s *linkcheck.Summary) error {
	if !k.links.AddNew(name, s) {
		return fmt.Errorf("%s: %s would overwrite a generated file of the same path", from, name)
	}
	return k.out.Put(name, data)
}

// build runs the stages: load, structure and annotate every document; then
// render the site's own pages, and each document's pages and exports, in
// parallel, a document at a time; then the indexes, feeds and static
// files; then the link check. With a cache, a document's output (or a site
// page's) whose inputs did not change is taken from the previous build;
// without one (Stream), a document's pages keep only their metadata once
// rendered.
func build(cfg Config, c *cache, out Output) (*Site, error) {
	content, err := c.loader().Load(cfg.Content, "content")
	if err != nil {
		return nil, err
	}
	if cfg.SiteURL && content.Site.URL != "" {
		if cfg.Base, err = siteurl.Parse(content.Site.URL); err != nil {
			return nil, err // load checked it
		}
	}
	h := digest.New()
	docs, err := c.structure(h, content.Documents)
	if err != nil {
		return nil, err
	}
	c.identifyNotes(h, content.Notes)
	if err := cfg.stopped(); err != nil {
		return nil, err
	}
	notes, err := c.scans().Annotate(docs, content.Themes)
	if err != nil {
		return nil, err
	}
	edNotes, err := c.notes(docs, content.Notes)
	if err != nil {
		return nil, err
	}
	refs := editorial.References(docs)
	translations, staleTranslations, err := c.align(h, docs, content.Translations)
	if err != nil {
		return nil, err
	}
	editions, err := siteEditions(cfg, content.Site)
	if err != nil {
		return nil, err
	}
	links := linkcheck.NewOnce(cfg.Base)
	if c != nil {
		links = c.nextLinks(cfg.Base)
	}
	k := &sink{out: out, links: links}
	r := &unitRenderer{cfg: cfg, html: map[digest.Digest]*html.Renderer{}, links: k.links, digests: h, cache: c}

	// Every unit's input, edition by edition: the site's own pages and the
	// themes' (their markdown made here), and beside them each document's
	// context. The site's own edition comes first; its units are the
	// ones that export the documents.
	var inputs []unitInput
	var ms *markdown.Site // the site's own edition
	var siteUnits, docUnits []int
	base := map[int]siteurl.Base{} // an edition's site units' base
	for _, e := range editions {
		es := &markdown.Site{Meta: content.Site, Base: e.base, Words: e.words, Documents: docs, Notes: notes, Pages: content.Pages, Translations: translations, EdNotes: edNotes, Refs: refs, Passages: c.themePassages()}
		if ms == nil {
			ms = es
		}
		renderer, err := html.New(cfg.Layouts, html.Options{Base: e.base, Words: e.words, TextLang: content.Site.Language, Editions: htmlEditions(editions)})
		if err != nil {
			return nil, err
		}
		rd := renderer.Digest()
		r.html[rd] = renderer
		siteData := e.site(content.Site, summaries(docs))
		docSite := e.site(content.Site, nil)
		var contexts []*markdown.DocContext
		var contextsMade sync.WaitGroup
		contextsMade.Go(func() { contexts = es.Contexts() })
		for _, p := range markdown.OwnPages(es) {
			siteUnits, base[len(inputs)] = append(siteUnits, len(inputs)), e.base
			inputs = append(inputs, unitInput{Renderer: rd, Site: siteData, Page: p})
		}
		for _, tp := range es.ThemePages() {
			siteUnits, base[len(inputs)] = append(siteUnits, len(inputs)), e.base
			inputs = append(inputs, unitInput{Renderer: rd, Site: siteData, Theme: tp})
		}
		contextsMade.Wait()
		for _, c := range contexts {
			docUnits = append(docUnits, len(inputs))
			inputs = append(inputs, unitInput{Renderer: rd, Site: docSite, Doc: c})
		}
	}
	keys := c.keys(h, inputs)
	all := make([]*unit, len(inputs))
	spills, err := c.spills(editions)
	if err != nil {
		return nil, err
	}
	defer spills.close()
	err = parallel(len(inputs), func(i int) error {
		makeUnit := r.sitePage
		if inputs[i].Doc != nil {
			makeUnit = r.document
		}
		u, kept, err := r.get(inputs[i], keys[i], makeUnit)
		if err == nil {
			all[i] = u
			err = u.put(k, kept)
			c.letGo(u, inputs[i].Doc != nil)
		}
		if err == nil && u.search != nil {
			err = spills.keep(inputs[i].Site.Edition, u.search)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	// The site's own edition's pages go into the feeds; every edition's
	// into the sitemap, and each edition has its own search index.
	var pages, sitePages, editionPages []*markdown.Page
	var sitemapParts []*feeds.SitemapPart
	latest := feeds.Latest(docs)
	for _, i := range siteUnits {
		if inputs[i].Site.Edition == "" {
			sitePages = append(sitePages, all[i].pages...)
		} else {
			editionPages = append(editionPages, all[i].pages...)
			sitemapParts = append(sitemapParts, feeds.NewSitemapPart(base[i], all[i].pages, latest))
		}
	}
	pages = append(pages, sitePages...)
	var indexParts []*export.IndexPart
	searchParts := map[string][]*search.Part{}
	var llmsParts [][]byte
	for _, i := range docUnits {
		u, lang := all[i], inputs[i].Site.Edition
		sitemapParts = append(sitemapParts, u.sitemap)
		searchParts[lang] = append(searchParts[lang], u.search)
		if lang != "" {
			editionPages = append(editionPages, u.pages...)
			continue // the documents' exports are the site's own edition's
		}
		pages = append(pages, u.pages...)
		indexParts, llmsParts = append(indexParts, u.index), append(llmsParts, u.llms)
	}
	// The files that span the site, each joined from the documents' parts,
	// beside each other; then put in order.
	var (
		joined             sync.WaitGroup
		index              []byte
		crawl              map[string][]byte
		llmsFull           []byte
		indexErr, crawlErr error
	)
	joined.Go(func() {
		index, indexErr = memoize(c, h, export.IndexPath, export.IndexInput{Themes: export.IndexThemes(cfg.Base, notes.Themes), Parts: indexParts}, export.IndexFrom)
	})
	searchFiles := make([][]search.File, len(editions))
	searchErrs := make([]error, len(editions))
	if spills != nil {
		// Once only: each edition's index is joined from its spilled
		// parts and put as it is made, one edition after the other.
		joined.Go(func() {
			for i, e := range editions {
				searchErrs[i] = spills.join(e, searchParts[e.lang], searchThemes(e, notes), func(f search.File) error {
					return k.put("data export", e.base.Dir()+f.Name, f.Data)
				})
			}
		})
	} else {
		for i, e := range editions {
			j := c.searchJoiner(e.lang)
			joined.Go(func() {
				if j == nil {
					searchFiles[i], searchErrs[i] = search.Join(searchParts[e.lang], searchThemes(e, notes))
					return
				}
				searchFiles[i], searchErrs[i] = j.Join(searchParts[e.lang], searchThemes(e, notes))
			})
		}
	}
	joined.Go(func() { crawl, crawlErr = feeds.Files(ms, pages, sitemapParts, sitePages) })
	joined.Go(func() { llmsFull = feeds.LLMsFull(content.Site.Title, llmsParts) })
	joined.Wait()
	if err := errors.Join(append(searchErrs, indexErr, crawlErr)...); err != nil {
		return nil, err
	}
	more := map[string][]byte{export.IndexPath[1:]: index}
	for _, e := range editions {
		more[i18n.ScriptPath(e.words.Lang)[1:]] = e.words.ScriptFile()
	}
	if err := putAll(k, "data export", more); err != nil {
		return nil, err
	}
	// Each edition's search index, in the joiner's order, which is the
	// same from build to build: tens of thousands of shards, not worth a
	// map and a sort.
	for i, files := range searchFiles {
		for _, f := range files {
			if err := k.put("data export", editions[i].base.Dir()+f.Name, f.Data); err != nil {
				return nil, err
			}
		}
	}
	crawl[feeds.LLMsFullPath[1:]] = llmsFull
	if err := putAll(k, "feeds", crawl); err != nil {
		return nil, err
	}
	if err := putStatic(k, cfg.Static); err != nil {
		return nil, err
	}
	if err := cfg.stopped(); err != nil {
		return nil, err
	}
	if err := k.links.CheckSince(c.lastLinks(), editorsLinks(content, notes, editions)); err != nil {
		return nil, err
	}
	c.keep(k.links)
	warnings := content.Warnings
	for _, d := range docs {
		warnings = append(warnings, d.Warnings...)
	}
	warnings = append(warnings, staleTranslations...)
	count := 0
	for _, u := range all {
		count += len(u.pages) + u.dropped
	}
	return &Site{Pages: append(pages, editionPages...), PageCount: count, Documents: docs, Warnings: warnings, Base: cfg.Base}, nil
}

// searchThemes are the themes as an edition's search index names them.
func searchThemes(e edition, notes *annotate.Annotations) []search.Theme {
	themes := make([]search.Theme, len(notes.Themes))
	for i, t := range notes.Themes {
		themes[i] = search.Theme{Title: t.Title, TitleEn: t.TitleEn, URL: e.base.Path(markdown.ThemePath(t)), Aliases: t.Aliases}
		if e.lang != "" && t.TitleEn != "" {
			themes[i].Title, themes[i].TitleEn = t.TitleEn, t.Title
		}
	}
	return themes
}

// summaries name the documents for the layouts' lists.
func summaries(docs []*structure.Document) []html.DocumentSummary {
	s := make([]html.DocumentSummary, len(docs))
	for i, d := range docs {
		s[i] = html.DocumentSummary{Slug: d.Slug, Path: markdown.DocumentPath(d), Title: d.Title, Short: d.Short, Date: d.Date}
	}
	return s
}

// parallel runs f(0) … f(n-1) on every core; the first error stops the others.
func parallel(n int, f func(i int) error) error {
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	stop := make(chan struct{})
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(i); err != nil {
					once.Do(func() { first = err; close(stop) })
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-stop:
			break feed
		}
	}
	close(next)
	wg.Wait()
	return first
}

// putAll puts sets of files, in the order of their paths.
func putAll(k *sink, from string, sets ...map[string][]byte) error {
	for _, files := range sets {
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if err := k.put(from, name, files[name]); err != nil {
				return err
			}
		}
	}
	return nil
}

// putStatic puts every file of static/.
func putStatic(k *sink, static fs.FS) error {
	return fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return sources.Named("static/"+name, err)
		}
		if d.IsDir() || d.Name()[0] == '.' {
			return nil
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			return sources.Named("static/"+name, err)
		}
		return k.put("static/", name, data)
	})
}

// editorsLinks are the links to paths of the site that editors wrote in
// themes' annotations and editorial pages, each with the page it is shown
// on, in every edition.
func editorsLinks(content *load.Content, notes *annotate.Annotations, editions []edition) []linkcheck.Source {
	var sources []linkcheck.Source
	for _, e := range editions {
		var in *siteurl.Base
		if e.lang != "" {
			in = &e.base
		}
		for _, t := range notes.Themes {
			for _, l := range t.Links {
				sources = append(sources, linkcheck.Source{File: t.File, Line: l.Line, Page: markdown.ThemePath(t), Link: l.Dest, Edition: in})
			}
		}
		for _, p := range content.Pages {
			for _, l := range p.Links {
				sources = append(sources, linkcheck.Source{File: p.File, Line: l.Line, Page: markdown.EditorialPath(p), Link: l.Dest, Edition: in})
			}
		}
	}
	return sources
}

// edition is the site in one language: its wording and its base.
type edition struct {
	lang  string // "" for the site's own language
	words *i18n.Strings
	base  siteurl.Base
}

// siteEditions are the site's own edition and those in the languages
// site.yaml names.
func siteEditions(cfg Config, site load.Site) ([]edition, error) {
	all, err := i18n.Load(cfg.Layouts)
	if err != nil {
		return nil, err
	}
	var editions []edition
	for _, lang := range append([]string{site.Language}, site.Editions...) {
		w := all[lang]
		if w == nil {
			return nil, fmt.Errorf("content/site.yaml: language %q: there is no layouts/%s/%s.yaml to word its pages", lang, i18n.Dir, lang)
		}
		e := edition{words: w, base: cfg.Base}
		if len(editions) > 0 {
			e.lang, e.base = lang, cfg.Base.Edition(lang)
		}
		editions = append(editions, e)
	}
	return editions, nil
}

// htmlEditions are the editions as layouts see them.
func htmlEditions(editions []edition) []html.Edition {
	es := make([]html.Edition, len(editions))
	for i, e := range editions {
		es[i] = html.Edition{Lang: e.words.Lang, Name: e.words.Site.Language, Base: e.base}
	}
	return es
}

// site is what the edition's layouts see of the site: its name in the
// edition's language first.
func (e edition) site(meta load.Site, docs []html.DocumentSummary) *html.Site {
	s := &html.Site{Meta: meta, Edition: e.lang, Documents: docs, Title: meta.Title, TitleOther: meta.TitleEn, OtherLang: "en"}
	if e.lang != "" {
		s.Title, s.TitleOther, s.OtherLang = cmp.Or(meta.TitleEn, meta.Title), meta.Title, meta.Language
	}
	return s
}
