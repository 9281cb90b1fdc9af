package site

import "folio/internal/render"

// The page a server shows for an address it does not have: its links
// start from the site's root, as it is served at any depth.
func init() {
	registerFormat(outputFormat{
		name: "404", order: 20, reserved: []string{"404"},
		make: func(r *renderRun) {
			if r.b.opts.part != nil {
				return // an installment's site is served within the series'
			}
			page := &render.Page{Kind: "404", Title: r.words.Sprintf("Page not found"), Path: "404.html"}
			r.emit("404.html", "404.html", render.NewData(r.site, page, r.b.basePath()), nil)
		},
	})
}
