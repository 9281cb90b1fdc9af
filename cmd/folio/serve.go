package main

import (
	"context"
	"io"

	"folio/internal/config"
	"folio/internal/msg"
	"folio/internal/server"
	"folio/internal/site"
)

var serveUsage = msg.New(`
Usage: folio serve [flags]

Build the publication into memory and serve it for preview, on loopback
unless --bind says otherwise. Every save under content/, layouts/ and
assets/ rebuilds what it changed and reloads the open pages; a build with
errors shows them in the page over the last good build until they are
fixed. Nothing is written to public/.

--bind 0.0.0.0 (or ::, or a network address) lets other machines open the
preview: folio prints the addresses they can use, and anyone on the
network can then read every page, drafts included. --open opens the
preview in the browser named by $BROWSER, or else the system's default.

Flags:
`)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet(ctx, "serve", serveUsage, stdout)
	var opts config.Options
	var bind string
	var port int
	var open bool
	fs.StringVar(&opts.Src, "src", ".", "the site `folder` holding content/")
	fs.StringVar(&bind, "bind", "127.0.0.1", "the `address` to listen on")
	fs.IntVar(&port, "port", 1313, "the `port` to listen on; 0 picks a free one")
	fs.BoolVar(&opts.Drafts, "drafts", true, "show pages marked draft: true, with a 草稿 banner")
	fs.BoolVar(&opts.NoCache, "no-cache", false, "build afresh: neither read nor write SRC/.cache/folio (processed images, bundles) nor the preview's memo in the user cache folder")
	fs.BoolVar(&open, "open", false, "open the preview in a browser once it is ready ($BROWSER, or the system's default)")
	var nowFlag string
	var future bool
	fs.StringVar(&nowFlag, "now", "", "build a series as on `DATE` (YYYY-MM-DD): installments dated later are left out (default today)")
	fs.BoolVar(&future, "future", true, "include a series' installments dated after today (or --now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	now, err := parseNow(nowFlag)
	if err != nil {
		return err
	}
	if port < 0 || port > 65535 {
		return usagef("--port %d: a port is 0 to 65535", port)
	}
	loc := localeOf(ctx)
	l := loc.lang
	overlay := "" // the publication's language
	if loc.chosen {
		overlay = l.String()
	}
	srv, err := server.New(server.Options{Site: site.Options{Options: opts, MemoDir: site.ServeMemoDir(opts.Src), Now: now, Future: future}, Bind: bind, Port: port, Log: stderr, LogLang: l, OverlayLang: overlay})
	if err != nil {
		return err
	}
	l.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", opts.Src, srv.URL())
	if srv.Exposed() {
		for _, u := range srv.NetworkURLs() {
			if u != srv.URL() {
				l.Fprintf(stdout, "from other machines: %s\n", u)
			}
		}
		l.Fprintf(stderr, "folio serve: warning: listening on %s, so anyone on the network can read the preview, drafts included (--bind 127.0.0.1 keeps it to this machine)\n", bind)
	}
	if open {
		// The server listens already: the browser's first request waits
		// in the listener's queue until Serve answers it.
		go func() {
			if err := openBrowser(srv.URL()); err != nil {
				l.Fprintf(stderr, "folio serve: could not open a browser (%v); open %s yourself\n", err, srv.URL())
			}
		}()
	}
	return srv.Serve(ctx)
}
