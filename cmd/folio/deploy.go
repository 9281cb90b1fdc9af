package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/upload"
)

var deployUsage = msg.New(`
Usage: folio deploy [--target NAME | --to URL] [flags]

Upload the built site (public/, or --out) to S3-compatible object storage:
AWS S3, Aliyun OSS, Tencent COS or a self-hosted server. The storage is a
target of deploy: in publication.yaml (series.yaml for a series), the
first one unless --target names another, or a bucket URL given as --to,
such as s3://BUCKET?endpoint=https://oss-cn-beijing.aliyuncs.com&region=cn-beijing.
Only new and changed files go up (each file's MD5 is compared with the
object's); objects the site no longer has are deleted after the uploads.
Styles, scripts and images go up before the pages that use them, the
pages before the feeds, sitemap and search index that list them, so a
reader never gets a page whose files are missing. Credentials come from
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or ~/.aws/credentials, never
from the URL. Run folio build first.

Exit status: 0 deployed, 1 the storage refused or failed, 2 usage errors.

Flags:
`)

func runDeploy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet(ctx, "deploy", deployUsage, stdout)
	var opts upload.Options
	src := fs.String("src", ".", "the site `folder` holding content/")
	fs.StringVar(&opts.Dir, "out", "", "the built `folder` to deploy (default SRC/public)")
	target := fs.String("target", "", "the deploy target `NAME` of publication.yaml (default its first)")
	fs.StringVar(&opts.URL, "to", "", "the bucket `URL`, instead of a target: s3://BUCKET?endpoint=…&region=…")
	fs.BoolVar(&opts.DryRun, "dry-run", false, "print what would be uploaded and deleted, and change nothing")
	fs.IntVar(&opts.MaxDeletes, "max-deletes", 256, "refuse a deploy that would delete more than `N` objects")
	fs.BoolVar(&opts.Gzip, "gzip", false, "store text files gzipped, with Content-Encoding: gzip")
	fs.IntVar(&opts.Workers, "workers", upload.DefaultWorkers, "upload or delete `N` files at once")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if opts.Workers < 1 {
		return usagef("--workers %d: give at least 1", opts.Workers)
	}
	l := langOf(ctx)
	switch {
	case opts.URL != "" && *target != "":
		return usagef("give --to or --target, not both")
	case opts.URL != "":
		if err := upload.CheckURL(opts.URL); err != nil {
			return usagef("--to: %v", err)
		}
	default:
		var diags diag.List
		t, err := deployTarget(*src, *target, &diags)
		printDiagnostics(stderr, l, &diags)
		if err != nil {
			return err
		}
		opts.URL, opts.Include, opts.Exclude = t.URL, t.Include, t.Exclude
	}
	if opts.Dir == "" {
		opts.Dir = filepath.Join(*src, "public")
	}
	if fi, err := os.Stat(opts.Dir); err != nil || !fi.IsDir() {
		return msg.Errorf("%s holds no built site: run folio build first", opts.Dir)
	}
	var bar *progressBar
	if !opts.DryRun && isTerminal(stderr) {
		bar = &progressBar{w: stderr, l: l}
		opts.Progress = bar.show
	}
	sum, err := upload.Deploy(ctx, opts)
	bar.clear()
	if err != nil {
		return err
	}
	if opts.DryRun {
		for _, f := range sum.Plan.Uploads {
			fmt.Fprintf(stdout, "upload %s\n", f.Key)
		}
		for _, key := range sum.Plan.Deletes {
			fmt.Fprintf(stdout, "delete %s\n", key)
		}
		l.Fprintf(stdout, "dry run: %d to upload, %d to delete, %d unchanged\n", len(sum.Plan.Uploads), len(sum.Plan.Deletes), sum.Plan.Unchanged)
		return nil
	}
	l.Fprintf(stdout, "deployed: %d uploaded, %d deleted, %d unchanged\n", len(sum.Plan.Uploads), len(sum.Plan.Deletes), sum.Plan.Unchanged)
	return nil
}

// deployTarget is the target named name (the first when name is empty)
// of the deploy: list in SRC/content's series.yaml or publication.yaml.
// What is wrong with the file or the target goes to diags.
func deployTarget(src, name string, diags *diag.List) (config.DeployTarget, error) {
	contentDir := filepath.Join(src, "content")
	display := path.Join(filepath.ToSlash(src), "content")
	var targets []config.DeployTarget
	file := config.FileName
	if _, err := os.Stat(filepath.Join(contentDir, config.SeriesFileName)); err == nil {
		file = config.SeriesFileName
		targets = config.LoadSeries(contentDir, path.Join(display, file), diags).Deploy
	} else {
		targets = config.Load(contentDir, path.Join(display, file), diags).Deploy
	}
	if errs, _ := diags.Count(); errs > 0 {
		return config.DeployTarget{}, contentf("%s; nothing deployed", msg.Problems(errs, 0))
	}
	if len(targets) == 0 {
		return config.DeployTarget{}, usagef("%s names no deploy target: give --to URL, or add to it\n  deploy:\n    - name: oss\n      url: s3://BUCKET?endpoint=https://…&region=…", path.Join(display, file))
	}
	t := targets[0]
	if name != "" {
		var names []string
		found := false
		for _, c := range targets {
			names = append(names, c.Name)
			if c.Name == name {
				t, found = c, true
			}
		}
		if !found {
			return config.DeployTarget{}, usagef("--target %s: %s has no such target; it has %s", name, path.Join(display, file), strings.Join(names, ", "))
		}
	}
	if err := upload.CheckURL(t.URL); err != nil {
		diags.Errorf(t.URLPos, "deploy-url", "%v", err)
		return config.DeployTarget{}, contentf("%s; nothing deployed", msg.Problems(1, 0))
	}
	return t, nil
}

// progressBar shows a deploy's progress on a terminal, on one line
// rewritten in place.
type progressBar struct {
	w io.Writer
	l msg.Lang
}

func (b *progressBar) show(s upload.Step) {
	fmt.Fprintf(b.w, "\r%s\x1b[K", progressLine(s, 24).In(b.l))
}

func (b *progressBar) clear() {
	if b != nil {
		fmt.Fprint(b.w, "\r\x1b[K")
	}
}

// progressLine is a bar of width cells and the counts of files and
// bytes done.
func progressLine(s upload.Step, width int) msg.Text {
	filled := 0
	if s.Total > 0 {
		filled = width * s.Done / s.Total
	}
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	return msg.New("%s %d/%d files, %s of %s", bar, s.Done, s.Total, byteSize(s.DoneBytes), byteSize(s.TotalBytes))
}

// byteSize writes n as people read sizes: 980 B, 12.3 KB, 4.5 MB.
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}
