package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"folio/internal/check"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/msg"
)

var newUsage = msg.New(`
Usage:

	folio new site DIR [--title TITLE] [--subject PLACE]
	folio new chapter TITLE [--slug SLUG] [--in INSTALLMENT] [--src DIR]
	folio new installment TITLE --slug SLUG [--src DIR]

folio new site starts a publication in DIR, a folder that does not exist
yet or is empty: content/publication.yaml (its title, base_url, and every
other key as a comment saying what it does), content/index.md for the
cover, a first chapter, and content/data/indicators.yaml with an example
indicator in comments. It builds and checks clean as it is. The title
defaults to the folder's name; --subject names the place the publication
is about.

folio new chapter creates the next chapter, content/chapters/NN-SLUG.md,
numbered after the last chapter, with its front matter filled in (title,
label, weight) and draft: true: folio serve and folio build --drafts show
it, folio build leaves it out until draft: true is deleted. Its starter
text is reported by folio check --drafts until it is replaced. The slug
is the file name without its number and the page's address (/SLUG/); give
one with --slug, or the file is named chapter-NN. A title or slug another
chapter has is refused. In a series, --in names the installment.

folio new installment adds an installment to a series (a content folder
holding series.yaml): content/installments/SLUG/ with its
publication.yaml (title, weight after the last installment, draft: true,
the other keys as comments), index.md and a first chapter. The slug is
its address (/SLUG/) and how the other installments cite its data
({{SLUG:id}}): lower-case letters, digits and hyphens.

Flags:
`)

var chapterFileRE = regexp.MustCompile(`^(\d+)[-_.]`)

var zhNumerals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

// newFlags are the flags of folio new, and the kind each belongs to.
var newFlags = map[string][]string{"src": {"chapter", "installment"}, "slug": {"chapter", "installment"}, "in": {"chapter"}, "title": {"site"}, "subject": {"site"}}

func runNew(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlagSet(ctx, "new", newUsage, stdout)
	src := fs.String("src", ".", "the site `folder` holding content/ (new chapter)")
	slug := fs.String("slug", "", "the chapter's or installment's `slug`: its address and file or folder name (new chapter, new installment)")
	in := fs.String("in", "", "the `slug` of the installment of a series the chapter is in (new chapter)")
	title := fs.String("title", "", "the publication's `title`; default: the folder's name (new site)")
	subject := fs.String("subject", "", "the `place` the publication is about, for subject: (new site)")
	// Flags may come after the title, as people type them.
	var pos []string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err // the flag package has printed the usage
			}
			return usagef("%v", err) // the flag package's own words
		}
		rest = fs.Args()
		if len(rest) > 0 {
			pos = append(pos, rest[0])
			rest = rest[1:]
		}
	}
	if len(pos) == 0 {
		return usagef("missing KIND: folio new site DIR, or folio new chapter TITLE")
	}
	kind := pos[0]
	if kind != "site" && kind != "chapter" && kind != "installment" {
		return usagef("unknown kind %q: folio new makes a site, a chapter or an installment", kind)
	}
	var misplaced error
	fs.Visit(func(f *flag.Flag) {
		if k := newFlags[f.Name]; misplaced == nil && !slices.Contains(k, kind) {
			misplaced = usagef("--%s is a flag of folio new %s", f.Name, k[0])
		}
	})
	if misplaced != nil {
		return misplaced
	}
	if kind == "site" {
		switch len(pos) {
		case 1:
			return usagef("missing DIR: folio new site DIR")
		case 2:
		default:
			return usagef("unexpected argument %q: a folder name with spaces needs quotes", pos[2])
		}
		return newSite(pos[1], *title, *subject, langOf(ctx), stdout)
	}
	if kind == "installment" {
		if len(pos) == 1 {
			return usagef("missing TITLE: folio new installment TITLE --slug SLUG")
		}
		return newInstallment(*src, strings.TrimSpace(strings.Join(pos[1:], " ")), *slug, langOf(ctx), stdout)
	}
	if len(pos) == 1 {
		return usagef("missing TITLE: folio new chapter TITLE")
	}
	t := strings.TrimSpace(strings.Join(pos[1:], " "))
	if t == "" {
		return usagef("the chapter needs a title")
	}
	contentDir, err := chapterFolder(*src, *in)
	if err != nil {
		return err
	}
	file, err := newChapter(contentDir, t, *slug)
	if err != nil {
		return err
	}
	l := langOf(ctx)
	l.Fprintf(stdout, "created %s\n", file)
	l.Fprintf(stdout, "It is a draft: folio serve shows it; delete draft: true when it is ready to publish.\n")
	return nil
}

// newChapter writes the next chapter of the publication whose content
// folder is contentDir (content/, or an installment's folder in a
// series) and returns its file's name, refusing a title or slug another
// chapter has.
func newChapter(contentDir, title, slug string) (string, error) {
	dir := filepath.Join(contentDir, "chapters")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, iofs.ErrNotExist) {
		return "", err
	}
	next := 1
	for _, e := range entries {
		if m := chapterFileRE.FindStringSubmatch(e.Name()); m != nil {
			if n, _ := strconv.Atoi(m[1]); n >= next {
				next = n + 1
			}
		}
	}
	name := slug
	if name == "" {
		name = fmt.Sprintf("chapter-%02d", next)
	}
	if strings.ContainsAny(name, `/\ `) || strings.HasPrefix(name, ".") {
		return "", usagef("--slug %q: use letters, digits and hyphens", name)
	}
	if why := content.ValidateSlug(name); why != nil {
		return "", usagef("--slug %q %v", name, why)
	}
	name = norm.NFC.String(name)
	if err := refuseTaken(contentDir, filepath.ToSlash(contentDir), title, name); err != nil {
		return "", err
	}
	file := filepath.Join(dir, fmt.Sprintf("%02d-%s.md", next, name))
	label := ""
	if next < len(zhNumerals) {
		label = "label: " + zhNumerals[next] + "、\n"
	}
	body := fmt.Sprintf("---\ntitle: %s\n%sweight: %d\n# 写完后删去下面一行，本章才会发布。\ndraft: true\n---\n%s",
		quoteYAML(title), label, next, check.StarterMarkdown())
	return file, writeNew(file, body)
}

// refuseTaken returns an error naming the chapter that already has title,
// or the chapter or page that has slug (compared as the build does,
// regardless of case).
func refuseTaken(contentDir, display, title, slug string) error {
	if _, err := os.Stat(filepath.Join(contentDir, "chapters")); err != nil {
		return nil
	}
	var ignored diag.List // the build reports them; here they do not matter
	pub := content.Load(contentDir, path.Clean(display), true, &ignored)
	for _, p := range append(pub.Chapters, pub.Pages...) {
		if strings.EqualFold(p.Slug, slug) {
			return msg.Errorf("%s already has the slug %q: give another with --slug", p.Source.Name, p.Slug)
		}
	}
	for _, p := range pub.Chapters {
		if strings.TrimSpace(p.Front.Title) == title {
			return msg.Errorf("%s already has the title %q: give the new chapter another title", p.Source.Name, title)
		}
	}
	return nil
}

// newSite starts a publication in dir, which must not exist or be empty.
func newSite(dir, title, subject string, l msg.Lang, stdout io.Writer) error {
	switch entries, err := os.ReadDir(dir); {
	case err == nil && len(entries) > 0:
		return msg.Errorf("%s is not empty: folio new site starts a publication in a new or empty folder", dir)
	case err != nil && !errors.Is(err, iofs.ErrNotExist):
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return msg.Errorf("%s is a file: folio new site starts a publication in a new or empty folder", dir)
		}
		return err
	}
	title = strings.TrimSpace(title)
	if title == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		title = filepath.Base(abs)
	}
	contentDir := filepath.Join(dir, "content")
	for _, d := range []string{"chapters", "data"} {
		if err := os.MkdirAll(filepath.Join(contentDir, d), 0o755); err != nil {
			return err
		}
	}
	created := func(name string) { l.Fprintf(stdout, "created %s\n", name) }
	for _, f := range []struct{ name, text string }{
		{filepath.Join(contentDir, "publication.yaml"), publicationYAML(title, strings.TrimSpace(subject))},
		{filepath.Join(contentDir, "index.md"), indexMD},
	} {
		if err := writeNew(f.name, f.text); err != nil {
			return err
		}
		created(f.name)
	}
	chapter, err := newChapter(contentDir, "开篇", "")
	if err != nil {
		return err
	}
	created(chapter)
	for _, f := range []struct{ name, text string }{
		{filepath.Join(contentDir, "data", "indicators.yaml"), indicatorsYAML},
		{filepath.Join(dir, ".gitignore"), "/public/\n/.public.staging-*/\n/.public.old-*/\n/.cache/\n/wechat/\n"},
	} {
		if err := writeNew(f.name, f.text); err != nil {
			return err
		}
		created(f.name)
	}
	l.Fprintf(stdout, `
The first chapter is a draft: folio serve shows it, and folio build
publishes it once draft: true is deleted. Preview the publication as you
write it:

	cd %s && folio serve

folio new chapter TITLE adds a chapter; folio check --drafts lists what is
left to write.
`, shellQuote(dir))
	return nil
}

// writeNew writes a file that must not exist yet.
func writeNew(name, text string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// publicationYAML is a new publication.yaml: the title and base_url, and
// every other key as a comment saying what it does (the editors read
// Chinese).
func publicationYAML(title, subject string) string {
	subjectLine := "# subject:                     # 本刊写的地方，如 青溪区；也可写 name: 和 aliases: [全区, 该区]\n"
	if subject != "" {
		subjectLine = "subject: " + quoteYAML(subject) + "   # 本刊写的地方；也可写 name: 和 aliases: [全区, 该区]\n"
	}
	return `# 出版物的基本信息。以 # 开头的是注释：删去行首的 # 并填上值，即启用该项。
title: ` + quoteYAML(title) + `   # 标题（必填），显示在封面和每一页
# 网站地址：发布前改为完整网址，如 https://example.org/gaoxin/；站点地图、订阅源和
# 规范链接需要它。只写路径（/）表示地址还没定，这几样暂不生成。
base_url: /
# subtitle:                    # 副标题
# series:                      # 丛书名，显示在标题上方
# dek:                         # 一句话导语，显示在标题下方
# language: zh-CN              # 语言，默认 zh-CN（简体中文）
# published:                   # 出版日期，如 2021-07-01
# publisher:                   # 出版单位
# description:                 # 一两句话的简介，用于搜索引擎和订阅
# cover:                       # 封面图片，相对于 content/，如 images/cover.jpg
# cover_alt:                   # 封面图片的文字说明
# allow_html: true             # Markdown 中的 HTML 原样输出（默认转义）
# image_widths: [480, 960, 1440, 1920]   # 照片生成的宽度（像素）
# image_quality: 80            # 照片的压缩质量，1 到 100
# glossary: [GDP, App]         # 正文可以使用的外文词
# cjk_spacing: none            # 中文与外文、数字之间：none 不加空格，space 加空格
# weight: 1                    # 系列中的一篇：排序，小的在前（默认按出版日期）
# draft: true                  # 系列中的一篇：草稿，构建时不发布（--drafts 时发布）
` + subjectLine + `# checks:                      # 检查规则的级别：error、warning 或 off
#   repeated-word: error
#   allow: [乾隆, 蔡元培]       # 任何检查都不标记的人名、词语
# deploy:                      # folio deploy 的上传目标：兼容 S3 的对象存储（密钥不写在这里）
#   - name: oss
#     url: "s3://存储桶名?endpoint=https://oss-cn-beijing.aliyuncs.com&region=cn-beijing"
#     exclude: ["**.map"]      # 不上传、也不删除的文件
`
}

// indexMD is a new cover page: front matter only, as comments.
const indexMD = `---
# 封面。前言写在下面一行 --- 之后（可以不写），显示在封面上。
# 可选的键：title 前言的标题（默认为“序言”），summary 摘要，cover 和 cover_alt 分享图片及其说明。
---
`

// indicatorsYAML is a new indicators.yaml: no indicator, one in comments.
const indicatorsYAML = `# 本刊陈述的每一个数字都写在这里，正文用 {{id}} 引用，如 {{gdp-growth}}。
# 每个指标以 "- id:" 开头。示例（删去行首的 "# " 即启用，再填上真实的值）：
#
# - id: gdp-growth             # 编号：小写字母、数字和连字符（必填）
#   label: 地区生产总值增速      # 名称（必填）
#   aliases: [GDP增速]          # 正文中的其他叫法
#   unit: percent              # 单位（必填）：percent、count、rank、hour、star、yuan
#   scope: 全区                 # 统计范围
#   source: 区统计局            # 来源，随数字一起显示
#   note:                      # 说明
#   better: higher             # higher 越高越好，lower 越低越好
#   of:                        # 排名共有多少名，只用于 unit: rank
#   format:                    # 数字前后的文字，如 "{value}余人次"
#   series:                    # 各期的值，期别: 数值
#     2020: 5.3                # 期别：2020、2021-Q1、2021-06、2021-01..05
#
# 也可以把值放在 content/data/ 下的 CSV 文件里，每行 id,period,value。
# 大事记（可选）写在 content/data/timeline.yaml，每项 - date: 2018-10-23，title: 和 detail:。
`

// shellQuote quotes a folder name for a shell command line when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f)
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// quoteYAML quotes a title that YAML would otherwise misread: as syntax,
// or as a number, a boolean or nothing.
func quoteYAML(s string) string {
	_, numErr := strconv.ParseFloat(s, 64)
	switch {
	case strings.ContainsAny(s, ":#{}[]&*!|>'\"%@`,\\") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "?"),
		numErr == nil, strings.TrimSpace(s) != s,
		slices.Contains([]string{"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}, strings.ToLower(s)):
		return strconv.Quote(s)
	}
	return s
}
