package sources

import (
	"strconv"
	"strings"
)

// Ignored reports whether a file name is not a source: a hidden file
// (.DS_Store, .swp files, emacs' .#locks), or an editor's leftover: backup
// files (foo~), emacs' auto-save files (#foo#), vim's swap files and its
// 4913 write probe, JetBrains' safe-write files, Windows' Thumbs.db.
// The build and the development server's watcher read this one list.
func Ignored(base string) bool {
	switch {
	case strings.HasPrefix(base, "."),
		strings.HasSuffix(base, "~"),
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".swo"),
		strings.Contains(base, "___jb_tmp___"), strings.Contains(base, "___jb_old___"),
		len(base) > 1 && strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"),
		base == "Thumbs.db", base == "desktop.ini":
		return true
	}
	// vim probes whether it may create a file in a directory with 4913,
	// then 5036, 5159, … while the name is taken.
	if n, err := strconv.Atoi(base); err == nil && n >= 4913 && (n-4913)%123 == 0 && base[0] != '0' {
		return true
	}
	return false
}
