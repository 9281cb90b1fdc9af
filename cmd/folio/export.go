package main

import (
	"context"
	"io"
	"path"
	"path/filepath"
	"strings"

	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/output"
	"folio/internal/site"
	"folio/internal/wechat"
)

var exportUsage = msg.New(`
Usage: folio export wechat [flags]

Build the publication as folio build does, then write its WeChat edition:
for each chapter a page with the article as the 公众号 editor keeps it
(every element styled inline, images and links at the published site's
addresses, links to other sites numbered at the end, charts as styled
blocks) and a button that copies it. Open OUT/index.html, copy a chapter,
and paste it into the editor. The images must be published first: the
editor fetches them from base_url.

Exit status: 0 written, 1 content errors (nothing written), 2 usage errors.

Flags:
`)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			newFlagSet(ctx, "export wechat", exportUsage, stdout).Usage()
			return nil
		}
		return usagef("name what to export: folio export wechat")
	}
	if args[0] != "wechat" {
		return usagef("folio export %s: folio exports wechat (the 公众号 edition)", args[0])
	}
	fs := newFlagSet(ctx, "export wechat", exportUsage, stdout)
	var opts config.Options
	fs.StringVar(&opts.Src, "src", ".", "the site `folder` holding content/")
	out := fs.String("out", "", "the `folder` of the WeChat edition (default SRC/wechat)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the absolute `URL` the site is published at, overriding publication.yaml's base_url")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	opts.Out = filepath.Join(opts.Src, "public")
	if *out == "" {
		*out = filepath.Join(opts.Src, "wechat")
	}
	if err := checkEditionOut(*out, opts.Out, opts.Src); err != nil {
		return err
	}
	res, err := buildSite(ctx, site.Options{Options: opts}, stdout, stderr)
	if err != nil {
		return err
	}
	l := langOf(ctx)
	eo, err := exportOptions(site.Options{Options: opts}, res, *out)
	if err != nil {
		return err
	}
	var diags diag.List
	files, err := wechat.Export(eo, &diags)
	printDiagnostics(stderr, l, &diags)
	if err != nil {
		return err
	}
	if errs, warns := diags.Count(); errs > 0 {
		return contentf("%s; %s left unchanged", msg.Problems(errs, warns), *out)
	}
	if err := output.Tidy(*out); err != nil {
		return err
	}
	update := output.NewUpdate(*out)
	for _, f := range files {
		if err := update.WriteFile(f.Name, f.Data); err != nil {
			_ = update.Abort()
			return err
		}
	}
	if _, err := update.Commit(); err != nil {
		return err
	}
	l.Fprintf(stdout, "%s\n", msg.Pluralf(len(eo.Chapters), "wrote %d WeChat article into %s: open %s", "wrote %d WeChat articles into %s: open %s",
		len(eo.Chapters), *out, filepath.Join(*out, "index.html")))
	return nil
}

// exportOptions gather what the export reads: the chapters (of every
// installment published, for a series), the published address, and
// the publication's or series' title.
func exportOptions(so site.Options, res *site.Result, out string) (wechat.ExportOptions, error) {
	opts := so.Options
	contentDir := filepath.Join(opts.Src, "content")
	display := path.Join(filepath.ToSlash(opts.Src), "content")
	eo := wechat.ExportOptions{Site: wechat.Dir(opts.Out), Public: opts.Out, Out: out}
	var quiet diag.List // the build reported what loading finds
	if content.IsSeries(contentDir) {
		ser := content.LoadSeries(contentDir, display, so.Schedule(), &quiet)
		eo.BaseURL, eo.Publication = ser.Config.BaseURL, ser.Config.Title
		eo.BaseURLAt = ser.Config.BaseURLPos
		if eo.BaseURLAt.File == "" {
			eo.BaseURLAt = diag.Position{File: ser.Config.File}
		}
		eo.Chapters = wechat.SeriesChapters(ser, &quiet)
	} else {
		pub := res.Pub
		if src := content.Load(contentDir, display, false, &quiet); src != nil {
			pub = src // with its Markdown, for the positions of its problems
		}
		eo.BaseURL, eo.Publication = pub.Config.BaseURL, pub.Config.Title
		eo.BaseURLAt = pub.Config.BaseURLPos
		if eo.BaseURLAt.File == "" {
			eo.BaseURLAt = diag.Position{File: pub.Config.File}
		}
		for _, ch := range pub.Chapters {
			eo.Chapters = append(eo.Chapters, wechat.ChapterOf(ch))
		}
	}
	if opts.BaseURL != "" {
		eo.BaseURL = opts.BaseURL
	}
	if eo.BaseURL != "" {
		u, err := config.NormalizeBaseURL(eo.BaseURL)
		if err != nil {
			return eo, usagef("--base-url: %v", err)
		}
		eo.BaseURL = u
	}
	return eo, nil
}

// checkEditionOut refuses an edition folder folio must not replace, and
// one inside the site's output, which would be published with it.
func checkEditionOut(out, public, src string) error {
	if err := output.CheckOut(out, src); err != nil {
		return usagef("%v", err)
	}
	absOut, err1 := filepath.Abs(out)
	absPublic, err2 := filepath.Abs(public)
	if err1 == nil && err2 == nil {
		if absOut == absPublic || strings.HasPrefix(absOut+string(filepath.Separator), absPublic+string(filepath.Separator)) ||
			strings.HasPrefix(absPublic+string(filepath.Separator), absOut+string(filepath.Separator)) {
			return usagef("--out %s: the WeChat edition goes beside %s, not in it (it would be published with the site) nor around it", out, public)
		}
	}
	return nil
}
