package benchgen

import (
	"strings"
	"testing"
)

func TestChaptersConvertCleanly(t *testing.T) {
	chapters, err := Chapters(30, 1)
	if err != nil {
		t.Fatal(err)
	}
	html := string(chapters[24].Result.HTML)
	for _, want := range []string{"<picture>", "<h2", `href="../chapter-26/"`} {
		if !strings.Contains(html, want) {
			t.Errorf("chapter 25 lacks %s", want)
		}
	}
	if !strings.Contains(string(chapters[9].Result.HTML), "<svg") {
		t.Error("chapter 10 lacks its chart")
	}
}
