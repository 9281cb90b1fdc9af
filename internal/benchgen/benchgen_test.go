package benchgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// The generated publication is what the benchmarks' figures describe: it
// must be the same for a seed, chapters of 1,500–2,500 characters, and its
// illustrations must exist where the chapters point.
func TestGenerate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Generate(a, 60, 7); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, 60, 7); err != nil {
		t.Fatal(err)
	}
	image := regexp.MustCompile(`!\[[^\]]+\]\(\.\./images/(bench-\d\.jpg)\)`)
	images := 0
	for i := 1; i <= 60; i++ {
		name := filepath.Join("content", "chapters", fmt.Sprintf("%05d-chapter-%d.md", i, i))
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Fatalf("%s differs between two runs with one seed", name)
		}
		if n := utf8.RuneCount(x); n < 1500 || n > 2500 {
			t.Errorf("%s has %d characters, want 1,500–2,500", name, n)
		}
		for _, m := range image.FindAllStringSubmatch(string(x), -1) {
			images++
			if _, err := os.Stat(filepath.Join(a, "content", "images", m[1])); err != nil {
				t.Errorf("%s shows a missing image: %v", name, err)
			}
		}
		if i%25 == 0 && !strings.Contains(string(x), "../images/") {
			t.Errorf("%s has no illustration", name)
		}
	}
	if images != 2 {
		t.Errorf("60 chapters show %d illustrations, want 2", images)
	}
}
