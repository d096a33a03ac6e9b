package synth

import (
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// documents writes the n synthetic documents.
func (c *corpus) documents(content fs.FS) error {
	raw := map[string][]byte{}
	for _, d := range c.real {
		data, err := fs.ReadFile(content, "documents/"+d.Slug+".md")
		if err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		raw[d.Slug] = data
	}
	for k := 1; k <= c.n; k++ {
		d := c.original(k)
		slug := Slug(k, c.n)
		data, err := renumber(d.File, raw[d.Slug], k, c.n)
		if err != nil {
			return err
		}
		c.files["content/documents/"+slug+".md"] = data
	}
	return nil
}

// renumber makes document k of n from a real document's file: its number
// added to its titles and short names, its date k−1 days earlier, its text
// unchanged.
func renumber(name string, data []byte, k, n int) ([]byte, error) {
	f, err := parseContentFile(name, data)
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	num := strings.TrimPrefix(Slug(k, n), "synthetic-")
	suffix := map[string]string{"title": "（" + num + "）", "short": num, "title_en": " (" + num + ")", "short_en": " " + num}
	for key, s := range suffix {
		if v := f.field(key); v != nil {
			f.set(key, v.Value+s)
		}
	}
	if v := f.field("date"); v != nil {
		date, err := time.Parse(time.DateOnly, v.Value)
		if err != nil {
			return nil, fmt.Errorf("synth: %s: date: %w", name, err)
		}
		f.set("date", date.AddDate(0, 0, 1-k).Format(time.DateOnly))
	}
	return f.bytes()
}
