package ocrimport

import "fmt"

// Document is one document found in the OCR text.
type Document struct {
	Title      string      // rebuilt title, OCR spaces removed
	TitleLine  int         // 1-based source line where the title starts
	Paragraphs []Paragraph // body paragraphs in order; the LAST one is the dateline paragraph, e.g. （新华社北京9月4日电）
}

// Paragraph is one body paragraph of a Document.
type Paragraph struct {
	Text string // the paragraph as published: column lines joined, OCR spaces removed
	Line int    // 1-based source line of its first column line
}

// Warning reports something Parse guessed or found suspicious; the result is
// still complete, but an editor should check the source line against the
// printed page.
type Warning struct {
	Line    int    // 1-based source line the warning is about
	Message string // what was guessed or found, and why
}

// String formats the warning as "LINE: message".
func (w Warning) String() string {
	return fmt.Sprintf("%d: %s", w.Line, w.Message)
}

// LineError is the error Parse returns when it cannot turn the input into
// documents. Its text is "LINE: message", LINE being 1-based.
type LineError struct {
	Line    int    // 1-based source line the error is about
	Message string // what is wrong
}

// Error formats the error as "LINE: message".
func (e *LineError) Error() string {
	return fmt.Sprintf("%d: %s", e.Line, e.Message)
}

// lineErrorf builds a *LineError for line.
func lineErrorf(line int, format string, args ...any) error {
	return &LineError{Line: line, Message: fmt.Sprintf(format, args...)}
}
