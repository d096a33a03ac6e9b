package serve

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"statements/generator/build"
	"statements/generator/siteurl"
)

// rebuilder owns building: one goroutine runs it, so builds never overlap,
// and a change that arrives during a build waits in the batcher for the next.
type rebuilder struct {
	ctx        context.Context // done when the server stops: a build under way stops too
	trees      []tree
	reads      *readCache // what builds read of the trees, until they change
	base       siteurl.Base
	build      func(build.Config) (*build.Site, error) // build.Build; tests may swap it
	afterBuild func()                                  // if set, runs after every build
	site       *atomic.Pointer[snapshot]               // what the server serves
	built      *snapshot                               // the last successful build, served or not
	events     *broker
	log        *logger
	failing    bool          // the last build failed
	pending    *atomic.Int64 // batches begun and not yet rebuilt (see batcher)
}

// attempt is one build, not yet served.
type attempt struct {
	snap     *snapshot // nil if it failed
	files    int
	err      error
	warnings []error   // where a document's form could not decide
	start    time.Time // when it began reading the trees
	took     time.Duration
}

// run rebuilds once per batch until ctx is done.
//
// To save the batcher's quiet period, a build starts on speculation as
// soon as the changes pause for a moment (a signal on early). Its result
// stands for a batch only if it began after the batch's last change (so
// it read every change of the batch); otherwise the batch is built again.
// Either way what is served comes from a build that began after every
// change it answers, and the quiet period still keeps an unfinished save
// from being shown.
func (r *rebuilder) run(ctx context.Context, batches <-chan batch, early <-chan struct{}) {
	var spec *attempt
	for {
		select {
		case <-ctx.Done():
			return
		case <-early:
			a := r.attempt()
			spec = &a
		case b := <-batches:
			select {
			case <-early: // for this batch: spec is as good
			default:
			}
			if spec == nil || !spec.start.After(b.last) {
				a := r.attempt()
				spec = &a
			}
			r.publish(b, *spec)
			spec = nil
			r.pending.Add(-1)
		}
	}
}

// first builds the site before the server starts. A failure is reported
// like any other: the server starts anyway and shows the error.
func (r *rebuilder) first() {
	a := r.attempt()
	if r.ctx.Err() != nil {
		return // stopped during the build
	}
	if a.err != nil {
		r.failing = true
		r.events.ready("", a.err.Error())
		r.log.errorf("build failed in %v; serving an error page until it is fixed:\n%v", a.took, a.err)
		return
	}
	r.site.Store(a.snap)
	r.events.ready(a.snap.id, "")
	r.log.infof("built site (%d files) in %v", a.files, a.took)
	r.warn(a)
}

// warn prints a build's warnings.
func (r *rebuilder) warn(a attempt) {
	for _, w := range a.warnings {
		r.log.infof("warning: %v", w)
	}
}

// attempt builds the site from the trees as they are now.
func (r *rebuilder) attempt() attempt {
	a := attempt{start: time.Now()}
	site, err := r.buildSite()
	switch {
	case err != nil:
		a.err = err
	case site.Changed != nil && r.built != nil:
		a.snap = patchSnapshot(r.built, site.Files, site.Changed)
	default:
		prev := r.built
		if prev == nil {
			prev = r.site.Load()
		}
		a.snap = newSnapshot(site.Files, prev)
	}
	if err == nil {
		a.warnings, a.files, r.built = site.Warnings, len(site.Files), a.snap
	}
	a.took = time.Since(a.start).Round(time.Millisecond)
	if r.afterBuild != nil {
		r.afterBuild()
	}
	return a
}

// publish serves the build a made after the changes of b, if its output
// changed (or it fixes a failed build), and tells the tabs; or reports its error.
func (r *rebuilder) publish(b batch, a attempt) {
	if r.ctx.Err() != nil {
		return // stopped during the build: nothing to serve or say
	}
	what := describe(b.shown())
	if a.err != nil {
		r.failing = true
		r.events.fail(a.err.Error())
		r.log.errorf("build failed in %v after %s; still serving the last good site:\n%v", a.took, what, a.err)
		return
	}
	snap := a.snap
	changed := changedFiles(r.site.Load(), snap)
	recovered := r.failing
	r.failing = false
	if len(changed) == 0 && !recovered {
		r.log.infof("rebuilt site (%d files) in %v after %s: output unchanged, no reload", a.files, a.took, what)
		return
	}
	r.site.Store(snap)
	css := !recovered && len(changed) > 0
	for _, name := range changed {
		css = css && strings.HasSuffix(name, ".css") && snap.files.get(name) != nil
	}
	r.events.reload(snap.id, changed, css, snap)
	action := "reload sent"
	switch {
	case css:
		action = "stylesheets swapped"
	case recovered:
		action = "error cleared, reload sent"
	}
	r.log.infof("rebuilt site (%d files) in %v after %s: %s changed, %s", a.files, a.took, what, describeOutput(changed), action)
	r.warn(a)
}

// buildSite runs one build from the trees on disk. A panic in it is an
// error like any other: the server goes on.
func (r *rebuilder) buildSite() (site *build.Site, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the build panicked: %v\n%s", p, debug.Stack())
		}
	}()
	var dirs build.Dirs
	for _, t := range r.trees {
		switch t.name {
		case "content":
			dirs.Content = t.dir
		case "layouts":
			dirs.Layouts = t.dir
		case "static":
			dirs.Static = t.dir
		}
	}
	cfg, err := dirs.Open(r.base) // the command's rules for the trees
	if err != nil {
		return nil, err
	}
	cfg.Context = r.ctx
	cfg.Content = r.reads.wrap("content", cfg.Content)
	cfg.Layouts = r.reads.wrap("layouts", cfg.Layouts)
	cfg.Static = r.reads.wrap("static", cfg.Static)
	return r.build(cfg)
}

// describe names the changed inputs for the terminal: one path, a few, or
// a count. A directory is not named beside a path in it.
func describe(paths []string) string {
	if len(paths) <= 10 {
		var files []string
		for _, p := range paths {
			if !slices.ContainsFunc(paths, func(q string) bool { return strings.HasPrefix(q, p+"/") }) {
				files = append(files, p)
			}
		}
		paths = files
	}
	switch {
	case len(paths) == 0:
		return "no change"
	case len(paths) <= 3:
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%d files", len(paths))
}

// describeOutput counts the changed output files, naming them when few.
func describeOutput(changed []string) string {
	n := fmt.Sprintf("%d files", len(changed))
	if len(changed) == 1 {
		n = "1 file"
	}
	if len(changed) == 0 || len(changed) > 3 {
		return n
	}
	urls := make([]string, len(changed))
	for i, name := range changed {
		urls[i] = sitePath(name)
	}
	return n + " (" + strings.Join(urls, ", ") + ")"
}
