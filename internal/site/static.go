package site

import (
	"io/fs"
	"path"

	"folio/internal/diag"
	"folio/internal/render"
)

// Files copied from assets/static/ as they are, last: they may replace
// nothing folio writes.
func init() {
	registerFormat(outputFormat{
		name: "static", order: 90,
		make: func(r *renderRun) {
			r.background.Wait() // a static file may replace nothing folio writes
			r.b.staticFiles(r.files)
		},
	})
}

// staticFiles copies assets/static/ to the site root as it is: favicons,
// touch icons, .well-known/. A static file may not replace a page.
func (b *builder) staticFiles(files *outputs) {
	static := render.Overlay{Site: sub(b.theme.Site, "assets/static"), Theme: sub(b.theme.Theme, "assets/static")}
	_ = fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		shown := b.display(path.Join("assets/static", name))
		if files.has(name) {
			b.diags.Errorf(diag.Position{File: shown}, "static-conflict", "static file %s would replace the %s folio writes: rename or remove it", name, name)
			return nil
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			b.diags.Errorf(diag.Position{File: shown}, "read-error", "%v", err)
			return nil
		}
		files.add(name, data)
		return nil
	})
}
