package site_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/imageproc/phototest"
)

const creditSite = `
-- content/publication.yaml --
title: 园区纪实
base_url: https://example.org/park/
-- content/chapters/01-park.md --
---
title: 园区篇
---
园区建设稳步推进。

![园区里的厂房](images/x.jpg)

![园区的大门](images/y.jpg "大门洞开 摄影：李四")

![无名的街景](images/z.jpg)

![园区示意图](images/map.svg)
-- content/images/map.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>
`

// writeCreditSite lays out creditSite with its photos: x.jpg says who took
// it and what it shows (and where, and with which camera), y.jpg says so
// too but its Markdown title overrides it, z.jpg says nothing.
func writeCreditSite(t *testing.T, extra string) string {
	t.Helper()
	dir := writeSite(t, creditSite+extra)
	for name, m := range map[string]phototest.Meta{
		"x.jpg": {Artist: "张三", Description: "园区一角", GPS: true, Serial: "SN123456", Date: "2021:06:30 09:15:00", XMPCreator: "张三"},
		"y.jpg": {Artist: "王五", Description: "旧的说明"},
		"z.jpg": {},
	} {
		if err := os.WriteFile(filepath.Join(dir, "content/images", name), phototest.JPEG(300, 200, m), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPhotoCaptionAndCreditFromMetadata: a photo's caption and credit come
// from its EXIF when the Markdown gives none, and the Markdown's win; the
// chapter page, the print page and the EPUB all show them.
func TestPhotoCaptionAndCreditFromMetadata(t *testing.T) {
	dir := writeCreditSite(t, "")
	for _, round := range []string{"processed", "from the cache"} {
		b := buildSite(t, dir, config.Options{})
		b.noErrors()
		if decodes := b.res.ImageDecodes; (round == "processed") != (decodes > 0) {
			t.Errorf("%s: %d images decoded", round, decodes)
		}
		if strings.Contains(b.diagText(), "missing-credit") {
			t.Errorf("%s: missing-credit reported while off:\n%s", round, b.diagText())
		}
		chapter := b.file("park/index.html")
		print := b.file("print/index.html")
		epub := epubFiles(t, b.file("park.epub"))["OEBPS/text/park.xhtml"]
		for name, page := range map[string]string{"chapter": chapter, "print": print, "EPUB": epub} {
			for _, want := range []string{
				`园区一角 <span class="credit">摄影：张三</span></figcaption>`,
				`大门洞开 <span class="credit">摄影：李四</span></figcaption>`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: %s page lacks %s", round, name, want)
				}
			}
			for _, not := range []string{"旧的说明", "王五", "SN123456"} {
				if strings.Contains(page, not) {
					t.Errorf("%s: %s page shows %s, which the Markdown overrides or which is private", round, name, not)
				}
			}
		}
		if strings.Count(chapter, "<figcaption>") != 2 {
			t.Errorf("%s: want figure captions for x.jpg and y.jpg only:\n%s", round, chapter)
		}
	}
}

// TestPublishedPhotosKeepNoMetadata reads back every JPEG and WebP a build
// writes from a photo with a GPS position, a camera serial, a
// photographer and XMP: none of it remains.
func TestPublishedPhotosKeepNoMetadata(t *testing.T) {
	b := buildSite(t, writeCreditSite(t, ""), config.Options{})
	b.noErrors()
	n := 0
	for _, name := range b.out.Names() {
		format := strings.TrimPrefix(filepath.Ext(name), ".")
		if format != "jpg" && format != "webp" {
			continue
		}
		data, _ := b.out.File(name)
		phototest.AssertNoMetadata(t, format, data)
		n++
	}
	if n < 6 { // x, y and z, each as JPEG and WebP
		t.Errorf("only %d photos written", n)
	}
	epub := epubFiles(t, b.file("park.epub"))
	for name, data := range epub {
		if strings.HasSuffix(name, ".jpg") {
			phototest.AssertNoMetadata(t, "jpg", []byte(data))
		}
	}
}

// TestMissingCreditOnlyWhenSwitchedOn: missing-credit names the photo
// with no credit at all, at its line, when checks: turns it on.
func TestMissingCreditOnlyWhenSwitchedOn(t *testing.T) {
	b := buildSite(t, writeCreditSite(t, "-- content/publication.yaml --\ntitle: 园区纪实\nbase_url: https://example.org/park/\nchecks:\n  missing-credit: warning\n"), config.Options{})
	b.noErrors()
	b.wantDiag(`content/chapters/01-park.md:10:1: warning: photo "images/z.jpg" has no credit: end its title with the photographer or the source, ![…](images/z.jpg "caption 摄影：name") or 图片来源：…, or have the photographer's name written into the photo (EXIF Artist, IPTC By-line) [missing-credit]`)
	if n := strings.Count(b.diagText(), "[missing-credit]"); n != 1 {
		t.Errorf("%d missing-credit diagnostics, want 1 (z.jpg):\n%s", n, b.diagText())
	}
}

func epubFiles(t *testing.T, data string) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader([]byte(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		content, _ := io.ReadAll(r)
		files[f.Name] = string(content)
	}
	return files
}
