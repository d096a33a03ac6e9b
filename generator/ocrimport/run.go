package ocrimport

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"statements/generator/grammar"
)

// defaultContentDir is where Run writes unless -o says otherwise.
const defaultContentDir = "content/documents"

// The forms of input Run reads.
const (
	formAuto = "auto" // ocr if the input looks like a newspaper page, else text
	formOCR  = "ocr"  // the OCR of a newspaper page: Parse
	formText = "text" // one document as copied from a web page: ParseText
)

// Run implements `generator import [-o DIR] [-form auto|ocr|text] [-title T]
// [-date YYYY-MM-DD] [-year YYYY] FILE`: parses FILE and writes one content
// file per document into DIR (default "content/documents"), printing
// warnings as FILE:LINE: message to stderr.
//
// args are the arguments after the word "import"; flags come before FILE.
// -form says what FILE is: the OCR of a newspaper page (several documents,
// each ending at its dateline, its title printed after it), or the text of
// one document (copied from a web page); auto, the default, takes a file of
// short column lines with a title after a bracketed dateline for a page.
// -title gives a text's title when it has none on top.
//
// Each file is DIR/YYYY-MM-DD-N.md, N being the document's 1-based position
// in FILE. The date is -date; else, for a text, the first date line
// (2019年1月9日, 二〇〇五年六月十一日, 2019年7月23日于北京); else the month and
// day of the document's dateline (a page's last paragraph, a text's
// 新华社北京11月3日电) with the year -year or, if -year is not given, the
// four-digit number from 1900 to 2099 that occurs most often in that
// document's body (an error if there is none or two tie), which Run says
// on stderr. Run writes nothing if any target file already exists or any
// document cannot be dated, and writes each file through a temporary file
// renamed into place. It prints the path of each written file on stdout.
// -h prints the usage and returns nil.
func Run(args []string, stdout, stderr io.Writer) error {
	opts, proceed, err := parseImportArgs(args, stderr)
	if err != nil || !proceed {
		return err
	}
	src, err := os.ReadFile(opts.file)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if opts.form == formAuto {
		opts.form = formText
		if looksLikeNewspaperPage(src) {
			opts.form = formOCR
		}
	}
	var docs []Document
	var warnings []Warning
	switch opts.form {
	case formOCR:
		if opts.title != "" {
			return fmt.Errorf("import: -title is for a text of one document; %s is read as a newspaper page (see -form)", opts.file)
		}
		docs, warnings, err = Parse(src)
	default:
		var doc Document
		doc, warnings, err = ParseText(src, opts.title)
		docs = []Document{doc}
	}
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
	dir   string    // -o
	form  string    // -form
	title string    // -title
	date  civilDate // -date, zero if not given
	year  int       // -year, 0 if not given
	file  string
}

// parseImportArgs parses the arguments of `generator import`. proceed is
// false, with a nil error, after -h printed the usage.
func parseImportArgs(args []string, stderr io.Writer) (opts importOptions, proceed bool, err error) {
	flags := flag.NewFlagSet("import", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dir := flags.String("o", defaultContentDir, "write the content files into `DIR`")
	form := flags.String("form", formAuto, "what FILE is: `auto`, ocr (a newspaper page) or text (one document, as copied from a web page)")
	title := flags.String("title", "", "the `TITLE` of a text that has none on top")
	date := flags.String("date", "", "the documents' `YYYY-MM-DD` date (default: read from the text)")
	year := flags.String("year", "", "the `YYYY` year of a dateline (default: the year most frequent in each body)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator import [-o DIR] [-form auto|ocr|text] [-title TITLE] [-date YYYY-MM-DD] [-year YYYY] FILE")
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
	opts = importOptions{dir: *dir, form: *form, title: *title, file: flags.Arg(0)}
	switch opts.form {
	case formAuto, formOCR, formText:
	default:
		return importOptions{}, false, fmt.Errorf("import: -form %q is not auto, ocr or text", opts.form)
	}
	if *year != "" {
		y, err := strconv.Atoi(*year)
		if err != nil || len(*year) != 4 || y < 1000 {
			return importOptions{}, false, fmt.Errorf("import: -year %q is not a four-digit year", *year)
		}
		opts.year = y
	}
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return importOptions{}, false, fmt.Errorf("import: -date %q is not a date YYYY-MM-DD", *date)
		}
		opts.date = civilDate{t.Year(), int(t.Month()), t.Day()}
	}
	return opts, true, nil
}

// planContentFiles dates and renders the content file of every document.
func planContentFiles(docs []Document, opts importOptions, stderr io.Writer) ([]plannedFile, error) {
	files := make([]plannedFile, 0, len(docs))
	for i, doc := range docs {
		date, err := documentDate(doc, opts, stderr)
		if err != nil {
			return nil, err
		}
		source := filepath.Base(opts.file)
		if doc.TitleLine > 0 {
			source = fmt.Sprintf("%s:%d", source, doc.TitleLine)
		}
		content, err := contentFile(doc, date, source)
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

// documentDate dates a document: -date, a text's first date line, or its
// dateline (see Run).
func documentDate(doc Document, opts importOptions, stderr io.Writer) (civilDate, error) {
	if opts.date != (civilDate{}) {
		return opts.date, nil
	}
	dateline := doc.Paragraphs[len(doc.Paragraphs)-1]
	if opts.form == formText {
		var found bool
		if date, ok := dateLine(doc); ok {
			return date, nil
		}
		if dateline, found = textDateline(doc); !found {
			return civilDate{}, fmt.Errorf("%s:%d: no date in the text: no date line (2019年7月23日) and no dateline (新华社北京9月4日电); give it with -date YYYY-MM-DD",
				opts.file, doc.Paragraphs[0].Line)
		}
	}
	month, day, ok := grammar.DatelineMonthDay(dateline.Text)
	if !ok {
		return civilDate{}, fmt.Errorf("%s:%d: cannot read month and day (like 9月4日) from the dateline %s", opts.file, dateline.Line, dateline.Text)
	}
	year := opts.year
	if year == 0 {
		body := make([]string, 0, len(doc.Paragraphs))
		for _, p := range doc.Paragraphs {
			if p != dateline {
				body = append(body, p.Text)
			}
		}
		line := doc.TitleLine
		if line == 0 {
			line = dateline.Line // a title given with -title
		}
		y, count, err := mostFrequentYear(body)
		if err != nil {
			return civilDate{}, fmt.Errorf("%s:%d: cannot infer the year of %q: %v; give it with -year", opts.file, line, doc.Title, err)
		}
		year = y
		fmt.Fprintf(stderr, "%s:%d: year %d inferred: the most frequent year in the body (%s); use -year to set it\n",
			opts.file, line, year, times(count))
	}
	date := civilDate{year: year, month: month, day: day}
	if !date.valid() {
		return civilDate{}, fmt.Errorf("%s:%d: the dateline %s gives no valid date in %d", opts.file, dateline.Line, dateline.Text, year)
	}
	return date, nil
}

// dateLine is the date of a text's first date line.
func dateLine(doc Document) (civilDate, bool) {
	for _, p := range doc.Paragraphs {
		if k := grammar.Classify(p.Text); k == grammar.Date || k == grammar.PlaceDate {
			y, m, d, ok := grammar.ReadDate(p.Text)
			if date := (civilDate{y, m, d}); ok && date.valid() {
				return date, true
			}
		}
	}
	return civilDate{}, false
}

// textDateline is a text's first dateline, on its own or starting a paragraph.
func textDateline(doc Document) (Paragraph, bool) {
	for _, p := range doc.Paragraphs {
		if grammar.IsDateline(p.Text) || grammar.StartsWithDateline(p.Text) {
			return p, true
		}
	}
	return Paragraph{}, false
}

// times formats a count as "once", "2 times", ….
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
