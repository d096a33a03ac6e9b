package synth

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// contentFile is a content file split into its YAML front matter, parsed
// so that fields can be changed without losing the others, and its body.
type contentFile struct {
	front *yaml.Node // the mapping of fields
	body  []byte
}

// parseContentFile splits data, which starts with front matter between two "---" lines.
func parseContentFile(name string, data []byte) (*contentFile, error) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, fmt.Errorf("%s: no front matter", name)
	}
	yamlText, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, fmt.Errorf("%s: front matter is not closed", name)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlText, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: front matter is not a mapping", name)
	}
	return &contentFile{front: doc.Content[0], body: body}, nil
}

// field is the value node of a front matter field, or nil.
func (f *contentFile) field(key string) *yaml.Node {
	for i := 0; i+1 < len(f.front.Content); i += 2 {
		if f.front.Content[i].Value == key {
			return f.front.Content[i+1]
		}
	}
	return nil
}

// set gives a scalar field a new value, if the field is there.
func (f *contentFile) set(key, value string) {
	if n := f.field(key); n != nil && n.Kind == yaml.ScalarNode {
		n.Value, n.Style = value, 0
	}
}

// strings is a sequence field's values; nil when absent.
func (f *contentFile) strings(key string) []string {
	n := f.field(key)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	values := make([]string, len(n.Content))
	for i, c := range n.Content {
		values[i] = c.Value
	}
	return values
}

// setStrings replaces a sequence field's values, keeping its style.
func (f *contentFile) setStrings(key string, values []string) {
	n := f.field(key)
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	n.Content = n.Content[:0]
	for _, v := range values {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
}

// bytes is the file again: front matter, then body.
func (f *contentFile) bytes() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(f.front); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	b.Write(f.body)
	return b.Bytes(), nil
}
