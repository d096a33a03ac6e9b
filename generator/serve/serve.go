package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"statements/generator/build"
	"statements/generator/siteurl"
)

// Run is the serve command: go run ./generator serve [-addr 127.0.0.1:1313].
// It serves until SIGINT or SIGTERM, then stops within a second.
func Run(args []string, stdout, stderr io.Writer) error {
	// A build makes much garbage: collecting less often takes a fifth off
	// a rebuild, for some tens of MB on a small site (GOGC still rules). On
	// a large one the server keeps most of the site in memory, and five
	// times that would be gigabytes: limitMemory caps the heap after every
	// build (GOMEMLIMIT still rules).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop) // a second Ctrl-C kills at once
	return run(ctx, args, stdout, stderr, nil)
}

// firstBuildMemory is the soft memory limit of the first build, which
// makes all the site at once; limitMemory sets it after every build.
const firstBuildMemory = 1 << 30

// collector gives a function to call after every build: it collects the
// build's garbage at once, beside the reload rather than in the next
// rebuild, and then sets the memory limit (limitMemory). A collection
// that fell in a rebuild of a large site doubled it (at N=1000, about
// 0.4 s without one, 0.8-1.2 s with one), and the collector, run when the
// heap is known to be mostly garbage, keeps the peak lower than a limit
// reached mid-build. Calls while it collects are one. Its goroutine
// ends with ctx.
func collector(ctx context.Context) func() {
	wake := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-wake:
				select { // let the tabs reload first
				case <-ctx.Done():
					return
				case <-time.After(afterReload):
				}
				runtime.GC()
				limitMemory()
			}
		}
	}()
	return func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
}

// afterReload is how long the collector waits after a build: about the time
// the open tabs take to load the page again, which a collection would slow.
const afterReload = 300 * time.Millisecond

// limitMemory sets the soft memory limit to twice the live heap, or 256 MB
// more on a small site: what the server keeps, and room for a few
// rebuilds' garbage. (A tighter limit makes the collector run through
// every rebuild of a large site: 1.25 times the live heap tripled the
// rebuild time at N=1000.)
func limitMemory() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := int64(sample[0].Value.Uint64())
	debug.SetMemoryLimit(live + max(live, 256<<20))
}

// shutdownGrace is how long open requests get to finish on shutdown.
const shutdownGrace = 500 * time.Millisecond

// run serves until ctx is done; listening is called with the address once
// the server accepts connections.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, listening func(addr net.Addr)) error {
	fl := flag.NewFlagSet("generator serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:1313", "address to listen on (host:port): this machine only (loopback), unless -expose")
	expose := fl.Bool("expose", false, "allow an -addr beyond this machine (0.0.0.0:1313, to try the site on a phone on the same network): anyone who can reach it reads the site and its drafts")
	opts := Options{Stdout: stdout, Stderr: stderr, ctx: ctx}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(firstBuildMemory)
		opts.afterBuild = collector(ctx)
	}
	opts.Dirs.AddFlags(fl)
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h printed the usage
		}
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("serve: unexpected argument %q", fl.Arg(0))
	}
	if !*expose && !loopback(*addr) {
		return fmt.Errorf("serve: -addr %s listens beyond this machine; use 127.0.0.1:PORT, or add -expose to serve your network", *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	allowed := allowedHosts(ln.Addr())
	if *expose && !loopback(ln.Addr().String()) {
		fmt.Fprintf(stderr, "warning: -expose: serving %s beyond this machine: anyone who can reach it can read the site built from your working copy, drafts included\n", ln.Addr())
	}
	s, err := New(opts)
	if err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{Handler: hostGuard(s, allowed), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "serving %s, watching %s, %s and %s (Ctrl-C stops)\n", siteURL(ln.Addr()), opts.Content, opts.Layouts, opts.Static)
	if listening != nil {
		listening(ln.Addr())
	}

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	s.Close() // ends the event streams, so that Shutdown need not wait for them
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
	}
	if serveErr == nil {
		serveErr = <-served
	}
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	fmt.Fprintln(stdout, "stopped")
	return serveErr
}

// siteURL is the address to open in a browser.
func siteURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	if tcp.IP.IsUnspecified() {
		return fmt.Sprintf("http://localhost:%d/ (listening on all interfaces)", tcp.Port)
	}
	return "http://" + a.String() + "/"
}

// Options say what to serve.
type Options struct {
	build.Dirs               // the input trees; the repository's if empty
	Stdout, Stderr io.Writer // one line per rebuild; build errors (io.Discard if nil)
	// Quiet, MaxDelay and Settle time the batching of changes (see
	// batcher); zero means the defaults.
	Quiet, MaxDelay, Settle time.Duration

	build func(build.Config) (*build.Site, error) // a build.Builder's Build, unless a test says otherwise
	ctx   context.Context                         // stops the server, its first build included; nil: only Close does
	// afterBuild, if set, runs after every build (the command limits the memory)
	afterBuild func()
}

// Server is a running development server: an http.Handler over the
// current build, kept up to date by its own goroutines until Close.
type Server struct {
	site   atomic.Pointer[snapshot]
	script *file // /_dev/reload.js
	events *broker
	cancel context.CancelFunc
	wg     sync.WaitGroup
	close  sync.Once
	// pending counts the batches of changes begun and not yet rebuilt:
	// zero when every change seen so far is served.
	pending atomic.Int64
}

// New builds the site, starts watching the trees and rebuilding on
// change, and gives the handler. Only an unusable watcher is an error: a
// failed build is shown, not returned.
func New(opts Options) (*Server, error) {
	dirs := opts.Dirs.WithDefaults()
	trees := []tree{{"content", dirs.Content}, {"layouts", dirs.Layouts}, {"static", dirs.Static}}
	for i := range trees {
		trees[i].dir = filepath.Clean(trees[i].dir)
	}
	base, err := siteurl.Parse("/")
	if err != nil {
		return nil, err
	}
	log := newLogger(opts.Stdout, opts.Stderr)
	s := &Server{events: newBroker(), script: newFile(reloadJS, "text/javascript; charset=utf-8")}
	changes, batches, early := make(chan change), make(chan batch), make(chan struct{}, 1)
	bt := &batcher{quiet: opts.Quiet, maxDelay: opts.MaxDelay, settle: opts.Settle,
		in: changes, out: batches, early: early, pending: &s.pending}
	if bt.quiet <= 0 {
		bt.quiet = defaultQuiet
	}
	if bt.maxDelay <= 0 {
		bt.maxDelay = defaultMaxDelay
	}
	if bt.settle <= 0 {
		bt.settle = defaultSettle
	}

	// Watch first, then build: a change made during the first build is
	// queued for the rebuild after it.
	reads := newReadCache()
	w, err := newWatcher(trees, changes, log, reads)
	if err != nil {
		return nil, fmt.Errorf("serve: watching files: %w", err)
	}
	if opts.build == nil {
		// One Builder for the server's life: a rebuild renders again only
		// the pages whose inputs changed.
		builder := build.NewBuilder()
		opts.build = func(cfg build.Config) (*build.Site, error) {
			site, _, err := builder.Build(cfg)
			return site, err
		}
	}
	parent := opts.ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	s.cancel = cancel
	r := &rebuilder{ctx: ctx, trees: trees, reads: reads, base: base, build: opts.build, afterBuild: opts.afterBuild, site: &s.site, events: s.events, log: log, pending: &s.pending}
	r.first()

	s.wg.Add(3)
	go func() { defer s.wg.Done(); w.run(ctx.Done()) }()
	go func() { defer s.wg.Done(); bt.run(ctx) }()
	go func() { defer s.wg.Done(); r.run(ctx, batches, early) }()
	return s, nil
}

// Close stops watching and rebuilding (a build under way stops within a
// page's work) and ends every event stream. The handler goes on serving the last
// build; Close is safe to call more than once.
func (s *Server) Close() error {
	s.close.Do(func() {
		s.events.close()
		s.cancel()
		s.wg.Wait()
	})
	return nil
}

// logger writes whole lines from several goroutines.
type logger struct {
	mu          sync.Mutex
	out, errOut io.Writer
}

func newLogger(out, errOut io.Writer) *logger {
	if out == nil {
		out = io.Discard
	}
	if errOut == nil {
		errOut = io.Discard
	}
	return &logger{out: out, errOut: errOut}
}

func (l *logger) infof(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.out, format+"\n", args...)
}

func (l *logger) errorf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.errOut, format+"\n", args...)
}
