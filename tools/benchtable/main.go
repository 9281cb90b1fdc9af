// Command benchtable prints the tables of issue-style benchmark figures that
// `make bench` ends with: for each chapter count, folio's full build as a
// process (wall, CPU, peak RSS, output bytes), a no-change rebuild (the dev
// server's, in process, and `folio build` onto an up-to-date folder),
// `folio build` onto that folder after a one-chapter edit, a one-chapter
// edit through the dev server (file written → watcher → rebuild → reload
// message on the websocket), `folio check`, and Hugo's --minify build of
// the same Markdown, run in alternation with each of folio's process builds
// so that every ratio is a pair's. Every figure is a median. The second
// table holds the figures issue 22 sets targets for (targets.go).
//
//	go run ./tools/benchtable -sizes 100,1000,10000 -runs 5
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gorilla/websocket"

	"folio/internal/benchgen"
	"folio/internal/cache"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/server"
	"folio/internal/site"
)

func main() {
	sizes := flag.String("sizes", "100,1000,10000", "comma-separated chapter counts")
	runs := flag.Int("runs", 5, "runs of each measurement (the median is printed)")
	edits := flag.Int("edits", 10, "edits through the dev server for each size")
	hugoPath := flag.String("hugo", "", "the hugo binary (default: hugo on the PATH, then $GOPATH/bin/hugo)")
	flag.Parse()
	if err := run(*sizes, *runs, *edits, *hugoPath); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(sizes string, runs, edits int, hugoPath string) error {
	work, err := os.MkdirTemp("", "folio-benchtable-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	folio := filepath.Join(work, "folio")
	if out, err := exec.Command("go", "build", "-o", folio, "./cmd/folio").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	hugo := findHugo(hugoPath)
	if hugo == "" {
		fmt.Println("(hugo v0.165.0 not found: `go install github.com/gohugoio/hugo@v0.165.0` adds the Hugo columns)")
	}
	fmt.Printf("%d cores, Go %s; medians of %d runs (edits: %d)\n\n", runtime.NumCPU(), strings.TrimPrefix(runtime.Version(), "go"), runs, edits)
	fmt.Println(mainHeader)
	var results []sizeResult
	for _, field := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < 2 {
			return fmt.Errorf("-sizes: %q is not a chapter count", field)
		}
		r, err := measure(work, folio, hugo, n, runs, edits)
		if err != nil {
			return fmt.Errorf("%d chapters: %w", n, err)
		}
		fmt.Println(r.mainRow())
		results = append(results, r)
	}
	fmt.Println("\nThe targets of issue 22 (ratios against Hugo's full build, per pair):")
	fmt.Println()
	fmt.Println(targetsHeader)
	for _, r := range results {
		fmt.Println(r.targetsRow())
	}
	return nil
}

// measure returns the medians of n chapters.
func measure(work, folio, hugo string, n, runs, edits int) (sizeResult, error) {
	r := sizeResult{n: n, hasHugo: hugo != ""}
	dir := filepath.Join(work, strconv.Itoa(n))
	src, hugoSrc := filepath.Join(dir, "folio"), filepath.Join(dir, "hugo")
	if err := benchgen.Generate(src, n, 1); err != nil {
		return r, err
	}
	if err := benchgen.GenerateHugo(hugoSrc, n, 1); err != nil {
		return r, err
	}
	// Every build, folio's and Hugo's, writes into a folder of its own that
	// is removed only after this size's runs. A file system may avoid
	// reusing inodes freed shortly before (ext4 without a journal steps
	// over each of them when it creates a file), so a build started right
	// after removing the last build's tens of thousands of files paid for
	// the removal: the same 10,000-chapter build took 18.6 s of system time
	// just after one, 2.8 s into a new folder. The table measures builds,
	// not the removals between them.
	runDir := filepath.Join(dir, "runs")
	outFor := func(tool string, i int) string {
		return filepath.Join(runDir, fmt.Sprintf("%s-%d", tool, i))
	}
	defer os.RemoveAll(runDir)
	build := func(out string) []string { return []string{folio, "build", "--src", src, "--out", out} }
	// hugoRun returns Hugo's full build into a new folder named for the
	// measurement it is paired with, or nil without Hugo.
	hugoRun := func(name string) func(int) (figures, error) {
		if hugo == "" {
			return nil
		}
		return func(i int) (figures, error) {
			return timed(hugo, "--minify", "--quiet", "-s", hugoSrc, "-d", outFor(name, i))
		}
	}

	// One unmeasured build each first: it fills folio's image cache (as
	// Hugo's resources/_gen would be) and the file system's.
	if _, err := timed(build(outFor("folio", 0))...); err != nil {
		return r, err
	}
	if hugo != "" {
		if _, err := hugoRun("hugo")(0); err != nil {
			return r, err
		}
	}
	cacheDir := filepath.Join(src, filepath.FromSlash(cache.Dir))
	cold, hugoCold, err := pairs(runs, func(i int) (figures, error) {
		if err := clearMemo(cacheDir); err != nil {
			return figures{}, err
		}
		return timed(build(outFor("folio", i))...)
	}, hugoRun("hugo"))
	if err != nil {
		return r, err
	}
	r.wall, r.rssMiB = median(each(cold, wallOf)), median(each(cold, rssOf))
	r.cpu = median(each(cold, func(f figures) float64 { return f.cpu }))
	r.hugoWall, r.hugoRSS = median(each(hugoCold, wallOf)), median(each(hugoCold, rssOf))
	r.wallRatio, r.rssRatio = median(ratios(cold, hugoCold, wallOf)), median(ratios(cold, hugoCold, rssOf))
	out := outFor("folio", runs)
	bytes, err := folderBytes(out)
	if err != nil {
		return r, err
	}
	r.outputMB = float64(bytes) / 1e6

	// From here on, folio builds onto the up-to-date folder, with the
	// cache (and any memo in it) the builds before left.
	upToDate, hugoUpToDate, err := pairs(runs, func(int) (figures, error) {
		f, err := timed(build(out)...)
		if err == nil && !strings.Contains(f.stdout, "up to date") {
			err = fmt.Errorf("a second build with nothing changed wrote files: %s", f.stdout)
		}
		return f, err
	}, hugoRun("hugo-nothing-changed"))
	if err != nil {
		return r, err
	}
	r.upToDate, r.upToDateRatio = median(each(upToDate, wallOf)), median(ratios(upToDate, hugoUpToDate, wallOf))

	// The same chapter edited before each build, each time differently
	// from the last, so every build has exactly one chapter to redo.
	chapter := chapterFile(src, n/2)
	original, err := os.ReadFile(chapter)
	if err != nil {
		return r, err
	}
	edited, hugoEdited, err := pairs(runs, func(i int) (figures, error) {
		if err := os.WriteFile(chapter, withEdit(original, i), 0o644); err != nil {
			return figures{}, err
		}
		f, err := timed(build(out)...)
		if err == nil && strings.Contains(f.stdout, "up to date") {
			err = fmt.Errorf("a build after an edit of %s wrote nothing: %s", chapter, f.stdout)
		}
		return f, err
	}, hugoRun("hugo-edit"))
	if err != nil {
		return r, err
	}
	if err := os.WriteFile(chapter, original, 0o644); err != nil {
		return r, err
	}
	r.editBuild, r.editRatio = median(each(edited, wallOf)), median(ratios(edited, hugoEdited, wallOf))

	var checks []float64
	for range runs {
		f, err := timed(folio, "check", "--src", src)
		if err != nil {
			return r, err
		}
		checks = append(checks, f.wall)
	}
	r.check = median(checks)
	noChange, err := devNoChange(src, work, runs)
	if err != nil {
		return r, err
	}
	r.devNoChangeMs = median(noChange)
	reload, err := devEdit(src, work, n, edits)
	if err != nil {
		return r, err
	}
	r.reloadMs = median(reload)
	return r, nil
}

type figures struct {
	wall, cpu, rssMiB float64
	stdout            string
}

// timed runs a command and returns its wall and CPU seconds and peak RSS.
func timed(args ...string) (figures, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return figures{}, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	usage := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return figures{
		wall:   wall.Seconds(),
		cpu:    (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(),
		rssMiB: float64(usage.Maxrss) / 1024, // kilobytes on Linux
		stdout: stdout.String(),
	}, nil
}

// devNoChange times the dev server's rebuild when nothing changed: the
// session's Build into memory, as the server runs it after a save.
func devNoChange(src, work string, runs int) ([]float64, error) {
	// As server.New configures it: no editions in the preview.
	s := site.NewSession(site.Options{Options: config.Options{Src: src, BaseURL: "http://127.0.0.1:1313/"}, CacheDir: filepath.Join(work, "cache"), Dev: true, NoEditions: true})
	build := func() (*site.Result, error) {
		var diags diag.List
		res, err := s.Build(context.Background(), output.NewMemory(), &diags)
		if err == nil && diags.HasErrors() {
			err = fmt.Errorf("%v", diags.Items()[0])
		}
		return res, err
	}
	if _, err := build(); err != nil {
		return nil, err
	}
	var ms []float64
	for range runs {
		start := time.Now()
		res, err := build()
		if err != nil {
			return nil, err
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
		if len(res.Rendered) != 0 {
			return nil, fmt.Errorf("a rebuild with nothing changed rendered %d pages", len(res.Rendered))
		}
	}
	runtime.GC()
	return ms, nil
}

// devEdit serves src and times edits of the middle chapter, from the
// file's write to the reload message on a live-reload websocket.
func devEdit(src, work string, n, edits int) ([]float64, error) {
	srv, err := server.New(server.Options{Site: site.Options{Options: config.Options{Src: src}, CacheDir: filepath.Join(work, "cache")}, Log: io.Discard})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	defer func() { cancel(); <-done; runtime.GC() }()

	ws, _, err := websocket.DefaultDialer.Dial(strings.Replace(srv.URL(), "http://", "ws://", 1)+"livereload", nil)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	_ = ws.WriteMessage(websocket.TextMessage, []byte(`{"command":"hello"}`))
	if _, _, err := ws.ReadMessage(); err != nil {
		return nil, err
	}
	chapter := chapterFile(src, n/2)
	original, err := os.ReadFile(chapter)
	if err != nil {
		return nil, err
	}
	defer os.WriteFile(chapter, original, 0o644)
	var ms []float64
	for i := range edits {
		edited := withEdit(original, i)
		start := time.Now()
		if err := os.WriteFile(chapter, edited, 0o644); err != nil {
			return nil, err
		}
		_ = ws.SetReadDeadline(time.Now().Add(time.Minute))
		if _, msg, err := ws.ReadMessage(); err != nil || !strings.Contains(string(msg), "reload") {
			return nil, fmt.Errorf("no reload message after an edit: %v %s", err, msg)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
	}
	return ms, nil
}

func folderBytes(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	return total, err
}

// findHugo returns the hugo binary to compare with, if it is v0.165.0.
func findHugo(flagPath string) string {
	candidates := []string{flagPath}
	if p, err := exec.LookPath("hugo"); err == nil {
		candidates = append(candidates, p)
	}
	if gopath, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		candidates = append(candidates, filepath.Join(strings.TrimSpace(string(gopath)), "bin", "hugo"))
	}
	for _, p := range candidates {
		if p == "" {
			continue
		}
		if v, err := exec.Command(p, "version").Output(); err == nil && strings.Contains(string(v), "v0.165.0") {
			return p
		}
	}
	return ""
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}
