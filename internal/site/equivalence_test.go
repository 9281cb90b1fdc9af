package site_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

var (
	equivSeed  = flag.Uint64("equiv.seed", 0, "seed of the equivalence test's edits (default: a new one each run)")
	equivSteps = flag.Int("equiv.steps", 12, "how many edits the equivalence test makes")
)

// TestEquivalenceOfIncrementalBuilds edits a small site at random and,
// after each edit, builds it the dev server's way (one Session, told or
// not told which files changed) and folio build's way (the same cache
// folder and public/, updated in place), and from scratch: the outputs
// must be the same bytes, the problems reported the same. A cache whose
// key leaves out an input shows here as a page that kept its old text.
func TestEquivalenceOfIncrementalBuilds(t *testing.T) {
	seed := *equivSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	steps := *equivSteps
	if testing.Short() {
		steps = min(steps, 4)
	}
	t.Logf("seed %d, %d steps (again with -equiv.seed=%d)", seed, steps, seed)
	if err := runEquivalence(t, eqRun{seed: seed, steps: steps, kill: true}); err != nil {
		t.Fatal(err)
	}
}

// TestEquivalenceCatchesStaleKey: with the dev server's conversion key
// leaving out the indicators' values, a value edit leaves the pages that
// show it stale, and the harness must say so; without the omission the
// same edits pass.
func TestEquivalenceCatchesStaleKey(t *testing.T) {
	run := eqRun{seed: 1, steps: 2, kinds: []int{editDataValue}}
	if err := runEquivalence(t, run); err != nil {
		t.Fatalf("the edits fail with the keys whole: %v", err)
	}
	defer site.OmitFromKeysForTest("indicator-values")()
	err := runEquivalence(t, run)
	if err == nil {
		t.Fatal("a conversion key without the indicators' values went unnoticed")
	}
	if msg := err.Error(); !strings.Contains(msg, "dev server's build") || !strings.Contains(msg, "data: ") {
		t.Errorf("the report does not name the dev server's build and the data edit:\n%s", msg)
	}
}

// eqRun configures a run of the harness.
type eqRun struct {
	seed  uint64
	steps int
	// kinds, when set, are the edits made, in turn, instead of random ones.
	kinds []int
	// kill: some of folio build's builds are first cancelled midway.
	kill bool
}

type eqHarness struct {
	t       *testing.T
	run     eqRun
	site    *eqSite
	r       *rand.Rand
	history []string
	session *site.Session
	// devOpts are the dev server's options, buildOpts folio build's.
	devOpts, buildOpts site.Options
	out                string
	// committed is public/ as the last successful build left it.
	committed map[string][]byte
}

// eqBuild is what a build made and reported.
type eqBuild struct {
	files  map[string][]byte // nil for a build with errors
	diags  []string          // sorted
	failed bool
}

// runEquivalence runs the edits and compares the builds after each. It
// returns the first difference found; a build that cannot run at all
// fails t.
func runEquivalence(t *testing.T, run eqRun) error {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(run.seed, 22))
	h := &eqHarness{t: t, run: run, r: r, out: filepath.Join(dir, "public")}
	h.site = newEqSite(t, dir, r)
	// As internal/server sets them for folio serve.
	h.devOpts = site.Options{Options: config.Options{Src: dir, Drafts: true, BaseURL: "http://127.0.0.1:4321/"},
		Dev: true, NoEditions: true, CacheDir: t.TempDir(), MemoDir: t.TempDir()}
	h.buildOpts = site.Options{Options: config.Options{Src: dir, Out: h.out}, CacheDir: t.TempDir()}
	h.session = site.NewSession(h.devOpts)
	if err := h.compare(0, nil); err != nil {
		return err
	}
	broken := false // whether an edit broke the build yet
	for step := 1; step <= run.steps; step++ {
		h.site.step = step
		var what string
		switch kind := r.IntN(numEditKinds); {
		case run.kinds != nil:
			what = h.site.edit(run.kinds[(step-1)%len(run.kinds)])
		case h.site.fix != nil && r.IntN(2) == 0:
			what = h.site.fix()
			h.site.fix = nil
		case kind == editBreak && h.site.fix != nil:
			what = h.site.edit(editProse) // one error at a time
		case step == (run.steps+1)/2 && !broken:
			// Every run has builds with errors, and builds after them.
			what = h.site.edit(editBreak)
		default:
			what = h.site.edit(kind)
		}
		broken = broken || h.site.fix != nil
		h.site.sync()
		h.history = append(h.history, fmt.Sprintf("%d. %s", step, what))
		if err := h.compare(step, h.site.take()); err != nil {
			return err
		}
	}
	t.Logf("edits:\n\t%s", strings.Join(h.history, "\n\t"))
	return nil
}

// compare builds the site every way after an edit of step, changed
// being the files it changed.
func (h *eqHarness) compare(step int, changed []string) error {
	ctx := context.Background()
	// The dev server's build: its Session, told which files changed on
	// some steps, left to look on the others; on some, a dev server
	// started again, from the memo its first build left.
	if step > 0 && h.r.IntN(4) == 0 {
		h.session = site.NewSession(h.devOpts)
		h.note(" (the dev server was started again)")
	} else if step > 0 && h.r.IntN(2) == 0 {
		h.session.Assume(changed)
		h.note(" (the session was told of %d changed files)", len(changed))
	}
	got := h.memBuild(h.session.Build)
	fresh := h.devOpts
	fresh.NoCache = true
	want := h.memBuild(func(ctx context.Context, sink site.Sink, diags *diag.List) (*site.Result, error) {
		return site.Build(ctx, fresh, sink, diags)
	})
	if err := h.differ(step, "the dev server's build", got, want); err != nil {
		return err
	}

	// folio build's: the same cache folder and public/. On some steps a
	// build is first cancelled midway, as an interrupted folio build.
	fresh = h.buildOpts
	fresh.NoCache = true
	want = h.memBuild(func(ctx context.Context, sink site.Sink, diags *diag.List) (*site.Result, error) {
		return site.Build(ctx, fresh, sink, diags)
	})
	if h.run.kill && step > 0 && h.r.IntN(3) == 0 {
		n := 1 + h.r.IntN(max(len(want.files), 1))
		cctx, cancel := context.WithCancel(ctx)
		killed := h.cliBuild(cctx, func(u *output.Update) site.Sink { return &cancelAfter{Update: u, left: int64(n), cancel: cancel} })
		cancel()
		h.note(" (a folio build was cancelled after %d writes)", n)
		if !killed.failed {
			// Cancelled after its last file: it must have finished.
			if err := h.differ(step, "the cancelled build that succeeded", killed, want); err != nil {
				return err
			}
		} else if err := h.sameAsCommitted(step, "after the cancelled build"); err != nil {
			return err
		}
	}
	got = h.cliBuild(ctx, nil)
	if err := h.differ(step, "folio build's build", got, want); err != nil {
		return err
	}
	if got.failed {
		return h.sameAsCommitted(step, "after the build with errors")
	}
	return nil
}

// note adds to the description of the last step.
func (h *eqHarness) note(format string, args ...any) {
	if len(h.history) > 0 {
		h.history[len(h.history)-1] += fmt.Sprintf(format, args...)
	}
}

type buildFunc func(context.Context, site.Sink, *diag.List) (*site.Result, error)

// memBuild builds into memory.
func (h *eqHarness) memBuild(build buildFunc) eqBuild {
	h.t.Helper()
	mem := output.NewMemory()
	var diags diag.List
	if _, err := build(context.Background(), mem, &diags); err != nil {
		h.t.Fatalf("build: %v", err)
	}
	b := eqBuild{diags: diagStrings(&diags), failed: diags.HasErrors()}
	if !b.failed {
		b.files = map[string][]byte{}
		for _, name := range mem.Names() {
			b.files[name], _ = mem.File(name)
		}
	}
	return b
}

func diagStrings(diags *diag.List) []string {
	var lines []string
	for _, d := range diags.Items() {
		lines = append(lines, d.String())
	}
	slices.Sort(lines)
	return lines
}

// cliBuild builds into public/ as cmd/folio/build.go does: through an
// Update, committed when the build succeeds and aborted when it fails.
func (h *eqHarness) cliBuild(ctx context.Context, wrap func(*output.Update) site.Sink) eqBuild {
	h.t.Helper()
	if err := output.Tidy(h.out); err != nil {
		h.t.Fatal(err)
	}
	update := output.NewUpdate(h.out)
	update.KeepTwin(filepath.Join(h.buildOpts.CacheDir, "twin")) // as folio build does
	var sink site.Sink = update
	if wrap != nil {
		sink = wrap(update)
	}
	var diags diag.List
	_, err := site.Build(ctx, h.buildOpts, sink, &diags)
	b := eqBuild{diags: diagStrings(&diags), failed: err != nil || diags.HasErrors()}
	if err != nil && !errors.Is(err, context.Canceled) {
		h.t.Fatalf("folio build: %v", err)
	}
	if b.failed {
		if err := update.Abort(); err != nil {
			h.t.Fatal(err)
		}
		return b
	}
	if _, err := update.Commit(); err != nil {
		h.t.Fatal(err)
	}
	h.committed = h.readOut()
	b.files = h.committed
	return b
}

// readOut reads public/, leaving out folio's marker file.
func (h *eqHarness) readOut() map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir(h.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(h.out, p)
		if name := filepath.ToSlash(rel); name != output.MarkerFile {
			files[name], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		h.t.Fatal(err)
	}
	return files
}

// sameAsCommitted checks that public/ is as the last successful build
// left it: a failed build must not touch it.
func (h *eqHarness) sameAsCommitted(step int, when string) error {
	if h.committed == nil {
		return nil
	}
	if d := fileDiff(h.readOut(), h.committed); d != "" {
		return h.report(step, "public/ "+when, "public/ changed: "+d)
	}
	return nil
}

// differ reports how a build differs from the build from scratch.
func (h *eqHarness) differ(step int, which string, got, want eqBuild) error {
	if !slices.Equal(got.diags, want.diags) {
		return h.report(step, which, "the problems reported differ:\n"+lineDiff(got.diags, want.diags))
	}
	if got.failed != want.failed {
		return h.report(step, which, fmt.Sprintf("it failed: %v; the build from scratch failed: %v", got.failed, want.failed))
	}
	if d := fileDiff(got.files, want.files); d != "" {
		return h.report(step, which, d)
	}
	return nil
}

func (h *eqHarness) report(step int, which, what string) error {
	return fmt.Errorf("after step %d, %s is not the build from scratch's (seed %d): %s\nedits:\n\t%s",
		step, which, h.run.seed, what, strings.Join(h.history, "\n\t"))
}

// lineDiff lists the lines only one side has.
func lineDiff(got, want []string) string {
	var sb strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			fmt.Fprintf(&sb, "\tonly incremental: %s\n", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			fmt.Fprintf(&sb, "\tonly from scratch: %s\n", l)
		}
	}
	if sb.Len() == 0 {
		fmt.Fprintf(&sb, "\tthe same lines, counted differently: %q vs %q\n", got, want)
	}
	return sb.String()
}

// fileDiff describes the first file that differs, by name, with the
// bytes around the first difference; "" when none does.
func fileDiff(got, want map[string][]byte) string {
	names := slices.Sorted(maps.Keys(got))
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		g, inGot := got[name]
		w, inWant := want[name]
		switch {
		case !inGot:
			return fmt.Sprintf("%s is missing (%d files, from scratch %d)", name, len(got), len(want))
		case !inWant:
			return fmt.Sprintf("%s should not be there (%d files, from scratch %d)", name, len(got), len(want))
		case !bytes.Equal(g, w):
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			// Whole characters around it: the pages are mostly Chinese.
			around := func(b []byte) string {
				from, to := max(i-80, 0), min(i+80, len(b))
				for from > 0 && !utf8.RuneStart(b[from]) {
					from--
				}
				for to < len(b) && !utf8.RuneStart(b[to]) {
					to++
				}
				return string(b[from:to])
			}
			return fmt.Sprintf("%s differs at byte %d of %d (from scratch %d):\n\tincremental:  %q\n\tfrom scratch: %q",
				name, i, len(g), len(w), around(g), around(w))
		}
	}
	return ""
}

// cancelAfter passes files to an Update and cancels the build once left
// are written, as a folio build interrupted midway.
type cancelAfter struct {
	*output.Update
	left   int64
	n      atomic.Int64
	cancel func()
}

func (c *cancelAfter) wrote() {
	if c.n.Add(1) == c.left {
		c.cancel()
	}
}

func (c *cancelAfter) WriteFile(name string, data []byte) error {
	defer c.wrote()
	return c.Update.WriteFile(name, data)
}

func (c *cancelAfter) WriteFileFrom(name string, write func(w io.Writer) error) error {
	defer c.wrote()
	return c.Update.WriteFileFrom(name, write)
}
