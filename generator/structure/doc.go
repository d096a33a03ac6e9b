// Package structure derives a document's hierarchy from the numbering of
// Chinese official documents (GB/T 9704) and names every block.
//
// It takes a load.Document (paragraphs in reading order) and gives a Document:
// a tree of Blocks, each with a stable Akoma Ntoso–style id (eId).
//
// Numbering levels:
//
//	一、   level 1      （一） level 2      1. or 1．  level 3      （1） level 4
//
// Paragraphs before the first number form the preamble (preamble__p_1, …).
// A numbered paragraph that has deeper-numbered children is named by its
// level: part_N (1), sec_N (2), para_N (3); one without children is para_N
// at levels 1–3 and subpara_N at level 4. N is the printed number as an
// integer (二十一 → 21). Nested ids are joined with "__":
// part_2__para_5, part_1__sec_1__para_2__subpara_1.
//
// A numbered paragraph without terminal punctuation that has children is a
// heading; the unnumbered paragraphs that follow it, before its first child,
// are its introduction (part_2__intro). Any other unnumbered paragraph after
// a numbered one is a further paragraph of the innermost open clause
// (part_7__para_2__p_2). A last paragraph of the form （新华社…电） is the
// dateline (conclusions).
//
// Numbering must count 1, 2, 3 at each level under each parent; a skip, a
// repeat, a step backwards, a level above the document's first and
// duplicate ids are errors at the paragraph's line.
package structure
