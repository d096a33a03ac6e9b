//go:build !linux

package write

import "os"

// exchange swaps two directories with two renames; only between them is b missing.
func exchange(a, b string) error {
	aside := b + ".old"
	os.RemoveAll(aside)
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(aside, b)
		return err
	}
	return os.Rename(aside, a)
}
