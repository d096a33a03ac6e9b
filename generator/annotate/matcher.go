package annotate

// Matcher finds many terms in a text in one pass, leftmost-longest and without overlaps.
type Matcher struct {
	root *trieNode
}

// trieNode is keyed by bytes, so matching is exact even on invalid UTF-8;
// a well-formed term can only begin at the start of a character.
type trieNode struct {
	next  map[byte]*trieNode
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
		for i := 0; i < len(t); i++ {
			if n.next == nil {
				n.next = map[byte]*trieNode{}
			}
			c := n.next[t[i]]
			if c == nil {
				c = &trieNode{value: -1}
				n.next[t[i]] = c
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
		for i := start; i < len(text) && n != nil; i++ {
			n = n.next[text[i]]
			if n != nil && n.value >= 0 {
				best, bestEnd = n.value, i+1
			}
		}
		if best >= 0 {
			hits = append(hits, Hit{Term: best, Start: start, End: bestEnd})
			start = bestEnd
			continue
		}
		start++ // no term starts here
	}
	return hits
}
