package markdown

import (
	"fmt"
	"testing"

	"statements/generator/internal/digest"
)

// A ByBlock gives each block its own run, empty ones included, and two
// that hold the same runs digest the same while runs that differ only in
// where one block ends do not.
func TestByBlock(t *testing.T) {
	runs := [][]int{{1, 2}, nil, {3}, nil}
	var r ByBlock[int]
	for _, run := range runs {
		for _, v := range run {
			r.add(v)
		}
		r.end()
	}
	for i, want := range runs {
		if got := r.Of(i); fmt.Sprint(got) != fmt.Sprint(want) || cap(got) != len(got) {
			t.Errorf("block %d: %v (cap %d), want %v", i, got, cap(got), want)
		}
	}
	if got := append(r.Of(0), 9); r.Of(2)[0] != 3 || len(got) != 3 {
		t.Error("appending to a block's run overwrote the next")
	}
	var same, moved ByBlock[int]
	for _, run := range runs {
		for _, v := range run {
			same.add(v)
		}
		same.end()
	}
	for _, run := range [][]int{{1}, {2}, {3}, nil} {
		for _, v := range run {
			moved.add(v)
		}
		moved.end()
	}
	if digest.Of(r) != digest.Of(same) || digest.Of(r) == digest.Of(moved) {
		t.Error("a ByBlock's digest is not that of its runs")
	}
}
