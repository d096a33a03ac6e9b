package digest

import (
	"strings"
	"testing"
)

type node struct {
	Name     string
	parent   *node
	Children []*node
	Attrs    map[string]int
	Any      any
}

func TestEqualValuesEqualDigests(t *testing.T) {
	a := &node{Name: "a", Attrs: map[string]int{"x": 1, "y": 2}, Any: []string{"p"}}
	b := &node{Name: "a", Attrs: map[string]int{"y": 2, "x": 1}, Any: []string{"p"}}
	if Of(a) != Of(b) {
		t.Fatal("equal values, different digests")
	}
}

// Every change a stage could see changes the digest: fields exported or
// not, deep inside, map entries, dynamic types, nil against empty.
func TestEveryChangeChangesTheDigest(t *testing.T) {
	base := func() *node {
		c := &node{Name: "c"}
		return &node{Name: "a", Children: []*node{c}, Attrs: map[string]int{"x": 1}, Any: 1}
	}
	b := Of(base())
	for name, edit := range map[string]func(n *node){
		"field":         func(n *node) { n.Name = "b" },
		"unexported":    func(n *node) { n.parent = &node{} },
		"deep":          func(n *node) { n.Children[0].Name = "d" },
		"map value":     func(n *node) { n.Attrs["x"] = 2 },
		"map key":       func(n *node) { n.Attrs = map[string]int{"z": 1} },
		"dynamic type":  func(n *node) { n.Any = int64(1) },
		"nil to empty":  func(n *node) { n.Children[0].Children = []*node{} },
		"slice length":  func(n *node) { n.Children = append(n.Children, nil) },
		"string border": func(n *node) { n.Name = ""; n.Children[0].Name = "ac" },
	} {
		n := base()
		edit(n)
		if Of(n) == b {
			t.Errorf("%s: the digest did not change", name)
		}
	}
}

func TestIdentityStandsForThePointer(t *testing.T) {
	parent := &node{Name: "p"}
	child := &node{Name: "c", parent: parent}
	parent.Children = []*node{child}
	h := New()
	h.Identify(parent, Bytes([]byte("source of p")))
	first := h.Of(child)
	h2 := New()
	h2.Identify(parent, Bytes([]byte("source of p")))
	if h2.Of(child) != first {
		t.Error("the same identity gave a different digest")
	}
	h3 := New()
	h3.Identify(parent, Bytes([]byte("another source")))
	if h3.Of(child) == first {
		t.Error("another identity gave the same digest")
	}
}

func TestRefusesWhatItCannotDigest(t *testing.T) {
	for name, v := range map[string]any{
		"func":  struct{ F func() }{func() {}},
		"chan":  struct{ C chan int }{make(chan int)},
		"cycle": func() any { n := &node{}; n.parent = n; return n }(),
	} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(r.(string), "digest:") {
					t.Errorf("%s: got %v, want a panic naming the problem", name, r)
				}
			}()
			Of(v)
		}()
	}
}

// TestSharedPointersWalkedOnce: a value shared by many keys costs one walk.
func TestSharedPointersWalkedOnce(t *testing.T) {
	shared := &node{Name: "shared", Attrs: map[string]int{"x": 1}}
	h := New()
	d1 := h.Of([]*node{shared})
	shared.Attrs["x"] = 2 // not seen: the Hasher remembers the walked pointer
	if h.Of([]*node{shared}) != d1 {
		t.Error("the Hasher walked a remembered pointer again")
	}
	if New().Of([]*node{shared}) == d1 {
		t.Error("a fresh Hasher sees the change")
	}
}

// selfKnown is a value that knows its digest, as an Identity.
type selfKnown struct {
	Text string
	id   Digest
}

func (k *selfKnown) DigestIdentity() Digest { return k.id }

func newSelfKnown(text string) *selfKnown {
	k := &selfKnown{Text: text}
	k.id = Of(*k)
	return k
}

// A pointer to an Identity hashes as its DigestIdentity, not walked: two
// values of the same text are the same key wherever they are; another text
// is another key; and what the identity leaves out is left out.
func TestIdentityValues(t *testing.T) {
	type page struct{ Shown []*selfKnown }
	a, b := page{[]*selfKnown{newSelfKnown("一"), newSelfKnown("二")}}, page{[]*selfKnown{newSelfKnown("一"), newSelfKnown("二")}}
	if Of(a) != Of(b) {
		t.Error("the same texts, different digests")
	}
	if Of(a) == Of(page{[]*selfKnown{newSelfKnown("一"), newSelfKnown("三")}}) {
		t.Error("another text, the same digest")
	}
	stale := newSelfKnown("一")
	stale.Text = "changed after its identity was made"
	if Of(page{[]*selfKnown{stale, newSelfKnown("二")}}) != Of(a) {
		t.Error("the pointer was walked, not hashed as its identity")
	}
}
