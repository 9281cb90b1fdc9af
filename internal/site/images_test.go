package site_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"folio/internal/asset"
	"folio/internal/config"
)

// writeJPEG writes a w×h gradient photo-like JPEG.
func writeJPEG(t *testing.T, p string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

const pictureSite = `
-- content/publication.yaml --
title: 图片站
image_widths: [200, 400]
cover: images/cover.jpg
cover_alt: 封面
-- content/chapters/01-a.md --
---
title: 甲篇
---
导语。

![园区全景](../images/park.jpg "插图：园区")

行内图片![小图](images/small.jpg)在文字中。

![](images/park.jpg)
`

func pictureFixture(t *testing.T) string {
	t.Helper()
	dir := writeSite(t, pictureSite)
	writeJPEG(t, filepath.Join(dir, "content/images/park.jpg"), 600, 300)
	writeJPEG(t, filepath.Join(dir, "content/images/small.jpg"), 150, 100)
	writeJPEG(t, filepath.Join(dir, "content/images/cover.jpg"), 500, 250)
	return dir
}

func TestMarkdownImagesBecomePictures(t *testing.T) {
	b := buildSite(t, pictureFixture(t), config.Options{NoCache: true})
	b.noErrors()
	a := b.file("a/index.html")
	figure := regexp.MustCompile(`<figure class="figure"><picture><source type="image/webp" srcset="../images/park\.([0-9a-f]{8})-200\.webp 200w, ../images/park\.([0-9a-f]{8})-400\.webp 400w" sizes="[^"]+"><img src="../images/park\.[0-9a-f]{8}-400\.jpg" srcset="../images/park\.[0-9a-f]{8}-200\.jpg 200w, ../images/park\.[0-9a-f]{8}-400\.jpg 400w" sizes="[^"]+" width="400" height="200" alt="园区全景" loading="lazy" decoding="async"></picture><figcaption>插图：园区</figcaption></figure>`)
	if !figure.MatchString(a) {
		t.Errorf("no responsive figure for the park image:\n%s", a)
	}
	// Never upscaled: a 150 px image is served at 150 px only.
	if !strings.Contains(a, `<p>行内图片<picture><source type="image/webp" srcset="../images/small.`) || !strings.Contains(a, `-150.webp 150w"`) || strings.Contains(a, "small.*-200") {
		t.Errorf("inline picture wrong:\n%s", a)
	}
	for _, name := range b.out.Names() {
		if strings.HasPrefix(name, "images/park.") {
			data, _ := b.out.File(name)
			if bytes.Contains(data, []byte("Exif")) {
				t.Errorf("%s keeps metadata", name)
			}
		}
	}
	cover := b.file("index.html")
	if !strings.Contains(cover, `alt="封面" fetchpriority="high"`) || !strings.Contains(cover, `width="400" height="200"`) {
		t.Errorf("cover picture not eager or without size:\n%s", cover)
	}
	b.wantDiag(`content/chapters/01-a.md:10:1: warning: image "images/park.jpg" has no alt text: describe what it shows between the brackets, ![…](images/park.jpg), for readers who cannot see it [missing-alt]`)
}

func TestBrokenImagesArePositioned(t *testing.T) {
	dir := writeSite(t, `
-- content/publication.yaml --
title: 图片站
-- content/chapters/01-a.md --
---
title: 甲篇
---
![坏图](../images/broken.jpg)

![远程](https://example.org/x.jpg)
-- content/images/broken.jpg --
this is not a JPEG
`)
	b := buildSite(t, dir, config.Options{NoCache: true})
	b.wantDiag(`content/chapters/01-a.md:4:1: error: image "../images/broken.jpg": unsupported image format: use JPEG or PNG (or SVG for drawings) [image-invalid]`)
	b.wantDiag(`content/chapters/01-a.md:6:1: error: image https://example.org/x.jpg is on another site: folio serves only images of the publication (and never loads from the network); save it under content/images/ [image-external]`)
}

func TestSecondBuildDecodesNoImage(t *testing.T) {
	dir := pictureFixture(t)
	first := buildSite(t, dir, config.Options{})
	first.noErrors()
	if first.res.ImageDecodes != 3 {
		t.Errorf("cold build decoded %d images, want 3", first.res.ImageDecodes)
	}
	second := buildSite(t, dir, config.Options{})
	second.noErrors()
	if second.res.ImageDecodes != 0 {
		t.Errorf("warm build decoded %d images, want 0", second.res.ImageDecodes)
	}
	if second.res.CacheHits < 4 || second.res.CacheMisses != 0 {
		t.Errorf("warm build: %d cache hits, %d misses", second.res.CacheHits, second.res.CacheMisses)
	}
	for _, name := range first.out.Names() {
		a, _ := first.out.File(name)
		b, _ := second.out.File(name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the cold and the warm build", name)
		}
	}
	// One image changed: only it is decoded again, and the old entry is
	// pruned.
	writeJPEG(t, filepath.Join(dir, "content/images/small.jpg"), 160, 100)
	third := buildSite(t, dir, config.Options{})
	if third.res.ImageDecodes != 1 {
		t.Errorf("after changing one image %d were decoded", third.res.ImageDecodes)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, ".cache/folio/images"))
	if len(entries) != 3 {
		t.Errorf("cache holds %d image entries after pruning, want 3", len(entries))
	}
	// --no-cache decodes everything and leaves the cache alone.
	fresh := buildSite(t, dir, config.Options{NoCache: true})
	if fresh.res.ImageDecodes != 3 {
		t.Errorf("--no-cache decoded %d images", fresh.res.ImageDecodes)
	}
}

func TestStaticFilesCopiedVerbatim(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 站
-- assets/static/.well-known/security.txt --
Contact: mailto:a@example.org
-- assets/static/touch-icon.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">  <rect width="1" height="1"/>  </svg>
`)
	b.noErrors()
	if got := b.file(".well-known/security.txt"); got != "Contact: mailto:a@example.org\n" {
		t.Errorf("static file changed: %q", got)
	}
	if got := b.file("touch-icon.svg"); !strings.Contains(got, "  <rect") {
		t.Errorf("static SVG was minified: %q", got)
	}
	if !strings.Contains(b.file("index.html"), `<link rel="icon" href="favicon.svg" type="image/svg+xml">`) || !b.has("favicon.svg") {
		t.Error("the theme's favicon is not shipped and declared")
	}
}

func TestStaticFileMayNotReplaceAPage(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 站
-- assets/static/robots.txt --
User-agent: *
`)
	b.wantDiag(`assets/static/robots.txt: error: static file robots.txt would replace the robots.txt folio writes: rename or remove it [static-conflict]`)
}

// TestPagesLinkFingerprintedAssetsWithIntegrity checks every stylesheet and
// script a page links against the bytes of the file it names.
func TestPagesLinkFingerprintedAssetsWithIntegrity(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 站
-- content/pages/about.md --
---
title: 关于
---
-- assets/js/app.js --
import { greet } from "./_lib.js";
greet("高新区");
-- assets/js/_lib.js --
export function greet(s) { document.title = s; }
-- layouts/partials/footer.html --
{{ $js := .Asset "js/app.js" }}<script src="{{$js.URL}}" integrity="{{$js.Integrity}}" defer></script>
`)
	b.noErrors()
	ref := regexp.MustCompile(`(?:href|src)="([^"]+\.(?:css|js))" integrity="(sha384-[^"]+)"`)
	for _, page := range []string{"index.html", "about/index.html", "404.html"} {
		html := b.file(page)
		found := ref.FindAllStringSubmatch(html, -1)
		if len(found) != 2 {
			t.Fatalf("%s links %d assets with integrity, want 2 (CSS and JS):\n%s", page, len(found), html)
		}
		for _, m := range found {
			name := strings.TrimPrefix(strings.TrimPrefix(m[1], "../"), "/")
			if !regexp.MustCompile(`^assets/(main|app)\.[0-9a-f]{8}\.(css|js)$`).MatchString(name) {
				t.Errorf("%s: %s is not a fingerprinted asset", page, m[1])
			}
			if got := asset.Integrity([]byte(b.file(name))); got != m[2] {
				t.Errorf("%s: integrity of %s is %s, the file's is %s", page, name, m[2], got)
			}
		}
	}
}
