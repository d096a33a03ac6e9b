// Package grammar is the numbering grammar of Chinese official documents and
// the patterns of the lines that stand around their clauses, kept in one
// place: the structure stage and the importer both read it.
//
// It takes one paragraph's text and gives what its form says: the number it
// starts with (Parse), and what kind of line it is (Classify): a dateline, a
// document number, a date, a signature, an attachment mark… It knows nothing
// of the paragraphs around it; package structure decides from them.
//
// # Numbering
//
// Levels is the table. Each row is one kind of number: its family, its rank
// (a block holds the blocks of greater rank that follow it), how its number
// is read, and the id stems and Akoma Ntoso elements it gives:
//
//	row      family   rank  printed                 stems (containers / leaves)  Akoma Ntoso
//	book     articles    1  第一编                  book                         book
//	subbook  articles    2  第一分编                subdvs                       subdivision
//	chapter  articles    3  第一章                  chp                          chapter
//	section  articles    4  第一节                  sec                          section
//	article  articles    5  第一条                  art                          article
//	decimal  decimal  10+d  1　  1.1　  2.1.3　      sec (sec_2-1-3)              section
//	gbt1     GB/T       21  一、                    part / para                  part / paragraph
//	gbt2     GB/T       22  （一） (一)             sec / para                   section / paragraph
//	gbt3     GB/T       23  1.  1．  1、            para                         paragraph
//	gbt4     GB/T       24  （1） (1)               subpara                      subparagraph
//	gbt5     GB/T       25  ①                       point                        point
//
// An article's unnumbered paragraphs after its first are its further
// paragraphs (款, rank 6, para), and its GB/T-numbered children its items
// (项, 目: point); items restart in every article and every 款.
//
// Chinese numbers (一 … 二十一 … 一百零五) and Arabic ones, ASCII or
// full-width, are read as integers. A decimal number needs a space or U+3000
// after it, and d is its count of components (1 for "1　总则"); a decimal
// number of one component counts only on a line that reads as a heading,
// and (as package structure checks) in a text that has decimal numbers of
// more components. An
// Arabic number followed by a dot and a digit is a decimal, never a marker
// (1.5亿元). Inside an article, the GB/T rows are its items (项, 目) and are
// named point. Adding a level is adding a row and its test.
//
// # Lines around the clauses
//
// Classify names the lines that are not clauses: a news agency dateline
// （新华社北京9月4日电） (also without brackets, at the top), a document number
// 国办发〔2019〕4号 or 第706号, a date line 2018年12月4日 or 二〇〇五年六月十一日,
// a place-and-date line 2019年7月23日于北京, a note in brackets on its own
// line （此件公开发布）, an attachment mark 附件 / 附件1 / 附件：title, and the
// head of a table of contents 目录. Signer and Addressee recognise signature
// lines and the addressee line by their form.
//
// # Labels and locators
//
// A label names a block on the page as its number is printed (四, 一、5),
// and gives words to the blocks that have no number of their own (序言第3段,
// preamble, paragraph 3). A locator is how a citation points at a block, in
// Chinese and English (第四条, para. 4; 第一部分第5项, Part I, item 5); the
// rules for every family are the table in locators.go.
package grammar
