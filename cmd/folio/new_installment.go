package main

import (
	"errors"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/msg"
)

// installmentSlugRE is what an installment's slug may be: other
// installments cite its data as {{slug:id}}.
var installmentSlugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// chapterFolder is the content folder a new chapter goes into: content/
// of a publication, or an installment's folder of a series (--in).
func chapterFolder(src, in string) (string, error) {
	contentDir := filepath.Join(src, "content")
	if !content.IsSeries(contentDir) {
		if in != "" {
			return "", usagef("--in %s: %s holds a publication, not a series (no %s)", in, contentDir, config.SeriesFileName)
		}
		return contentDir, nil
	}
	if in == "" {
		return "", usagef("%s holds a series: name the installment the chapter is in with --in SLUG", contentDir)
	}
	dir := filepath.Join(contentDir, content.InstallmentsDir, in)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", usagef("--in %s: no installment %s; folio new installment TITLE --slug %s makes it", in, dir, in)
	}
	return dir, nil
}

// newInstallment adds an installment to the series in src.
func newInstallment(src, title, slug string, l msg.Lang, stdout io.Writer) error {
	contentDir := filepath.Join(src, "content")
	if !content.IsSeries(contentDir) {
		return msg.Errorf("%s holds no %s: an installment belongs to a series (see \"Series\" in the README to turn a publication into one)", contentDir, config.SeriesFileName)
	}
	if title == "" {
		return usagef("the installment needs a title")
	}
	if slug == "" {
		return usagef("missing --slug: the installment's address, e.g. --slug xinhua")
	}
	if !installmentSlugRE.MatchString(slug) {
		return usagef("--slug %q: use lower-case letters, digits and hyphens (other installments cite its data as {{%s:id}})", slug, slug)
	}
	if why := content.ValidateSlug(slug); why != nil {
		return usagef("--slug %q %v", slug, why)
	}
	var ignored diag.List // the build reports them; here they do not matter
	series := content.LoadSeries(contentDir, filepath.ToSlash(contentDir), content.Schedule{Drafts: true, Future: true}, &ignored)
	weight := 1
	for _, in := range series.Installments {
		if in.Slug == slug {
			return msg.Errorf("%s already exists: give the new installment another --slug", in.Dir)
		}
		if in.Config.Title == title {
			return msg.Errorf("%s already has the title %q: give the new installment another title", filepath.Join(in.Dir, config.FileName), title)
		}
		weight = max(weight, in.Config.Weight+1)
	}
	dir := filepath.Join(contentDir, content.InstallmentsDir, slug)
	if _, err := os.Stat(dir); err == nil || !errors.Is(err, iofs.ErrNotExist) {
		return msg.Errorf("%s already exists: give the new installment another --slug", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	created := func(name string) { l.Fprintf(stdout, "created %s\n", name) }
	for _, f := range []struct{ name, text string }{
		{filepath.Join(dir, config.FileName), installmentYAML(title, weight)},
		{filepath.Join(dir, "index.md"), indexMD},
	} {
		if err := writeNew(f.name, f.text); err != nil {
			return err
		}
		created(f.name)
	}
	chapter, err := newChapter(dir, "开篇", "")
	if err != nil {
		return err
	}
	created(chapter)
	l.Fprintf(stdout, "The installment is a draft: folio serve shows it; delete draft: true in its publication.yaml, and give it a published: date, when it is ready.\n")
	return nil
}

// installmentYAML is a new installment's publication.yaml.
func installmentYAML(title string, weight int) string {
	return `# 系列中的一篇。以 # 开头的是注释：删去行首的 # 并填上值，即启用该项。
title: ` + quoteYAML(title) + `   # 本篇标题（必填）
# dek:                         # 一句话导语，显示在系列首页和本篇封面
# subtitle:                    # 副标题
# published: 2021-07-01        # 发布日期：构建日期早于它时，本篇不发布（folio build --now 可指定日期）
weight: ` + strconv.Itoa(weight) + `                      # 在系列中的顺序，小的在前
# 写完后删去下面一行，本篇才会发布。
draft: true
# cover: images/cover.jpg      # 封面图片，相对于本篇的文件夹
# cover_alt:                   # 封面图片的文字说明
# subject:                     # 本篇写的地方，如 name: 新华区 和 aliases: [新华]
`
}
