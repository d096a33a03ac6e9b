package cite

import (
	"encoding/base64"
	"html/template"
)

// File is one citation file of a document: its site path and bytes.
type File struct {
	Path string
	Data []byte
}

// Files are a document's citation files, the document's entry and every
// block's: BibTeX, RIS and CSL-JSON.
func Files(ws []Work) ([]File, error) {
	d := ws[0].Doc
	csl, err := CSL(ws)
	if err != nil {
		return nil, err
	}
	data := [][]byte{BibTeX(ws), RIS(ws), csl}
	files := make([]File, len(Formats))
	for i, f := range Formats {
		files[i] = File{Path(d, f.Ext), data[i]}
	}
	return files, nil
}

// Download is a link that saves one citation file.
type Download struct {
	Format string       // BibTeX, RIS, CSL-JSON
	Name   string       // the file name it saves as
	Href   template.URL // a site path, or a data: URL holding the file
}

// Formats are the reference managers' formats, in the order pages offer
// them and Files gives them; a document's file of each is at
// /data/<slug><Ext>.
var Formats = []struct{ Name, Ext, MediaType string }{
	{"BibTeX", ".bib", "application/x-bibtex"},
	{"RIS", ".ris", "application/x-research-info-systems"},
	{"CSL-JSON", ".csl.json", "application/vnd.citationstyles.csl+json"},
}

// Inline gives downloads that hold one work's entries in data: URLs, for a
// block's page: the page needs no file per block and format.
func Inline(w Work, name string) ([]Download, error) {
	files, err := Files([]Work{w})
	if err != nil {
		return nil, err
	}
	var ds []Download
	for i, f := range Formats {
		href := "data:" + f.MediaType + ";charset=utf-8;base64," + base64.StdEncoding.EncodeToString(files[i].Data)
		ds = append(ds, Download{Format: f.Name, Name: name + f.Ext, Href: template.URL(href)})
	}
	return ds, nil
}
