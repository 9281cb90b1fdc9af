package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// writeSite lays out a txtar archive of a tiny site in a new folder.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	a := txtar.Parse([]byte(archive))
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// built is the result of building a fixture in memory.
type built struct {
	t     *testing.T
	out   *output.Memory
	diags *diag.List
	res   *site.Result
}

func buildSite(t *testing.T, dir string, opts config.Options) *built {
	t.Helper()
	opts.Src = dir
	mem := output.NewMemory()
	var diags diag.List
	so := site.Options{Options: opts}
	if dir == repoRoot {
		so.CacheDir = sampleCache
	}
	res, err := site.Build(context.Background(), so, mem, &diags)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return &built{t: t, out: mem, diags: &diags, res: res}
}

func buildArchive(t *testing.T, archive string) *built {
	t.Helper()
	return buildSite(t, writeSite(t, archive), config.Options{})
}

// file returns an output file's contents, failing the test when it is missing.
func (b *built) file(name string) string {
	b.t.Helper()
	data, ok := b.out.File(name)
	if !ok {
		b.t.Fatalf("output has no %s; it has %v\ndiagnostics:\n%s", name, b.out.Names(), b.diagText())
	}
	return string(data)
}

func (b *built) has(name string) bool {
	_, ok := b.out.File(name)
	return ok
}

// diagText returns the diagnostics as printed, with the fixture folder
// stripped so tests can compare paths.
func (b *built) diagText() string {
	var sb strings.Builder
	b.diags.Print(&sb)
	return sb.String()
}

func (b *built) noErrors() {
	b.t.Helper()
	if b.diags.HasErrors() {
		b.t.Fatalf("unexpected errors:\n%s", b.diagText())
	}
}

// wantDiag asserts that a diagnostic line ends with the given suffix
// (everything after the fixture's folder), e.g.
// "content/chapters/01-a.md:2:1: warning: unknown key \"titel\"; did you mean \"title\"? [frontmatter-unknown-key]".
func (b *built) wantDiag(suffix string) {
	b.t.Helper()
	for _, line := range strings.Split(b.diagText(), "\n") {
		if strings.HasSuffix(line, suffix) {
			return
		}
	}
	b.t.Errorf("no diagnostic ending in\n\t%s\ngot:\n%s", suffix, b.diagText())
}
