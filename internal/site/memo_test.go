package site_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// diskBuild builds the session fixture's folder as folio build does: into
// public/ through an update, with the cache folder's memo.
type diskBuild struct {
	t        *testing.T
	dir, out string
	cache    string
	noCache  bool
	last     *site.Result // of the last build
}

func newDiskBuild(t *testing.T) *diskBuild {
	dir := writeSite(t, sessionSite)
	return &diskBuild{t: t, dir: dir, out: filepath.Join(dir, "public"), cache: filepath.Join(dir, ".cache", "folio")}
}

func (d *diskBuild) edit(name, old, new string) {
	(&sessionFixture{t: d.t, dir: d.dir}).edit(name, old, new)
}

// build builds and checks what was converted and rendered (nil: not
// checked); it returns the diagnostics.
func (d *diskBuild) build(converted, rendered []string) string {
	d.t.Helper()
	update := output.NewUpdate(d.out)
	if !d.noCache {
		update.KeepTwin(filepath.Join(d.cache, "twin")) // as folio build does
	}
	var diags diag.List
	res, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: d.dir, Out: d.out, NoCache: d.noCache}}, update, &diags)
	if err != nil || diags.HasErrors() {
		_ = update.Abort()
		d.t.Fatalf("build: %v %v", err, diags.Items())
	}
	if _, err := update.Commit(); err != nil {
		d.t.Fatal(err)
	}
	d.last = res
	slices.Sort(res.Converted)
	slices.Sort(res.Rendered)
	if converted != nil && !slices.Equal(res.Converted, converted) {
		d.t.Errorf("converted %v, want %v", res.Converted, converted)
	}
	if rendered != nil && !slices.Equal(res.Rendered, rendered) {
		d.t.Errorf("rendered %v, want %v", res.Rendered, rendered)
	}
	var text []string
	for _, x := range diags.Items() {
		text = append(text, x.String())
	}
	return strings.Join(text, "\n")
}

// trustsItsMemo requires a build with nothing changed to make nothing
// and to say nothing of the memo: the one the last build wrote is
// trusted.
func (d *diskBuild) trustsItsMemo() {
	d.t.Helper()
	if diags := d.build([]string{}, []string{}); strings.Contains(diags, "cache-ignored") {
		d.t.Errorf("the memo the last build wrote is not trusted:\n%s", diags)
	}
}

// sameAsFresh requires public/ to hold exactly what a build from scratch
// makes.
func (d *diskBuild) sameAsFresh() {
	d.t.Helper()
	mem := output.NewMemory()
	var diags diag.List
	if _, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: d.dir, NoCache: true}, CacheDir: d.t.TempDir()}, mem, &diags); err != nil || diags.HasErrors() {
		d.t.Fatalf("fresh build: %v %v", err, diags.Items())
	}
	var onDisk []string
	_ = filepath.WalkDir(d.out, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(d.out, p)
			if rel != output.MarkerFile {
				onDisk = append(onDisk, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	slices.Sort(onDisk)
	if want := mem.Names(); !slices.Equal(onDisk, want) {
		d.t.Fatalf("public/ holds %v\nfresh build %v", onDisk, want)
	}
	for _, name := range onDisk {
		got, _ := os.ReadFile(filepath.Join(d.out, filepath.FromSlash(name)))
		if want, _ := mem.File(name); string(got) != string(want) {
			d.t.Errorf("%s differs from a fresh build's", name)
		}
	}
}

// A second folio build, in a new process, converts and renders nothing
// that did not change: what the last one made comes from its memo and
// public/.
func TestBuildKeepsItsWorkBetweenProcesses(t *testing.T) {
	d := newDiskBuild(t)
	d.build([]string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}, allPages)
	if _, err := os.Stat(filepath.Join(d.cache, "memo")); err != nil {
		t.Fatalf("no memo after a build: %v", err)
	}
	d.build([]string{}, []string{})
	d.sameAsFresh()

	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	d.build([]string{"chapters/02-b.md"}, []string{"b/index.html", "print/index.html"})
	d.sameAsFresh()

	// A value in the data: every page's figures are checked against it
	// again, which the memo cannot do without the pages' text (the dev
	// server, which keeps it, converts only the pages showing the value).
	d.edit("content/data/indicators.yaml", "series: {2020: 5.3}", "series: {2020: 6.1}")
	d.build([]string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}, nil)
	d.sameAsFresh()

	// A layout: every page again, no Markdown.
	d.edit("layouts/chapter.html", "", `{{define "main"}}<article>{{.Page.Content}}</article>{{end}}`)
	d.build([]string{}, nil)
	d.sameAsFresh()
}

// --no-cache neither reads nor writes the memo.
func TestBuildNoCacheIgnoresTheMemo(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	d.noCache = true
	d.build([]string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}, allPages)
}

// A memo that cannot be trusted is reported, not used, and replaced.
func TestBuildIgnoresABadMemo(t *testing.T) {
	for _, c := range []struct {
		name  string
		spoil func(data []byte) []byte
		says  string
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)*2/3] }, "checksum does not match"},
		{"a byte changed", func(b []byte) []byte { b[len(b)-40] ^= 1; return b }, "checksum does not match"},

		{"not a memo", func([]byte) []byte { return []byte("{}") }, "not a memo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDiskBuild(t)
			d.build(nil, nil)
			memo := filepath.Join(d.cache, "memo")
			data, err := os.ReadFile(memo)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(memo, c.spoil(data), 0o644); err != nil {
				t.Fatal(err)
			}
			d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
			diags := d.build([]string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}, nil)
			if !strings.Contains(diags, "[cache-ignored]") || !strings.Contains(diags, c.says) {
				t.Errorf("no warning saying %q:\n%s", c.says, diags)
			}
			d.sameAsFresh()
			d.trustsItsMemo()
		})
	}
}

// Another folio's memo (an upgrade, or an installed folio and a
// development one in turn) is not used, and not reported: nothing is
// wrong that a publisher could fix, and --strict would fail on it.
func TestBuildPassesOverAnotherFoliosMemo(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	memo := filepath.Join(d.cache, "memo")
	data, err := os.ReadFile(memo)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 3)
	lines[1] = "v0.1.0 " + lines[1]
	if err := os.WriteFile(memo, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	if diags := d.build([]string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}, nil); strings.Contains(diags, "cache-ignored") {
		t.Errorf("another folio's memo is reported:\n%s", diags)
	}
	d.sameAsFresh()
	d.trustsItsMemo()
}

// A bulk file another build replaced meanwhile: the build starts again
// without the memo and has nothing to report.
func TestBuildWhoseBulkIsGoneStartsAgainQuietly(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	bulks, _ := filepath.Glob(filepath.Join(d.cache, "memo-bulk-*"))
	for _, b := range bulks {
		if err := os.Remove(b); err != nil {
			t.Fatal(err)
		}
	}
	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	if diags := d.build(nil, nil); strings.Contains(diags, "cache-ignored") {
		t.Errorf("a bulk file gone is reported:\n%s", diags)
	}
	d.sameAsFresh()
	d.trustsItsMemo()
}

// A file of public/ changed by hand is made again, not kept.
func TestBuildRemakesAFileChangedInPublic(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	page := filepath.Join(d.out, "b", "index.html")
	if err := os.WriteFile(page, []byte("changed by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.build([]string{}, []string{"b/index.html"})
	d.sameAsFresh()
}

// A page's part of the memo changed on disk is found when a build reads
// it: the build is made again without the memo, and says so.
func TestBuildIgnoresACorruptBulk(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	corruptBulk(t, d.cache)
	// A changed chapter: the publication-wide checks read every page's
	// bulk.
	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	diags := d.build(nil, nil)
	if !strings.Contains(diags, "[cache-ignored]") || !strings.Contains(diags, "checksum does not match") {
		t.Errorf("no warning about the memo:\n%s", diags)
	}
	d.sameAsFresh()
	d.trustsItsMemo()
}

// corruptBulk changes a byte in the middle of the one bulk file of the
// memo in dir.
func corruptBulk(t *testing.T, dir string) {
	t.Helper()
	bulks, _ := filepath.Glob(filepath.Join(dir, "memo-bulk-*"))
	if len(bulks) != 1 {
		t.Fatalf("bulk files %v, want one", bulks)
	}
	data, err := os.ReadFile(bulks[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x20
	if err := os.WriteFile(bulks[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A build that changes one chapter appends that chapter's bulk to the
// bulk file instead of writing every page's again.
func TestBuildAppendsOnlyWhatChanged(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	bulks, _ := filepath.Glob(filepath.Join(d.cache, "memo-bulk-*"))
	before, _ := os.Stat(bulks[0])
	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	d.build([]string{"chapters/02-b.md"}, nil)
	after, err := os.Stat(bulks[0])
	if err != nil {
		t.Fatal(err)
	}
	if grown := after.Size() - before.Size(); grown <= 0 || grown > before.Size()/2 {
		t.Errorf("the bulk file grew by %d bytes from %d: want one page's", grown, before.Size())
	}
	d.sameAsFresh()
}

// A build whose every input is as the last build's, onto the output
// folder as it left it, makes nothing and reads no page: it reports the
// last build's problems again.
func TestBuildUpToDateReadsNothing(t *testing.T) {
	d := newDiskBuild(t)
	first := d.build(nil, nil)
	if !strings.Contains(first, "[base-url-missing]") {
		t.Fatalf("the fixture has no warning to report again:\n%s", first)
	}
	// The index spoilt: a build that needed it would say so.
	if err := os.WriteFile(filepath.Join(d.cache, "memo"), []byte("spoilt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if again := d.build([]string{}, []string{}); again != first {
		t.Errorf("an up-to-date build reports\n%s\nnot the last build's\n%s", again, first)
	}
	// A file of public/ gone: the build is not up to date.
	if err := os.Remove(filepath.Join(d.out, "b", "index.html")); err != nil {
		t.Fatal(err)
	}
	if again := d.build(nil, nil); !strings.Contains(again, "[cache-ignored]") {
		t.Errorf("a build with a file of public/ gone did not read the memo:\n%s", again)
	}
	d.sameAsFresh()
	// An option that changes the output: not up to date either.
	update := output.NewUpdate(d.out)
	var diags diag.List
	res, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: d.dir, Out: d.out, BaseURL: "https://example.org/"}}, update, &diags)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Items())
	}
	if len(res.Rendered) == 0 {
		t.Error("a new base URL rendered nothing")
	}
	_ = update.Abort()
}

// A build that reports a figure contradicting another chapter's (whose
// message names that chapter's position) is up to date the next time
// too: its problems are kept with the whole build's memo.
func TestBuildUpToDateKeepsConflictingFigures(t *testing.T) {
	d := newDiskBuild(t)
	d.edit("content/chapters/02-b.md", "乙的正文。", "2020年青溪区地区生产总值增长5.3%。")
	d.edit("content/chapters/03-c.md", "见[乙篇](02-b.md)。", "见[乙篇](02-b.md)。2020年青溪区地区生产总值增长3.5%。")
	first := d.build(nil, nil)
	if !strings.Contains(first, "[conflicting-figure]") {
		t.Fatalf("the fixture has no conflicting figure:\n%s", first)
	}
	if again := d.build([]string{}, []string{}); again != first {
		t.Errorf("the next build reports\n%s\nnot the last build's\n%s", again, first)
	}
}

// folio check after a build takes the build's memo for what is unchanged
// and finds exactly what it finds without it, before and after an edit.
func TestCheckWithTheMemoFindsWhatItFindsWithout(t *testing.T) {
	d := newDiskBuild(t)
	d.edit("content/chapters/03-c.md", "见[乙篇](02-b.md)。", "见[乙篇](02-b.md)。数据共享and业务协同。")
	d.build(nil, nil)
	check := func(noCache bool) string {
		var diags diag.List
		if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: d.dir, NoCache: noCache}}, &diags); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, x := range diags.Items() {
			lines = append(lines, x.String())
		}
		return strings.Join(lines, "\n")
	}
	want := check(true)
	if !strings.Contains(want, "[stray-latin]") {
		t.Fatalf("the fixture's problem is not found:\n%s", want)
	}
	if got := check(false); got != want {
		t.Errorf("with the memo:\n%s\nwithout:\n%s", got, want)
	}
	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的正文。乙的正文。")
	want = check(true)
	if got := check(false); got != want {
		t.Errorf("after an edit, with the memo:\n%s\nwithout:\n%s", got, want)
	}
	// It is the memo that check read: spoilt, it says so.
	if err := os.WriteFile(filepath.Join(d.cache, "memo"), []byte("spoilt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := check(false); !strings.Contains(got, "[cache-ignored]") {
		t.Errorf("check did not read the memo:\n%s", got)
	}
}
