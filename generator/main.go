// Command generator builds the annotated publication.
//
//	go run ./generator [-base-url URL] [-out DIR]   build content/ + layouts/ + static/ into public/
//	go run ./generator import [-o DIR] [-year YYYY] FILE
//	                                                turn raw OCR text into content files
//	go run ./generator synth [-n N] -o DIR          write a synthetic corpus of N documents
//	                                                (DIR/content, layouts, static) for benchmarks
//	go run ./generator serve [-addr 127.0.0.1:1313]  serve the site from memory, rebuild on
//	                                                change and reload open tabs (writes no public/)
//
// Paths are relative to the repository root, where the command is meant to run.
// Errors are printed as "file:line: message", and the exit status is 1.
// Warnings, where a document's form could not decide and a rule chose, are
// printed as "warning: file:line: message"; the build goes on.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"statements/generator/build"
	"statements/generator/ocrimport"
	"statements/generator/serve"
	"statements/generator/siteurl"
	"statements/generator/synth"
	"statements/generator/write"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return ocrimport.Run(args[1:], stdout, stderr)
		case "synth":
			return synth.Run(args[1:], stdout, stderr)
		case "serve":
			return serve.Run(args[1:], stdout, stderr)
		}
	}
	return runBuild(args, stdout, stderr)
}

// usage is what -h prints before the build's flags.
const usage = `usage:
  go run ./generator [flags]              build content/, layouts/ and static/ into public/
  go run ./generator serve [flags]        serve the site from memory; rebuild and reload open tabs on change
  go run ./generator import [flags] FILE  turn a newspaper page's OCR or a copied text into content files
  go run ./generator synth [flags]        write a synthetic corpus of N documents, for benchmarks
(each command's -h lists its flags)

flags of the build:
`

// relativeNotice is said once by a build that does not know the site's address.
const relativeNotice = "note: the site's address is not known (no -base-url, no url in content/site.yaml): canonical URLs, link previews, citations, the sitemap and the feed will be relative"

// The build command leaves the collector at Go's defaults (GOGC=100, no
// memory limit): the heap may grow to twice what is live. It used to set a
// soft limit of 384 MB, which is no bound at all once a corpus keeps more
// than that live: the collector then runs without pause, and at N=1000 the
// build took 3.5 times as long (262 s against 75 s). GOGC=50 bounds the
// heap at 1.5 times but costs a fifth more time at N=100 (BENCHMARKS.md).

func runBuild(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("generator", flag.ContinueOnError)
	fl.SetOutput(stderr)
	baseURL := fl.String("base-url", "", "where the site will be served: https://host/sub/path/, or / for a local preview (default: the url of content/site.yaml, else /)")
	var dirs build.Dirs
	dirs.AddFlags(fl)
	out := fl.String("out", "public", "output directory: absent, empty, or a site the generator built")
	var prof profiles
	prof.addFlags(fl)
	fl.Usage = func() {
		fmt.Fprint(stderr, usage)
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unknown command %q (commands: import, serve, synth; with no command the site is built)", fl.Arg(0))
	}
	base := siteurl.Base{}
	if *baseURL != "" {
		b, err := siteurl.Parse(*baseURL)
		if err != nil {
			return err
		}
		base = b
	}
	stopProfiles, err := prof.start()
	if err != nil {
		return err
	}
	defer stopProfiles()
	start := time.Now()
	cfg, err := dirs.Open(base)
	if err != nil {
		return err
	}
	cfg.SiteURL = *baseURL == ""
	// The site goes to disk as it is built: a new tree beside the old one,
	// swapped in only once the build is complete.
	w, err := write.Begin(*out, write.Options{
		Protected: protectedTrees(dirs),
		Waiting:   func() { fmt.Fprintf(stderr, "waiting for another build writing %s…\n", *out) },
	})
	if err != nil {
		return err
	}
	site, err := build.Stream(cfg, w)
	if err != nil {
		w.Abort()
		return err
	}
	if err := prof.writeHeap(); err != nil {
		w.Abort()
		return err
	}
	for _, warning := range site.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", warning)
	}
	if !site.Base.IsAbsolute() {
		fmt.Fprintln(stderr, relativeNotice)
	}
	st, err := w.Commit()
	if err != nil {
		return err
	}
	if st.Leftover != "" {
		fmt.Fprintf(stderr, "warning: could not remove the old site, now at %s; the next build removes it\n", st.Leftover)
	}
	fmt.Fprintf(stdout, "built %s: %d documents, %d pages, %d files (%d written, %d unchanged, %d removed) in %v\n",
		*out, len(site.Documents), site.PageCount, st.Written+st.Unchanged, st.Written, st.Unchanged, st.Removed, time.Since(start).Round(time.Millisecond))
	return nil
}

// protectedTrees are the directories the site may not be written into,
// inside, or over: the sources and the project's code and history.
func protectedTrees(d build.Dirs) []string {
	d = d.WithDefaults()
	trees := []string{d.Content, d.Layouts, d.Static}
	for _, dir := range []string{"generator", ".git"} {
		if _, err := os.Stat(dir); err == nil {
			trees = append(trees, dir)
		}
	}
	return trees
}
