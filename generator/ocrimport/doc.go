// Package ocrimport turns the raw texts editors have into clean documents:
// the OCR of a newspaper page (Parse), or the text of one document as
// copied from a web page or a word processor (ParseText, see text.go).
// Both read numbers, datelines, dates and titles by the rules of package
// grammar, the ones the structure stage uses.
//
// Parse takes the text exactly as the OCR produced it: UTF-8, one printed column
// line per source line with blank lines between them, OCR spaces between
// characters, several documents on one page, each body ending at a Xinhua
// dateline such as （新华社北京9月4日电） and each title printed after its
// body, either vertically (one character per line) or horizontally (lines
// with no blank line between them).
//
// It gives, for every document on the page, the title and the body
// paragraphs as published: column lines joined, OCR spaces removed, paragraph
// breaks rebuilt from the page layout, the dateline as the last paragraph. It
// never adds, drops, alters or reorders a non-space character: for every
// input Parse accepts, the documents' paragraphs and then title, document by
// document and with all whitespace removed, equal the input with all
// whitespace removed. Every paragraph break that rests on a single weak sign
// is reported as a Warning, so that an editor can check it against the
// printed page.
//
// Paragraph breaks come from the layout of justified columns: every line of
// a paragraph but the last fills its column, and a first line is indented by
// two characters. Widths are measured in cells (a Chinese character or
// full-width mark is 1, an ASCII character 0.5), and the column width is
// estimated locally, from the lines around each line, as it differs between
// documents and between the newspaper columns a document runs through. A
// break is made after a line that ends a sentence and is short, before a
// numbered item (一、 （一） 1. （1）) that follows the end of a sentence,
// and around short numbered headings such as 一、政治领域交流合作.
//
// Run wraps Parse and ParseText as the `generator import` command, which
// writes one content file per document and tells the two forms apart.
package ocrimport
