package main

import (
	"crypto/sha256"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"folio/internal/benchgen"
)

// TestKilledBuildLeavesPublicComplete kills folio build with SIGKILL at
// random moments of a large build: whatever the moment, public/ must hold
// one complete build, the previous or the new one, and the next build
// must succeed and leave no staging folder behind.
func TestKilledBuildLeavesPublicComplete(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-chapter publication a dozen times")
	}
	src := t.TempDir()
	if err := benchgen.Generate(src, 300, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(src, "public")
	folio := func(dir string) *exec.Cmd {
		return exec.Command("folio", "build", "--src", src, "--out", dir)
	}
	if b, err := folio(out).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	previous := tree(t, out)

	// The edit every killed build was making, and what it makes.
	chapter := filepath.Join(src, "content", "chapters", "00150-chapter-150.md")
	data, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(chapter, append(data, "\n本篇另有补记。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	reference := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	if b, err := folio(reference).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	full := time.Since(start)
	next := tree(t, reference)
	if maps.Equal(previous, next) {
		t.Fatal("the edit changed no output file")
	}

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	sawPrevious, sawNext := false, false
	for i := range 12 {
		cmd := folio(out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		at := time.Duration(r.Int64N(int64(full) * 5 / 4))
		time.Sleep(at)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		switch got := tree(t, out); {
		case maps.Equal(got, previous):
			sawPrevious = true
		case maps.Equal(got, next):
			sawNext = true
		default:
			t.Fatalf("kill %d after %v (a build takes %v): public/ is neither the previous build nor the new one", i, at, full)
		}
	}
	t.Logf("after the kills public/ held the previous build: %v, the new one: %v", sawPrevious, sawNext)

	if b, err := folio(out).CombinedOutput(); err != nil {
		t.Fatalf("the build after the kills: %v\n%s", err, b)
	}
	if !maps.Equal(tree(t, out), next) {
		t.Error("the build after the kills differs from a clean build")
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "content" && e.Name() != "public" && e.Name() != ".cache" {
			t.Errorf("left behind in the site folder: %s", e.Name())
		}
	}
}

// tree returns the files under dir by relative path, with their hashes.
func tree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	files := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
