package ocrimport

import (
	"strings"

	"statements/generator/grammar"
)

// The punctuation a paragraph break rests on is the grammar's.
var (
	endsSentence          = grammar.EndsSentence
	endsWithColon         = grammar.EndsWithColon
	lastRuneBeforeClosers = grammar.LastRuneBeforeClosers
)

// hasClausePunctuation reports whether s contains clause punctuation; a
// heading contains none after its marker.
func hasClausePunctuation(s string) bool {
	return strings.ContainsAny(s, grammar.ClausePunctuation)
}
