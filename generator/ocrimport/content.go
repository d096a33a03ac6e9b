package ocrimport

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// contentFile renders the content file of one document: YAML front matter
// (title, an empty title_en for the editors, date, and source as
// "FILE:LINE" of the title), then the paragraphs separated by one blank
// line, ending with a single newline.
func contentFile(doc Document, date civilDate, source string) ([]byte, error) {
	frontMatter := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		yamlKey("title"), yamlString(doc.Title),
		yamlKey("title_en"), yamlString(""),
		yamlKey("date"), {Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: date.String()},
		yamlKey("source"), yamlString(source),
	}}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	encoder := yaml.NewEncoder(&buf)
	if err := encoder.Encode(frontMatter); err != nil {
		return nil, fmt.Errorf("encoding front matter: %w", err)
	}
	if err := encoder.Close(); err != nil {
		return nil, fmt.Errorf("encoding front matter: %w", err)
	}
	buf.WriteString("---\n")
	for _, p := range doc.Paragraphs {
		buf.WriteString("\n")
		buf.WriteString(p.Text)
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}

func yamlKey(name string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}
}

// yamlString is a string value. yaml.v3 quotes it where YAML 1.2 needs it;
// words that YAML 1.1 readers take for booleans or null are quoted too.
func yamlString(s string) *yaml.Node {
	node := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch strings.ToLower(s) {
	case "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~":
		node.Style = yaml.DoubleQuotedStyle
	}
	return node
}
