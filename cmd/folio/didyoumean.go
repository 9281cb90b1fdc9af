package main

import (
	"flag"
	"io"
	"strings"

	"folio/internal/msg"
	"folio/internal/suggest"
)

// isVersionFlag reports whether arg asks for the version the way other
// tools take it: folio --version, -version and -v are folio version.
func isVersionFlag(arg string) bool {
	return arg == "--version" || arg == "-version" || arg == "-v"
}

// unknownCommand reports a command folio does not have, with the nearest
// one when the name looks like a typo of it.
func unknownCommand(w io.Writer, l msg.Lang, name string) {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	if near := suggest.Nearest(name, names); near != "" && !strings.HasPrefix(name, "-") {
		l.Fprintf(w, "folio: unknown command %q; did you mean %q?\n", name, near)
	} else {
		l.Fprintf(w, "folio: unknown command %q\n", name)
	}
	l.Fprintf(w, "Run 'folio help' for the list of commands.\n")
}

// flagError turns the flag package's error into a usage error, naming
// the nearest defined flag when the one given is not defined.
func flagError(fs *flag.FlagSet, args []string, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return usagef("%v", err) // the flag package's own words
	}
	given := "-" + name
	for _, a := range args {
		if a == "--" {
			break
		}
		if before, _, _ := strings.Cut(a, "="); strings.TrimLeft(before, "-") == name && strings.HasPrefix(before, "-") {
			given = before
			break
		}
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if near := suggest.Nearest(name, names); near != "" {
		return usagef("unknown flag %s; did you mean --%s?", given, near)
	}
	return usagef("unknown flag %s", given)
}
