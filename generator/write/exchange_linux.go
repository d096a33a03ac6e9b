package write

import "golang.org/x/sys/unix"

// exchange swaps two directories atomically (renameat2 RENAME_EXCHANGE):
// at every instant dir is either the complete old site or the complete new one.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
