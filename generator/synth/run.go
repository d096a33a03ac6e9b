package synth

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"statements/generator/build"
)

// Run implements `generator synth [-n N] -o DIR`: it writes a corpus of N
// documents into DIR/content, DIR/layouts and DIR/static, from the trees
// named by -content, -layouts and -static (the repository's by default). It
// refuses to write into a DIR that already has one of those trees, so that
// no older, larger corpus is left mixed in. -h prints the usage and returns nil.
func Run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("synth", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 100, "number of documents")
	out := fl.String("o", "", "write the corpus into `DIR` (required)")
	var dirs build.Dirs
	dirs.AddFlags(fl)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator synth [-n N] -o DIR")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return errors.New("synth: give -o DIR and no other arguments")
	}
	files, err := Corpus(Source{Content: os.DirFS(dirs.Content), Layouts: os.DirFS(dirs.Layouts), Static: os.DirFS(dirs.Static)}, *n)
	if err != nil {
		return err
	}
	if err := Write(*out, files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d documents, %d files\n", *out, *n, len(files))
	return nil
}

// Write puts a corpus's files under dir, which must not yet hold a content,
// layouts or static tree.
func Write(dir string, files map[string][]byte) error {
	for _, tree := range []string{"content", "layouts", "static"} {
		if _, err := os.Lstat(filepath.Join(dir, tree)); err == nil {
			return fmt.Errorf("synth: %s already exists; remove it or choose another -o", filepath.Join(dir, tree))
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return nil
}
