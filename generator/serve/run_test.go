package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// run stops within a second when its context ends, with tabs connected,
// and writes nothing to disk.
func TestRunStops(t *testing.T) {
	dir := copySite(t)
	before := goroutines()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrs := make(chan net.Addr, 1)
	out := &logBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0",
			"-content", filepath.Join(dir, "content"), "-layouts", filepath.Join(dir, "layouts"), "-static", filepath.Join(dir, "static"),
		}, out, out, func(a net.Addr) { addrs <- a })
	}()
	var base string
	select {
	case a := <-addrs:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatalf("run: %v", err)
	case <-time.After(wait):
		t.Fatal("run did not start")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("listening on %s, want loopback", base)
	}
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), reloadTag) {
		t.Errorf("GET /: %d, reload script: %v", resp.StatusCode, strings.Contains(string(body), reloadTag))
	}
	tabs := []*sseClient{connectTo(t, client, base, ""), connectTo(t, client, base, "")}

	stopped := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("run still going a second after it was told to stop")
	}
	t.Logf("stopped in %v", time.Since(stopped))
	for _, c := range tabs {
		select {
		case _, ok := <-c.events:
			if ok {
				t.Error("an event on stopping, want the stream closed")
			}
		case <-time.After(time.Second):
			t.Error("an event stream is still open after run returned")
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ exists after serving: %v", err)
	}
	if s := out.String(); !strings.Contains(s, "serving "+base+"/") || !strings.HasSuffix(s, "stopped\n") {
		t.Errorf("terminal:\n%s", s)
	}
	client.CloseIdleConnections()
	settleGoroutines(t, before, 0)
}

func TestRunRefusesBadArguments(t *testing.T) {
	for _, args := range [][]string{{"-addr", "127.0.0.1:notaport"}, {"extra"}, {"-nosuchflag"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard, nil); err == nil {
			t.Errorf("run %v: no error", args)
		}
	}
	// Beyond loopback only with -expose.
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0"} {
		err := run(context.Background(), []string{"-addr", addr}, io.Discard, io.Discard, nil)
		if err == nil || !strings.Contains(err.Error(), "listens beyond this machine; use 127.0.0.1:PORT, or add -expose") {
			t.Errorf("run -addr %s: %v", addr, err)
		}
	}
}

// startRun runs the serve command with args on a copy of the site and
// gives its address and output; it stops when the test ends.
func startRun(t *testing.T, args ...string) (string, *logBuffer) {
	t.Helper()
	dir := copySite(t)
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	out := &logBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append(args, "-content", filepath.Join(dir, "content"), "-layouts", filepath.Join(dir, "layouts"), "-static", filepath.Join(dir, "static")),
			out, out, func(a net.Addr) { addrs <- a })
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case a := <-addrs:
		return a.String(), out
	case err := <-done:
		t.Fatalf("run: %v", err)
	case <-time.After(wait):
		t.Fatal("run did not start")
	}
	return "", nil
}

// get requests path from addr with the given Host header.
func getWithHost(t *testing.T, addr, host, path string) int {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
	req.Host = host
	client := &http.Client{Transport: &http.Transport{}, Timeout: wait}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// The server answers only requests that name it: a page of another site
// that points its own name at 127.0.0.1 (DNS rebinding) gets 403.
func TestRunChecksHost(t *testing.T) {
	addr, _ := startRun(t, "-addr", "127.0.0.1:0")
	_, port, _ := net.SplitHostPort(addr)
	for host, want := range map[string]int{
		"127.0.0.1:" + port: 200, "localhost:" + port: 200, "LOCALHOST:" + port: 200, "[::1]:" + port: 200,
		"evil.example:" + port: 403, "evil.example": 403, "127.0.0.1.nip.io:" + port: 403,
	} {
		for _, path := range []string{"/", eventsEndpoint} {
			if path == eventsEndpoint && want == 200 {
				continue // a stream: not read to its end here
			}
			if got := getWithHost(t, addr, host, path); got != want {
				t.Errorf("GET %s with Host %s: %d, want %d", path, host, got, want)
			}
		}
	}
}

// -expose serves beyond loopback, and says so.
func TestRunExposes(t *testing.T) {
	addr, out := startRun(t, "-addr", "0.0.0.0:0", "-expose")
	_, port, _ := net.SplitHostPort(addr)
	if !strings.Contains(out.String(), "warning: -expose: serving") {
		t.Errorf("output %q, want the warning", out.String())
	}
	if got := getWithHost(t, "127.0.0.1:"+port, "127.0.0.1:"+port, "/"); got != 200 {
		t.Errorf("GET /: %d", got)
	}
	if got := getWithHost(t, "127.0.0.1:"+port, "evil.example", "/"); got != 403 {
		t.Errorf("GET / with a foreign Host: %d", got)
	}
}

// The command as a user runs it: go run ./generator serve, stopped with Ctrl-C.
func TestCommandServeAndInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator")
	}
	bin := filepath.Join(t.TempDir(), "generator")
	if out, err := exec.Command("go", "build", "-o", bin, "statements/generator").CombinedOutput(); err != nil {
		t.Fatalf("building the generator: %v\n%s", err, out)
	}
	dir := copySite(t)
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0")
	cmd.Dir = dir
	out := &logBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var base string
	for deadline := time.Now().Add(wait); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		for _, line := range strings.Split(out.String(), "\n") {
			if rest, ok := strings.CutPrefix(line, "serving "); ok {
				base, _, _ = strings.Cut(rest, "/,")
			}
		}
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("no serving line with a loopback address (got %q):\n%s", base, out.String())
	}
	client := &http.Client{Transport: &http.Transport{}, Timeout: wait}
	defer client.CloseIdleConnections()
	resp, err := client.Get(base + cubaPage)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), reloadTag) {
		t.Errorf("GET %s: %d, reload script: %v", cubaPage, resp.StatusCode, strings.Contains(string(body), reloadTag))
	}
	connectTo(t, client, base, "") // a tab left open

	start := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit: %v, want status 0", err)
		}
	case <-time.After(time.Second):
		t.Fatal("still running a second after SIGINT")
	}
	t.Logf("exited %v after SIGINT", time.Since(start))
	if !strings.HasSuffix(out.String(), "stopped\n") {
		t.Errorf("output:\n%s\nwant it to end saying stopped", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ exists after serving: %v", err)
	}
}
