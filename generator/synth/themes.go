package synth

import (
	"fmt"
	"io/fs"
	"strings"

	"statements/generator/load"
)

// themes writes the real themes, their links and manual references moved to the copies.
func (c *corpus) themes(content fs.FS, themes []*load.Theme) error {
	for _, t := range themes {
		err := c.rewrite(content, "themes/"+t.Slug+".md", func(f *contentFile) {
			for _, key := range []string{"add", "remove"} {
				f.setStrings(key, c.refs(f.strings(key)))
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// pages writes the editorial pages, their links moved to the copies.
func (c *corpus) pages(content fs.FS, pages []*load.Page) error {
	for _, p := range pages {
		if err := c.rewrite(content, "pages/"+p.Slug+".md", func(*contentFile) {}); err != nil {
			return err
		}
	}
	return nil
}

// notes writes each real document's notes for every copy of it, their
// links moved to the copies.
func (c *corpus) notes(content fs.FS, files []*load.NoteFile) error {
	for _, f := range files {
		data, err := fs.ReadFile(content, "notes/"+f.Slug+".md")
		if err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		moved := []byte(c.links.Replace(string(data)))
		for _, slug := range c.copies[f.Slug] {
			c.files["content/notes/"+slug+".md"] = moved
		}
	}
	return nil
}

// translations writes each real document's translations for every copy of
// it, their titles numbered as the copy's English titles are and their
// links moved to the copies: the same blocks, so the same ids and hashes.
func (c *corpus) translations(content fs.FS, trs []*load.Translation) error {
	for _, t := range trs {
		name := "translations/" + t.Lang + "/" + t.Slug + ".md"
		data, err := fs.ReadFile(content, name)
		if err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		moved := []byte(c.links.Replace(string(data)))
		for _, slug := range c.copies[t.Slug] {
			f, err := parseContentFile("content/"+name, moved)
			if err != nil {
				return fmt.Errorf("synth: %w", err)
			}
			num := strings.TrimPrefix(slug, "synthetic-")
			for key, suffix := range map[string]string{"title": " (" + num + ")", "short": " " + num} {
				if v := f.field(key); v != nil {
					f.set(key, v.Value+suffix)
				}
			}
			out, err := f.bytes()
			if err != nil {
				return err
			}
			c.files["content/translations/"+t.Lang+"/"+slug+".md"] = out
		}
	}
	return nil
}

// rewrite copies a markdown content file, its body's links to real documents
// pointing at their first copies and its front matter changed by edit.
func (c *corpus) rewrite(content fs.FS, name string, edit func(*contentFile)) error {
	data, err := fs.ReadFile(content, name)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	f, err := parseContentFile("content/"+name, data)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	edit(f)
	f.body = []byte(c.links.Replace(string(f.body)))
	out, err := f.bytes()
	if err != nil {
		return fmt.Errorf("synth: content/%s: %w", name, err)
	}
	c.files["content/"+name] = out
	return nil
}

// refs maps manual references "<slug>#<eid>" to every copy of the block,
// dropping those that name no real block.
func (c *corpus) refs(refs []string) []string {
	var out []string
	for _, ref := range refs {
		slug, eid, _ := strings.Cut(ref, "#")
		if !c.blocks[slug][eid] {
			continue
		}
		for _, dup := range c.copies[slug] {
			out = append(out, dup+"#"+eid)
		}
	}
	return out
}
