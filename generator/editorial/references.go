package editorial

import (
	"statements/generator/structure"
)

// Reference is a title in 《》 that names another document of the site.
type Reference struct {
	Paragraph  int    // index into Block.Paragraphs
	Start, End int    // byte offsets of the title, inside the 《》
	Slug       string // the document it names
}

// References finds, in every block of every document, the titles in 《》
// that are exactly another document's title (or its short title), by
// document slug and then Block.Index. A document naming itself is no
// reference.
func References(docs []*structure.Document) map[string][][]Reference {
	titles := map[string]string{}
	for _, d := range docs {
		for _, t := range []string{d.Title, d.Short} {
			if t != "" {
				titles[t] = d.Slug
			}
		}
	}
	all := map[string][][]Reference{}
	for _, d := range docs {
		var refs [][]Reference
		for _, b := range d.Blocks {
			for i, p := range b.Paragraphs {
				for _, r := range b.Titles(i) {
					slug, ok := titles[p.Text[r[0]:r[1]]]
					if !ok || slug == d.Slug {
						continue
					}
					if refs == nil {
						refs = make([][]Reference, len(d.Blocks))
					}
					refs[b.Index] = append(refs[b.Index], Reference{Paragraph: i, Start: r[0], End: r[1], Slug: slug})
				}
			}
		}
		if refs != nil {
			all[d.Slug] = refs
		}
	}
	return all
}
