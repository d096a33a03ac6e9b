package build

import (
	"statements/generator/editorial"
	"statements/generator/load"
	"statements/generator/structure"
)

// carried keeps what a pure function of loaded values gave, from one good
// build to the next, by those values (pointers: the Loader gives an
// unchanged file's values again, cache.structure an unchanged document's
// structure, and nothing changes them). A build takes the last good
// build's value for a key it meets again, and keeps for the next what it
// met; a failed build keeps nothing.
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
