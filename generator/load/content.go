package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"statements/generator/siteurl"
	"statements/generator/sources"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// Content is everything read from the content tree.
type Content struct {
	// Warnings name what was not read but looks as if it should have been.
	Warnings  []error
	Site      Site
	Documents []*Document // sorted by date, then slug
	Themes    []*Theme    // sorted by slug
	Pages     []*Page     // sorted by slug
	// Translations are the documents' translations, by language, then slug.
	Translations []*Translation
	// Notes are the editors' notes on the documents, by slug.
	Notes []*NoteFile
}

// Page is an editorial page, such as the one documenting the data formats:
// content/pages/<slug>.md, published at /<slug>/. Its body is markdown.
type Page struct {
	File        string
	Slug        string
	Title       string `yaml:"title"`
	TitleEn     string `yaml:"title_en"`
	Description string `yaml:"description"`
	Body        string
	BodyLine    int
	Links       []Link // the body's links to paths of this site
}

// Site is content/site.yaml: what the site calls itself.
type Site struct {
	Title       string `yaml:"title"`
	TitleEn     string `yaml:"title_en"`
	Description string `yaml:"description"`
	// DescriptionEn describes the site in English, for its English edition.
	DescriptionEn string `yaml:"description_en"`
	Author        string `yaml:"author"`  // who publishes this annotated edition
	Country       string `yaml:"country"` // Akoma Ntoso country code for the FRBR URIs, e.g. cn
	// URL is the site's public address (https://host/sub/path/): canonical
	// URLs, link previews, citations, the sitemap and the feed use it. A
	// -base-url given to the build wins over it.
	URL string `yaml:"url"`
	// Language is the language tag of the documents' text and of the
	// site's own pages, whose wording layouts/strings/<language>.yaml
	// gives; DefaultLanguage when not given.
	Language string `yaml:"language"`
	// Editions are the site's editions in other languages, each at
	// /<language>/: its pages worded by layouts/strings/<language>.yaml,
	// its documents in their translations (translations/<language>/).
	Editions []string `yaml:"editions"`
}

// DefaultLanguage is the language of a site whose site.yaml names none:
// that of the official Chinese documents this generator publishes.
const DefaultLanguage = "zh-Hans"

// Document is one official document: content/documents/<slug>.md.
type Document struct {
	File      string // path of the source file, as named in errors
	Slug      string
	Title     string   `yaml:"title"`    // required
	TitleEn   string   `yaml:"title_en"` // may be empty
	Short     string   `yaml:"short"`    // short Chinese name, e.g. 中古联合声明; defaults to the title
	ShortEn   string   `yaml:"short_en"` // short English name; defaults to title_en, else short
	Date      string   `yaml:"date"`     // YYYY-MM-DD, required
	Parties   []string `yaml:"parties"`
	PartiesEn []string `yaml:"parties_en"`
	Genre     string   `yaml:"genre"`     // joint statement, action plan, ...: Akoma Ntoso doc name, in English; defaults to "document"
	Source    string   `yaml:"source"`    // the release the text comes from: 新华社北京2025年9月4日电
	SourceEn  string   `yaml:"source_en"` // the same in English: Xinhua, Beijing, 4 September 2025
	// Transcription says how the text was taken from its source and what
	// it was checked against; TranscriptionEn in English.
	Transcription   string `yaml:"transcription"`
	TranscriptionEn string `yaml:"transcription_en"`
	// Compare lists the official publications a reader can compare the text with.
	Compare []Reference `yaml:"compare"`
	// Corrections is the log of corrections made to the published text.
	Corrections []Correction `yaml:"corrections"`
	Publisher   string       `yaml:"publisher"` // who released it, e.g. 新华社
	// PublisherEn is the publisher in English: Xinhua News Agency.
	PublisherEn string `yaml:"publisher_en"`
	Paragraphs  []Paragraph
}

// Reference names a publication, and where it is online if known. It is
// published as it is read, in index.md and data/<slug>.json.
type Reference struct {
	Name   string `yaml:"name" json:"name"`
	NameEn string `yaml:"name_en,omitempty" json:"name_en,omitempty"`
	URL    string `yaml:"url,omitempty" json:"url,omitempty"`
}

// Correction is one dated correction of a document's published text.
type Correction struct {
	Date   string `yaml:"date" json:"date"` // YYYY-MM-DD
	Text   string `yaml:"text" json:"text"` // what was corrected, and why
	TextEn string `yaml:"text_en,omitempty" json:"text_en,omitempty"`
}

// Theme is one cross-reference theme: content/themes/<slug>.md.
type Theme struct {
	File       string
	Slug       string
	Title      string   `yaml:"title"`
	TitleEn    string   `yaml:"title_en"`
	Aliases    []string `yaml:"aliases"` // other names readers search it by: BRI, CPEC, Resolution 2758
	Terms      []string `yaml:"terms"`   // exact strings that mark the theme in the text
	Exclude    []string `yaml:"exclude"` // longer strings containing a term that do not mark the theme
	Add        []string `yaml:"add"`     // block references "<document slug>#<eid>" tagged by hand
	Remove     []string `yaml:"remove"`  // block references untagged by hand
	Body       string   // the annotation, markdown
	BodyLine   int      // line of the file on which Body starts
	Links      []Link   // the annotation's links to paths of this site
	FieldLines map[string]int
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ReservedSlugs are top-level paths of the site that a document slug may not take.
var ReservedSlugs = map[string]bool{"themes": true, "search": true, "data": true, "static": true, "about": true, "parties": true, "years": true, "page": true}

// Load reads and checks the whole content tree. root is the tree's name in
// error messages and File fields, normally "content".
func Load(fsys fs.FS, root string) (*Content, error) {
	return (*Loader)(nil).Load(fsys, root)
}

// Loader loads a content tree again and again, as the development server
// does, parsing again only the document, notes and translation files whose
// bytes changed: such a file that is the same bytes as when it was last
// loaded without error gives the same *Document, *NoteFile or *Translation,
// which nothing changes once loaded. A nil *Loader remembers nothing.
type Loader struct {
	mu    sync.Mutex
	files map[string]loadedFile // by file name
}

// loadedFile is what a file's bytes loaded to: a *Document, *NoteFile or *Translation.
type loadedFile struct {
	data  []byte
	value any
}

// remembered is what these bytes of the file name loaded to, if any.
func (l *Loader) remembered(name string, data []byte) any {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.files[name]; ok && bytes.Equal(e.data, data) {
		return e.value
	}
	return nil
}

// remembering reads one content file and gives what parse makes of it
// (nil when it cannot be read, or parse gives nil): the last Load's value
// if the file's bytes are the same, or parse's, kept in next for the next
// Load when parse reported no error, so that a file with errors is read,
// and its errors reported, again.
func remembering[T any](l *Loader, fsys namedFS, file string, next map[string]loadedFile, errs *errorList, parse func(f *sourceFile, slug string) *T) *T {
	data, slug := readFile(fsys, file, errs)
	if data == nil {
		return nil
	}
	name := fsys.name(file)
	if v, ok := l.remembered(name, data).(*T); ok {
		next[name] = loadedFile{data, v}
		return v
	}
	f, err := splitFile(name, data)
	if err != nil {
		*errs = append(*errs, err)
		return nil
	}
	before := len(*errs)
	v := parse(f, slug)
	if v != nil && len(*errs) == before {
		next[name] = loadedFile{data, v}
	}
	return v
}

// remember keeps what the files of a Load loaded to, for the next Load.
func (l *Loader) remember(next map[string]loadedFile) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.files = next
}

// Load reads and checks the whole content tree, as the package's Load does.
func (l *Loader) Load(fsys fs.FS, root string) (*Content, error) {
	var errs errorList
	c := &Content{}
	named := namedFS{fsys, root}
	c.Site = loadSite(named, &errs)
	var warnings errorList
	next := map[string]loadedFile{}
	c.Documents = l.loadDocuments(named, next, &errs, &warnings)
	c.Themes = loadThemes(named, &errs, &warnings)
	c.Pages = loadPages(named, &errs, &warnings)
	c.Translations = l.loadTranslations(named, next, &errs, &warnings)
	c.Notes = l.loadNotes(named, next, &errs, &warnings)
	l.remember(next)
	slugs := map[string]string{}
	for _, d := range c.Documents {
		slugs[d.Slug] = d.File
	}
	for _, p := range c.Pages {
		if other, taken := slugs[p.Slug]; taken {
			errs.add(p.File, 0, "slug %q is also the slug of %s; both would be published at /%s/", p.Slug, other, p.Slug)
		}
		if p.Slug == "themes" || p.Slug == "search" {
			errs.add(p.File, 0, "slug %q is reserved for a section of the site; rename the file", p.Slug)
		}
	}
	for _, t := range c.Translations {
		if _, ok := slugs[t.Slug]; !ok {
			errs.add(t.File, 0, "no document content/documents/%s.md for this translation", t.Slug)
		}
	}
	for _, n := range c.Notes {
		if _, ok := slugs[n.Slug]; !ok {
			errs.add(n.File, 0, "no document content/documents/%s.md for these notes: name the file by the slug of the document they annotate", n.Slug)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	c.Warnings = warnings
	return c, nil
}

func loadSite(fsys namedFS, errs *errorList) Site {
	name := fsys.name("site.yaml")
	var s Site
	data, err := fs.ReadFile(fsys.FS, "site.yaml")
	if err != nil {
		errs.add(name, 0, "cannot read: %v", err)
		return s
	}
	if err := checkText(name, data); err != nil {
		*errs = append(*errs, err)
		return s
	}
	f := &sourceFile{name: name, yaml: data}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		f.front = *doc.Content[0] // for the lines of fields in messages
	}
	if err := f.decodeFront(&s); err != nil {
		*errs = append(*errs, err)
		return s
	}
	if s.Title == "" {
		errs.add(name, 1, "title is missing")
	}
	if s.Language == "" {
		s.Language = DefaultLanguage
	}
	for _, lang := range s.Editions {
		if !languageTag.MatchString(lang) || lang == s.Language {
			errs.add(name, f.fieldLine("editions"), "editions: %q is not a language tag other than the site's own", lang)
		}
	}
	if s.URL != "" {
		if b, err := siteurl.Parse(s.URL); err != nil {
			errs.add(name, f.fieldLine("url"), "url: %v", err)
		} else if !b.IsAbsolute() {
			errs.add(name, f.fieldLine("url"), "url %q: the site's address must name its host: https://host/path/", s.URL)
		}
	}
	return s
}

// markdownFiles lists dir/*.md, sorted; a missing directory is an empty
// list. A file whose name nearly ends in .md (x.MD, x.markdown) is not
// read, and warned about.
func markdownFiles(fsys namedFS, dir string, errs *errorList, warnings *errorList) []string {
	entries, err := fs.ReadDir(fsys.FS, dir)
	if err != nil {
		if !isNotExist(err) {
			errs.add(fsys.name(dir), 0, "cannot read directory: %v", err)
		}
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if !strings.HasSuffix(e.Name(), ".md") {
			if nearlyMarkdown(e.Name()) {
				warnings.add(fsys.name(path.Join(dir, e.Name())), 0, "not read: only files whose names end in .md are; rename it if it is one")
			}
			continue
		}
		names = append(names, path.Join(dir, e.Name()))
	}
	sort.Strings(names)
	return names
}

// nearlyMarkdown: a name an editor may have meant for a markdown file.
func nearlyMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd" || ext == ".txt"
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// readSource reads and splits one content file, checking its slug.
func readSource(fsys namedFS, file string, errs *errorList) (*sourceFile, string) {
	data, slug := readFile(fsys, file, errs)
	if data == nil {
		return nil, ""
	}
	f, err := splitFile(fsys.name(file), data)
	if err != nil {
		*errs = append(*errs, err)
		return nil, ""
	}
	return f, slug
}

// readFile reads one content file, checking its slug; data is nil if it cannot.
func readFile(fsys namedFS, file string, errs *errorList) (data []byte, slug string) {
	name := fsys.name(file)
	slug = strings.TrimSuffix(path.Base(file), ".md")
	if !slugPattern.MatchString(slug) {
		errs.add(name, 0, "file name %q is not a slug: use lower-case ASCII letters, digits and single hyphens", slug)
		return nil, ""
	}
	data, err := fs.ReadFile(fsys.FS, file)
	if err != nil {
		var refused *sources.Error
		if errors.As(err, &refused) {
			*errs = append(*errs, refused)
		} else {
			errs.add(name, 0, "cannot read: %v", err)
		}
		return nil, ""
	}
	if data == nil {
		data = []byte{}
	}
	return data, slug
}

func (l *Loader) loadDocuments(fsys namedFS, next map[string]loadedFile, errs, warnings *errorList) []*Document {
	var docs []*Document
	for _, file := range markdownFiles(fsys, "documents", errs, warnings) {
		if d := remembering(l, fsys, file, next, errs, func(f *sourceFile, slug string) *Document { return documentOf(f, slug, errs) }); d != nil {
			docs = append(docs, d)
		}
	}
	sort.SliceStable(docs, func(i, j int) bool {
		if docs[i].Date != docs[j].Date {
			return docs[i].Date < docs[j].Date
		}
		return docs[i].Slug < docs[j].Slug
	})
	return docs
}

// documentOf parses and checks a document file, adding to errs what is
// wrong with it; it gives nil if there is no document to speak of.
func documentOf(f *sourceFile, slug string, errs *errorList) *Document {
	name := f.name
	d := &Document{File: name, Slug: slug}
	if err := f.decodeFront(d); err != nil {
		*errs = append(*errs, err)
		return nil
	}
	if ReservedSlugs[slug] {
		errs.add(name, 0, "slug %q is reserved for a section of the site; rename the file", slug)
	}
	required := map[string]string{"title": d.Title, "date": d.Date}
	for _, key := range []string{"title", "date"} {
		if strings.TrimSpace(required[key]) == "" {
			errs.add(name, f.fieldLine(key), "%s is missing or empty", key)
		}
	}
	d.fillIn()
	if d.Date != "" {
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			errs.add(name, f.fieldLine("date"), "date %q is not an ISO date (YYYY-MM-DD)", d.Date)
		}
	}
	for i, c := range d.Corrections {
		if _, err := time.Parse("2006-01-02", c.Date); err != nil {
			errs.add(name, f.fieldLine("corrections"), "correction %d: date %q is not an ISO date (YYYY-MM-DD)", i+1, c.Date)
		}
		if strings.TrimSpace(c.Text) == "" {
			errs.add(name, f.fieldLine("corrections"), "correction %d: text is missing; say what was corrected and why", i+1)
		}
	}
	for i, r := range d.Compare {
		if strings.TrimSpace(r.Name) == "" {
			errs.add(name, f.fieldLine("compare"), "compare %d: name is missing", i+1)
		}
		if u, err := url.Parse(r.URL); r.URL != "" && (err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "") {
			errs.add(name, f.fieldLine("compare"), "compare %d: url %q is not an http(s) address", i+1, r.URL)
		}
	}
	d.Paragraphs = f.paragraphs(errs)
	if len(d.Paragraphs) == 0 {
		errs.add(name, f.bodyLine, "the document has no text after its front matter")
	}
	return d
}

func loadThemes(fsys namedFS, errs, warnings *errorList) []*Theme {
	var themes []*Theme
	for _, file := range markdownFiles(fsys, "themes", errs, warnings) {
		f, slug := readSource(fsys, file, errs)
		if f == nil {
			continue
		}
		name := f.name
		t := &Theme{File: name, Slug: slug, Body: string(f.body), BodyLine: f.bodyLine, FieldLines: map[string]int{}}
		if err := f.decodeFront(t); err != nil {
			*errs = append(*errs, err)
			continue
		}
		for _, key := range []string{"title", "title_en", "terms", "exclude", "add", "remove"} {
			t.FieldLines[key] = f.fieldLine(key)
		}
		if t.Title == "" {
			errs.add(name, f.fieldLine("title"), "title is missing or empty")
		}
		if t.TitleEn == "" {
			errs.add(name, f.fieldLine("title_en"), "title_en is missing or empty")
		}
		if len(t.Terms) == 0 && len(t.Add) == 0 {
			errs.add(name, f.fieldLine("terms"), "terms is missing: list the exact strings that mark this theme in the text")
		}
		for _, term := range t.Terms {
			if strings.TrimSpace(term) != term || term == "" {
				errs.add(name, f.fieldLine("terms"), "term %q is empty or has surrounding spaces", term)
			}
		}
		if strings.TrimSpace(t.Body) == "" {
			errs.add(name, f.bodyLine, "the theme has no annotation after its front matter")
		}
		t.Links = bodyLinks(name, t.Body, t.BodyLine, errs)
		themes = append(themes, t)
	}
	return themes
}

// fillIn gives the optional fields of the front matter their fallbacks:
// short is the title, short_en the English title, or else short; genre is
// "document". The other optional fields stay empty, and whatever shows
// them leaves them out.
func (d *Document) fillIn() {
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&d.TitleEn, &d.Short, &d.ShortEn, &d.Genre, &d.Publisher, &d.PublisherEn, &d.Source, &d.SourceEn, &d.Transcription, &d.TranscriptionEn} {
		trim(s)
	}
	if d.Short == "" {
		d.Short = d.Title
	}
	if d.ShortEn == "" {
		d.ShortEn = d.TitleEn
	}
	if d.ShortEn == "" {
		d.ShortEn = d.Short
	}
	if d.Genre == "" {
		d.Genre = "document"
	}
}

// String is for debugging.
func (d *Document) String() string { return fmt.Sprintf("%s (%s)", d.Slug, d.Title) }

// namedFS is the content tree with the name its files have in messages.
// Read through its FS, not itself: fs.ReadFile and fs.ReadDir use the
// tree's own ReadFile and ReadDir (a cache's, say) only when called on it.
type namedFS struct {
	fs.FS
	root string
}

func (n namedFS) name(file string) string { return path.Join(n.root, file) }

func loadPages(fsys namedFS, errs, warnings *errorList) []*Page {
	var pages []*Page
	for _, file := range markdownFiles(fsys, "pages", errs, warnings) {
		f, slug := readSource(fsys, file, errs)
		if f == nil {
			continue
		}
		p := &Page{File: f.name, Slug: slug, Body: string(f.body), BodyLine: f.bodyLine}
		if err := f.decodeFront(p); err != nil {
			*errs = append(*errs, err)
			continue
		}
		if p.Title == "" {
			errs.add(p.File, f.fieldLine("title"), "title is missing or empty")
		}
		p.Links = bodyLinks(p.File, p.Body, p.BodyLine, errs)
		pages = append(pages, p)
	}
	return pages
}
