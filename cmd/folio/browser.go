package main

import (
	"errors"
	"fmt"
	"folio/internal/msg"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// browserCommands lists the commands that may open a URL in a browser, in
// the order tried, as Go's own tools do: $BROWSER first, then the
// system's opener (xdg-open only in a graphical session, where it cannot
// start a text browser in the terminal folio serve is running in).
func browserCommands() [][]string {
	var cmds [][]string
	if exe := os.Getenv("BROWSER"); exe != "" {
		cmds = append(cmds, []string{exe})
	}
	switch runtime.GOOS {
	case "darwin":
		cmds = append(cmds, []string{"open"})
	case "windows":
		cmds = append(cmds, []string{"rundll32", "url.dll,FileProtocolHandler"})
	default:
		if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
			cmds = append(cmds, []string{"xdg-open"})
		}
	}
	return cmds
}

// openBrowser opens url with the first command of browserCommands that
// works: one that exits cleanly, or is still running after a few seconds
// (a browser that stays open).
func openBrowser(url string) error {
	cmds := browserCommands()
	if len(cmds) == 0 {
		return msg.Errorf("no browser to open it with: set $BROWSER")
	}
	var errs []string
	for _, args := range cmds {
		cmd := exec.Command(args[0], append(args[1:], url)...)
		err := cmd.Start()
		if err == nil {
			err = waitBriefly(cmd, 3*time.Second)
		}
		if err == nil {
			return nil
		}
		errs = append(errs, fmt.Sprintf("%s: %v", args[0], err))
	}
	return errors.New(strings.Join(errs, "; "))
}

// waitBriefly waits for cmd to exit for at most d: an opener exits at
// once, a browser itself may keep running.
func waitBriefly(cmd *exec.Cmd, d time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		return nil
	}
}
