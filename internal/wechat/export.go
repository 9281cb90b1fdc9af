package wechat

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"folio/internal/content"
	"folio/internal/diag"
)

// WeChat's limits on what an article may hold, as its editor states
// them when a paste or an upload exceeds them.
const (
	// MaxChars is the most characters an article's text may have.
	MaxChars = 20000
	// MaxImageBytes is the largest image the editor takes (doocs/md
	// refuses larger ones for the same reason).
	MaxImageBytes = 10 << 20
)

// Chapter is a chapter to export: its page in the site, and where its
// problems are in its Markdown.
type Chapter struct {
	URL   string // the page's site path, such as "reform/"
	Title string
	Part  string // in a series, the installment's title

	Start diag.Position
	// Find is where text first occurs in the chapter's Markdown, or
	// Start when it does not.
	Find func(text string) diag.Position
}

// ChapterOf is the Chapter of a page of the publication.
func ChapterOf(p *content.Page) Chapter {
	start := p.Pos(0)
	return Chapter{URL: p.URL, Title: p.Title(), Start: start, Find: func(text string) diag.Position {
		if i := bytes.Index(p.Body, []byte(text)); i >= 0 {
			return p.Pos(i)
		}
		return start
	}}
}

// SeriesChapters are the chapters of a series' installments that a
// build on sched publishes, each at its installment's folder.
func SeriesChapters(ser *content.Series, diags *diag.List) []Chapter {
	var out []Chapter
	for _, in := range ser.Installments {
		if in.Held != content.Published {
			continue
		}
		pub := content.Load(in.Dir, in.Display, false, diags)
		for _, p := range pub.Chapters {
			ch := ChapterOf(p)
			ch.URL = in.Slug + "/" + ch.URL
			ch.Part = pub.Config.Title
			out = append(out, ch)
		}
	}
	return out
}

// ExportOptions are what an export reads.
type ExportOptions struct {
	Site Files // the built site's files
	// Public and Out are the folders of the site and of the edition:
	// the preview pages show the site's images by relative addresses
	// from one to the other.
	Public, Out string
	BaseURL     string // absolute, ending in "/"; "" when not set
	Publication string // the publication's title
	Chapters    []Chapter
	// BaseURLAt is where base_url is set, or should be, for
	// diagnostics.
	BaseURLAt diag.Position
}

// File is a file of the WeChat edition, by slash path.
type File struct {
	Name string
	Data []byte
}

// Files are the built site's files, by slash path.
type Files interface {
	File(name string) ([]byte, bool)
}

// Dir is a built site in a folder.
type Dir string

// File reads the file name of the site.
func (d Dir) File(name string) ([]byte, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(string(d), filepath.FromSlash(name)))
	return data, err == nil
}

// Export makes the WeChat edition: for each chapter its preview page
// (<slug>/index.html), a list of them (index.html), and the assets the
// pages load. What WeChat would refuse or show broken goes to diags.
func Export(opts ExportOptions, diags *diag.List) ([]File, error) {
	var files []File
	var entries []Entry
	for _, d := range baseURLProblems(opts.BaseURL, opts.BaseURLAt) {
		diags.Add(d)
	}
	for _, ch := range opts.Chapters {
		var problems []string
		a, err := article(opts.Site, ch, opts.BaseURL, func(d diag.Diagnostic) {
			diags.Add(d)
			problems = append(problems, d.String())
		})
		if err != nil {
			return nil, err
		}
		slug := strings.TrimSuffix(ch.URL, "/")
		up := strings.Repeat("../", strings.Count(slug, "/")+1)
		site := ""
		if opts.BaseURL != "" {
			site = opts.BaseURL + ch.URL
		}
		page := Page(a, PageOptions{
			Publication: opts.Publication, Assets: up, Up: up + "index.html", Site: site,
			Image: func(im Image) string {
				return relTo(opts.Public, filepath.Join(opts.Out, filepath.FromSlash(slug)), im.SitePath)
			},
			Problems: problems,
		})
		files = append(files, File{Name: slug + "/index.html", Data: page})
		title := a.Title
		if ch.Part != "" {
			title = ch.Part + " · " + title
		}
		entries = append(entries, Entry{Title: title, Href: slug + "/index.html", Chars: a.Chars})
	}
	files = append(files, File{Name: "index.html", Data: List(opts.Publication, "", entries)})
	for name, data := range Assets() {
		files = append(files, File{Name: name, Data: data})
	}
	return files, nil
}

// baseURLProblems are what is wrong with the address the articles'
// images and links are given.
func baseURLProblems(base string, at diag.Position) []diag.Diagnostic {
	switch {
	case base == "":
		return []diag.Diagnostic{diag.Make(at, diag.Error, "wechat-base-url",
			"the WeChat edition needs the site's address for its images and links: set base_url to the address the site is published at (https://…/), or pass --base-url")}
	case strings.HasPrefix(base, "http://"):
		return []diag.Diagnostic{diag.Make(at, diag.Warning, "wechat-base-url",
			"base_url is http://: WeChat fetches the articles' images from it, and readers' phones refuse plain http links; publish the site at an https:// address")}
	}
	return nil
}

// article converts a chapter's page and reports what WeChat would
// refuse in it: an image over its size limit, a text over its length.
func article(site Files, ch Chapter, base string, report func(diag.Diagnostic)) (*Article, error) {
	data, ok := site.File(ch.URL + "index.html")
	if !ok {
		return nil, fmt.Errorf("%sindex.html is not in the built site: build it first", ch.URL)
	}
	a, err := Convert(bytes.NewReader(data), Options{BaseURL: base, PagePath: ch.URL})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ch.URL, err)
	}
	for _, im := range a.Images {
		switch strings.ToLower(path.Ext(im.SitePath)) {
		case ".svg", ".webp", ".avif":
			report(diag.Make(ch.Find(sourceStem(im.SitePath)), diag.Error, "wechat-image-type",
				"image %s is %s, which the 公众号 editor does not take: give it as a PNG or JPEG", path.Base(im.SitePath), strings.ToUpper(strings.TrimPrefix(path.Ext(im.SitePath), "."))))
			continue
		}
		img, ok := site.File(im.SitePath)
		if !ok {
			continue // not a file of the site: the build reported it
		}
		if size, limit := int64(len(img)), int64(MaxImageBytes); size > limit {
			report(diag.Make(ch.Find(sourceStem(im.SitePath)), diag.Error, "wechat-image-size",
				"image %s is %.1f MB, over the %d MB WeChat takes: make it smaller (fewer pixels, or a JPEG for a photo)",
				path.Base(im.SitePath), float64(size)/(1<<20), limit>>20))
		}
	}
	if a.Chars > MaxChars {
		report(diag.Make(ch.Start, diag.Error, "wechat-length",
			"the chapter's WeChat article has %d characters, over the %d the 公众号 editor takes: split the chapter, or shorten it", a.Chars, MaxChars))
	}
	return a, nil
}

// PreviewOptions place a preview page the dev server makes.
type PreviewOptions struct {
	BaseURL     string // the published site's address, from publication.yaml
	Publication string
	// Root is the path of the site being served ("/"), and Here the
	// path the preview pages are served under ("/__folio/wechat/").
	Root, Here string
	BaseURLAt  diag.Position
}

// Preview is the preview page of the chapter at pageURL of a site being
// served, with its images from that site; ok is false when the page is
// not a chapter.
func Preview(site Files, pageURL string, o PreviewOptions) (page []byte, ok bool) {
	var problems []string
	for _, d := range baseURLProblems(o.BaseURL, o.BaseURLAt) {
		problems = append(problems, d.String())
	}
	ch := Chapter{URL: pageURL, Find: func(string) diag.Position { return diag.Position{} }}
	a, err := article(site, ch, o.BaseURL, func(d diag.Diagnostic) { problems = append(problems, d.String()) })
	if err != nil {
		return nil, false
	}
	return Page(a, PageOptions{
		Publication: o.Publication, Assets: o.Here, Up: o.Here, Site: o.Root + pageURL,
		Image:    func(im Image) string { return o.Root + im.SitePath },
		Problems: problems,
	}), true
}

// relTo is the address of a file of the built site from a page of the
// edition: the preview shows the local build's images.
func relTo(public, pageDir, sitePath string) string {
	absPublic, err1 := filepath.Abs(public)
	absPage, err2 := filepath.Abs(pageDir)
	rel, err3 := filepath.Rel(absPage, filepath.Join(absPublic, filepath.FromSlash(sitePath)))
	if err1 != nil || err2 != nil || err3 != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

var variantSuffix = regexp.MustCompile(`\.[0-9a-f]{8}(-\d+)?\.[a-z]+$`)

// sourceStem is the name an image is written with in Markdown, as far
// as its variant's name tells: images/reform.4d7c122e-1440.jpg was
// images/reform.<ext>.
func sourceStem(sitePath string) string {
	return variantSuffix.ReplaceAllString(sitePath, ".")
}
