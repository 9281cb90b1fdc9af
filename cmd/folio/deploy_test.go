package main

import (
	"testing"

	"folio/internal/msg"
	"folio/internal/upload"
)

// The progress line a publisher watches on a terminal: the bar fills
// with the files done, and the bytes read as sizes.
func TestProgressLine(t *testing.T) {
	for _, c := range []struct {
		step upload.Step
		lang msg.Lang
		want string
	}{
		{upload.Step{Done: 0, Total: 8, TotalBytes: 999}, msg.English, "░░░░░░░░ 0/8 files, 0 B of 999 B"},
		{upload.Step{Done: 4, Total: 8, DoneBytes: 12_345, TotalBytes: 4_500_000}, msg.English, "████░░░░ 4/8 files, 12.3 KB of 4.5 MB"},
		{upload.Step{Done: 8, Total: 8, DoneBytes: 2_100_000_000, TotalBytes: 2_100_000_000}, msg.Chinese, "████████ 8/8 个文件，2.10 GB / 2.10 GB"},
		{upload.Step{}, msg.English, "░░░░░░░░ 0/0 files, 0 B of 0 B"},
	} {
		if got := progressLine(c.step, 8).In(c.lang); got != c.want {
			t.Errorf("%+v: %q, want %q", c.step, got, c.want)
		}
	}
}
