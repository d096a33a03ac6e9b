package build

import (
	"statements/generator/editorial"
	"statements/generator/load"
	"statements/generator/markdown"
	"statements/generator/structure"
)

// carried keeps what a pure function gave, from one good build to the
// next, by its argument: loaded values (pointers: the Loader gives an
// unchanged file's values again, cache.structure an unchanged document's
// structure, and nothing changes them) and what else it reads. A build
// takes the last good build's value for a key it meets again, and keeps
// for the next what it met; a failed build keeps nothing.
type carried[K comparable, V any] struct {
	last, next map[K]V
}

// get gives the last good build's value of key, or make's.
func (m *carried[K, V]) get(key K, make func() (V, error)) (V, error) {
	v, ok := m.last[key]
	if !ok {
		var err error
		if v, err = make(); err != nil {
			return v, err
		}
	}
	if m.next == nil {
		m.next = map[K]V{}
	}
	m.next[key] = v
	return v, nil
}

// begin starts a build: nothing met yet.
func (m *carried[K, V]) begin() { m.next = nil }

// keep makes what this build met the values of the next.
func (m *carried[K, V]) keep() { m.last, m.next = m.next, nil }

// noteKey is a notes file and the document its notes were placed in.
type noteKey struct {
	doc   *structure.Document
	notes *load.NoteFile
}

// notes places the editors' notes, as editorial.Notes does, taking the last
// build's notes for a notes file and document it placed then: an edit
// places again only its own document's notes.
func (c *cache) notes(docs []*structure.Document, files []*load.NoteFile) (map[string][]*editorial.Note, error) {
	if c == nil {
		return editorial.Notes(docs, files)
	}
	return editorial.NotesWith(docs, files, func(d *structure.Document, f *load.NoteFile) ([]*editorial.Note, error) {
		return c.placed.get(noteKey{d, f}, func() ([]*editorial.Note, error) { return editorial.Place(d, f) })
	})
}

// themePassages gives markdown.Site.Passages: the last good build's
// passages of a theme in a document for the same key, or new ones; nil
// without a cache. An edition's theme pages are planned on one goroutine.
func (c *cache) themePassages() func(markdown.PassagesKey) *markdown.ThemePassages {
	if c == nil {
		return nil
	}
	return func(k markdown.PassagesKey) *markdown.ThemePassages {
		ps, _ := c.passages.get(k, func() (*markdown.ThemePassages, error) { return markdown.NewThemePassages(k), nil })
		return ps
	}
}
