package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/indicator"
)

// readmeSection returns the lines of README.md's section headed heading,
// up to the next section of the same level.
func readmeSection(t *testing.T, heading string) []string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return strings.Split(rest, "\n")
}

// bullets joins each list item of lines with its continuation lines.
func bullets(lines []string) []string {
	var out []string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "- "):
			out = append(out, l)
		case strings.HasPrefix(l, "  ") && len(out) > 0:
			out[len(out)-1] += " " + strings.TrimSpace(l)
		}
	}
	return out
}

var keyListRE = regexp.MustCompile("(required|optional) (`[a-z_]+`(?:, `[a-z_]+`)*)")

// listedKeys returns the keys an item lists as required and as optional.
func listedKeys(item string) (required, optional []string) {
	for _, m := range keyListRE.FindAllStringSubmatch(item, -1) {
		for _, k := range strings.Split(m[2], ", ") {
			k = strings.Trim(k, "`")
			if m[1] == "required" {
				required = append(required, k)
			} else {
				optional = append(optional, k)
			}
		}
	}
	return required, optional
}

// TestReadmeListsTheKeys: README's "Start a new publication" lists every
// key the loaders accept, and only those, so a key added to a loader
// without a word in README fails here. Which keys are required is the
// loaders' checks, restated.
func TestReadmeListsTheKeys(t *testing.T) {
	lines := readmeSection(t, "## Start a new publication")
	items := bullets(lines)
	for _, c := range []struct {
		item     string // how the item starts
		keys     []string
		required []string
	}{
		{"- `publication.yaml`:", config.Keys(), []string{"title"}},
		{"- its `subject:`", config.SubjectKeys(), nil},
		{"- each target of its `deploy:`", config.DeployKeys(), []string{"name", "url"}},
		{"- front matter of a chapter or a page:", content.FrontMatterKeys(), []string{"title"}},
		{"- each indicator of `indicators.yaml`:", indicator.IndicatorKeys(), []string{"id", "label", "unit"}},
		{"- each event of `timeline.yaml`:", indicator.EventKeys(), []string{"date", "title"}},
	} {
		i := slices.IndexFunc(items, func(s string) bool { return strings.HasPrefix(s, c.item) })
		if i < 0 {
			t.Errorf("README's section has no item %q", c.item)
			continue
		}
		required, optional := listedKeys(items[i])
		listed := slices.Concat(required, optional)
		for _, k := range c.keys {
			if !slices.Contains(listed, k) {
				t.Errorf("README item %q does not list the key %q the loader accepts", c.item, k)
			}
		}
		for _, k := range listed {
			if !slices.Contains(c.keys, k) {
				t.Errorf("README item %q lists %q, which the loader does not accept", c.item, k)
			}
		}
		if !slices.Equal(required, c.required) {
			t.Errorf("README item %q lists %q as required, want %q", c.item, required, c.required)
		}
	}
	text := strings.Join(lines, "\n")
	for _, f := range []string{config.FileName, "index.md", "chapters/", "pages/",
		indicator.DataDir + "/" + indicator.IndicatorsFile, indicator.DataDir + "/*.csv", indicator.DataDir + "/" + indicator.TimelineFile} {
		if !strings.Contains(text, "| `content/"+f) {
			t.Errorf("README's table of files does not list content/%s", f)
		}
	}
}

var commentedKeyRE = regexp.MustCompile(`(?m)^(?:# )?([a-z_]+):`)

// The publication.yaml folio new site writes names every key, and loads
// without a diagnostic with all of them uncommented; so does the
// example indicator.
func TestNewSiteFilesListEveryKey(t *testing.T) {
	yaml := publicationYAML("题", "")
	var keys []string
	for _, m := range commentedKeyRE.FindAllStringSubmatch(yaml, -1) {
		keys = append(keys, m[1])
	}
	slices.Sort(keys)
	if want := slices.Sorted(slices.Values(config.Keys())); !slices.Equal(keys, want) {
		t.Errorf("new site's publication.yaml names the keys\n\t%q\nthe loader's are\n\t%q", keys, want)
	}
	keys = nil
	for _, m := range regexp.MustCompile(`(?m)^#(?: -|  ) ([a-z_]+):`).FindAllStringSubmatch(indicatorsYAML, -1) {
		keys = append(keys, m[1])
	}
	if !slices.Equal(keys, indicator.IndicatorKeys()) {
		t.Errorf("new site's indicators.yaml names the keys\n\t%q\nthe loader's are\n\t%q", keys, indicator.IndicatorKeys())
	}

	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	uncomment := regexp.MustCompile(`(?m)^# (- [a-z_]+:|[a-z_-]+:|  )`)
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(uncomment.ReplaceAllString(text, "$1")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(config.FileName, publicationYAML("题", ""))
	write(filepath.Join("data", indicator.IndicatorsFile), indicatorsYAML)
	var diags diag.List
	pub := config.Load(dir, config.FileName, &diags)
	set := indicator.Load(dir, "content", &diags)
	if diags.Len() != 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Errorf("uncommented, the new site's files give diagnostics:\n%s", b.String())
	}
	if pub.Title != "题" || pub.CJKSpacing != "none" || len(set.Indicators) != 1 || len(pub.Deploy) != 1 {
		t.Errorf("uncommented, the files did not load as written: %+v, %d indicators", pub, len(set.Indicators))
	}
}

// folio new exits 1 when what it was asked would overwrite or clash with
// the content, 2 when the command line is wrong.
func TestNewExitStatus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"new", "site", dir}, exitOK},
		{[]string{"new", "site", dir}, exitContent},
		{[]string{"new", "site"}, exitUsage},
		{[]string{"new"}, exitUsage},
		{[]string{"new", "book", "x"}, exitUsage},
		{[]string{"new", "chapter", "--src", dir}, exitUsage},
		{[]string{"new", "chapter", "开篇", "--src", dir}, exitContent},                          // the first chapter's title
		{[]string{"new", "chapter", "开放篇", "--slug", "Chapter-01", "--src", dir}, exitContent}, // its slug
		{[]string{"new", "chapter", "开放篇", "--slug", "search", "--src", dir}, exitUsage},
		{[]string{"new", "chapter", "开放篇", "--slug", "opening", "--src", dir}, exitOK},
	} {
		if got := run(context.Background(), c.args, io.Discard, io.Discard); got != c.want {
			t.Errorf("folio %s: exit status %d, want %d", strings.Join(c.args, " "), got, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "chapters", "02-opening.md")); err != nil {
		t.Error(err)
	}
}

func TestQuoteYAML(t *testing.T) {
	for in, want := range map[string]string{
		"开放篇": "开放篇", "2021": `"2021"`, "true": `"true"`, "No": `"No"`, "标题: 带冒号": `"标题: 带冒号"`,
		"- 破折号": `"- 破折号"`, " 空格": `" 空格"`, `反斜杠\`: `"反斜杠\\"`,
	} {
		if got := quoteYAML(in); got != want {
			t.Errorf("quoteYAML(%q) = %s, want %s", in, got, want)
		}
	}
}
