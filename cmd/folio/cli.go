package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"folio/internal/msg"
	"io"
	"os"
	"strings"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1 // the content has errors (or warnings with --strict)
	exitUsage   = 2 // the command line is wrong
)

// command is one subcommand: its own file holds its flags, usage and Run.
type command struct {
	name    string
	summary msg.Text
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"build", msg.New("build the publication into public/"), runBuild},
	{"serve", msg.New("preview the publication, rebuilding on every save"), runServe},
	{"check", msg.New("check the publication's content and copy without building it"), runCheck},
	{"deploy", msg.New("upload the built site to S3-compatible object storage, changed files only"), runDeploy},
	{"export", msg.New("write another edition: folio export wechat, each chapter ready for the 公众号 editor"), runExport},
	{"new", msg.New("start a publication or a chapter: folio new site DIR, folio new chapter TITLE"), runNew},
	{"version", msg.New("print folio's version"), runVersion},
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ text msg.Text }

// usagef returns the usage error format with args.
func usagef(format string, args ...any) usageError { return usageError{msg.New(format, args...)} }

func (e usageError) Error() string { return e.text.String() }

// contentError means the build reported errors, already printed: exit 1.
type contentError struct{ text msg.Text }

// contentf returns the content error format with args.
func contentf(format string, args ...any) contentError { return contentError{msg.New(format, args...)} }

func (e contentError) Error() string { return e.text.String() }

// locale is the language folio speaks on the terminal, and whether
// --lang chose it (it then speaks it in the dev server's overlay too).
type locale struct {
	lang   msg.Lang
	chosen bool
}

type localeKey struct{}

// localeOf is the locale of the command run with ctx.
func localeOf(ctx context.Context) locale {
	l, _ := ctx.Value(localeKey{}).(locale)
	return l
}

// langOf is the language of the terminal for the command run with ctx.
func langOf(ctx context.Context) msg.Lang { return localeOf(ctx).lang }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	l, chosen, args, err := takeLang(args, os.Getenv)
	if err != nil {
		var ue usageError
		errors.As(err, &ue)
		l.Fprintf(stderr, "folio: %s\n", ue.text)
		return exitUsage
	}
	ctx = context.WithValue(ctx, localeKey{}, locale{l, chosen})
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		mainUsage(stdout, l)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if isVersionFlag(args[0]) {
		args = append([]string{"version"}, args[1:]...)
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ue usageError
		var ce contentError
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			l.Fprintf(stderr, "folio %s: %s\nRun 'folio %s --help' for usage.\n", c.name, ue.text, c.name)
			return exitUsage
		case errors.As(err, &ce):
			l.Fprintf(stderr, "folio %s: %s\n", c.name, ce.text)
			return exitContent
		default:
			l.Fprintf(stderr, "folio %s: %v\n", c.name, err)
			return exitContent
		}
	}
	unknownCommand(stderr, l, args[0])
	return exitUsage
}

func mainUsage(w io.Writer, l msg.Lang) {
	l.Fprintf(w, "folio builds commemorative showcase publications from Markdown and indicator data.\n\nUsage:\n\n\tfolio <command> [flags]\n\nCommands:\n\n")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary.In(l))
	}
	l.Fprintf(w, "\nRun 'folio <command> --help' for a command's flags.\nSet --lang zh or --lang en for the language of folio's messages (default: LANG).\n")
}

// newFlagSet returns a FlagSet whose errors are returned, not printed, and
// whose usage text is the command's own.
func newFlagSet(ctx context.Context, name string, usage msg.Text, stdout io.Writer) *flag.FlagSet {
	l := langOf(ctx)
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	// Listed for --help; run takes --lang out of the arguments before a
	// command sees them.
	fs.String("lang", "", "the `language` of folio's messages, zh or en (default: from LC_ALL, LC_MESSAGES or LANG)")
	fs.Usage = func() {
		fmt.Fprint(stdout, strings.TrimLeft(usage.In(l), "\n"))
		fs.VisitAll(func(f *flag.Flag) { f.Usage = l.Tr(f.Usage) })
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args, printing usage for --help and turning other
// mistakes into usage errors (with the nearest flag for an unknown one),
// which print a one-line hint rather than the usage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every mistake too
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage()
			return err
		}
		return flagError(fs, args, err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}
