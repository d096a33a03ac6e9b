// Package synth generates a synthetic corpus of any size from the real one,
// so that the generator's speed and memory can be measured at scale:
//
//	go run ./generator synth -n 1000 -o /tmp/synth
//	go run ./generator -content /tmp/synth/content -layouts /tmp/synth/layouts \
//	    -static /tmp/synth/static -out /tmp/synth/public
//
// It takes the repository's content/, layouts/ and static/ trees and gives
// the files of a site with N documents. Document k (synthetic-0001, …) is a
// copy of real document (k−1) mod R, R being the number of real documents,
// in the order load gives them: the same paragraphs, so the same structure,
// size and theme occurrences, with its number added to its titles and short
// names and its date moved k−1 days back. The themes and editorial pages are
// the real ones, their links to a real document pointing at its first copy;
// a theme's manual add and remove references apply to every copy of the
// document they name and are dropped when they name no real block. Every
// copy has its document's editors' notes and translations (their titles
// numbered too). Layouts and static files are copied as they are.
//
// The output depends only on the input and N: the same call gives the same
// bytes. N must be at least R, so that every real document, and so every
// theme term and every link, has a copy.
package synth
