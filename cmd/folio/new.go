package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const newUsage = `
Usage: folio new chapter TITLE [flags]

Create the next chapter: content/chapters/NN-SLUG.md with its front matter
filled in (title, label, weight), numbered after the last chapter. The slug
is the file name without its number and the page's address (/SLUG/); give
one with --slug, or the file is named chapter-NN.

Flags:
`

var chapterFileRE = regexp.MustCompile(`^(\d+)[-_.]`)

var zhNumerals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

func runNew(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlagSet("new", newUsage, stdout)
	src := fs.String("src", ".", "the site `folder` holding content/")
	slug := fs.String("slug", "", "the chapter's `slug`: its address and file name")
	// Flags may come after the title, as people type them.
	var pos []string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err // the flag package has printed the usage
			}
			return usageError{err.Error()}
		}
		rest = fs.Args()
		if len(rest) > 0 {
			pos = append(pos, rest[0])
			rest = rest[1:]
		}
	}
	if len(pos) < 2 || pos[0] != "chapter" {
		return usageError{"write: folio new chapter TITLE"}
	}
	title := strings.TrimSpace(strings.Join(pos[1:], " "))
	if title == "" {
		return usageError{"the chapter needs a title"}
	}
	dir := filepath.Join(*src, "content", "chapters")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, iofs.ErrNotExist) {
		return err
	}
	next := 1
	for _, e := range entries {
		if m := chapterFileRE.FindStringSubmatch(e.Name()); m != nil {
			if n, _ := strconv.Atoi(m[1]); n >= next {
				next = n + 1
			}
		}
	}
	name := *slug
	if name == "" {
		name = fmt.Sprintf("chapter-%02d", next)
	}
	if strings.ContainsAny(name, `/\ `) || strings.HasPrefix(name, ".") {
		return usageError{fmt.Sprintf("--slug %q: use letters, digits and hyphens", name)}
	}
	file := filepath.Join(dir, fmt.Sprintf("%02d-%s.md", next, name))
	label := ""
	if next < len(zhNumerals) {
		label = "label: " + zhNumerals[next] + "、\n"
	}
	body := fmt.Sprintf("---\ntitle: %s\n%sweight: %d\nsummary: \n---\n在这里写导语。\n\n## 第一节\n\n正文。\n", quoteYAML(title), label, next)
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(body); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s\n", file)
	return nil
}

// quoteYAML quotes a title that YAML would otherwise misread.
func quoteYAML(s string) string {
	if strings.ContainsAny(s, ":#{}[]&*!|>'\"%@`,") || strings.HasPrefix(s, "-") {
		return strconv.Quote(s)
	}
	return s
}
