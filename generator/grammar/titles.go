package grammar

import "strings"

// Titles gives the byte ranges of the titles a text names in 《》 (the
// text between the marks; a title holding 〈〉 for a title inside it is
// one; an unclosed 《 opens none): the documents, laws and agreements it
// cites by name.
func Titles(text string) [][2]int {
	const open, close = "《", "》"
	var spans [][2]int
	for off := 0; ; {
		i := strings.Index(text[off:], open)
		if i < 0 {
			return spans
		}
		start := off + i + len(open)
		j := strings.Index(text[start:], close)
		if j < 0 {
			return spans
		}
		if k := strings.Index(text[start:start+j], open); k >= 0 {
			off = start + k // an unclosed 《 before this one
			continue
		}
		spans = append(spans, [2]int{start, start + j})
		off = start + j + len(close)
	}
}
