package ocrimport

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// defaultContentDir is where Run writes unless -o says otherwise.
const defaultContentDir = "content/documents"

// Run implements `generator import [-o DIR] [-year YYYY] FILE`: parses FILE and writes one
// content file per document into DIR (default "content/documents"), printing warnings as FILE:LINE: message to stderr.
//
// args are the arguments after the word "import"; flags come before FILE.
// Each file is DIR/YYYY-MM-DD-N.md, N being the document's 1-based position
// on the page, month and day taken from its dateline. The year is -year; if
// -year is not given, it is, for each document, the four-digit number from
// 1900 to 2099 that occurs most often in that document's body (an error if
// there is none or two tie), and Run says so on stderr. Run writes nothing if
// any target file already exists or any document cannot be dated, and writes
// each file through a temporary file renamed into place. It prints the path
// of each written file on stdout. -h prints the usage and returns nil.
func Run(args []string, stdout, stderr io.Writer) error {
	opts, proceed, err := parseImportArgs(args, stderr)
	if err != nil || !proceed {
		return err
	}
	src, err := os.ReadFile(opts.file)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	docs, warnings, err := Parse(src)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "%s:%d: %s\n", opts.file, w.Line, w.Message)
	}
	if err != nil {
		return fmt.Errorf("%s:%w", opts.file, err)
	}
	files, err := planContentFiles(docs, opts, stderr)
	if err != nil {
		return err
	}
	if err := writeNewFiles(opts.dir, files); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	for _, f := range files {
		fmt.Fprintln(stdout, f.path)
	}
	return nil
}

// importOptions are the parsed arguments of `generator import`.
type importOptions struct {
	dir  string // -o
	year int    // -year, 0 if not given
	file string
}

// parseImportArgs parses the arguments of `generator import`. proceed is
// false, with a nil error, after -h printed the usage.
func parseImportArgs(args []string, stderr io.Writer) (opts importOptions, proceed bool, err error) {
	flags := flag.NewFlagSet("import", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dir := flags.String("o", defaultContentDir, "write the content files into `DIR`")
	year := flags.String("year", "", "the documents' `YYYY` year (default: the year most frequent in each body)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator import [-o DIR] [-year YYYY] FILE")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return importOptions{}, false, nil
		}
		return importOptions{}, false, err
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return importOptions{}, false, fmt.Errorf("import: want exactly one FILE, got %d arguments", flags.NArg())
	}
	opts = importOptions{dir: *dir, file: flags.Arg(0)}
	if *year != "" {
		y, err := strconv.Atoi(*year)
		if err != nil || len(*year) != 4 || y < 1000 {
			return importOptions{}, false, fmt.Errorf("import: -year %q is not a four-digit year", *year)
		}
		opts.year = y
	}
	return opts, true, nil
}

// planContentFiles dates and renders the content file of every document.
func planContentFiles(docs []Document, opts importOptions, stderr io.Writer) ([]plannedFile, error) {
	files := make([]plannedFile, 0, len(docs))
	for i, doc := range docs {
		date, err := documentDate(doc, opts.year, opts.file, stderr)
		if err != nil {
			return nil, err
		}
		content, err := contentFile(doc, date, fmt.Sprintf("%s:%d", filepath.Base(opts.file), doc.TitleLine))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", opts.file, doc.TitleLine, err)
		}
		files = append(files, plannedFile{
			path:    filepath.Join(opts.dir, fmt.Sprintf("%s-%d.md", date, i+1)),
			content: content,
		})
	}
	return files, nil
}

// documentDate dates a document from its dateline and the given year, or,
// if year is 0, the year most frequent in its body, which it reports on
// stderr as FILE:LINE: message.
func documentDate(doc Document, year int, file string, stderr io.Writer) (civilDate, error) {
	dateline := doc.Paragraphs[len(doc.Paragraphs)-1]
	month, day, ok := datelineMonthDay(dateline.Text)
	if !ok {
		return civilDate{}, fmt.Errorf("%s:%d: cannot read month and day (like 9月4日) from the dateline %s", file, dateline.Line, dateline.Text)
	}
	if year == 0 {
		body := make([]string, 0, len(doc.Paragraphs)-1)
		for _, p := range doc.Paragraphs[:len(doc.Paragraphs)-1] {
			body = append(body, p.Text)
		}
		y, count, err := mostFrequentYear(body)
		if err != nil {
			return civilDate{}, fmt.Errorf("%s:%d: cannot infer the year of %q: %v; give it with -year", file, doc.TitleLine, doc.Title, err)
		}
		year = y
		fmt.Fprintf(stderr, "%s:%d: year %d inferred: the most frequent year in the body (%s); use -year to set it\n",
			file, doc.TitleLine, year, times(count))
	}
	date := civilDate{year: year, month: month, day: day}
	if !date.valid() {
		return civilDate{}, fmt.Errorf("%s:%d: the dateline %s gives no valid date in %d", file, dateline.Line, dateline.Text, year)
	}
	return date, nil
}

// times formats a count as "once", "2 times", ….
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
