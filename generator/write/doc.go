// Package write puts a built site on disk without ever leaving it
// half-written, and without touching anything it did not write.
//
// It takes the site as a map from file path to content and a target
// directory (public/). Before anything else it takes a lock beside the
// target (.public.lock), so that builds into one directory run one at a
// time, removes the leftovers of interrupted builds, and checks the
// target: it must be absent, empty, or a site this package wrote, whose
// manifest (.generator-manifest, written with every site) lists every file
// in it. A regular file, a symbolic link, a directory with files of its own
// (a CNAME put there by hand, the sources), or a directory that is, lies
// inside or holds one of the protected source trees is refused with a
// message naming it, and nothing is touched.
//
// It writes the new site into a sibling directory, hard-linking every file
// whose bytes are unchanged from the current site (so an unchanged file
// keeps its modification time), and then swaps the new directory in place
// of the old one in one step. A failure at any point before the swap leaves
// the old site byte for byte as it was; a failure to remove the old tree
// after it is not the build's failure: the next build removes it. When
// every file is already there and nothing is to be removed, it touches
// nothing at all.
package write
