// Package asset builds the theme's assets: CSS and JS entry points bundled
// and minified with esbuild (the engine Hugo's js and css pipelines use;
// Hugo's wrapper is internal), named by content hash and given SRI digests,
// plus static files copied verbatim.
package asset

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"

	"folio/internal/cache"
	"folio/internal/diag"
)

// Asset is one built file layouts can reference.
type Asset struct {
	Path      string // site path, e.g. assets/main.3f9a1c2e.css
	Integrity string // sha384-…
}

// Options configure a bundle build.
type Options struct {
	FS        fs.FS                    // the assets folder: the site's over the theme's
	Display   func(name string) string // names a file of FS in diagnostics
	Sourcemap bool                     // linked source maps, for the dev server
	// Stable keeps entry names without a content hash and leaves out
	// integrity digests: the dev server swaps a changed stylesheet in
	// place under the same name.
	Stable bool
	Cache  *cache.Cache
}

// Result is what a build adds to the site.
type Result struct {
	Assets map[string]Asset  // by entry name: css/main.css, js/search.js
	Files  map[string][]byte // every output file by site path
	Cached bool              // served from the cache
}

// The browsers of the last few years.
var engines = []api.Engine{
	{Name: api.EngineChrome, Version: "100"},
	{Name: api.EngineEdge, Version: "100"},
	{Name: api.EngineFirefox, Version: "100"},
	{Name: api.EngineSafari, Version: "15"},
}

const namespace = "folio-assets"

// EntryPoints lists the bundles of fsys: css/main.css and every js/*.js
// not starting with an underscore.
func EntryPoints(fsys fs.FS) []string {
	var entries []string
	if _, err := fs.Stat(fsys, "css/main.css"); err == nil {
		entries = append(entries, "css/main.css")
	}
	js, _ := fs.Glob(fsys, "js/*.js")
	for _, name := range js {
		if !strings.HasPrefix(path.Base(name), "_") {
			entries = append(entries, name)
		}
	}
	return entries
}

// Build bundles every entry point. Problems are added to diags with their
// positions.
func Build(opts Options, diags *diag.List) *Result {
	res := &Result{Assets: map[string]Asset{}, Files: map[string][]byte{}}
	entries := EntryPoints(opts.FS)
	key, keyErr := sourceKey(opts)
	if keyErr == nil {
		if files, ok := opts.Cache.Get("bundles", key); ok {
			if err := json.Unmarshal(files["assets.json"], &res.Assets); err == nil {
				delete(files, "assets.json")
				for name, data := range files {
					res.Files[decodeName(name)] = data
				}
				res.Cached = true
				return res
			}
		}
	}
	if len(entries) == 0 {
		return res
	}
	sourcemap := api.SourceMapNone
	if opts.Sourcemap {
		sourcemap = api.SourceMapLinked
	}
	out := api.Build(api.BuildOptions{
		EntryPoints:       entries,
		Bundle:            true,
		Write:             false,
		Outdir:            "/out",
		EntryNames:        "[name]",
		AssetNames:        "[name].[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Sourcemap:         sourcemap,
		Engines:           engines,
		Format:            api.FormatIIFE,
		Charset:           api.CharsetUTF8,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{overlayPlugin(opts.FS)},
		Loader: map[string]api.Loader{
			".svg": api.LoaderFile, ".png": api.LoaderFile, ".jpg": api.LoaderFile, ".webp": api.LoaderFile,
			".woff": api.LoaderFile, ".woff2": api.LoaderFile,
		},
	})
	for _, m := range out.Errors {
		diags.Add(message(opts, m, diag.Error))
	}
	for _, m := range out.Warnings {
		diags.Add(message(opts, m, diag.Warning))
	}
	if len(out.Errors) > 0 {
		return res
	}
	// Entry outputs are renamed by a hash of their bytes; esbuild's own
	// [hash] names the files they reference.
	for _, f := range out.OutputFiles {
		rel := strings.TrimPrefix(f.Path, "/out/")
		ext := path.Ext(rel)
		if ext == ".map" {
			res.Files["assets/"+rel] = f.Contents
			continue
		}
		entry := entryFor(entries, rel)
		if entry == "" {
			res.Files["assets/"+rel] = f.Contents
			continue
		}
		sum := sha256.Sum256(f.Contents)
		name := "assets/" + strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		if opts.Stable {
			name = "assets/" + rel
		}
		// With source maps, the map keeps esbuild's name (main.css.map),
		// which the sourceMappingURL comment names.
		data := f.Contents
		res.Files[name] = data
		res.Assets[entry] = Asset{Path: name, Integrity: Integrity(data)}
		if opts.Stable {
			res.Assets[entry] = Asset{Path: name}
		}
	}
	if keyErr == nil {
		files := map[string][]byte{}
		for name, data := range res.Files {
			files[encodeName(name)] = data
		}
		files["assets.json"], _ = json.Marshal(res.Assets)
		_ = opts.Cache.Put("bundles", key, files)
	}
	return res
}

// Integrity is the SRI digest of data.
func Integrity(data []byte) string {
	sum := sha512.Sum384(data)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

// entryFor maps an output file back to its entry: css/main.css → main.css.
func entryFor(entries []string, out string) string {
	for _, e := range entries {
		if path.Base(e) == out {
			return e
		}
	}
	return ""
}

// sourceKey hashes every file of the assets folder and the options: any
// change to any file rebuilds the bundles.
func sourceKey(opts Options) (string, error) {
	var parts [][]byte
	err := fs.WalkDir(opts.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(p, "static/") {
			return nil
		}
		data, err := fs.ReadFile(opts.FS, p)
		if err != nil {
			return err
		}
		parts = append(parts, []byte(p), data)
		return nil
	})
	if err != nil {
		return "", err
	}
	parts = append(parts, []byte(fmt.Sprint("sourcemap", opts.Sourcemap, "stable", opts.Stable)))
	return cache.Key(parts...), nil
}

// Cache entries are flat folders: slashes in names are encoded.
func encodeName(name string) string { return strings.ReplaceAll(name, "/", "%2F") }
func decodeName(name string) string { return strings.ReplaceAll(name, "%2F", "/") }

// overlayPlugin makes esbuild read from the assets file system (the site's
// files over the embedded theme) instead of the disk.
func overlayPlugin(fsys fs.FS) api.Plugin {
	return api.Plugin{
		Name: "folio-overlay",
		Setup: func(build api.PluginBuild) {
			build.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				p := args.Path
				if strings.HasPrefix(p, "http:") || strings.HasPrefix(p, "https:") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "data:") {
					return api.OnResolveResult{External: true, Path: p}, nil
				}
				if args.Kind != api.ResolveEntryPoint {
					if strings.HasPrefix(p, "/") {
						p = strings.TrimPrefix(p, "/")
					} else {
						p = path.Join(path.Dir(args.Importer), p)
					}
				}
				p = path.Clean(p)
				if !fs.ValidPath(p) {
					return api.OnResolveResult{}, fmt.Errorf("%q is outside the assets folder", args.Path)
				}
				if _, err := fs.Stat(fsys, p); err != nil {
					// A bare import without extension, as JS writes them.
					for _, ext := range []string{".js", ".css"} {
						if _, err := fs.Stat(fsys, p+ext); err == nil {
							return api.OnResolveResult{Path: p + ext, Namespace: namespace}, nil
						}
					}
					return api.OnResolveResult{}, fmt.Errorf("cannot find %q in assets/", args.Path)
				}
				return api.OnResolveResult{Path: p, Namespace: namespace}, nil
			})
			build.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(fsys, args.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				if !utf8.Valid(data) && slices.Contains([]string{".css", ".js"}, path.Ext(args.Path)) {
					return api.OnLoadResult{}, errors.New("not valid UTF-8")
				}
				contents := string(data)
				loader := api.LoaderFile
				switch path.Ext(args.Path) {
				case ".css":
					loader = api.LoaderCSS
				case ".js", ".mjs":
					loader = api.LoaderJS
				}
				return api.OnLoadResult{Contents: &contents, Loader: loader}, nil
			})
		},
	}
}

// message converts an esbuild message to a diagnostic; esbuild columns are
// bytes, diagnostics count characters.
func message(opts Options, m api.Message, sev diag.Severity) diag.Diagnostic {
	d := diag.Diagnostic{Severity: sev, Rule: "asset", Message: m.Text} // untranslated: esbuild's own words
	if m.Location != nil {
		file := strings.TrimPrefix(m.Location.File, namespace+":")
		if opts.Display != nil {
			file = opts.Display(file)
		}
		col := m.Location.Column
		if col <= len(m.Location.LineText) {
			col = utf8.RuneCountInString(m.Location.LineText[:col])
		}
		d.Pos = diag.Position{File: file, Line: m.Location.Line, Col: col + 1}
	} else if opts.Display != nil {
		d.Pos = diag.Position{File: opts.Display("")}
	}
	for _, n := range m.Notes {
		if n.Text != "" {
			d.Message += "; " + n.Text
		}
	}
	return d
}
