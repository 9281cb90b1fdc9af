package asset

import (
	"strings"
	"testing"
	"testing/fstest"

	"folio/internal/cache"
	"folio/internal/diag"
)

func theme() fstest.MapFS {
	return fstest.MapFS{
		"css/main.css":          {Data: []byte("@import \"base.css\";\n@import \"./parts/figures.css\";\nbody { color: #ff0000; }\n")},
		"css/base.css":          {Data: []byte("html { margin: 0px; }\n.logo { background: url(../img/dot.svg); }\n")},
		"css/parts/figures.css": {Data: []byte(".figure { padding: 0 0 0 0; }\n")},
		"img/dot.svg":           {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"js/search.js":          {Data: []byte("import { tokens } from './_lib/tokens';\nconsole.log(tokens('高新区'));\n")},
		"js/_lib/tokens.js":     {Data: []byte("export function tokens(s) { return [...s]; }\nexport function unused() { return 1; }\n")},
		"js/_private.js":        {Data: []byte("not an entry")},
	}
}

func build(t *testing.T, fsys fstest.MapFS, c *cache.Cache) (*Result, string) {
	t.Helper()
	var diags diag.List
	res := Build(Options{FS: fsys, Display: func(n string) string { return "assets/" + n }, Cache: c}, &diags)
	var out strings.Builder
	diags.Print(&out)
	return res, out.String()
}

func TestBundlesImports(t *testing.T) {
	res, problems := build(t, theme(), nil)
	if problems != "" {
		t.Fatal(problems)
	}
	css, js := res.Assets["css/main.css"], res.Assets["js/search.js"]
	if css.Path == "" || js.Path == "" || len(res.Assets) != 2 {
		t.Fatalf("assets = %v", res.Assets)
	}
	cssText := string(res.Files[css.Path])
	for _, want := range []string{"html{margin:0}", ".figure{padding:0}", "body{color:red}", `url("./dot.`} {
		if !strings.Contains(cssText, want) {
			t.Errorf("bundled CSS lacks %q:\n%s", want, cssText)
		}
	}
	jsText := string(res.Files[js.Path])
	if !strings.Contains(jsText, "高新区") || strings.Contains(jsText, "unused") || strings.Contains(jsText, "import") {
		t.Errorf("JS not bundled and tree-shaken:\n%s", jsText)
	}
	var svg string
	for name := range res.Files {
		if strings.HasPrefix(name, "assets/dot.") && strings.HasSuffix(name, ".svg") {
			svg = name
		}
	}
	if svg == "" {
		t.Errorf("the image the CSS references was not emitted: %v", res.Files)
	}
	if !strings.HasPrefix(css.Path, "assets/main.") || !strings.HasSuffix(css.Path, ".css") {
		t.Errorf("CSS path %q", css.Path)
	}
}

func TestHashesAndIntegrity(t *testing.T) {
	a, _ := build(t, theme(), nil)
	b, _ := build(t, theme(), nil)
	if a.Assets["css/main.css"] != b.Assets["css/main.css"] || string(a.Files[a.Assets["css/main.css"].Path]) != string(b.Files[b.Assets["css/main.css"].Path]) {
		t.Error("the same input gave different names or bytes")
	}
	changed := theme()
	changed["css/parts/figures.css"] = &fstest.MapFile{Data: []byte(".figure { padding: 1px; }\n")}
	c, _ := build(t, changed, nil)
	if c.Assets["css/main.css"].Path == a.Assets["css/main.css"].Path {
		t.Error("changing an imported file kept the bundle's name")
	}
	if c.Assets["js/search.js"] != a.Assets["js/search.js"] {
		t.Error("changing CSS renamed the JS bundle")
	}
	for _, res := range []*Result{a, c} {
		for entry, asset := range res.Assets {
			if got := Integrity(res.Files[asset.Path]); got != asset.Integrity || !strings.HasPrefix(got, "sha384-") {
				t.Errorf("%s: integrity %s does not match the file (%s)", entry, asset.Integrity, got)
			}
		}
	}
}

func TestBundleCache(t *testing.T) {
	dir := t.TempDir()
	first, _ := build(t, theme(), cache.Open(dir, false))
	if first.Cached {
		t.Fatal("a cold build came from the cache")
	}
	c := cache.Open(dir, false)
	second, _ := build(t, theme(), c)
	if hits, _ := c.Stats(); !second.Cached || hits != 1 {
		t.Fatalf("second build: cached %v, %d hits", second.Cached, hits)
	}
	if second.Assets["css/main.css"] != first.Assets["css/main.css"] || len(second.Files) != len(first.Files) {
		t.Error("the cached build differs from the fresh one")
	}
	changed := theme()
	changed["css/base.css"] = &fstest.MapFile{Data: []byte("html { margin: 1px; }\n")}
	third, _ := build(t, changed, cache.Open(dir, false))
	if third.Cached {
		t.Error("a changed file was served from the cache")
	}
}

func TestBundleErrorsArePositioned(t *testing.T) {
	fsys := fstest.MapFS{
		"css/main.css": {Data: []byte("/* 样式 */\n@import \"missing.css\";\nbody { color: red }\n")},
		"js/app.js":    {Data: []byte("let 名 = 1;\nconst x = ;\n")},
	}
	_, problems := build(t, fsys, nil)
	for _, want := range []string{
		`assets/css/main.css:2:9: error: cannot find "missing.css" in assets/ [asset]`,
		`assets/js/app.js:2:11: error: Unexpected ";"`,
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("missing %q in:\n%s", want, problems)
		}
	}
}
