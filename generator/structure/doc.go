// Package structure derives a document's parts and hierarchy from its
// lines, and names every block.
//
// It takes a load.Document (paragraphs in reading order, with their source
// lines) and gives a Document: a tree of Blocks, each with a stable Akoma
// Ntoso–style id (eId), a label that names it as printed, a locator that
// cites it (package grammar, Locators), and warnings where the form could
// not decide. What a line is (a number of the numbering grammar, a
// date, a signature…) comes from package grammar; this package decides from
// the lines around it.
//
// # Parts
//
// A document is its main text, then its attachments (segments.go). Each is,
// in order:
//
//   - preface (main text only): header lines before the text: a dateline at
//     the top, a document number, title and organ heading lines, notes, a
//     date, then one addressee line. Header lines and nothing else are text.
//   - an attachment's heading: its mark (附件2), title lines, notes.
//   - table of contents: a line 目录 and the lines up to the first line that
//     repeats its first entry.
//   - the body: a preamble and numbered clauses, or, with no number at all,
//     one block per paragraph.
//   - closing: after the body, the run of lines around the last date, place
//     and date, or dateline: signers before it (an organ, or a title and a
//     name), notes and attachment lists; notes, dates and title-and-name
//     signatures after it. Without a date, notes or signature lines ending
//     the text (with a warning for signatures).
//
// An attachment starts at a line 附件 or 附件N, at 附件：title followed by
// the title, or after closing matter followed by an attachment mark or a
// title (not by more signatures): the text a cover letter or an order
// issues.
//
// # Clauses
//
// In a body (tree.go), a numbered paragraph holds the paragraphs of greater
// rank that follow it; levels may be skipped. Numbers count 1, 2, 3 under a
// parent or on from the row's last number in the body; articles count
// through the body; a decimal number extends its parent's. Anything else is
// an error at the paragraph's line, as is a number of higher rank than the
// body's first. An unnumbered paragraph is, before the first number, the
// preamble's; in an article, a further paragraph of the article (款),
// which holds the items after it; after a numbered heading (a line that
// reads as a heading, with or without children), part of the heading's
// introduction; else a further paragraph of the innermost clause; after the
// last number, with a warning, as it may close the whole document. The
// content file settles that with load.ClosingDirective.
//
// # Ids
//
// (names.go) Numbered siblings of one row share a stem: the row's container
// stem if any of them has numbered children, its leaf stem otherwise
// (part_1, part_2, part_3 for 一、 二、 三、 when one has children; para_1 …
// when none has). N is the printed number as an integer (二十一 → 21).
// Ids nest with "__": part_2__para_5, book_2__chp_1, chp_3__sec_2; a
// heading's introduction is <id>__intro, a block's further paragraphs
// <id>__p_2. Articles are numbered through the text: art_12 in any chapter;
// an article's further paragraphs art_12__para_2, its items
// art_12__point_3, art_12__para_2__point_1, art_12__point_3__point_1.
// Decimal sections take the printed number: sec_2-1-3, their items
// sec_2-1__subpara_1. The preamble's paragraphs are preamble__p_1 …, a text
// without numbers para_1 …; preface, toc and conclusions (its further lines
// conclusions__p_2) are one block each; attachments are att_1, att_2 …,
// their blocks below them (att_1__part_1, att_1__art_3, att_1__conclusions).
// Duplicate ids are errors.
package structure
