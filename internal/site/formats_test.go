package site_test

import (
	"strings"
	"testing"

	"folio/internal/config"
)

// Every name an output format writes at the site's root is refused as a
// chapter's slug, with the build telling which names are taken.
func TestFormatsReserveTheirNames(t *testing.T) {
	for _, slug := range []string{"search", "data", "print", "404", "images", "feed", "sitemap", "robots"} {
		dir := writeSite(t, `
-- content/publication.yaml --
title: 站
-- content/index.md --
封面。
-- content/chapters/01-a.md --
---
title: 甲
slug: `+slug+`
---
正文。
`)
		b := buildSite(t, dir, config.Options{})
		if got := b.diagText(); !strings.Contains(got, `slug "`+slug+`" is reserved`) {
			t.Errorf("slug %s: no reserved-slug error in:\n%s", slug, got)
		}
	}
}
