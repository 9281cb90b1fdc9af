package main

import (
	"context"
	"fmt"
	"io"

	"folio/internal/config"
	"folio/internal/server"
	"folio/internal/site"
)

const serveUsage = `
Usage: folio serve [flags]

Build the publication into memory and serve it for preview, on loopback
unless --bind says otherwise. Every save under content/, layouts/ and
assets/ rebuilds what it changed and reloads the open pages; a build with
errors shows them in the page over the last good build until they are
fixed. Nothing is written to public/.

Flags:
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveUsage, stdout)
	var opts config.Options
	var bind string
	var port int
	fs.StringVar(&opts.Src, "src", ".", "the site `folder` holding content/")
	fs.StringVar(&bind, "bind", "127.0.0.1", "the `address` to listen on")
	fs.IntVar(&port, "port", 1313, "the `port` to listen on; 0 picks a free one")
	fs.BoolVar(&opts.Drafts, "drafts", true, "show pages marked draft: true, with a 草稿 banner")
	fs.BoolVar(&opts.NoCache, "no-cache", false, "process images and bundles afresh, ignoring SRC/.cache/folio")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if port < 0 || port > 65535 {
		return usageError{fmt.Sprintf("--port %d: a port is 0 to 65535", port)}
	}
	srv, err := server.New(server.Options{Site: site.Options{Options: opts}, Bind: bind, Port: port, Log: stderr})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", opts.Src, srv.URL())
	return srv.Serve(ctx)
}
