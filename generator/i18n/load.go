package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"statements/generator/load"
	"statements/generator/sources"
)

// Dir is the strings files' folder in the layouts tree.
const Dir = "strings"

// Load reads every strings file of the layouts tree, by language tag (the
// file's name without .yaml), and checks each against the spec (Strings)
// and the scripts' keys of each against the others'. It reports every
// error it finds, not only the first.
func Load(layouts fs.FS) (map[string]*Strings, error) {
	names, err := fs.Glob(layouts, Dir+"/*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("layouts/%s: no strings files (<language>.yaml)", Dir)
	}
	var errs []error
	files := make([]*file, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(layouts, name)
		if err != nil {
			errs = append(errs, sources.Named("layouts/"+name, err))
			continue
		}
		f := &file{name: "layouts/" + name, lines: map[string]int{}}
		f.decode(data)
		if f.s.Lang == "" {
			f.s.Lang = strings.TrimSuffix(path.Base(name), ".yaml")
		}
		files = append(files, f)
	}
	checkScripts(files, func(s *Strings) map[string]string { return s.Script }, "script")
	checkScripts(files, func(s *Strings) map[string]string { return s.SearchScript }, "search_script")
	all := map[string]*Strings{}
	for _, f := range files {
		errs = append(errs, f.errs...)
		all[strings.TrimSuffix(path.Base(f.name), ".yaml")] = f.s
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return all, nil
}

// LoadLanguage is Load's wording of the language lang, the site's (its
// site.yaml's language).
func LoadLanguage(layouts fs.FS, lang string) (*Strings, error) {
	all, err := Load(layouts)
	if err != nil {
		return nil, err
	}
	if all[lang] == nil {
		return nil, fmt.Errorf("content/site.yaml: language %q: there is no layouts/%s/%s.yaml to word the site's pages", lang, Dir, lang)
	}
	return all[lang], nil
}

// file is one strings file as it is read: its Strings, the line of every
// key (by its path: "notes.see_also"), and its errors.
type file struct {
	name  string
	s     *Strings
	lines map[string]int
	errs  []error
}

func (f *file) fail(line int, format string, args ...any) {
	f.errs = append(f.errs, &load.Error{File: f.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (f *file) decode(data []byte) {
	f.s = &Strings{}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		f.fail(0, "not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		f.fail(1, "a strings file is a mapping of keys to wording")
		return
	}
	f.fill(reflect.ValueOf(f.s).Elem(), doc.Content[0], "", 1)
}

var (
	countType = reflect.TypeFor[Count]()
	listType  = reflect.TypeFor[[]string]()
	mapType   = reflect.TypeFor[map[string]string]()
)

// fill sets the struct v from the mapping n, checking every key; a
// missing key is reported at line, its parent key's.
func (f *file) fill(v reflect.Value, n *yaml.Node, prefix string, line int) {
	if n.Kind != yaml.MappingNode {
		f.fail(n.Line, "%s: a mapping of keys to wording", strings.TrimSuffix(prefix, "."))
		return
	}
	t := v.Type()
	seen := map[int]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		at := slices.IndexFunc(reflect.VisibleFields(t), func(sf reflect.StructField) bool { return sf.Tag.Get("yaml") == key.Value })
		if at < 0 {
			f.fail(key.Line, "%s%s: no such key", prefix, key.Value)
			continue
		}
		if seen[at] {
			f.fail(key.Line, "%s%s: given twice", prefix, key.Value)
			continue
		}
		seen[at] = true
		sf := t.Field(at)
		keyPath := prefix + key.Value
		f.lines[keyPath] = key.Line
		f.set(v.Field(at), sf, key, val, keyPath)
	}
	for i := range t.NumField() {
		if !seen[i] && t.Field(i).IsExported() {
			f.fail(line, "%s%s: missing", prefix, t.Field(i).Tag.Get("yaml"))
		}
	}
}

// set sets one field from its value's node.
func (f *file) set(v reflect.Value, sf reflect.StructField, key, n *yaml.Node, keyPath string) {
	args := strings.Split(sf.Tag.Get("args"), ",")
	switch sf.Type {
	case countType:
		c := Count{}
		if n.Kind == yaml.MappingNode && len(n.Content) == 4 && n.Content[0].Value == "one" && n.Content[2].Value == "other" {
			c.One, c.Other = f.wording(n.Content[1], keyPath+".one", []string{"n"}), f.wording(n.Content[3], keyPath+".other", []string{"n"})
		} else if n.Kind == yaml.ScalarNode {
			c.One = f.wording(n, keyPath, []string{"n"})
			c.Other = c.One
		} else {
			f.fail(n.Line, "%s: a count is wording with {n}, or {one: …, other: …}", keyPath)
		}
		v.Set(reflect.ValueOf(c))
	case listType:
		var list []string
		if n.Kind == yaml.SequenceNode {
			for _, item := range n.Content {
				list = append(list, f.wording(item, keyPath, nil))
			}
		}
		if len(list) != 12 {
			f.fail(n.Line, "%s: the twelve months' names, as a list", keyPath)
		}
		v.Set(reflect.ValueOf(list))
	case mapType:
		m := map[string]string{}
		if n.Kind != yaml.MappingNode {
			f.fail(n.Line, "%s: a mapping of the script's keys to wording", keyPath)
		}
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			f.lines[keyPath+"."+k] = n.Content[i].Line
			m[k] = f.wording(n.Content[i+1], keyPath+"."+k, nil)
		}
		v.Set(reflect.ValueOf(m))
	default:
		if sf.Type.Kind() == reflect.Struct {
			f.fill(v, n, keyPath+".", key.Line)
			return
		}
		v.SetString(f.wording(n, keyPath, args))
	}
}

// wording reads one piece of wording, checking its placeholders against
// those its key takes (args nil: any, as in a script's wording).
func (f *file) wording(n *yaml.Node, keyPath string, args []string) string {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		f.fail(n.Line, "%s: wording, as a string", keyPath)
		return ""
	}
	if args != nil {
		for _, name := range placeholders(n.Value) {
			if !slices.Contains(args, name) {
				if args[0] == "" {
					f.fail(n.Line, "%s: {%s}: this key takes no placeholders", keyPath, name)
				} else {
					f.fail(n.Line, "%s: {%s}: this key takes only {%s}", keyPath, name, strings.Join(args, "}, {"))
				}
			}
		}
	}
	return n.Value
}

// checkScripts checks that every file has the same script keys as the
// others, each with the same placeholders.
func checkScripts(files []*file, of func(*Strings) map[string]string, key string) {
	for _, f := range files {
		for _, o := range files {
			if o == f {
				continue
			}
			for k, w := range of(o.s) {
				mine, ok := of(f.s)[k]
				switch {
				case !ok:
					f.fail(f.lines[key], "%s.%s: missing (%s has it)", key, k, o.name)
				case o.name < f.name && !slices.Equal(sorted(placeholders(mine)), sorted(placeholders(w))):
					f.fail(f.lines[key+"."+k], "%s.%s: the placeholders differ from %s's", key, k, o.name)
				}
			}
		}
	}
}

func sorted(names []string) []string {
	slices.Sort(names)
	return slices.Compact(names)
}
