// Package synthtest gives the generator's benchmarks the sites they measure:
// the repository's own and synthetic corpora of package synth, generated once
// per benchmark into its temporary directory, with each stage's output for
// the stage after it and the metrics every benchmark reports.
package synthtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"statements/generator/build"
	"statements/generator/siteurl"
	"statements/generator/synth"
)

// DefaultSizes are the synthetic corpora measured unless BENCH_SIZES says
// otherwise, as comma-separated numbers of documents ("10,100,1000"; "" or
// "none" for the real site only).
const DefaultSizes = "10,100,1000"

// Site is one site to measure.
type Site struct {
	Name string // "real", or "n=100" for a synthetic corpus of 100 documents
	N    int    // number of documents; 0 for the real site
	Dir  string // the directory holding content/, layouts/ and static/
}

// Config is the build configuration of the site, served at "/".
func (s Site) Config() build.Config {
	base, _ := siteurl.Parse("/")
	return build.Config{
		Content: os.DirFS(filepath.Join(s.Dir, "content")),
		Layouts: os.DirFS(filepath.Join(s.Dir, "layouts")),
		Static:  os.DirFS(filepath.Join(s.Dir, "static")),
		Base:    base,
	}
}

// Sizes are the numbers of documents of the synthetic corpora to measure.
func Sizes(tb testing.TB) []int {
	spec, ok := os.LookupEnv("BENCH_SIZES")
	if !ok {
		spec = DefaultSizes
	}
	var sizes []int
	for _, f := range strings.Split(spec, ",") {
		if f = strings.TrimSpace(f); f == "" || f == "none" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			tb.Fatalf("BENCH_SIZES: %q is not a number of documents", f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// ForEach runs bench as a sub-benchmark for the real site (repo is the
// repository's root, relative to the test's package) and for each synthetic
// size, generating each corpus before its sub-benchmark starts.
func ForEach(b *testing.B, repo string, bench func(b *testing.B, s Site)) {
	b.Run("real", func(b *testing.B) { bench(b, Site{Name: "real", Dir: repo}) })
	for _, n := range Sizes(b) {
		name := fmt.Sprintf("n=%d", n)
		b.Run(name, func(b *testing.B) { bench(b, Site{Name: name, N: n, Dir: Generate(b, repo, n)}) })
	}
}

// Stage benchmarks one stage for every site: prepare (Analyse or RunStages)
// gives it its input, outside the timer, then op runs once per iteration
// and returns what it made, counted in unit (see Measure).
func Stage(b *testing.B, repo string, prepare func(testing.TB, Site) *Stages, unit string, op func(b *testing.B, st *Stages) int) {
	ForEach(b, repo, func(b *testing.B, s Site) {
		st := prepare(b, s)
		Measure(b, st.PageCount(), unit, func() int { return op(b, st) })
	})
}

// Generate writes a synthetic corpus of n documents into a temporary
// directory and returns the directory.
func Generate(tb testing.TB, repo string, n int) string {
	tb.Helper()
	files, err := synth.Corpus(synth.Source{
		Content: os.DirFS(filepath.Join(repo, "content")),
		Layouts: os.DirFS(filepath.Join(repo, "layouts")),
		Static:  os.DirFS(filepath.Join(repo, "static")),
	}, n)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	if err := synth.Write(dir, files); err != nil {
		tb.Fatal(err)
	}
	return dir
}
