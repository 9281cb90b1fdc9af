package output

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// writeAll writes files into u from several goroutines, as a build does;
// every other file a few bytes at a time (WriteFileFrom), as the print
// page is written.
func writeAll(t *testing.T, u *Update, files map[string]string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(files))
	streamed := false
	for name, data := range files {
		if streamed = !streamed; streamed {
			wg.Go(func() { errs <- u.WriteFileFrom(name, inPieces(data)) })
			continue
		}
		wg.Go(func() { errs <- u.WriteFile(name, []byte(data)) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// inPieces writes data three bytes at a time.
func inPieces(data string) func(w io.Writer) error {
	return func(w io.Writer) error {
		for i := 0; i < len(data); i += 3 {
			if _, err := io.WriteString(w, data[i:min(i+3, len(data))]); err != nil {
				return err
			}
		}
		return nil
	}
}

// readTree returns every file under dir but the marker, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == MarkerFile {
			return nil
		}
		data, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func site(n int, changed map[string]string) map[string]string {
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("p%03d/index.html", i)] = fmt.Sprintf("<p>第%d篇</p>", i)
	}
	for k, v := range changed {
		if v == "" {
			delete(files, k)
		} else {
			files[k] = v
		}
	}
	return files
}

// twinOf is where the tests' updates of out keep its twin, as folio
// build keeps it in the cache folder.
func twinOf(out string) string { return filepath.Join(filepath.Dir(out), ".cache", "twin") }

func update(t *testing.T, out string, files map[string]string) bool {
	t.Helper()
	u := NewUpdate(out)
	u.KeepTwin(twinOf(out))
	writeAll(t, u, files)
	changed, err := u.Commit()
	if err != nil {
		t.Fatal(err)
	}
	assertOnly(t, filepath.Dir(out), filepath.Base(out))
	if got := readTree(t, out); fmt.Sprint(got) != fmt.Sprint(files) {
		t.Fatalf("the folder holds %d files, not the %d built (or other bytes)", len(got), len(files))
	}
	if _, err := os.Stat(filepath.Join(out, MarkerFile)); err != nil {
		t.Error("no marker file")
	}
	return changed
}

func TestUpdateWritesOnlyWhatChanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if !update(t, out, site(50, nil)) {
		t.Error("the first build reported no change")
	}
	// Unchanged: nothing written, the folder's files keep their times.
	old := time.Now().Add(-time.Hour)
	probe := filepath.Join(out, "p007/index.html")
	if err := os.Chtimes(probe, old, old); err != nil {
		t.Fatal(err)
	}
	if update(t, out, site(50, nil)) {
		t.Error("the same files were reported as a change")
	}
	if fi, err := os.Stat(probe); err != nil || !fi.ModTime().Equal(old) {
		t.Error("a build that changed nothing rewrote a file")
	}
	// One file changed, one new, one gone: each is a change, and the
	// folder holds exactly the new build (the same files copied over).
	for _, edit := range []map[string]string{
		{"p025/index.html": "<p>改</p>"},
		{"new/index.html": "<p>新</p>"},
		{"p049/index.html": ""},
	} {
		if !update(t, out, site(50, edit)) {
			t.Errorf("%v was not reported as a change", edit)
		}
	}
	// A file left in the folder that the build no longer makes.
	if !update(t, out, site(50, map[string]string{"p000/index.html": ""})) {
		t.Error("a file the build dropped is still there")
	}
}

func TestUpdateAbortLeavesTheFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	update(t, out, site(10, nil))
	u := NewUpdate(out)
	writeAll(t, u, site(10, map[string]string{"p003/index.html": "<p>半途</p>"}))
	if err := u.Abort(); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, filepath.Dir(out), "public")
	if got := readTree(t, out); got["p003/index.html"] != "<p>第3篇</p>" {
		t.Errorf("the aborted update changed the folder: %q", got["p003/index.html"])
	}
}

func TestUpdateRefusesEscapingNames(t *testing.T) {
	u := NewUpdate(filepath.Join(t.TempDir(), "public"))
	for _, name := range []string{"../x", "/etc/x", "a/../../x", "", MarkerFile} {
		if err := u.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("%q was accepted", name)
		}
		if err := u.WriteFileFrom(name, inPieces("x")); err == nil {
			t.Errorf("%q was accepted, streamed", name)
		}
	}
	_ = u.Abort()
}

// An update that changes one file keeps the others as they were: the
// same files (hard links), with their times, so a deploy that syncs by
// time sends only the changed one.
func TestUpdateKeepsTheUnchangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	update(t, out, site(50, nil))
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	before := map[string]os.FileInfo{}
	for _, name := range []string{"p000/index.html", "p007/index.html", "p049/index.html", "p025/index.html"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		before[name] = fi
	}
	// Written whole, as pages are (a file written in pieces, the print
	// page or the EPUB, is written again).
	u := NewUpdate(out)
	for name, data := range site(50, map[string]string{"p025/index.html": "<p>改</p>"}) {
		if err := u.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if changed, err := u.Commit(); err != nil || !changed {
		t.Fatalf("the change was not committed: %v", err)
	}
	for name, was := range before {
		now, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if changed := name == "p025/index.html"; os.SameFile(was, now) == changed || now.ModTime().Equal(old) == changed {
			t.Errorf("%s: the same file %v, its time kept %v; changed %v", name, os.SameFile(was, now), now.ModTime().Equal(old), changed)
		}
	}
}

// A file linked from the output folder and then written again in the
// same staging folder is a new file: the live site is not written
// through the link, and an aborted build leaves it as it was.
func TestStagingWritesNoLinkedFileThrough(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	update(t, out, site(3, nil))
	live := filepath.Join(out, "p001", "index.html")
	stage, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := stage.Link("p001/index.html", live); err != nil {
		t.Fatal(err)
	}
	if err := stage.WriteFile("p001/index.html", []byte("<p>另写</p>")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(live); string(data) != "<p>第1篇</p>" {
		t.Errorf("the live file was written through the link: %q", data)
	}
	if err := stage.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out)["p001/index.html"]; got != "<p>第1篇</p>" {
		t.Errorf("after the abort the live file holds %q", got)
	}
}
