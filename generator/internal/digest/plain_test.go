package digest

import (
	"reflect"
	"testing"
)

// match is plain: hashed as its memory, alone and in a slice.
type match struct {
	Theme, Paragraph, Start, End int
	Whole                        bool
	_                            [7]byte // no padding: it would not be part of the value
}

// padded is not plain: between A and B are bytes that are not the value's.
type padded struct {
	A bool
	B int64
}

func TestPlainTypes(t *testing.T) {
	for _, c := range []struct {
		v     any
		plain bool
	}{
		{0, true}, {[3]uint16{}, true}, {match{}, true}, {1.5, true},
		{padded{}, false}, {"", false}, {[]int{}, false}, {struct{ P *int }{}, false}, {[2]string{}, false},
	} {
		if got := New().plain(reflect.TypeOf(c.v)); got != c.plain {
			t.Errorf("%T: plain %v, want %v", c.v, got, c.plain)
		}
	}
}

// Values held as memory digest as they are walked: equal values in other
// memory are equal, and any change of a number, a flag or a length shows.
func TestPlainValuesByWhatTheyHold(t *testing.T) {
	type doc struct {
		Matches [][]match
		Counts  []int
		Pair    [2]padded
		One     match
	}
	base := func() *doc {
		return &doc{
			Matches: [][]match{{{1, 0, 3, 9, false, [7]byte{}}, {2, 1, 12, 18, true, [7]byte{}}}, nil, {}},
			Counts:  []int{3, 1, 4},
			Pair:    [2]padded{{true, 1}, {false, 2}},
			One:     match{Theme: 5},
		}
	}
	want := Of(base())
	if Of(base()) != want {
		t.Fatal("equal values in other memory, different digests")
	}
	for name, edit := range map[string]func(d *doc){
		"a number in a slice":   func(d *doc) { d.Matches[0][1].End = 19 },
		"a flag in a slice":     func(d *doc) { d.Matches[0][0].Whole = true },
		"a slice shorter":       func(d *doc) { d.Matches[0] = d.Matches[0][:1] },
		"nil to empty":          func(d *doc) { d.Matches[1] = []match{} },
		"an int":                func(d *doc) { d.Counts[2] = 5 },
		"elements moved":        func(d *doc) { d.Counts = []int{3, 4, 1} },
		"padded struct":         func(d *doc) { d.Pair[1].B = 3 },
		"a plain field":         func(d *doc) { d.One.Start = 1 },
		"ints across the slice": func(d *doc) { d.Counts, d.Matches[0][0].Theme = []int{3, 1}, 4 },
	} {
		d := base()
		edit(d)
		if Of(d) == want {
			t.Errorf("%s: the digest did not change", name)
		}
	}
}
