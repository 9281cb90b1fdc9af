package output

import (
	"os"
	"path/filepath"
	"testing"
)

// sameFiles reports the files of out that are not the very files of the
// twin beside it (hard links to the same file).
func notInTwin(t *testing.T, out string) []string {
	t.Helper()
	twin := twinOf(out)
	var differ []string
	for name := range readTree(t, out) {
		a, errA := os.Lstat(filepath.Join(out, filepath.FromSlash(name)))
		b, errB := os.Lstat(filepath.Join(twin, filepath.FromSlash(name)))
		if errA != nil || errB != nil || !os.SameFile(a, b) {
			differ = append(differ, name)
		}
	}
	return differ
}

// After a swap the old site is kept as the new one's twin, and the next
// build starts from it: whatever was done to either folder meanwhile, the
// output folder then holds exactly what the build gave.
func TestUpdateStartsFromTheTwin(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	twin := twinOf(out)
	update(t, out, site(50, nil))
	update(t, out, site(50, map[string]string{"p001/index.html": "<p>改</p>"}))
	if _, err := os.Stat(twin); err != nil {
		t.Fatalf("no twin after a swap: %v", err)
	}
	if differ := notInTwin(t, out); len(differ) > 0 {
		t.Errorf("files of the site not in its twin: %v", differ)
	}

	// Changed, added and removed files, a folder left empty.
	files := site(50, map[string]string{"p002/index.html": "<p>又改</p>", "new/deep/index.html": "<p>新</p>", "p003/index.html": ""})
	update(t, out, files)
	if _, err := os.Stat(filepath.Join(out, "p003")); err == nil {
		t.Error("the folder of a removed page is still there")
	}
	if differ := notInTwin(t, out); len(differ) > 0 {
		t.Errorf("files of the site not in its twin: %v", differ)
	}

	// By hand: a file of the site written in place (the twin's too, the
	// same file), one replaced, one added to the site, one to the twin.
	mustWrite(t, filepath.Join(out, "p004", "index.html"), "<p>手改</p>")
	if err := os.Remove(filepath.Join(out, "p005", "index.html")); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(out, "p005", "index.html"), "<p>手换</p>")
	mustWrite(t, filepath.Join(out, "extra.html"), "<p>多</p>")
	mustWrite(t, filepath.Join(twin, "stray", "index.html"), "<p>散</p>")
	update(t, out, files) // requires exactly files in out
	if _, err := os.Stat(filepath.Join(out, "stray")); err == nil {
		t.Error("a folder added to the twin by hand is in the site")
	}
}

// A file the build writes anew in the recycled staging folder never
// writes through into the live site, whose file the twin's is.
func TestRecycledStagingWritesNoLiveFileThrough(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	update(t, out, site(3, nil))
	update(t, out, site(3, map[string]string{"p000/index.html": "<p>改</p>"}))
	stage, err := newStaging(out, twinOf(out))
	if err != nil {
		t.Fatal(err)
	}
	if !stage.recycled {
		t.Fatal("the staging folder did not start from the twin")
	}
	for _, write := range []func() error{
		func() error { return stage.WriteFile("p001/index.html", []byte("<p>另写</p>")) },
		func() error { return stage.WriteFileFrom("p002/index.html", inPieces("<p>另写</p>")) },
	} {
		if err := write(); err != nil {
			t.Fatal(err)
		}
	}
	live := readTree(t, out)
	if live["p001/index.html"] != "<p>第1篇</p>" || live["p002/index.html"] != "<p>第2篇</p>" {
		t.Errorf("the live site was written through the twin: %v", live)
	}
	if err := stage.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out); got["p001/index.html"] != "<p>第1篇</p>" {
		t.Errorf("after the abort the live site holds %v", got)
	}
}

// A build killed while it wrote into the recycled staging folder leaves
// the site whole; the next build removes what it left and is exact.
func TestKilledBuildOnTheTwin(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	update(t, out, site(20, nil))
	update(t, out, site(20, map[string]string{"p001/index.html": "<p>改</p>"}))
	killed := NewUpdate(out)
	killed.KeepTwin(twinOf(out))
	writeAll(t, killed, site(20, map[string]string{"p002/index.html": "<p>半</p>", "p003/index.html": ""}))
	killed.stage.release() // the process ends: its lock goes, its folder stays
	if got := readTree(t, out); got["p002/index.html"] != "<p>第2篇</p>" || got["p003/index.html"] != "<p>第3篇</p>" {
		t.Fatalf("the killed build changed the site: %v", got)
	}
	update(t, out, site(20, map[string]string{"p004/index.html": "<p>再</p>"}))
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*"))
	if len(leftovers) > 0 {
		t.Errorf("the killed build's folder is left: %v", leftovers)
	}
}

// A file kept by its stamp is the output folder's very file in the new
// site, even when the twin's file of that name was replaced meanwhile.
func TestKeptFileIsTheLiveOneNotTheTwins(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	twin := twinOf(out)
	update(t, out, site(5, nil))
	update(t, out, site(5, map[string]string{"p000/index.html": "<p>改</p>"}))
	stamps := map[string]Stamp{}
	for name := range readTree(t, out) {
		st, ok := StampOf(filepath.Join(out, filepath.FromSlash(name)))
		if !ok {
			t.Fatal(name)
		}
		stamps[name] = st
	}
	p := filepath.Join(twin, "p001", "index.html")
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, p, "<p>替</p>")

	u := NewUpdate(out)
	u.KeepTwin(twin)
	if err := u.WriteFile("p000/index.html", []byte("<p>再改</p>")); err != nil { // starts the staging
		t.Fatal(err)
	}
	for name, st := range stamps {
		if name != "p000/index.html" && !u.Keep(name, st) {
			t.Fatalf("%s not kept", name)
		}
	}
	if _, err := u.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, out)["p001/index.html"]; got != "<p>第1篇</p>" {
		t.Errorf("the kept file holds %q, the twin's replacement", got)
	}
}

// A file of the old site where the new one has a folder, and a folder
// where it has a file: the twin makes way.
func TestTwinMakesWayForFoldersAndFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	before := map[string]string{"x": "<p>文件</p>", "y/index.html": "<p>文件夹</p>", "z/deep/index.html": "<p>深</p>"}
	update(t, out, before)
	before["y/index.html"] = "<p>改</p>"
	update(t, out, before) // the twin now holds x as a file, y and z as folders
	// There, then back again.
	update(t, out, map[string]string{"x/index.html": "<p>成了文件夹</p>", "y": "<p>成了文件</p>", "z": "<p>也成了文件</p>"})
	update(t, out, before)
}
