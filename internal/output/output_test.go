package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCheckOut(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	mustMkdir(t, filepath.Join(src, "content"))
	foreign := filepath.Join(root, "foreign")
	mustWrite(t, filepath.Join(foreign, "keep.txt"), "mine")
	ours := filepath.Join(root, "ours")
	mustWrite(t, filepath.Join(ours, MarkerFile), "")
	mustWrite(t, filepath.Join(ours, "index.html"), "old")
	mustMkdir(t, filepath.Join(root, "empty"))
	home, _ := os.UserHomeDir()

	for _, tc := range []struct {
		out, refusal string
	}{
		{filepath.Join(src, "public"), ""},
		{filepath.Join(root, "new", "deep"), ""},
		{filepath.Join(root, "empty"), ""},
		{ours, ""},
		{"/", "file system root"},
		{home, "home folder"},
		{src, "holds the source folder"},
		{root, "holds the source folder"},
		{foreign, "not written by folio"},
		{filepath.Join(foreign, "keep.txt"), "is a file"},
	} {
		err := CheckOut(tc.out, src)
		switch {
		case tc.refusal == "" && err != nil:
			t.Errorf("CheckOut(%s) refused: %v", tc.out, err)
		case tc.refusal != "" && (err == nil || !strings.Contains(err.Error(), tc.refusal)):
			t.Errorf("CheckOut(%s) = %v, want a refusal mentioning %q", tc.out, err, tc.refusal)
		}
	}
}

func TestStagingReplacesOutputOnlyOnCommit(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	mustWrite(t, filepath.Join(out, "old.html"), "old")

	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("a/b/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); err != nil {
		t.Fatal("the output changed before Commit")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "a", "b", "index.html")); string(data) != "new" {
		t.Errorf("new file not in place: %q", data)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); err == nil {
		t.Error("a file of the old build survived the swap")
	}
	if _, err := os.Stat(filepath.Join(out, MarkerFile)); err != nil {
		t.Error("no marker file written")
	}
	assertOnly(t, root, "public")
}

func TestStagingAbortLeavesOutput(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	mustWrite(t, filepath.Join(out, "index.html"), "old")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.WriteFile("index.html", []byte("half"))
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "old" {
		t.Errorf("output changed by an aborted build: %q", data)
	}
	assertOnly(t, root, "public")
}

func TestStagingCleansLeftovers(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	// A build killed mid-way leaves its staging folder; an unrelated
	// folder with a similar name is not ours and stays.
	mustWrite(t, filepath.Join(root, ".public.staging-123", "x.html"), "half")
	mustWrite(t, filepath.Join(root, ".public.old-abc", "x.html"), "old")
	mustWrite(t, filepath.Join(root, "public.staging-notours", "x"), "keep")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, root, "public", "public.staging-notours")
}

func TestStagingRejectsEscapingNames(t *testing.T) {
	s, err := NewStaging(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"../x", "/abs", "a/../../x", ""} {
		if err := s.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) accepted", name)
		}
		if err := s.WriteFileFrom(name, inPieces("x")); err == nil {
			t.Errorf("WriteFileFrom(%q) accepted", name)
		}
	}
}

func TestMinify(t *testing.T) {
	m := NewMinifier()
	for _, tc := range []struct{ name, in, want string }{
		{"a.html", "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<body>\n  <p>  中文  </p>\n</body>\n</html>", `<!doctype html><html lang="zh-CN"><body><p>中文</p></body></html>`},
		{"a.css", "a {\n  color: #ff0000;\n}\n", "a{color:red}"},
		{"a.xml", "<?xml version=\"1.0\"?>\n<a>\n  <b>x</b>\n</a>", `<?xml version="1.0"?><a><b>x</b></a>`},
		{"a.json", "{ \"a\" : [1, 2] }", `{"a":[1,2]}`},
		{"a.txt", "  keep  ", "  keep  "},
	} {
		got, err := m.Minify(tc.name, []byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("Minify(%s) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		if e.Name() == ".cache" {
			continue // where updates keep the twin (twinOf)
		}
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, p, data string) {
	t.Helper()
	mustMkdir(t, filepath.Dir(p))
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentBuildsDoNotMix: a second build waits for the first, so it
// never removes the staging folder the first is still writing.
func TestConcurrentBuildsDoNotMix(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	a, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	_ = a.WriteFile("index.html", []byte("a"))
	started := make(chan *Staging)
	go func() {
		b, err := NewStaging(out)
		if err != nil {
			t.Error(err)
		}
		started <- b
	}()
	_ = a.WriteFile("css/main.css", []byte("a"))
	_ = a.WriteFile("chapter/index.html", []byte("a"))
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	b := <-started
	for _, name := range []string{"index.html", "css/main.css", "chapter/index.html"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("the first build's %s is missing: %v", name, err)
		}
	}
	_ = b.Abort()
}

// TestSymlinkedOutputIsWrittenThrough: public -> www keeps pointing at a
// complete, new site.
func TestSymlinkedOutputIsWrittenThrough(t *testing.T) {
	root := t.TempDir()
	www := filepath.Join(root, "www")
	mustWrite(t, filepath.Join(www, "index.html"), "old")
	link := filepath.Join(root, "public")
	if err := os.Symlink(www, link); err != nil {
		t.Skip(err)
	}
	s, err := NewStaging(link)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.WriteFile("index.html", []byte("new"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(www, "index.html")); string(data) != "new" {
		t.Errorf("the link's target holds %q", data)
	}
}

// TestStagingRemovedIsNotRecreated: if something removes the staging
// folder while a build writes, the build fails; it never makes the folder
// again and swaps in a partial site.
func TestStagingRemovedIsNotRecreated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mustWrite(t, filepath.Join(out, "index.html"), "old")
	mustWrite(t, filepath.Join(out, MarkerFile), "")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("a/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(s.Dir()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a/more.html", "b/index.html", "c/d/index.html", "root.html"} {
		if err := s.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("%s was written into a removed staging folder", name)
		}
	}
	if err := s.Commit(); err == nil {
		t.Error("a removed staging folder was committed")
	}
	if _, err := os.Stat(s.Dir()); err == nil {
		t.Error("the staging folder was made again")
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "old" {
		t.Errorf("the output folder changed: %q", data)
	}
}

// A build's writes are flushed to disk while it writes, and a flush that
// fails in the background fails the commit: the old site stays.
func TestStagingFlushesWhileWriting(t *testing.T) {
	if !flushInBackground {
		t.Skip("this system flushes only at commit")
	}
	root := t.TempDir()
	out := filepath.Join(root, "public")
	mustWrite(t, filepath.Join(out, "index.html"), "old")
	mustWrite(t, filepath.Join(out, MarkerFile), "")

	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	s.flushEvery = 1000
	var syncs atomic.Int32
	s.sync = func(dir string) error {
		if syncs.Add(1) == 1 {
			return errors.New("disk full")
		}
		return syncFolder(dir)
	}
	for i := range 10 {
		if err := s.WriteFile(fmt.Sprintf("c%d/index.html", i), make([]byte, 600)); err != nil {
			t.Fatal(err)
		}
		if err := s.waitFlush(); i == 0 && err != nil {
			t.Fatalf("a flush started before %d bytes were written", s.flushEvery)
		}
	}
	if err := s.WriteFileFrom("print/index.html", func(w io.Writer) error {
		_, err := w.Write(make([]byte, 3000))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if s.flushes < 2 {
		t.Errorf("%d flushes started while 9,000 bytes were written, one every 1,000: want several", s.flushes)
	}
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Commit after a failed background flush = %v, want its error", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "old" {
		t.Errorf("the site was replaced after a failed flush: index.html is %q", data)
	}
}
