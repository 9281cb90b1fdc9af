package site_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// servedProcess is one run of the dev server over dir: a new Session with
// the memo folder that outlives it.
func servedProcess(t *testing.T, dir, memoDir, cacheDir string) *sessionFixture {
	return &sessionFixture{t: t, dir: dir, s: site.NewSession(site.Options{Options: config.Options{Src: dir},
		Dev: true, NoEditions: true, CacheDir: cacheDir, MemoDir: memoDir})}
}

// sameAsFreshSession requires mem to hold exactly what a dev server's
// first build without a memo makes.
func sameAsFreshSession(t *testing.T, dir string, mem *output.Memory) {
	t.Helper()
	fresh := site.NewSession(site.Options{Options: config.Options{Src: dir}, Dev: true, NoEditions: true, CacheDir: t.TempDir()})
	want := output.NewMemory()
	var diags diag.List
	if _, err := fresh.Build(context.Background(), want, &diags); err != nil || diags.HasErrors() {
		t.Fatalf("fresh build: %v %v", err, diags.Items())
	}
	if got, names := mem.Names(), want.Names(); !slices.Equal(got, names) {
		t.Fatalf("files %v, a fresh build's %v", got, names)
	}
	for _, name := range want.Names() {
		a, _ := mem.File(name)
		b, _ := want.File(name)
		if string(a) != string(b) {
			t.Errorf("%s differs from a fresh build's", name)
		}
	}
}

// devPages are the pages of the session fixture that the dev server
// makes: every page but the print edition.
var devPages = slices.DeleteFunc(slices.Clone(allPages), func(p string) bool { return p == "print/index.html" })

// The dev server started again converts nothing that did not change since
// the last one stopped: its first build starts from the memo the last
// left in its memo folder, and serves what a build from scratch serves.
func TestServeKeepsItsWorkBetweenProcesses(t *testing.T) {
	dir := writeSite(t, sessionSite)
	memoDir, cacheDir := t.TempDir(), t.TempDir()
	all := []string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}

	first := servedProcess(t, dir, memoDir, cacheDir)
	first.build(all, devPages)
	if _, err := os.Stat(filepath.Join(memoDir, "memo")); err != nil {
		t.Fatalf("no memo after the dev server's first build: %v", err)
	}
	// Later builds of the same process keep their results in memory and
	// leave the memo as the first build wrote it.
	memo, _ := os.ReadFile(filepath.Join(memoDir, "memo"))
	first.edit("content/chapters/03-c.md", "见[乙篇](02-b.md)。", "见[乙篇](02-b.md)，另见正文。")
	first.build([]string{"chapters/03-c.md"}, nil)
	if now, _ := os.ReadFile(filepath.Join(memoDir, "memo")); string(now) != string(memo) {
		t.Error("a later build of the dev server rewrote its memo")
	}

	// A new process, with one chapter changed since the memo was
	// written (03-c by the first process, 02-b while none ran).
	first.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	second := servedProcess(t, dir, memoDir, cacheDir)
	second.build([]string{"chapters/02-b.md", "chapters/03-c.md"}, devPages)
	sameAsFreshSession(t, dir, second.last)
	if page, _ := second.last.File("b/index.html"); !strings.Contains(string(page), "乙的新正文") {
		t.Error("the edit made while no dev server ran is not served")
	}
	// Its next build is as any dev server rebuild.
	second.edit("content/chapters/01-a.md", "增长{{gdp-growth}}。", "增长{{gdp-growth}}，稳中有进。")
	second.build([]string{"chapters/01-a.md"}, []string{"a/index.html"})
	sameAsFreshSession(t, dir, second.last)

	// A third process converts only what the second's first build had
	// not in its memo.
	third := servedProcess(t, dir, memoDir, cacheDir)
	third.build([]string{"chapters/01-a.md"}, devPages)
	sameAsFreshSession(t, dir, third.last)
}

// A dev server whose memo's bulk was changed on disk says so, and serves
// what a build from scratch serves.
func TestServeIgnoresACorruptMemo(t *testing.T) {
	dir := writeSite(t, sessionSite)
	memoDir, cacheDir := t.TempDir(), t.TempDir()
	servedProcess(t, dir, memoDir, cacheDir).build(nil, nil)
	corruptBulk(t, memoDir)
	s := site.NewSession(site.Options{Options: config.Options{Src: dir}, Dev: true, NoEditions: true, CacheDir: cacheDir, MemoDir: memoDir})
	mem := output.NewMemory()
	var diags diag.List
	if _, err := s.Build(context.Background(), mem, &diags); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags.Items())
	}
	var text []string
	for _, d := range diags.Items() {
		text = append(text, d.String())
	}
	if got := strings.Join(text, "\n"); !strings.Contains(got, "[cache-ignored]") {
		t.Errorf("no warning about the memo:\n%s", got)
	}
	sameAsFreshSession(t, dir, mem)
	// The memo written in its place is trusted by the next process.
	next := servedProcess(t, dir, memoDir, cacheDir)
	next.build([]string{}, devPages)
}

// --no-cache: the dev server neither reads nor writes its memo.
func TestServeNoCacheKeepsNoMemo(t *testing.T) {
	dir := writeSite(t, sessionSite)
	memoDir := t.TempDir()
	s := site.NewSession(site.Options{Options: config.Options{Src: dir, NoCache: true}, Dev: true, NoEditions: true, CacheDir: t.TempDir(), MemoDir: memoDir})
	var diags diag.List
	if _, err := s.Build(context.Background(), output.NewMemory(), &diags); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags.Items())
	}
	if entries, _ := os.ReadDir(memoDir); len(entries) != 0 {
		t.Errorf("--no-cache wrote %d files into the memo folder", len(entries))
	}
}

// A dev server's memo of a site not previewed for a month goes when
// another site's dev server writes its own; anything else in the folder
// stays.
func TestServeForgetsMemosOfSitesLongGone(t *testing.T) {
	serve := filepath.Join(t.TempDir(), "folio", "serve")
	old := filepath.Join(serve, "0123456789abcdef")
	recent := filepath.Join(serve, "fedcba9876543210")
	other := filepath.Join(serve, "notes")
	for _, d := range []string{old, recent, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	longAgo := time.Now().Add(-40 * 24 * time.Hour)
	for _, d := range []string{old, other} {
		if err := os.Chtimes(d, longAgo, longAgo); err != nil {
			t.Fatal(err)
		}
	}
	dir := writeSite(t, sessionSite)
	own := filepath.Join(serve, "00000000000000aa")
	servedProcess(t, dir, own, t.TempDir()).build(nil, nil)
	for d, want := range map[string]bool{old: false, recent: true, other: true, own: true} {
		if _, err := os.Stat(d); (err == nil) != want {
			t.Errorf("%s kept: %v, want %v", d, err == nil, want)
		}
	}
}
