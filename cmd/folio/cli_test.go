package main

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
)

// TestUsageExitStatus: mistakes on the command line exit 2 with a
// one-line hint; the version flags exit 0 (testscript cannot tell exit
// statuses apart).
func TestUsageExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"bild"}, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"build", "--strcit"}, exitUsage},
		{[]string{"serve", "--opne"}, exitUsage},
		{[]string{"--version"}, exitOK},
		{[]string{"-version"}, exitOK},
		{[]string{"-v"}, exitOK},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(context.Background(), tc.args, &stdout, &stderr); got != tc.code {
			t.Errorf("folio %s: exit %d, want %d\n%s%s", strings.Join(tc.args, " "), got, tc.code, &stdout, &stderr)
		}
		if tc.code == exitUsage && (strings.Count(stderr.String(), "\n") != 2 || stdout.Len() > 0) {
			t.Errorf("folio %s: not an error and a hint:\n%s%s", strings.Join(tc.args, " "), &stdout, &stderr)
		}
	}
}

// TestOpenBrowserFails: a browser that cannot be started is an error
// naming it (folio serve prints it as a note and keeps serving).
func TestOpenBrowserFails(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the system's opener, tried after $BROWSER, would open a real browser")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("BROWSER", "folio-no-such-browser")
	err := openBrowser("http://127.0.0.1:1/")
	if err == nil || !strings.Contains(err.Error(), "folio-no-such-browser") {
		t.Errorf("err = %v", err)
	}
	t.Setenv("BROWSER", "false") // starts, and fails
	if err := openBrowser("http://127.0.0.1:1/"); err == nil {
		t.Error("a browser that exits 1 counts as opened")
	}
}
