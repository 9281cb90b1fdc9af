package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExchangeSwapsFolders(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	mustWrite(t, filepath.Join(a, "f"), "from a")
	mustWrite(t, filepath.Join(b, "f"), "from b")
	ok, err := exchange(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Skip("this file system cannot exchange folders; Commit falls back to two renames")
	}
	if data, _ := os.ReadFile(filepath.Join(b, "f")); string(data) != "from a" {
		t.Errorf("b holds %q after the exchange", data)
	}
	if data, _ := os.ReadFile(filepath.Join(a, "f")); string(data) != "from b" {
		t.Errorf("a holds %q after the exchange", data)
	}
}
