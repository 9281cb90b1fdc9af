package check

import "folio/internal/diag"

// The rules about images and links are reported while the build converts
// Markdown, where the images and the pages are known: missing-alt by
// internal/markdown/pictures (and the site, for a cover), missing-credit
// and the broken-link of a heading by internal/site, the broken-link of a
// page by internal/markdown/xref. Those packages come before this one, so
// the rules are registered here.
func init() {
	register(Rule{ID: "missing-alt", Order: 130, Stage: StageConversion, Default: diag.Warning,
		What:   "an image without alt text",
		Flags:  "![](images/a.jpg)",
		Leaves: "![会场全景](images/a.jpg)"})
	register(Rule{ID: "missing-credit", Order: 140, Stage: StageConversion, Default: diag.Off,
		What:   "a photo whose credit neither its title in the Markdown (摄影：…, 图片来源：…) nor its own metadata (EXIF Artist, IPTC By-line or Credit, XMP dc:creator) gives; off unless checks: turns it on",
		Flags:  "![厂房](images/a.jpg) from a camera that wrote no Artist",
		Leaves: "![厂房](images/a.jpg \"厂房 摄影：张三\"), a photo whose EXIF names 张三, an SVG drawing"})
	register(Rule{ID: "broken-link", Order: 150, Stage: StageConversion, Default: diag.Error,
		What:   "a link to a page or heading that does not exist",
		Flags:  "[见上文](02-nonesuch.md)",
		Leaves: "[见上文](02-reform.md)"})
}
