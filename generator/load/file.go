package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds a content file; the largest real document is a few tens of kilobytes.
const MaxFileSize = 4 << 20

// Paragraph is one paragraph of a content file's body.
type Paragraph struct {
	Text string
	Line int // 1-based line in the content file
	// ClosingStarts: the editor put the line ClosingDirective before this
	// paragraph, to say that the document's closing matter starts here.
	ClosingStarts bool
	// NoClosingAfter: the editor put ClosingDirective after this, the last
	// paragraph, to say that the document has no closing matter.
	NoClosingAfter bool
}

// ClosingDirective is a line of a document's body that is not published: it
// says that the closing matter of the document (or of the attachment it
// stands in) starts with the next paragraph, where the form cannot tell;
// at the end of the file, that the document has no closing matter.
const ClosingDirective = "<!-- closing -->"

// sourceFile is a content file split into front matter and body, with line numbers kept.
type sourceFile struct {
	name      string
	yaml      []byte    // the front matter's text
	front     yaml.Node // the front matter as a YAML mapping node, for field positions
	frontLine int       // line of the opening "---"
	body      []byte
	bodyLine  int // line on which body starts
}

// checkText refuses bytes that cannot be published faithfully: invalid UTF-8,
// a byte order mark, CR line ends and control characters.
func checkText(name string, data []byte) error {
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		return &Error{name, 1, "file starts with a byte order mark; save it as UTF-8 without BOM"}
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &Error{name, line, fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", data[i])}
		case r == '\r':
			return &Error{name, line, "CR (Windows) line end; save the file with LF line ends"}
		case r == '\n':
			line++
		case r == '\t':
		case unicode.IsControl(r) || r == '\uFEFF':
			return &Error{name, line, fmt.Sprintf("control character %U", r)}
		}
		i += size
	}
	return nil
}

// splitFile checks the bytes of a content file and separates its front matter.
func splitFile(name string, data []byte) (*sourceFile, error) {
	if len(data) == 0 {
		return nil, &Error{name, 1, "empty file; expected front matter starting with ---"}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{name, 0, fmt.Sprintf("file is %d bytes, more than the %d a content file may have", len(data), MaxFileSize)}
	}
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, &Error{name, 1, "expected front matter: the file must start with a line ---"}
	}
	rest := data[len("---\n"):]
	end := -1
	if bytes.HasPrefix(rest, []byte("---\n")) || bytes.Equal(rest, []byte("---")) {
		end = 0
	} else if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		end = i + 1
	} else if bytes.HasSuffix(rest, []byte("\n---")) {
		end = len(rest) - len("---")
	}
	if end < 0 {
		return nil, &Error{name, 1, "front matter is not closed: no line --- after the opening one"}
	}
	yamlText := rest[:end]
	f := &sourceFile{name: name, frontLine: 1, yaml: yamlText}
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlText, &doc); err != nil {
		return nil, yamlError(name, 1, err)
	}
	switch {
	case len(doc.Content) == 0 && len(bytes.TrimSpace(yamlText)) == 0:
		f.front = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} // empty: no fields
	case len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode:
		return nil, &Error{name, 2, "front matter is not a YAML mapping of fields (key: value)"}
	default:
		f.front = *doc.Content[0]
	}
	afterClose := end + len("---\n")
	if afterClose > len(rest) {
		afterClose = len(rest)
	}
	f.body = rest[afterClose:]
	// Lines: 1 is the opening ---, yaml starts on 2, the closing --- follows it.
	f.bodyLine = 2 + bytes.Count(yamlText, []byte("\n")) + 1
	return f, nil
}

// yamlError turns a yaml.v3 error ("yaml: line 3: ...") into a positioned Error;
// offset is the file line just before the YAML text.
func yamlError(name string, offset int, err error) error {
	var line int
	var msg string
	if n, _ := fmt.Sscanf(err.Error(), "yaml: line %d: ", &line); n == 1 {
		msg = err.Error()[len(fmt.Sprintf("yaml: line %d: ", line)):]
		if strings.HasPrefix(msg, "did not find expected") {
			// yaml.v3 reports parser errors that have a context mark with the
			// mark's 0-based line (it adds 1 only for scanner errors).
			line++
		}
		return &Error{name, offset + line, "front matter is not valid YAML: " + fileLines(msg, offset)}
	}
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if n, _ := fmt.Sscanf(msg, "line %d: ", &line); n == 1 {
			msg = msg[len(fmt.Sprintf("line %d: ", line)):]
			var field string
			if n, _ := fmt.Sscanf(msg, "field %s not found", &field); n == 1 {
				msg = fmt.Sprintf("unknown front matter field %q", field)
			}
			return &Error{name, offset + line, fileLines(msg, offset)}
		}
	}
	return &Error{name, offset + 1, "front matter is not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
}

// innerLine is a line number inside a yaml.v3 message: "already defined at line 3".
var innerLine = regexp.MustCompile(`\bat line (\d+)`)

// fileLines gives the line numbers inside a yaml.v3 message as lines of the file.
func fileLines(msg string, offset int) string {
	return innerLine.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(innerLine.FindStringSubmatch(m)[1])
		return fmt.Sprintf("at line %d", n+offset)
	})
}

// decodeFront decodes the front matter strictly into v: unknown fields and
// values of the wrong type are errors at their line.
func (f *sourceFile) decodeFront(v any) error {
	if len(bytes.TrimSpace(f.yaml)) == 0 {
		return nil // no fields
	}
	dec := yaml.NewDecoder(bytes.NewReader(f.yaml))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return yamlError(f.name, f.frontLine, err)
	}
	return nil
}

// fieldLine is the line of a front matter field, or of the front matter's start if absent.
func (f *sourceFile) fieldLine(key string) int {
	for i := 0; i+1 < len(f.front.Content); i += 2 {
		if f.front.Content[i].Value == key {
			return f.frontLine + f.front.Content[i].Line
		}
	}
	return f.frontLine
}

// paragraphs splits a body into blank-line-separated, one-line paragraphs.
func (f *sourceFile) paragraphs(errs *errorList) []Paragraph {
	var paras []Paragraph
	lines := bytes.Split(f.body, []byte("\n"))
	prevBlank := true
	closing := false
	for i, raw := range lines {
		lineNo := f.bodyLine + i
		text := string(bytes.TrimSpace(raw))
		if text == "" {
			prevBlank = true
			continue
		}
		if !prevBlank {
			errs.add(f.name, lineNo, "paragraph continues on a second line; write each paragraph on one line and separate paragraphs with a blank line")
			continue
		}
		prevBlank = false
		if strings.HasPrefix(text, "<!--") {
			switch {
			case text != ClosingDirective:
				errs.add(f.name, lineNo, "unknown directive %s: the only one is %s, on a line of its own before the closing matter", text, ClosingDirective)
			case len(paras) == 0:
				errs.add(f.name, lineNo, "%s stands before any text; it goes before the closing matter, or at the end for none", ClosingDirective)
			}
			closing = true
			continue
		}
		paras = append(paras, Paragraph{Text: text, Line: lineNo, ClosingStarts: closing})
		closing = false
	}
	if closing && len(paras) > 0 {
		paras[len(paras)-1].NoClosingAfter = true
	}
	return paras
}
