package main

import (
	"strings"

	"folio/internal/msg"
)

// takeLang removes a --lang flag from args, wherever it stands before a
// "--" (folio --lang zh check, folio check --lang=zh), and returns the
// language it names; without one, the language of the terminal's locale
// (LC_ALL, LC_MESSAGES, LANG). given says whether the flag was there:
// it then also sets the language of the dev server's overlay.
func takeLang(args []string, getenv func(string) string) (l msg.Lang, given bool, rest []string, err error) {
	l = msg.FromEnv(getenv)
	rest = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return l, false, nil, usagef("flag needs an argument: --lang (zh or en)")
			}
			i++
			value = args[i]
		}
		parsed, ok := msg.Parse(value)
		if !ok || strings.ContainsAny(value, "_.") {
			return l, false, nil, usagef("--lang %s: use zh or en", value)
		}
		l, given = parsed, true
	}
	return l, given, rest, nil
}
