package site_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"folio/internal/asset"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
	"folio/internal/testtools"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// repoRoot is the folder holding the sample publication.
const repoRoot = "../.."

func buildSample(t *testing.T, opts config.Options) *built {
	t.Helper()
	b := buildSite(t, repoRoot, opts)
	b.noErrors()
	return b
}

// sampleCache is shared by the sample builds of this test binary, so only
// the first processes the images, and the repository's own .cache is left
// alone.
var sampleCache string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "folio-test-cache-")
	if err != nil {
		panic(err)
	}
	sampleCache = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// TestSampleGolden compares every page of the sample publication with its
// golden file. Run `go test ./internal/site -run TestSampleGolden -update`
// after an intended change and review the diff.
func TestSampleGolden(t *testing.T) {
	b := buildSample(t, config.Options{})
	goldenDir := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range b.out.Names() {
		switch path.Ext(name) {
		case ".html", ".xml", ".txt", ".css", ".js", ".json", ".csv":
		default:
			continue // images: their processing has tests of its own
		}
		got, _ := b.out.File(name)
		p := filepath.Join(goldenDir, filepath.FromSlash(name))
		if *update {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: no golden file (run with -update): %v", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update if intended): %s", name, p, firstDifference(got, want))
		}
	}
}

func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	clip := func(b []byte) string {
		lo, hi := max(0, i-60), min(len(b), i+60)
		return string(bytes.ToValidUTF8(b[lo:hi], []byte("?")))
	}
	return fmt.Sprintf("at byte %d:\n\tgot:  …%s…\n\twant: …%s…", i, clip(got), clip(want))
}

func TestSampleBuildsAreByteIdentical(t *testing.T) {
	first := buildSample(t, config.Options{})
	second := buildSample(t, config.Options{})
	if a, b := first.out.Names(), second.out.Names(); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("two builds wrote different files:\n%v\n%v", a, b)
	}
	for _, name := range first.out.Names() {
		a, _ := first.out.File(name)
		b, _ := second.out.File(name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds: %s", name, firstDifference(a, b))
		}
	}
}

// folio build writes the print page a section at a time (a StreamSink):
// on disk, every file is what a build into memory holds.
func TestSampleOnDiskAsInMemory(t *testing.T) {
	mem := buildSample(t, config.Options{})
	out := filepath.Join(t.TempDir(), "public")
	disk := output.NewUpdate(out)
	var diags diag.List
	if _, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: repoRoot}, CacheDir: sampleCache}, disk, &diags); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags.Items())
	}
	if _, err := disk.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range mem.out.Names() {
		want, _ := mem.out.File(name)
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s on disk differs from memory (%v): %s", name, err, firstDifference(got, want))
		}
	}
}

func TestSampleHasEveryPage(t *testing.T) {
	b := buildSample(t, config.Options{})
	for _, name := range []string{
		"index.html", "reform/index.html", "industry/index.html", "organization/index.html",
		"livelihood/index.html", "about/index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml",
	} {
		b.file(name)
	}
	cover := b.file("index.html")
	for _, want := range []string{"庆祝中国共产党成立100周年巡礼", "党旗招展千帆竞", "改革篇", "产业篇", "组织篇", "民生篇", `lang="zh-CN"`} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q", want)
		}
	}
}

var linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
var idRE = regexp.MustCompile(`\sid="([^"]*)"`)

// TestSampleLinksResolveUnderSubPath serves the built sample under
// /any/sub/path/, as a static host would, and follows every internal link
// and asset from every page: each must answer 200, and each fragment must
// name an element of its page.
func TestSampleLinksResolveUnderSubPath(t *testing.T) {
	const prefix = "/any/sub/path/"
	b := buildSample(t, config.Options{BaseURL: "https://example.org" + prefix})
	crawlUnder(t, prefix, b.out, "reform/", "livelihood/", "about/", "404.html")
}

// crawlUnder serves out under prefix and follows every internal link and
// asset from the home and the 404 page: each must answer 200 within the
// prefix, each fragment must name an element of its page, and the crawl
// must reach each of want.
func crawlUnder(t *testing.T, prefix string, out *output.Memory, want ...string) {
	t.Helper()
	srv := httptest.NewServer(staticHost(prefix, out))
	defer srv.Close()

	pages := map[string]string{} // URL path → body, for fragment checks
	fetch := func(p string) (int, string) {
		if body, ok := pages[p]; ok {
			return http.StatusOK, body
		}
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == http.StatusOK {
			pages[p] = string(data)
		}
		return resp.StatusCode, string(data)
	}

	queue := []string{prefix}
	// The 404 page is served for a missing URL at any depth.
	if code, _ := fetch(prefix + "no/such/page/"); code != http.StatusNotFound {
		t.Fatalf("a missing page answered %d, want 404", code)
	}
	queue = append(queue, prefix+"404.html")
	seen := map[string]bool{}
	checked := 0
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		code, body := fetch(p)
		if code != http.StatusOK {
			t.Errorf("%s answered %d", p, code)
			continue
		}
		if !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".html") {
			continue
		}
		base, _ := url.Parse(srv.URL + p)
		for _, m := range linkRE.FindAllStringSubmatch(body, -1) {
			ref, err := base.Parse(htmlUnescape(m[1]))
			if err != nil {
				t.Errorf("%s: bad link %q", p, m[1])
				continue
			}
			if ref.Host != base.Host {
				continue // external, or an absolute URL on base_url's host
			}
			checked++
			if !strings.HasPrefix(ref.Path, prefix) {
				t.Errorf("%s: link %q leaves the sub-path %s", p, m[1], prefix)
				continue
			}
			if code, target := fetch(ref.Path); code != http.StatusOK {
				t.Errorf("%s: link %q → %s answered %d", p, m[1], ref.Path, code)
			} else if ref.Fragment != "" && !hasID(target, ref.Fragment) {
				t.Errorf("%s: link %q: %s has no element with id %q", p, m[1], ref.Path, ref.Fragment)
			}
			queue = append(queue, ref.Path)
		}
	}
	if checked < 50 {
		t.Errorf("only %d links checked: the crawl did not reach the site", checked)
	}
	for _, want := range want {
		if !seen[prefix+want] {
			t.Errorf("the crawl never reached %s", want)
		}
	}
}

func hasID(body, id string) bool {
	for _, m := range idRE.FindAllStringSubmatch(body, -1) {
		if htmlUnescape(m[1]) == id {
			return true
		}
	}
	return false
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// staticHost serves files from out under prefix the way static hosts do:
// a folder URL serves its index.html, anything else missing serves 404.html
// with status 404.
func staticHost(prefix string, out *output.Memory) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, prefix)
		if ok && (name == "" || strings.HasSuffix(name, "/")) {
			name += "index.html"
		}
		data, found := out.File(name)
		if !ok || !found {
			data, _ = out.File("404.html")
			w.WriteHeader(http.StatusNotFound)
		}
		_, _ = w.Write(data)
	})
}

// TestSampleHTMLValidates runs html-validate (npm, installed by .ci/run)
// over every page of the sample.
func TestSampleHTMLValidates(t *testing.T) {
	validateHTML(t, buildSample(t, config.Options{}).out, 7)
}

// validateHTML runs html-validate over every page in out, at least min
// of them.
func validateHTML(t *testing.T, out *output.Memory, min int) {
	t.Helper()
	bin, err := filepath.Abs(filepath.Join(repoRoot, "node_modules", ".bin", "html-validate"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		testtools.Missing(t, "html-validate", "npm ci")
	}
	b := &built{t: t, out: out}
	dir := t.TempDir()
	var pages []string
	for _, name := range b.out.Names() {
		if path.Ext(name) != ".html" {
			continue
		}
		data, _ := b.out.File(name)
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	cfg, _ := filepath.Abs(filepath.Join(repoRoot, ".htmlvalidate.json"))
	cmd := exec.Command(bin, append([]string{"--config", cfg}, pages...)...)
	report, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("html-validate found problems in the pages:\n%s", report)
	}
	if len(pages) < min {
		t.Fatalf("only %d pages validated", len(pages))
	}
}

// TestSampleAssetsFingerprinted checks every stylesheet and script of every
// page: a content-hashed name, and an integrity digest of the bytes served.
func TestSampleAssetsFingerprinted(t *testing.T) {
	b := buildSample(t, config.Options{})
	tag := regexp.MustCompile(`<(?:link rel="stylesheet"|script)[^>]*>`)
	ref := regexp.MustCompile(`(?:href|src)="(?:\.\./|/gaoxin/)*([^"]+)"`)
	integrity := regexp.MustCompile(`integrity="([^"]+)"`)
	hashed := regexp.MustCompile(`^assets/[\w-]+\.[0-9a-f]{8}\.(css|js)$`)
	checked := 0
	for _, name := range b.out.Names() {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, el := range tag.FindAllString(b.file(name), -1) {
			checked++
			src, sri := ref.FindStringSubmatch(el), integrity.FindStringSubmatch(el)
			if src == nil || sri == nil || !hashed.MatchString(src[1]) {
				t.Errorf("%s: %s is not a fingerprinted asset with integrity", name, el)
				continue
			}
			if got := asset.Integrity([]byte(b.file(src[1]))); got != sri[1] {
				t.Errorf("%s: %s: the file's digest is %s", name, el, got)
			}
		}
	}
	if checked < 8 {
		t.Errorf("only %d stylesheets and scripts checked", checked)
	}
}
