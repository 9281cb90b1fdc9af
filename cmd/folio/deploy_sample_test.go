package main

import (
	"bytes"
	"context"
	"crypto/md5"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"gocloud.dev/blob"

	"folio/internal/upload"
	"folio/internal/upload/s3test"
)

// TestDeployTheSample deploys the sample publication to a real
// S3-compatible server as a publisher would, with folio build and folio
// deploy: every file stored with its MD5 and headers; nothing sent
// again when nothing changed; after a chapter is edited only the files
// that changed; after a page is deleted its objects gone; and a deploy
// of a new theme killed at random moments, run again, converges with no
// page in the bucket ever referring to a file the bucket lacks.
func TestDeployTheSample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample five times")
	}
	server := s3test.Start(t, "gaoxin")
	ctx := context.Background()
	bucket, err := blob.OpenBucket(ctx, server.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()

	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(src, "public")
	folio := func(args ...string) *exec.Cmd {
		cmd := exec.Command("folio", args...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), server.Env...)
		return cmd
	}
	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		cmd := folio(args...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("folio %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	deploy := func(args ...string) (uploads, deletes []string, summary string) {
		t.Helper()
		text := run(append([]string{"deploy", "--to", server.URL, "--dry-run"}, args...)...)
		for _, line := range strings.Split(text, "\n") {
			if k, ok := strings.CutPrefix(line, "upload "); ok {
				uploads = append(uploads, k)
			} else if k, ok := strings.CutPrefix(line, "delete "); ok {
				deletes = append(deletes, k)
			}
		}
		text = run(append([]string{"deploy", "--to", server.URL}, args...)...)
		return uploads, deletes, strings.TrimSpace(text)
	}
	inBucket := func() map[string][]byte {
		t.Helper()
		objects, err := s3test.Objects(ctx, bucket)
		if err != nil {
			t.Fatal(err)
		}
		delete(objects, upload.ManifestKey)
		return objects
	}
	// sameAsPublic fails unless the bucket holds public/ exactly, each
	// object with its file's MD5 and the headers of the nginx recipe.
	sameAsPublic := func(when string) {
		t.Helper()
		files := tree(t, out)
		delete(files, ".folio-output")
		objects := inBucket()
		if got, want := slices.Sorted(maps.Keys(objects)), slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
			t.Fatalf("%s: the bucket holds %d objects, public/ %d files", when, len(got), len(want))
		}
		for key := range files {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(key)))
			if err != nil {
				t.Fatal(err)
			}
			a, err := bucket.Attributes(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			sum := md5.Sum(data)
			if !bytes.Equal(a.MD5, sum[:]) || !bytes.Equal(objects[key], data) {
				t.Errorf("%s: %s stored with MD5 %x, the file's is %x", when, key, a.MD5, sum)
			}
			if a.ContentType != upload.ContentType(key) || a.CacheControl != upload.CacheControl(key) {
				t.Errorf("%s: %s stored as %q, %q", when, key, a.ContentType, a.CacheControl)
			}
		}
	}
	changedFiles := func(before, after map[string][32]byte) (changed, gone []string) {
		for k, v := range after {
			if w, ok := before[k]; (!ok || w != v) && k != ".folio-output" {
				changed = append(changed, k)
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				gone = append(gone, k)
			}
		}
		slices.Sort(changed)
		slices.Sort(gone)
		return changed, gone
	}
	counts := regexp.MustCompile(`^deployed: (\d+) uploaded, (\d+) deleted, (\d+) unchanged$`)
	summary := func(line string) (up, del, same int) {
		t.Helper()
		m := counts.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("the last line reads %q", line)
		}
		fmt.Sscan(m[1]+" "+m[2]+" "+m[3], &up, &del, &same)
		return up, del, same
	}

	// The first deploy stores every file.
	run("build")
	files := tree(t, out)
	uploads, _, line := deploy()
	if up, del, same := summary(line); up != len(files)-1 || del != 0 || same != 0 || len(uploads) != up {
		t.Errorf("the first deploy of the sample's %d files: %q", len(files)-1, line)
	}
	sameAsPublic("after the first deploy")
	t.Logf("the sample: %d files", len(files)-1)

	// Nothing changed: nothing goes up.
	if uploads, deletes, line := deploy(); len(uploads)+len(deletes) != 0 {
		t.Errorf("a second deploy: %q, uploads %v, deletes %v", line, uploads, deletes)
	}

	// One chapter edited: the files the build changed go up, and only
	// those.
	chapter := filepath.Join(src, "content", "chapters", "02-industry.md")
	text, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(chapter, append(text, "\n园区的故事还在继续。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	run("build")
	changed, _ := changedFiles(files, tree(t, out))
	uploads, deletes, line := deploy()
	if !slices.Equal(slices.Sorted(slices.Values(uploads)), changed) || len(deletes) != 0 {
		t.Errorf("after a chapter edit the build changed %v; the deploy uploaded %v and deleted %v", changed, uploads, deletes)
	}
	if !slices.Contains(changed, "industry/index.html") {
		t.Errorf("the edited chapter's page is not among the changed files %v", changed)
	}
	summary(line)
	sameAsPublic("after a chapter edit")
	t.Logf("after a chapter edit: %s (%v)", line, uploads)

	// A page deleted: its objects go.
	files = tree(t, out)
	if err := os.Remove(filepath.Join(src, "content", "pages", "about.md")); err != nil {
		t.Fatal(err)
	}
	run("build")
	changed, gone := changedFiles(files, tree(t, out))
	uploads, deletes, line = deploy()
	if !slices.Contains(gone, "about/index.html") || !slices.Equal(deletes, gone) && !slices.Equal(slices.Sorted(slices.Values(deletes)), gone) {
		t.Errorf("after the page was deleted the build removed %v; the deploy deleted %v", gone, deletes)
	}
	if !slices.Equal(slices.Sorted(slices.Values(uploads)), changed) {
		t.Errorf("after the page was deleted the build changed %v; the deploy uploaded %v", changed, uploads)
	}
	sameAsPublic("after a page was deleted")
	t.Logf("after a page was deleted: %s", line)

	// A new stylesheet: every page refers to a new file, and the old
	// one is deleted. Deploys killed at random moments, then one whole.
	css, err := os.ReadFile("../../assets/css/main.css")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src, "assets", "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "assets", "css", "main.css"), append(css, "\n.chapter-title{letter-spacing:.02em}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"charts.css", "theme.css"} {
		data, err := os.ReadFile(filepath.Join("../../assets/css", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, "assets", "css", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files = tree(t, out)
	previous := filepath.Join(t.TempDir(), "previous")
	if err := os.CopyFS(previous, os.DirFS(out)); err != nil {
		t.Fatal(err)
	}
	run("build")
	_, gone = changedFiles(files, tree(t, out))
	if !slices.ContainsFunc(gone, func(k string) bool { return strings.HasPrefix(k, "assets/main.") }) {
		t.Fatalf("the new stylesheet did not replace the old: gone %v", gone)
	}
	// The time a whole deploy of the new theme takes is the window the
	// kills fall in; the deploys then go back and forth between the two
	// builds, so that each has the whole work to do.
	start := time.Now()
	run("deploy", "--to", server.URL)
	full := time.Since(start)
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	killed := 0
	for i := range 8 {
		dir := previous
		if i%2 == 1 {
			dir = out
		}
		cmd := folio("deploy", "--to", server.URL, "--out", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(full))))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err != nil {
			killed++
		}
		objects, err := s3test.Pages(ctx, bucket)
		if err != nil {
			t.Fatal(err)
		}
		if missing := s3test.MissingAssets(objects); len(missing) > 0 {
			t.Fatalf("after kill %d, pages in the bucket refer to files it lacks: %v", i, missing)
		}
	}
	if killed == 0 {
		t.Fatalf("every deploy ended before its kill (a whole one takes %v): the kills tested nothing", full)
	}
	t.Logf("%d of 8 deploys killed before their end (a whole one takes %v)", killed, full)
	_, _, line = deploy()
	sameAsPublic("after the killed deploys and one whole")
	t.Logf("after the kills: %s", line)
	if uploads, deletes, line := deploy(); len(uploads)+len(deletes) != 0 {
		t.Errorf("the deploy after that: %q", line)
	}
}
