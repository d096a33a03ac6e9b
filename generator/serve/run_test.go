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
	tabs := []*sseClient{connectTo(t, client, base), connectTo(t, client, base)}

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
	connectTo(t, client, base) // a tab left open

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
