package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// rawGet sends a request line exactly as written (no client cleans it)
// and gives the status code.
func rawGet(t *testing.T, h *harness, method, target string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", h.ts.Listener.Addr().String(), wait)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(wait))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, h.ts.Listener.Addr())
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeRefusesOutsideTheSite(t *testing.T) {
	h := start(t, "")
	for _, target := range []string{
		"/../go.mod", "/%2e%2e/go.mod", "/%2E%2E/go.mod", "/..%2fgo.mod", "/..%2Fgo.mod", "/.%2e/go.mod",
		"/static/..%5c..%5cgo.mod", "/a/../../go.mod", "//etc/passwd", "/./index.html", "/%2fetc%2fpasswd",
		"/..\\go.mod", "/%00", "http://evil.example/../go.mod",
	} {
		if code := rawGet(t, h, "GET", target); code != 400 && code != 404 {
			t.Errorf("GET %s: %d, want 400 or 404", target, code)
		}
	}
	for _, target := range []string{"/go.mod", "/etc/passwd", "/generator/main.go", "/content/site.yaml", "/layouts/base.html"} {
		if code := rawGet(t, h, "GET", target); code != 404 {
			t.Errorf("GET %s: %d, want 404", target, code)
		}
	}
	for _, method := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		if code := rawGet(t, h, method, "/"); code != 405 {
			t.Errorf("%s /: %d, want 405", method, code)
		}
	}
}

func TestServePages(t *testing.T) {
	h := start(t, "")
	snap := h.srv.site.Load()
	if snap == nil {
		t.Fatal("no build")
	}

	// Every HTML file has the reload script, once, before </head>; no other file has it.
	for name, f := range snap.files.all() {
		n := strings.Count(string(f.body()), reloadTag)
		html := strings.HasSuffix(name, ".html")
		if html && (n != 1 || !strings.Contains(string(f.body()), reloadTag+"</head>")) {
			t.Errorf("%s: reload script %d times, or not before </head>", name, n)
		}
		if !html && n != 0 {
			t.Errorf("%s: not HTML but has the reload script", name)
		}
	}

	for _, tt := range []struct {
		path, ctype string
		code        int
	}{
		{"/", "text/html; charset=utf-8", 200},
		{cubaPage, "text/html; charset=utf-8", 200},
		{cubaPage + "index.html", "text/html; charset=utf-8", 200},
		{cubaPage + "index.md", "text/markdown; charset=utf-8", 200},
		{"/site.css", "text/css; charset=utf-8", 200},
		{"/site.css?v=123", "text/css; charset=utf-8", 200},
		{"/_dev/reload.js", "text/javascript; charset=utf-8", 200},
		{"/no-such-page/", "text/html; charset=utf-8", 404},
		{"/_dev/nothing", "text/html; charset=utf-8", 404},
	} {
		resp, err := h.client.Get(h.ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code || resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("GET %s: %d %s, want %d %s", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.code, tt.ctype)
		}
		if resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q", tt.path, resp.Header.Get("Cache-Control"))
		}
		if tt.code == 404 && string(body) != string(snap.files.get("404.html").body()) {
			t.Errorf("GET %s: not the site's 404 page", tt.path)
		}
	}

	// /x redirects to /x/ when x/index.html exists.
	noFollow := &http.Client{Transport: h.client.Transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(h.ts.URL + strings.TrimSuffix(cubaPage, "/") + "?q=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != cubaPage+"?q=1" {
		t.Errorf("GET %s: %d to %q, want a redirect to %s?q=1", strings.TrimSuffix(cubaPage, "/"), resp.StatusCode, resp.Header.Get("Location"), cubaPage)
	}

	// A path with characters to escape is found by its decoded name.
	if code, _ := h.get("/" + url.PathEscape("no such") + "/"); code != 404 {
		t.Errorf("GET /no%%20such/: %d", code)
	}
}

// Unchanged files revalidate with a 304; HEAD has the headers and no body.
func TestServeRevalidates(t *testing.T) {
	h := start(t, "")
	for _, p := range []string{"/", "/site.css", cubaPage, "/_dev/reload.js"} {
		resp, err := h.client.Get(h.ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		etag := resp.Header.Get("ETag")
		if etag == "" || !strings.HasPrefix(etag, `"`) {
			t.Fatalf("GET %s: ETag %q", p, etag)
		}
		req, _ := http.NewRequest("GET", h.ts.URL+p, nil)
		req.Header.Set("If-None-Match", etag)
		resp, err = h.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("GET %s with If-None-Match: %d with %d bytes, want 304 and none", p, resp.StatusCode, len(body))
		}

		req, _ = http.NewRequest("HEAD", h.ts.URL+p, nil)
		resp, err = h.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(body) != 0 || resp.Header.Get("ETag") != etag || resp.ContentLength <= 0 {
			t.Errorf("HEAD %s: %d, %d bytes, ETag %q, length %d", p, resp.StatusCode, len(body), resp.Header.Get("ETag"), resp.ContentLength)
		}
	}

	// After a change the ETag is new, so the browser fetches the file again.
	_, css := h.get("/site.css")
	before := h.srv.site.Load().files.get("site.css").etag
	mark := h.log.builds()
	h.write("static/site.css", css+"\n")
	h.settle(mark, true)
	if after := h.srv.site.Load().files.get("site.css").etag; after == before {
		t.Error("the stylesheet changed but its ETag did not")
	}
}

func TestInjectReload(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"<html><head><title>x</title></head><body></body></html>", "<html><head><title>x</title>" + reloadTag + "</head><body></body></html>"},
		{"<HTML><HEAD></HEAD>", "<HTML><HEAD>" + reloadTag + "</HEAD>"},
		{"<p>no head", "<p>no head" + reloadTag},
		{"<p>&lt;/head> then </head>", "<p>&lt;/head> then " + reloadTag + "</head>"},
		{"</hea", "</hea" + reloadTag},
	} {
		if got := string(injectReload([]byte(tt.in))); got != tt.want {
			t.Errorf("injectReload(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanPath(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want string
		ok   bool
	}{
		{"/", "", true},
		{"/a/b/", "a/b/", true},
		{"/a/b.css", "a/b.css", true},
		{"/%E4%B8%AD/", "中/", true},
		{"/../go.mod", "", false},
		{"/%2e%2e/go.mod", "", false},
		{"/a/%2e/b", "", false},
		{"/a%2fb", "", false},
		{"/a%5Cb", "", false},
		{"//etc/passwd", "", false},
		{"/a//b", "", false},
		{"/a/..", "", false},
	} {
		u, err := url.ParseRequestURI(tt.raw)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := cleanPath(u)
		if got != tt.want || ok != tt.ok {
			t.Errorf("cleanPath(%q) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}
