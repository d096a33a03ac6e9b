package build

import (
	"flag"
	"os"

	"statements/generator/siteurl"
)

// Dirs names the directories a build reads, as the command line gives them;
// an empty name means the repository's own tree of that name.
type Dirs struct {
	Content, Layouts, Static string
}

// AddFlags registers -content, -layouts and -static on fl, defaulting to the
// repository's trees, relative to its root.
func (d *Dirs) AddFlags(fl *flag.FlagSet) {
	fl.StringVar(&d.Content, "content", "content", "content directory")
	fl.StringVar(&d.Layouts, "layouts", "layouts", "layouts directory")
	fl.StringVar(&d.Static, "static", "static", "static files directory")
}

// WithDefaults fills in the repository's tree for every name left empty.
func (d Dirs) WithDefaults() Dirs {
	for _, f := range []struct {
		name *string
		def  string
	}{{&d.Content, "content"}, {&d.Layouts, "layouts"}, {&d.Static, "static"}} {
		if *f.name == "" {
			*f.name = f.def
		}
	}
	return d
}

// Config is a build of these directories for a site served at base.
func (d Dirs) Config(base siteurl.Base) Config {
	d = d.WithDefaults()
	return Config{Content: os.DirFS(d.Content), Layouts: os.DirFS(d.Layouts), Static: os.DirFS(d.Static), Base: base}
}
