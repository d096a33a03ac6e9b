// Package write puts a built site on disk without ever leaving it half-written.
//
// It takes the site as a map from file path to content and a target
// directory (public/). It writes the new site into a sibling directory,
// hard-linking every file whose bytes are unchanged from the current site (so
// an unchanged file keeps its modification time), and then swaps the new
// directory in place of the old one in one step. A failure at any point
// leaves the old site as it was. When every file is already there and
// nothing is to be removed, it touches nothing at all.
package write
