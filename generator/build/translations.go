package build

import (
	"statements/generator/align"
	"statements/generator/internal/digest"
	"statements/generator/load"
	"statements/generator/structure"
)

// alignKey is a translation and the document it was aligned with: the
// Loader gives an unchanged translation file's Translation again, and
// cache.structure an unchanged document's structure, so the same pair is
// the same input.
type alignKey struct {
	doc *structure.Document
	tr  *load.Translation
}

// aligned is what align.One gave for a pair, with the Text's identity.
type aligned struct {
	text     *align.Text
	warnings []error
	id       digest.Digest
}

// align aligns every translation with its document, as align.Align does,
// taking the last build's Text for a pair it aligned then, and gives each
// Text an identity in h, the digest of its document's and its
// translation's: a context or theme page that shows a translation then
// digests it at the cost of a pointer, not of its text.
func (c *cache) align(h *digest.Hasher, docs []*structure.Document, trs []*load.Translation) (align.Set, []error, error) {
	if c == nil {
		return align.Align(docs, trs)
	}
	set, warnings, err := align.AlignWith(docs, trs, func(d *structure.Document, t *load.Translation) (*align.Text, []error, error) {
		a, err := c.aligned.get(alignKey{d, t}, func() (aligned, error) {
			text, w, err := align.One(d, t)
			if err != nil {
				return aligned{warnings: w}, err
			}
			return aligned{text: text, warnings: w, id: digest.Of([2]digest.Digest{h.Of(d), h.Of(t)})}, nil
		})
		if err != nil {
			return nil, a.warnings, err
		}
		h.Identify(a.text, a.id)
		return a.text, a.warnings, nil
	})
	if err != nil {
		return nil, warnings, err
	}
	return set, warnings, nil
}
