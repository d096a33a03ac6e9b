// Package i18n reads the site's wording: every label, heading, help text,
// note phrase, list separator and date format its pages use, in one
// strings file per language beside the layouts:
//
//	layouts/strings/<language tag>.yaml     zh-Hans.yaml, en.yaml
//
// It takes the layouts tree as an fs.FS and gives a Strings value per
// language. The Strings type is the spec of a strings file: each field is
// one key, its comment says where the wording appears, and its args tag
// names the placeholders the wording may use ("全部 {n} 份文件"). No Go
// code outside this package holds interface wording: the page writers and
// the layouts take it from a Strings, and the scripts from the JSON the
// layouts give them (Script, SearchScript).
//
// A strings file is checked as it is read, each error as
// "layouts/strings/en.yaml:12: what is wrong": a key the spec does not
// have, a key it needs that the file lacks, a placeholder the key does
// not take, a count (Count) that is neither a string nor {one, other},
// months that are not twelve, a script key that the other languages'
// files do not have, or that uses other placeholders than theirs.
//
// Formatting is as small as the wording needs: Sub fills placeholders,
// Count picks a plural form, Date writes a date, Sort orders names the
// language's way (Chinese names by pinyin).
package i18n
