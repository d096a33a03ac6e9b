package build

import (
	"flag"
	"io/fs"

	"statements/generator/load"
	"statements/generator/siteurl"
	"statements/generator/sources"
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

// The most a file of a tree may hold, checked while it is read.
const (
	MaxContentFile = load.MaxFileSize
	MaxLayoutFile  = 1 << 20
	MaxStaticFile  = 64 << 20
)

// Open opens the directories for a build of a site served at base, under
// the rules of package sources: links stay inside the project (the
// directory that holds the three trees), no special files, files no larger
// than the limits above, no editors' leftovers.
func (d Dirs) Open(base siteurl.Base) (Config, error) {
	d = d.WithDefaults()
	project, err := sources.Project(d.Content, d.Layouts, d.Static)
	if err != nil {
		return Config{}, err
	}
	cfg := Config{Base: base}
	for _, tr := range []struct {
		dir, name string
		limit     int64
		fs        *fs.FS
	}{{d.Content, "content", MaxContentFile, &cfg.Content}, {d.Layouts, "layouts", MaxLayoutFile, &cfg.Layouts}, {d.Static, "static", MaxStaticFile, &cfg.Static}} {
		t, err := sources.Open(tr.dir, project, tr.name, tr.limit)
		if err != nil {
			return Config{}, err
		}
		*tr.fs = t
	}
	return cfg, nil
}
