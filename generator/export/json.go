package export

import (
	"bytes"
	"encoding/json"

	"statements/generator/markdown"
	"statements/generator/siteurl"
	"statements/generator/structure"
)

// IndexEntry is one document in data/index.json.
type IndexEntry struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
	Date    string `json:"date"`
	URL     string `json:"url"`
	Data    string `json:"data"`
}

// Index is data/index.json.
type Index struct {
	Documents []IndexEntry `json:"documents"`
}

// Block is one block in data/<slug>.json.
type Block struct {
	EID  string `json:"eid"`
	Kind string `json:"kind"`
	Num  *int   `json:"num"`
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Document is data/<slug>.json.
type Document struct {
	Slug    string  `json:"slug"`
	Title   string  `json:"title"`
	TitleEn string  `json:"title_en"`
	Date    string  `json:"date"`
	URL     string  `json:"url"`
	Blocks  []Block `json:"blocks"`
}

// DataPath is the site path of a document's JSON.
func DataPath(d *structure.Document) string { return "/data/" + d.Slug + ".json" }

// JSON gives data/index.json and one data/<slug>.json per document, keyed by file path.
func JSON(base siteurl.Base, docs []*structure.Document) (map[string][]byte, error) {
	files := map[string][]byte{}
	var index Index
	for _, d := range docs {
		index.Documents = append(index.Documents, IndexEntry{
			Slug: d.Slug, Title: d.Title, TitleEn: d.TitleEn, Date: d.Date,
			URL: base.Abs(markdown.DocumentPath(d)), Data: base.Abs(DataPath(d)),
		})
		doc := Document{Slug: d.Slug, Title: d.Title, TitleEn: d.TitleEn, Date: d.Date, URL: base.Abs(markdown.DocumentPath(d))}
		for _, b := range d.Blocks {
			var num *int
			if b.Num > 0 {
				n := b.Num
				num = &n
			}
			doc.Blocks = append(doc.Blocks, Block{EID: b.EID, Kind: string(b.Kind), Num: num, Text: b.Text(), URL: base.Abs(markdown.InContext(d, b))})
		}
		data, err := encode(doc)
		if err != nil {
			return nil, err
		}
		files[DataPath(d)[1:]] = data
	}
	data, err := encode(index)
	if err != nil {
		return nil, err
	}
	files["data/index.json"] = data
	return files, nil
}

// encode is indented JSON that keeps <, > and & as they are.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
