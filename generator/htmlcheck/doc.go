// Package htmlcheck holds the standards check of the built site: the Nu Html
// Checker (vnu.jar, from the npm package vnu-jar, run with Java) must report
// no error on one page of every type. It has no code of its own, only
// htmlcheck_test.go; `npm ci --prefix generator/htmlcheck` installs the checker.
package htmlcheck
