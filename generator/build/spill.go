package build

import (
	"errors"

	"statements/generator/search"
)

// searchSpills hold, for a build without a cache (Stream), each edition's
// search parts out of memory from when a document's unit is made until
// the edition's index is joined (search.Spill): nil for a Builder's build,
// which keeps its parts for the next join.
type searchSpills map[string]*search.Spill

// spills opens a Spill per edition for a build without a cache.
func (c *cache) spills(editions []edition) (searchSpills, error) {
	if c != nil {
		return nil, nil
	}
	s := searchSpills{}
	for _, e := range editions {
		sp, err := search.NewSpill("")
		if err != nil {
			s.close()
			return nil, err
		}
		s[e.lang] = sp
	}
	return s, nil
}

// keep spills a document's part of the index of the edition in lang.
func (s searchSpills) keep(lang string, p *search.Part) error {
	if s == nil {
		return nil
	}
	return s[lang].Keep(p)
}

// join joins an edition's index from its spilled parts, handing each
// file to put, then lets the parts go.
func (s searchSpills) join(e edition, parts []*search.Part, themes []search.Theme, put func(search.File) error) error {
	sp := s[e.lang]
	if err := sp.Load(); err != nil {
		return err
	}
	err := search.JoinTo(parts, themes, put)
	delete(s, e.lang)
	return errors.Join(err, sp.Close())
}

// close removes the spills not yet joined (after an error).
func (s searchSpills) close() {
	for lang, sp := range s {
		sp.Close()
		delete(s, lang)
	}
}
