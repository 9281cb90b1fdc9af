package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"folio/internal/msg"
	"folio/internal/version"
)

var versionUsage = msg.New(`
Usage: folio version

Print folio's version and the Go version it was built with.

`)

func runVersion(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlagSet(ctx, "version", versionUsage, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "folio %s %s %s/%s\n", version.String(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
