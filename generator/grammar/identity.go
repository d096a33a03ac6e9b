package grammar

import "statements/generator/internal/digest"

// DigestIdentity makes a block's level enter a cache key as its row's
// name (package digest): a row of the grammar is code, unchanged while a
// process runs, and its name tells it from the other rows; its reader, a
// function, could not be digested.
func (l *Level) DigestIdentity() digest.Digest { return levelIDs[l.Name] }

// levelIDs are the rows' identities, by name.
var levelIDs = func() map[string]digest.Digest {
	ids := map[string]digest.Digest{}
	for _, l := range Levels {
		if _, twice := ids[l.Name]; twice {
			panic("grammar: two rows named " + l.Name)
		}
		ids[l.Name] = digest.Of("grammar.Level " + l.Name)
	}
	return ids
}()
