package site_test

import (
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/search"
)

// TestSampleSearch queries the sample's index as the search page does.
func TestSampleSearch(t *testing.T) {
	b := buildSample(t, config.Options{})
	for query, want := range map[string]string{
		"尼龙":   "industry/",
		"帮办":   "livelihood/",
		"一万步":  "organization/",
		"读书会":  "data/", // an indicator of that name comes first
		"三类三层": "reform/",
		"GDP":  "data/",
		"段简":   "",
	} {
		results, _, err := search.Query(b.out.File, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if want == "" {
			if len(results) != 0 {
				t.Errorf("%s: %d results for a query that is in no page", query, len(results))
			}
			continue
		}
		if len(results) == 0 || !strings.HasPrefix(results[0].URL, want) {
			t.Errorf("%s: first result %+v, want a section of %s", query, results, want)
		}
	}
	if !strings.Contains(b.file("index.html"), `<form class="site-search" role="search" action="search/" method="get">`) {
		t.Error("the cover has no search box")
	}
	if !strings.Contains(b.file("search/index.html"), "<noscript>") {
		t.Error("the search page does not explain that search needs JavaScript")
	}
}
