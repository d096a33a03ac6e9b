package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"statements/generator/annotate"
	"statements/generator/markdown"
	"statements/generator/siteurl"
)

// IndexPart is one document's share of data/index.json, made once per
// version of the document (a build keeps it with the document's pages):
// its entry, and for each theme the blocks it tags there, encoded as they
// stand in the file. The file is put together from the parts (IndexFrom)
// without encoding any of them again.
type IndexPart struct {
	entry  []byte            // its entry in the documents, as it stands in the file (without its indentation)
	blocks map[string][]byte // theme slug → its block references, as they stand in the file (the first without its indentation)
}

// NewIndexPart makes a document's part of data/index.json. It reads nothing but c.
func NewIndexPart(c *markdown.DocContext) (*IndexPart, error) {
	d, base := c.Doc, c.Base
	entry, err := encodeAt(entryIndent, IndexEntry{Slug: d.Slug, Title: d.Title, TitleEn: d.TitleEn, Date: d.Date,
		URL: base.Abs(markdown.DocumentPath(d)), Data: base.Abs(DataPath(d))})
	if err != nil {
		return nil, err
	}
	part := &IndexPart{entry: entry, blocks: map[string][]byte{}}
	for _, b := range d.Blocks {
		for _, t := range c.ThemesOf(b) {
			ref, err := encodeAt(blockIndent, BlockRef{Document: d.Slug, EID: b.EID, URL: base.Abs(markdown.InContext(d, b))})
			if err != nil {
				return nil, err
			}
			if prev := part.blocks[t.Slug]; len(prev) > 0 {
				ref = append(append(prev, ",\n"+blockIndent...), ref...)
			}
			part.blocks[t.Slug] = ref
		}
	}
	for slug, refs := range part.blocks {
		part.blocks[slug] = slices.Clip(refs) // kept until the build ends: without spare capacity
	}
	return part, nil
}

// The indentation of a document's entry, a theme and a block reference
// in data/index.json.
const (
	entryIndent = "    "
	themeIndent = "    "
	blockIndent = "        "
)

// IndexInput is what data/index.json is made from: the themes (without
// their blocks) and the documents' parts, in site order. IndexFrom reads
// nothing else, so a digest of an IndexInput keys the file.
type IndexInput struct {
	Themes []Theme
	Parts  []*IndexPart
}

// IndexThemes are the themes as data/index.json gives them, without their blocks.
func IndexThemes(base siteurl.Base, themes []*annotate.Theme) []Theme {
	headers := make([]Theme, len(themes))
	for i, t := range themes {
		headers[i] = Theme{Slug: t.Slug, Title: t.Title, TitleEn: t.TitleEn, URL: base.Abs(markdown.ThemePath(t)), Terms: t.Terms, Blocks: []BlockRef{}}
		if headers[i].Terms == nil {
			headers[i].Terms = []string{}
		}
	}
	return headers
}

// IndexFrom gives data/index.json: the documents, and the themes with the
// blocks they tag. It gives what encode gives for the Index.
func IndexFrom(in IndexInput) ([]byte, error) {
	themes, parts := in.Themes, in.Parts
	size := 64
	for _, p := range parts {
		size += len(p.entry) + len(entryIndent) + 2
		for _, r := range p.blocks {
			size += len(r) + len(blockIndent) + 2
		}
	}
	var b bytes.Buffer
	b.Grow(size + len(themes)*512)
	b.WriteString("{\n  \"documents\": ")
	if len(parts) == 0 {
		b.WriteString("[]")
	} else {
		b.WriteString("[\n")
		for i, p := range parts {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(entryIndent)
			b.Write(p.entry)
		}
		b.WriteString("\n  ]")
	}
	b.WriteString(",\n  \"themes\": ")
	if len(themes) == 0 {
		b.WriteString("[]\n}\n")
		return b.Bytes(), nil
	}
	b.WriteString("[\n")
	for i, t := range themes {
		head, err := encodeAt(themeIndent, t)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(themeIndent)
		const empty = "\"blocks\": []\n" + themeIndent + "}"
		var refs [][]byte
		for _, p := range parts {
			if r := p.blocks[t.Slug]; len(r) > 0 {
				refs = append(refs, r)
			}
		}
		if len(refs) == 0 {
			b.Write(head)
			continue
		}
		b.Write(head[:len(head)-len(empty)])
		b.WriteString("\"blocks\": [\n")
		for k, r := range refs {
			if k > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(blockIndent)
			b.Write(r)
		}
		b.WriteString("\n" + themeIndent + "  ]\n" + themeIndent + "}")
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes(), nil
}

// encodeAt is encode of a value that stands at indentation prefix,
// without the final newline.
func encodeAt(prefix string, v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}
