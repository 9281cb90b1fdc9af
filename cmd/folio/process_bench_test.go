package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkProcess times folio as a publisher runs it, process start
// included: `folio version` (start-up alone, mostly package
// initialisation), then `folio build` of the sample publication into a new
// folder and onto the folder it has just built, as `make build` does the
// second time. The binary is built without the test's packages, and the
// image cache is warmed by one build first.
func BenchmarkProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "folio")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	src, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	outs := b.TempDir()
	folio := func(b *testing.B, args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = src
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("folio %v: %v\n%s", args, err, out)
		}
	}
	upToDate := filepath.Join(outs, "public")
	folio(b, "build", "--out", upToDate)

	b.Run("version", func(b *testing.B) {
		for b.Loop() {
			folio(b, "version")
		}
	})
	i := 0 // counted across calls of the function below, so every folder is new
	b.Run("build-sample-new-folder", func(b *testing.B) {
		for b.Loop() {
			i++
			folio(b, "build", "--out", filepath.Join(outs, "new-"+strconv.Itoa(i)))
		}
	})
	b.Run("build-sample-up-to-date", func(b *testing.B) {
		for b.Loop() {
			folio(b, "build", "--out", upToDate)
		}
	})
}
