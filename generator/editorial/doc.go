// Package editorial places the editors' notes and the references between
// documents.
//
// It takes the structured documents and the notes of content/notes/ (one
// file per document, see load.NoteFile) and gives, per document, its
// Notes: each resolved to the block and paragraph it annotates and to the
// place its marker goes (the end of the phrase, or of the block's last
// paragraph), numbered in reading order, with an id that stays while the
// notes of other blocks come and go:
//
//	<block id>__note_<n>   (n: its place among its block's notes)
//
// A note naming a block that does not exist, or a phrase that the block
// does not have (say, after a correction of the text) or has more than
// once, is an error at the note's line. Resolving never changes a
// document's text: a marker is a place between two characters.
//
// It also finds, in every block, the titles in 《》 that are exactly the
// title of another document of the site (References), so that the pages
// link them, for whatever document is added later.
package editorial
