package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"statements/generator/build"
)

// reloads counts the reload events among evs.
func reloads(evs []event) int {
	n := 0
	for _, ev := range evs {
		if ev.name == "reload" {
			n++
		}
	}
	return n
}

// changedList is a reload event's list of changed site paths: its pages, then its other files.
func changedList(ev event) []string {
	var out []string
	for _, key := range []string{"pages", "files"} {
		list, _ := ev.data[key].([]any)
		for _, p := range list {
			out = append(out, p.(string))
		}
	}
	return out
}

// expectOneReload waits for the rebuilds to settle and checks that the
// client got exactly one event, a reload, and gives it.
func expectOneReload(t *testing.T, h *harness, c *sseClient, mark int) event {
	t.Helper()
	h.settle(mark, true)
	evs := c.drain()
	if len(evs) != 1 || evs[0].name != "reload" {
		t.Fatalf("events %v, want exactly one reload", names(evs))
	}
	return evs[0]
}

// An edit in place, with the default timing, reloads once.
func TestEditReloads(t *testing.T) {
	h := start(t, "", defaultTiming)
	c := h.connect()
	mark := h.log.builds()
	h.write(cuba, paragraphEdit(t, h.read(cuba), "EDIT-ONE"))
	h.settle(mark, true)
	evs := c.drain()
	// A save in place truncates the file, then writes it: on a machine too
	// loaded to write within the quiet period, the empty file is built and
	// shown as an error first. That is an error event, never a reload.
	for _, ev := range evs[:max(len(evs)-1, 0)] {
		msg, _ := ev.data["message"].(string)
		if ev.name != "error" || !strings.Contains(msg, "empty file") {
			t.Fatalf("events %v, want one reload (after at most errors for the empty file)", evs)
		}
		t.Logf("the machine is loaded: %s before the reload", msg)
	}
	if len(evs) == 0 || evs[len(evs)-1].name != "reload" {
		t.Fatalf("events %v, want exactly one reload", names(evs))
	}
	ev := evs[len(evs)-1]
	if got := changedList(ev); !slices.Contains(got, cubaPage) {
		t.Errorf("changed %v, want it to list %s", got, cubaPage)
	}
	if ev.data["css"] != false {
		t.Errorf("css = %v for an HTML change", ev.data["css"])
	}
	if code, body := h.get(cubaPage); code != 200 || !strings.Contains(body, "EDIT-ONE") {
		t.Errorf("GET %s: %d, edit in page: %v", cubaPage, code, strings.Contains(body, "EDIT-ONE"))
	}
	out := h.log.String()
	if !strings.Contains(out, "after "+cuba+": ") || !strings.Contains(out, "reload sent") {
		t.Errorf("terminal:\n%s\nwant a line naming %s and the reload", out, cuba)
	}
}

// A tab that names its page hears whether it changed, and gets it as
// served when it did.
func TestReloadCarriesThePage(t *testing.T) {
	h := start(t, "")
	edited := connectTo(t, h.client, h.ts.URL, cubaPage)
	clause := connectTo(t, h.client, h.ts.URL, cubaPage+"preamble__p_1/")
	other := connectTo(t, h.client, h.ts.URL, "/china-pakistan-action-plan-2025-2029/")
	missing := connectTo(t, h.client, h.ts.URL, "/no-such-page/")
	plain := h.connect()
	mark := h.log.builds()
	h.write(cuba, paragraphEdit(t, h.read(cuba), "PAGE-EDIT"))
	h.settle(mark, true)
	_, served := h.get(cubaPage)
	for _, c := range []struct {
		name   string
		client *sseClient
		page   any
		html   bool
	}{
		{"the edited page", edited, "changed", true},
		{"the edited clause's page", clause, "changed", true},
		{"another document", other, "same", false},
		{"a page that is not there (the 404 page)", missing, "same", false},
		{"a tab that does not say", plain, nil, false},
	} {
		evs := c.client.drain()
		if len(evs) != 1 || evs[0].name != "reload" {
			t.Errorf("%s: events %v, want one reload", c.name, names(evs))
			continue
		}
		html, _ := evs[0].data["html"].(string)
		if evs[0].data["page"] != c.page || (html != "") != c.html {
			t.Errorf("%s: page %v, html %d bytes; want %v, html %v", c.name, evs[0].data["page"], len(html), c.page, c.html)
		}
		if c.client == edited && html != served {
			t.Errorf("%s: the html sent is not the page as served (%d bytes, served %d)", c.name, len(html), len(served))
		}
	}
}

// Editors save in many ways; each must end in one reload and the new text.
func TestEditorSaves(t *testing.T) {
	saves := []struct {
		name string
		save func(h *harness, rel, data string)
	}{
		{"atomic rename over", func(h *harness, rel, data string) {
			tmp := h.path(rel + ".tmp12345")
			os.WriteFile(tmp, []byte(data), 0o644)
			if err := os.Rename(tmp, h.path(rel)); err != nil {
				h.t.Fatal(err)
			}
		}},
		{"vim", func(h *harness, rel, data string) {
			dir := filepath.Dir(h.path(rel))
			probe := filepath.Join(dir, "4913")
			os.WriteFile(probe, nil, 0o644)
			os.Remove(probe)
			swap := filepath.Join(dir, "."+filepath.Base(rel)+".swp")
			os.WriteFile(swap, []byte("swap"), 0o644)
			backup := h.path(rel) + "~"
			os.Rename(h.path(rel), backup)
			os.WriteFile(h.path(rel), []byte(data), 0o644)
			os.Remove(backup)
			os.WriteFile(swap, []byte("swap2"), 0o644)
			os.Remove(swap)
		}},
		{"jetbrains", func(h *harness, rel, data string) {
			p := h.path(rel)
			os.WriteFile(p+"___jb_tmp___", []byte(data), 0o644)
			os.Rename(p, p+"___jb_old___")
			os.Rename(p+"___jb_tmp___", p)
			os.Remove(p + "___jb_old___")
		}},
		{"emacs", func(h *harness, rel, data string) {
			dir, base := filepath.Split(h.path(rel))
			lock := filepath.Join(dir, ".#"+base)
			os.Symlink("user@host.1234", lock)
			auto := filepath.Join(dir, "#"+base+"#")
			os.WriteFile(auto, []byte(data), 0o644)
			os.WriteFile(h.path(rel), []byte(data), 0o644)
			os.Remove(auto)
			os.Remove(lock)
		}},
	}
	h := start(t, "")
	c := h.connect()
	for i, s := range saves {
		t.Run(s.name, func(t *testing.T) {
			marker := fmt.Sprintf("SAVE-%d-%s", i, strings.ReplaceAll(s.name, " ", "-"))
			mark := h.log.builds()
			s.save(h, cuba, paragraphEdit(t, h.read(cuba), marker))
			expectOneReload(t, h, c, mark)
			if code, body := h.get(cubaPage); code != 200 || !strings.Contains(body, marker) {
				t.Errorf("GET %s: %d, has %s: %v", cubaPage, code, marker, strings.Contains(body, marker))
			}
		})
	}
	if out := h.log.String(); strings.Contains(out, "___jb_") || strings.Contains(out, "4913") || strings.Contains(out, ".swp") || strings.Contains(out, ".tmp12345") {
		t.Errorf("the terminal names temporary files:\n%s", out)
	}
}

// A save that leaves the output as it was, a chmod, and editors' temporary
// files on their own cause no reload.
func TestNoReloadWithoutChange(t *testing.T) {
	h := start(t, "")
	c := h.connect()

	mark := h.log.builds()
	h.write(cuba, h.read(cuba)) // same bytes
	if n := h.settle(mark, true); n != 1 {
		t.Errorf("%d rebuilds for one save, want 1", n)
	}
	if evs := c.drain(); len(evs) != 0 {
		t.Errorf("events %v after a save that changed nothing, want none", names(evs))
	}
	if !strings.Contains(h.log.String(), "output unchanged") {
		t.Errorf("terminal:\n%s\nwant it to say the output is unchanged", h.log.String())
	}

	mark = h.log.builds()
	os.Chmod(h.path(cuba), 0o600)
	dir := h.path("content/documents")
	os.WriteFile(filepath.Join(dir, ".x.md.swp"), []byte("swap"), 0o644)
	os.WriteFile(filepath.Join(dir, "4913"), nil, 0o644)
	os.Remove(filepath.Join(dir, "4913"))
	os.WriteFile(filepath.Join(dir, "x.md~"), []byte("backup"), 0o644)
	os.WriteFile(filepath.Join(dir, "#x.md#"), []byte("autosave"), 0o644)
	os.WriteFile(filepath.Join(dir, "x.md___jb_tmp___"), []byte("tmp"), 0o644)
	if n := h.settle(mark, false); n != 0 {
		t.Errorf("%d rebuilds after chmod and temporary files, want 0", n)
	}
	if evs := c.drain(); len(evs) != 0 {
		t.Errorf("events %v, want none", names(evs))
	}
}

// A stylesheet-only change is sent as such, for the page to swap its links.
func TestCSSOnly(t *testing.T) {
	h := start(t, "")
	c := h.connect()
	mark := h.log.builds()
	css := h.read("static/site.css")
	h.write("static/site.css", css+"\n/* edited */\n")
	ev := expectOneReload(t, h, c, mark)
	if ev.data["css"] != true || !slices.Equal(changedList(ev), []string{"/site.css"}) {
		t.Errorf("reload %v, want css: true and changed [/site.css]", ev.data)
	}
	if _, body := h.get("/site.css"); !strings.HasSuffix(body, "/* edited */\n") {
		t.Error("the new stylesheet is not served")
	}
}

// New trees appear whole (git checkout, cp -r, a rename into the tree) or
// directory by directory; trees are deleted and renamed.
func TestTreesComeAndGo(t *testing.T) {
	h := start(t, "")
	c := h.connect()

	// A theme page, whatever themes there are now.
	entries, err := os.ReadDir(h.path("content/themes"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no themes to test with: %v", err)
	}
	theme := "/themes/" + strings.TrimSuffix(entries[0].Name(), ".md") + "/"
	if code, _ := h.get(theme); code != 200 {
		t.Fatalf("GET %s: %d before any change", theme, code)
	}

	t.Run("delete a directory", func(t *testing.T) {
		mark := h.log.builds()
		if err := os.RemoveAll(h.path("content/themes")); err != nil {
			t.Fatal(err)
		}
		expectOneReload(t, h, c, mark)
		if code, _ := h.get(theme); code != 404 {
			t.Errorf("GET %s: %d after deleting content/themes, want 404", theme, code)
		}
	})

	t.Run("a tree renamed into place", func(t *testing.T) {
		staging := filepath.Join(t.TempDir(), "themes")
		copyDir(t, filepath.Join(repoRoot, "content", "themes"), staging)
		mark := h.log.builds()
		if err := os.Rename(staging, h.path("content/themes")); err != nil {
			t.Fatal(err)
		}
		expectOneReload(t, h, c, mark)
		if code, _ := h.get(theme); code != 200 {
			t.Errorf("GET %s: %d after restoring content/themes, want 200", theme, code)
		}
	})

	t.Run("nested directories created file by file", func(t *testing.T) {
		mark := h.log.builds()
		for _, d := range []string{"static/img", "static/img/icons", "static/img/icons/small"} {
			if err := os.Mkdir(h.path(d), 0o755); err != nil {
				t.Fatal(err)
			}
			h.write(d+"/a.txt", "in "+d)
		}
		expectOneReload(t, h, c, mark)
		for _, p := range []string{"/img/a.txt", "/img/icons/a.txt", "/img/icons/small/a.txt"} {
			if code, body := h.get(p); code != 200 || body != "in static"+strings.TrimSuffix(p, "/a.txt") {
				t.Errorf("GET %s: %d %q", p, code, body)
			}
		}
	})

	t.Run("a new document copied in", func(t *testing.T) {
		// cp -r of the documents directory, with one document more, over a removed one.
		staging := filepath.Join(t.TempDir(), "documents")
		copyDir(t, h.path("content/documents"), staging)
		text, _ := os.ReadFile(filepath.Join(staging, filepath.Base(cuba)))
		os.WriteFile(filepath.Join(staging, "zz-copy.md"), text, 0o644)
		mark := h.log.builds()
		if err := os.RemoveAll(h.path("content/documents")); err != nil {
			t.Fatal(err)
		}
		copyDir(t, staging, h.path("content/documents"))
		h.settle(mark, true)
		evs := c.drain()
		if len(evs) == 0 || evs[len(evs)-1].name != "reload" {
			t.Fatalf("events %v, want reloads ending the change", names(evs))
		}
		if code, _ := h.get("/zz-copy/"); code != 200 {
			t.Errorf("GET /zz-copy/: %d, want the new document", code)
		}
		if code, _ := h.get(cubaPage); code != 200 {
			t.Errorf("GET %s: %d", cubaPage, code)
		}
	})

	t.Run("rename a directory, then write in it", func(t *testing.T) {
		mark := h.log.builds()
		if err := os.Rename(h.path("static/img"), h.path("static/pic")); err != nil {
			t.Fatal(err)
		}
		expectOneReload(t, h, c, mark)
		mark = h.log.builds()
		h.write("static/pic/icons/small/b.txt", "b")
		expectOneReload(t, h, c, mark)
		if code, _ := h.get("/pic/icons/small/b.txt"); code != 200 {
			t.Errorf("GET /pic/icons/small/b.txt: %d", code)
		}
		if code, _ := h.get("/img/a.txt"); code != 404 {
			t.Errorf("GET /img/a.txt: %d after the rename, want 404", code)
		}
		if out := h.log.String(); strings.Contains(out, "static/img/icons/small/b.txt") {
			t.Errorf("a change under the renamed directory is named by its old path:\n%s", out)
		}
	})

	t.Run("a whole tree removed and created again", func(t *testing.T) {
		staging := filepath.Join(t.TempDir(), "static")
		copyDir(t, h.path("static"), staging)
		mark := h.log.builds()
		os.RemoveAll(h.path("static"))
		h.settle(mark, true) // without static/ there is no stylesheet: an error or a page without it
		c.drain()
		mark = h.log.builds()
		copyDir(t, staging, h.path("static"))
		h.settle(mark, true)
		evs := c.drain()
		if len(evs) == 0 || evs[len(evs)-1].name != "reload" {
			t.Fatalf("events %v, want a reload at the end", names(evs))
		}
		if code, _ := h.get("/site.css"); code != 200 {
			t.Errorf("GET /site.css: %d after static/ came back", code)
		}
		mark = h.log.builds()
		h.write("static/site.css", h.read("static/site.css")+"/* again */")
		expectOneReload(t, h, c, mark) // the new static/ is watched
	})
}

// A broken file keeps the last good site served and shows its error in
// every tab, open or opened later; fixing it clears the error and reloads.
func TestBrokenThenFixed(t *testing.T) {
	h := start(t, "")
	c := h.connect()
	good := h.read(cuba)
	_, before := h.get(cubaPage)

	broken, want := cubaBreak(t, good)
	mark := h.log.builds()
	h.write(cuba, broken)
	h.settle(mark, true)
	evs := c.drain()
	if len(evs) != 1 || evs[0].name != "error" {
		t.Fatalf("events %v, want one error", names(evs))
	}
	if msg, _ := evs[0].data["message"].(string); !strings.HasPrefix(msg, want) {
		t.Errorf("error message %q, want it to start %q", msg, want)
	}
	if !strings.Contains(h.log.String(), want) {
		t.Errorf("terminal:\n%s\nwant the error %q", h.log.String(), want)
	}
	if code, body := h.get(cubaPage); code != 200 || body != before {
		t.Errorf("GET %s while broken: %d, same page as before: %v", cubaPage, code, body == before)
	}

	late := h.connect() // a tab opened while the site is broken
	if ev := late.next(); ev.name != "error" || !strings.HasPrefix(ev.data["message"].(string), want) {
		t.Errorf("a new client got %s %v, want the error", ev.name, ev.data)
	}

	mark = h.log.builds()
	h.write(cuba, good)
	ev := expectOneReload(t, h, c, mark)
	if len(changedList(ev)) != 0 {
		t.Errorf("changed %v: the fix restores the last good output exactly", changedList(ev))
	}
	if evs := late.drain(); reloads(evs) != 1 {
		t.Errorf("the late client got %v, want one reload", names(evs))
	}
	fresh := h.connect()
	time.Sleep(50 * time.Millisecond)
	if evs := fresh.drain(); len(evs) != 0 {
		t.Errorf("a client connecting after the fix got %v after hello, want nothing", names(evs))
	}
	if !strings.Contains(h.log.String(), "error cleared") {
		t.Errorf("terminal:\n%s\nwant the fix reported", h.log.String())
	}
}

// A site that does not build at first is served as an error page that
// loads the reload script, and is served in full once fixed.
func TestFirstBuildFails(t *testing.T) {
	dir := copySite(t)
	text, err := os.ReadFile(filepath.Join(dir, cuba))
	if err != nil {
		t.Fatal(err)
	}
	broken, want := cubaBreak(t, string(text))
	os.WriteFile(filepath.Join(dir, cuba), []byte(broken), 0o644)
	h := start(t, dir)
	code, body := h.get("/")
	if code != 503 || !strings.Contains(body, reloadTag) {
		t.Errorf("GET / before any good build: %d, reload script: %v", code, strings.Contains(body, reloadTag))
	}
	c := h.connect()
	if ev := c.next(); ev.name != "error" || !strings.HasPrefix(ev.data["message"].(string), want) {
		t.Errorf("got %s %v, want the error on connect", ev.name, ev.data)
	}
	mark := h.log.builds()
	h.write(cuba, string(text))
	expectOneReload(t, h, c, mark)
	if code, _ := h.get("/"); code != 200 {
		t.Errorf("GET / after the fix: %d", code)
	}
}

// A build that panics is reported as an error; the server goes on.
func TestBuildPanicIsAnError(t *testing.T) {
	var panicking atomic.Bool
	h := start(t, "", func(o *Options) {
		o.build = func(cfg build.Config) (*build.Site, error) {
			if panicking.Load() {
				var m map[string]int
				m["x"]++ // a nil-map write, as a bug would
			}
			return build.Build(cfg)
		}
	})
	c := h.connect()
	panicking.Store(true)
	mark := h.log.builds()
	h.write(cuba, paragraphEdit(t, h.read(cuba), "PANIC"))
	h.settle(mark, true)
	evs := c.drain()
	if len(evs) != 1 || evs[0].name != "error" || !strings.Contains(evs[0].data["message"].(string), "panicked") {
		t.Fatalf("events %v, want one error telling of the panic", evs)
	}
	if code, _ := h.get(cubaPage); code != 200 {
		t.Errorf("GET %s after the panic: %d", cubaPage, code)
	}
}

// A burst of 500 changes is one rebuild, or a few, never hundreds: with
// the default timing, a batch is at most maxDelay long, so however long
// the burst takes (on a loaded machine) it causes a rebuild every 250 ms at most.
func TestBurst(t *testing.T) {
	h := start(t, "", defaultTiming)
	c := h.connect()
	mark := h.log.builds()
	began := time.Now()
	if err := os.Mkdir(h.path("static/burst"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 500 {
		h.write(fmt.Sprintf("static/burst/%03d.txt", i), fmt.Sprint(i))
	}
	took := time.Since(began)
	n := h.settle(mark, true)
	evs := c.drain()
	most := 3 + int(took/defaultMaxDelay)
	t.Logf("500 new files in %v: %d rebuilds, events %v", took, n, names(evs))
	if n > most || reloads(evs) > most || reloads(evs) < 1 {
		t.Errorf("%d rebuilds and %d reloads for a burst of 500 changes in %v, want 1 to %d", n, reloads(evs), took, most)
	}
	for _, i := range []int{0, 250, 499} {
		p := fmt.Sprintf("/burst/%03d.txt", i)
		if code, body := h.get(p); code != 200 || body != fmt.Sprint(i) {
			t.Errorf("GET %s: %d %q", p, code, body)
		}
	}

	// The same again, saving one file 500 times over: the last edit wins.
	mark = h.log.builds()
	text := h.read(cuba)
	began = time.Now()
	for i := range 500 {
		h.write(cuba, paragraphEdit(t, text, fmt.Sprintf("BURST-%03d-", i)))
	}
	took = time.Since(began)
	n = h.settle(mark, true)
	evs = c.drain()
	most = 3 + int(took/defaultMaxDelay)
	t.Logf("500 saves in %v: %d rebuilds, events %v", took, n, names(evs))
	if n > most || reloads(evs) > most || reloads(evs) < 1 {
		t.Errorf("%d rebuilds and %d reloads (events %v) for 500 saves of one file in %v, want 1 to %d", n, reloads(evs), names(evs), took, most)
	}
	if _, body := h.get(cubaPage); !strings.Contains(body, "BURST-499-") {
		t.Error("the page does not have the last edit")
	}
}

// Close stops everything New started, and ends the event streams.
func TestCloseEndsStreams(t *testing.T) {
	h := start(t, "")
	c := h.connect()
	h.srv.Close()
	select {
	case _, ok := <-c.events:
		if ok {
			t.Error("an event after Close")
		}
	case <-time.After(time.Second):
		t.Error("the event stream is still open a second after Close")
	}
	if code, _ := h.get(cubaPage); code != 200 {
		t.Errorf("GET %s after Close: %d; the last build is still served", cubaPage, code)
	}
	if err := h.srv.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		t.Errorf("second Close: %v", err)
	}
}

// Where a document's form cannot decide, the terminal says where the
// build chose, and the site is served and reloaded as after any edit.
func TestWarningsInTheTerminal(t *testing.T) {
	h := start(t, "")
	c := h.connect()
	good := h.read(cuba)
	mark := h.log.builds()
	h.write(cuba, strings.Replace(good, "\n\n（新华社北京9月4日电）", "\n\n本声明以中文写成。\n\n（新华社北京9月4日电）", 1))
	expectOneReload(t, h, c, mark)
	if want := "warning: content/documents/china-cuba-joint-statement-2025.md:73: took this paragraph"; !strings.Contains(h.log.String(), want) {
		t.Errorf("terminal:\n%s\nwant %q", h.log.String(), want)
	}
}

// A file the trees may not hold (a link out of the project, a link to a
// device, a named pipe) is an error like any other: the server goes on,
// serves the last good site, and recovers once the file is gone.
func TestRefusedFilesThenRemoved(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		make       func(path string) error
	}{
		{"link out", "static/notes.txt: a symbolic link that leads outside the project", func(p string) error { return os.Symlink("/etc/passwd", p) }},
		{"device", "static/notes.txt: a symbolic link that leads outside the project (to /dev/zero)", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"named pipe", "static/notes.txt: not a regular file (a named pipe)", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, "")
			c := h.connect()
			mark := h.log.builds()
			if err := tt.make(h.path("static/notes.txt")); err != nil {
				t.Fatal(err)
			}
			h.settle(mark, true)
			if evs := c.drain(); len(evs) != 1 || evs[0].name != "error" || !strings.Contains(evs[0].data["message"].(string), tt.want) {
				t.Fatalf("events %v, want one error %q", evs, tt.want)
			}
			mark = h.log.builds()
			os.Remove(h.path("static/notes.txt"))
			expectOneReload(t, h, c, mark)
		})
	}
}

// Close stops the server within a second, also in the middle of a long
// rebuild: the build itself is stopped.
func TestCloseStopsALongRebuild(t *testing.T) {
	var building atomic.Bool
	started := make(chan struct{}, 1)
	h := start(t, "", func(o *Options) {
		o.build = func(cfg build.Config) (*build.Site, error) {
			if building.Load() {
				started <- struct{}{}
				select { // a build of a great many pages
				case <-cfg.Context.Done():
					return nil, cfg.Context.Err()
				case <-time.After(time.Minute):
				}
			}
			return build.Build(cfg)
		}
	})
	building.Store(true)
	h.write(cuba, paragraphEdit(t, h.read(cuba), "LONG"))
	select {
	case <-started:
	case <-time.After(wait):
		t.Fatal("the rebuild did not start")
	}
	begin := time.Now()
	h.srv.Close()
	if took := time.Since(begin); took > time.Second {
		t.Errorf("Close took %v during a rebuild", took)
	}
	if strings.Contains(h.log.String(), "context canceled") {
		t.Errorf("the stopped build was reported:\n%s", h.log.String())
	}
}
