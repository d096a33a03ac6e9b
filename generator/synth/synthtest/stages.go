package synthtest

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"testing"

	"statements/generator/annotate"
	"statements/generator/build"
	"statements/generator/i18n"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/structure"
)

// DefaultMaxBuild is the largest corpus, in documents, that RunStages builds
// unless BENCH_MAX_BUILD says otherwise. The site's output grows as the
// square of its documents (see BENCHMARKS.md): 0.87 GB at 200, ~21 GB at
// 1,000, more than a benchmark machine holds.
const DefaultMaxBuild = 200

// Stages is each stage's output for one site: the input of the stage after it.
type Stages struct {
	Config    build.Config
	Content   *load.Content         // load
	Documents []*structure.Document // structure
	Notes     *annotate.Annotations // annotate
	Markdown  *markdown.Site        // what markdown and html need to know of the site
	Pages     []*markdown.Page      // markdown; nil from Analyse
	Files     map[string][]byte     // the whole build, for write; nil from Analyse
}

// Analyse runs the stages whose cost grows with the content only (load,
// structure, annotate), for a site of any size.
func Analyse(tb testing.TB, s Site) *Stages {
	tb.Helper()
	cfg := s.Config()
	content, err := load.Load(cfg.Content, "content")
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*structure.Document
	var errs []error
	for _, d := range content.Documents {
		sd, err := structure.Build(d)
		docs, errs = append(docs, sd), append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
	notes, err := annotate.Annotate(docs, content.Themes)
	if err != nil {
		tb.Fatal(err)
	}
	words, err := i18n.LoadLanguage(cfg.Layouts, content.Site.Language)
	if err != nil {
		tb.Fatal(err)
	}
	return &Stages{Config: cfg, Content: content, Documents: docs, Notes: notes,
		Markdown: &markdown.Site{Meta: content.Site, Base: cfg.Base, Words: words, Documents: docs, Notes: notes, Pages: content.Pages}}
}

// RunStages runs every stage, keeping what each gives. It skips a corpus
// larger than BENCH_MAX_BUILD documents (DefaultMaxBuild if unset).
func RunStages(tb testing.TB, s Site) *Stages {
	tb.Helper()
	if limit := maxBuild(tb); s.N > limit {
		tb.Skipf("%s: a whole build of more than %d documents does not fit in memory (output ~ N²; see BENCHMARKS.md); set BENCH_MAX_BUILD to try", s.Name, limit)
	}
	st := Analyse(tb, s)
	site, err := build.Build(st.Config)
	if err != nil {
		tb.Fatal(err)
	}
	st.Pages, st.Files = site.Pages, site.Files
	return st
}

func maxBuild(tb testing.TB) int {
	v, ok := os.LookupEnv("BENCH_MAX_BUILD")
	if !ok {
		return DefaultMaxBuild
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		tb.Fatalf("BENCH_MAX_BUILD: %v", fmt.Errorf("%q is not a number of documents", v))
	}
	return n
}

// PageCount is how many pages the site has, without writing them.
func (st *Stages) PageCount() int { return st.Markdown.PageCount() }
