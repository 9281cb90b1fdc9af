package wechat

import (
	"bytes"
	"fmt"
	"io/fs"
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
	// MaxImageBytes is the largest image the editor takes.
	MaxImageBytes = 10 << 20
	// MaxGIFBytes is the largest animated GIF it takes.
	MaxGIFBytes = 5 << 20
)

// Chapter is a chapter to export: its page in the site, and where its
// problems are in its Markdown.
type Chapter struct {
	URL   string // the page's site path, such as "reform/"
	Start diag.Position
	// Find is where text first occurs in the chapter's Markdown, or
	// Start when it does not.
	Find func(text string) diag.Position
}

// ChapterOf is the Chapter of a page of the publication.
func ChapterOf(p *content.Page) Chapter {
	start := p.Pos(0)
	return Chapter{URL: p.URL, Start: start, Find: func(text string) diag.Position {
		if i := bytes.Index(p.Body, []byte(text)); i >= 0 {
			return p.Pos(i)
		}
		return start
	}}
}

// ExportOptions are what an export reads.
type ExportOptions struct {
	Site fs.FS // the built site's files
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

// Export makes the WeChat edition: for each chapter its preview page
// (<slug>/index.html), a list of them (index.html), and the assets the
// pages load. What WeChat would refuse or show broken goes to diags.
func Export(opts ExportOptions, diags *diag.List) ([]File, error) {
	var files []File
	var entries []Entry
	if opts.BaseURL == "" {
		diags.Errorf(opts.BaseURLAt, "wechat-base-url",
			"the WeChat edition needs the site's address for its images and links: set base_url to the address the site is published at (https://…/), or pass --base-url")
	} else if strings.HasPrefix(opts.BaseURL, "http://") {
		diags.Warnf(opts.BaseURLAt, "wechat-base-url",
			"base_url is http://: WeChat fetches the articles' images from it, and readers' phones refuse plain http links; publish the site at an https:// address")
	}
	for _, ch := range opts.Chapters {
		data, err := fs.ReadFile(opts.Site, ch.URL+"index.html")
		if err != nil {
			return nil, fmt.Errorf("%s: %w (build the site first)", ch.URL, err)
		}
		a, err := Convert(bytes.NewReader(data), Options{BaseURL: opts.BaseURL, PagePath: ch.URL})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ch.URL, err)
		}
		var problems []string
		report := func(d diag.Diagnostic) {
			diags.Add(d)
			problems = append(problems, d.String())
		}
		for _, im := range a.Images {
			fi, err := fs.Stat(opts.Site, im.SitePath)
			if err != nil {
				continue // not a file of the site: the build reported it
			}
			limit := int64(MaxImageBytes)
			if strings.EqualFold(path.Ext(im.SitePath), ".gif") {
				limit = MaxGIFBytes
			}
			if fi.Size() > limit {
				report(diag.Make(ch.Find(sourceStem(im.SitePath)), diag.Error, "wechat-image-size",
					"image %s is %.1f MB, over the %d MB WeChat takes: make it smaller (fewer pixels, or a JPEG for a photo)",
					path.Base(im.SitePath), float64(fi.Size())/(1<<20), limit>>20))
			}
		}
		if a.Chars > MaxChars {
			report(diag.Make(ch.Start, diag.Error, "wechat-length",
				"the chapter's WeChat article has %d characters, over the %d the 公众号 editor takes: split the chapter, or shorten it", a.Chars, MaxChars))
		}
		slug := strings.TrimSuffix(ch.URL, "/")
		depth := strings.Count(slug, "/") + 1
		up := strings.Repeat("../", depth)
		page := Page(a, PageOptions{
			Publication: opts.Publication, Assets: up, Up: up + "index.html",
			Image: func(im Image) string {
				return relTo(opts.Public, filepath.Join(opts.Out, filepath.FromSlash(slug)), im.SitePath)
			},
			Problems: problems,
		})
		files = append(files, File{Name: slug + "/index.html", Data: page})
		entries = append(entries, Entry{Title: a.Title, Href: slug + "/index.html", Chars: a.Chars})
	}
	files = append(files, File{Name: "index.html", Data: List(opts.Publication, "", entries)})
	for name, data := range Assets() {
		files = append(files, File{Name: name, Data: data})
	}
	return files, nil
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
