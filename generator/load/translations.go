package load

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Translation is a document's translation into one language:
// content/translations/<language>/<slug>.md, where slug is the
// document's. Its front matter gives the document's title in the
// language; its body is the translation block by block, each block
// opened by a line that names it by the id of the block it translates
// and the hash of the Chinese text it was translated from:
//
//	{#para_4 zh=1a2b3c4d}
//
//	IV. The Cuban side reaffirms …
//
// The block's paragraphs follow, one per line and blank-line separated,
// as in a document, as many as the block has. Whether the ids and the
// paragraphs match the document, and whether the Chinese has changed
// since, is for the stage that has the documents' blocks to tell
// (package align).
type Translation struct {
	File   string
	Lang   string // the folder's name: en
	Slug   string // the document's
	Title  string `yaml:"title"` // the document's title in the language
	Short  string `yaml:"short"` // a short title; defaults to the title
	Blocks []TranslatedBlock
}

// TranslatedBlock is one block of a translation.
type TranslatedBlock struct {
	EID        string
	Hash       string // the zh= hash: the Chinese text it was translated from; empty if none
	Line       int    // the line of its {#…} line
	Paragraphs []Paragraph
}

// blockLine is the line that opens a translated block.
var blockLine = regexp.MustCompile(`^\{#([a-z0-9_]+)(?: zh=([0-9a-f]+))?\}$`)

// TranslationsDir is the translations' folder in the content tree.
const TranslationsDir = "translations"

// languageTag is a translations folder's name: a BCP 47 language tag (en, fr, zh-Hant).
var languageTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// loadTranslations reads the translation files (see remembering).
func (l *Loader) loadTranslations(fsys namedFS, next map[string]loadedFile, errs, warnings *errorList) []*Translation {
	var all []*Translation
	entries, err := fs.ReadDir(fsys.FS, TranslationsDir)
	if err != nil {
		if !isNotExist(err) {
			errs.add(fsys.name(TranslationsDir), 0, "cannot read directory: %v", err)
		}
		return nil
	}
	for _, e := range entries {
		lang := e.Name()
		if !e.IsDir() || strings.HasPrefix(lang, ".") {
			continue
		}
		dir := path.Join(TranslationsDir, lang)
		if !languageTag.MatchString(lang) {
			errs.add(fsys.name(dir), 0, "%q is not a language tag: name the folder of a language's translations by its tag (en, fr)", lang)
			continue
		}
		for _, file := range markdownFiles(fsys, dir, errs, warnings) {
			t := remembering(l, fsys, file, next, errs, func(f *sourceFile, slug string) *Translation {
				t := &Translation{File: f.name, Lang: lang, Slug: slug}
				if err := f.decodeFront(t); err != nil {
					*errs = append(*errs, err)
					return nil
				}
				if t.Title == "" {
					errs.add(t.File, f.fieldLine("title"), "title is missing: the document's title in this language")
				}
				if t.Short == "" {
					t.Short = t.Title
				}
				t.Blocks = translatedBlocks(f, errs)
				return t
			})
			if t != nil {
				all = append(all, t)
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Lang != all[j].Lang {
			return all[i].Lang < all[j].Lang
		}
		return all[i].Slug < all[j].Slug
	})
	return all
}

// translatedBlocks reads a translation's body: each {#…} line opens a
// block, and the paragraphs after it, on the next line or after a blank
// one, one line each, are its text.
func translatedBlocks(f *sourceFile, errs *errorList) []TranslatedBlock {
	var blocks []TranslatedBlock
	seen := map[string]int{}
	prevBlank := true
	for i, raw := range bytes.Split(f.body, []byte("\n")) {
		line, text := f.bodyLine+i, string(bytes.TrimSpace(raw))
		if text == "" {
			prevBlank = true
			continue
		}
		if m := blockLine.FindStringSubmatch(text); m != nil {
			if first, dup := seen[m[1]]; dup {
				errs.add(f.name, line, "{#%s} is given twice (first at line %d)", m[1], first)
			}
			seen[m[1]] = line
			blocks = append(blocks, TranslatedBlock{EID: m[1], Hash: m[2], Line: line})
			prevBlank = true // its text may follow on the next line
			continue
		}
		wasBlank := prevBlank
		prevBlank = false
		switch {
		case text[0] == '{':
			errs.add(f.name, line, "%s: a block opens with {#id zh=hash}, the id of the block it translates and the hash of its Chinese text", text)
		case len(blocks) == 0:
			errs.add(f.name, line, "text before the first block: open it with {#id zh=hash}, the id of the block it translates")
		case !wasBlank:
			errs.add(f.name, line, "paragraph continues on a second line; write each paragraph on one line and separate paragraphs with a blank line")
		default:
			b := &blocks[len(blocks)-1]
			b.Paragraphs = append(b.Paragraphs, Paragraph{Text: text, Line: line})
		}
	}
	for _, b := range blocks {
		if len(b.Paragraphs) == 0 {
			errs.add(f.name, b.Line, "{#%s} has no text", b.EID)
		}
	}
	return blocks
}
