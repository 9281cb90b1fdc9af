package main

import (
	"context"
	"io"
	"path/filepath"
	"time"

	"folio/internal/cache"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/output"
	"folio/internal/site"
)

var buildUsage = msg.New(`
Usage: folio build [flags]

Build the publication in the source folder (content/, and optionally
layouts/ and assets/ overriding the default theme) into the output folder.
The output folder is replaced only when the build succeeds; problems are
reported as path:line:col: severity: message [rule-id].

Exit status: 0 built, 1 content errors, 2 usage errors.

Flags:
`)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet(ctx, "build", buildUsage, stdout)
	var opts config.Options
	fs.StringVar(&opts.Src, "src", ".", "the site `folder` holding content/")
	fs.StringVar(&opts.Out, "out", "", "the output `folder` (default SRC/public)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the absolute `URL` the site is served at, overriding publication.yaml's base_url")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&opts.Strict, "strict", false, "fail the build on warnings too")
	fs.BoolVar(&opts.NoCache, "no-cache", false, "build afresh: neither read nor write SRC/.cache/folio (processed images, bundles, the memo of the last build)")
	var nowFlag string
	var future bool
	fs.StringVar(&nowFlag, "now", "", "build a series as on `DATE` (YYYY-MM-DD): installments dated later are left out (default today)")
	fs.BoolVar(&future, "future", false, "include a series' installments dated after today (or --now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	now, err := parseNow(nowFlag)
	if err != nil {
		return err
	}
	_, err = buildSite(ctx, site.Options{Options: opts, Now: now, Future: future}, stdout, stderr)
	return err
}

// buildSite builds as folio build does, printing what it prints, and
// returns what the build made.
func buildSite(ctx context.Context, so site.Options, stdout, stderr io.Writer) (*site.Result, error) {
	opts := so.Options
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Src, "public")
	}
	if opts.BaseURL != "" {
		u, err := config.NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			return nil, usagef("--base-url: %v", err)
		}
		opts.BaseURL = u
	}
	if err := output.CheckOut(opts.Out, opts.Src); err != nil {
		return nil, usagef("%v", err)
	}
	so.Options = opts

	start := time.Now()
	if err := output.Tidy(opts.Out); err != nil {
		return nil, err
	}
	// The files go to public/ as they are made (through a staging
	// folder swapped in at the end), so the build never holds the site.
	update := output.NewUpdate(opts.Out)
	if !opts.NoCache {
		// The old site is kept in the cache folder, the new one's twin:
		// the next build starts from it and writes only what changed.
		update.KeepTwin(filepath.Join(opts.Src, filepath.FromSlash(cache.Dir), "twin"))
	}
	var diags diag.List
	res, err := site.Build(ctx, so, update, &diags)
	l := langOf(ctx)
	printDiagnostics(stderr, l, &diags)
	errs, warns := diags.Count()
	failed := err != nil || errs > 0 || (opts.Strict && warns > 0)
	if failed {
		if aerr := update.Abort(); err == nil {
			err = aerr
		}
		if err != nil {
			return res, err
		}
		if errs == 0 {
			return res, contentf("%s, and --strict fails on warnings; %s left unchanged", msg.Problems(errs, warns), opts.Out)
		}
		return res, contentf("%s; %s left unchanged", msg.Problems(errs, warns), opts.Out)
	}
	// A build that changes nothing writes nothing: public/ keeps its
	// files and their times, and deploys that sync by time see no change.
	changed, err := update.Commit()
	if err != nil {
		return res, err
	}
	if !changed {
		l.Fprintf(stdout, "%s\n", msg.Pluralf(len(res.Files), "%s is up to date (%d file, checked in %s)", "%s is up to date (%d files, checked in %s)",
			opts.Out, len(res.Files), time.Since(start).Round(time.Millisecond)))
		return res, nil
	}
	line := msg.Pluralf(len(res.Files), "built %d file into %s in %s", "built %d files into %s in %s",
		len(res.Files), opts.Out, time.Since(start).Round(time.Millisecond))
	if res.ImageDecodes > 0 {
		line = msg.New("%s; %s", line, msg.Pluralf(int(res.ImageDecodes), "%d image processed", "%d images processed", res.ImageDecodes))
	}
	if warns > 0 {
		line = msg.New("%s (%s)", line, msg.Problems(0, warns))
	}
	l.Fprintf(stdout, "%s\n", line)
	return res, nil
}

// parseNow reads --now: a day, or "" for today (the zero time).
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return time.Time{}, usagef("--now: %q is not a date: write it as 2021-07-01", s)
	}
	return t, nil
}
