package annotate

import "unicode/utf8"

// Matcher finds many terms in a text in one pass, leftmost-longest and without overlaps.
type Matcher struct {
	root *trieNode
}

type trieNode struct {
	next  map[rune]*trieNode
	value int // index of the term ending here, -1 if none
}

// Hit is one occurrence of a term: text[Start:End] (byte offsets) is term number Term.
type Hit struct {
	Term       int
	Start, End int
}

// NewMatcher builds a matcher for terms; a hit reports the term's index.
// Empty terms are ignored; for a duplicate term the last index wins.
func NewMatcher(terms []string) *Matcher {
	m := &Matcher{root: &trieNode{value: -1}}
	for i, t := range terms {
		if t == "" {
			continue
		}
		n := m.root
		for _, r := range t {
			if n.next == nil {
				n.next = map[rune]*trieNode{}
			}
			c := n.next[r]
			if c == nil {
				c = &trieNode{value: -1}
				n.next[r] = c
			}
			n = c
		}
		n.value = i
	}
	return m
}

// Find returns the hits in text, left to right. At each position the longest
// term starting there wins; scanning resumes after it.
func (m *Matcher) Find(text string) []Hit {
	var hits []Hit
	for start := 0; start < len(text); {
		best, bestEnd := -1, 0
		n := m.root
		for i := start; i < len(text) && n != nil; {
			r, size := utf8.DecodeRuneInString(text[i:])
			n = n.next[r]
			i += size
			if n != nil && n.value >= 0 {
				best, bestEnd = n.value, i
			}
		}
		if best >= 0 {
			hits = append(hits, Hit{Term: best, Start: start, End: bestEnd})
			start = bestEnd
			continue
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		start += size
	}
	return hits
}
