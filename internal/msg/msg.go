// Package msg puts folio's messages into the reader's language. Every
// message is written once in code, as an English format string; the
// catalogue (catalog_zh.go) holds its Chinese form under the same key. A
// message whose key the catalogue lacks prints in English, and a test
// keeps the catalogue and the code's format strings equal.
//
// Messages are formatted with fmt, not golang.org/x/text/message's
// printer: that printer groups digits by locale, and folio's messages
// are full of years and line numbers (2020, not 2,020).
package msg

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Lang is a language messages are printed in.
type Lang int

const (
	English Lang = iota
	Chinese
)

func (l Lang) String() string {
	if l == Chinese {
		return "zh"
	}
	return "en"
}

// Parse reads a language from a flag value or a locale name: zh, zh-CN,
// zh_CN.UTF-8, zh-Hans-CN → Chinese; en, en_US.UTF-8, C, POSIX →
// English. ok is false for anything else.
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	switch base {
	case "zh", "chinese":
		return Chinese, true
	case "en", "c", "posix", "english":
		return English, true
	}
	return English, false
}

// FromEnv is the language of the terminal's locale: the first of
// LC_ALL, LC_MESSAGES and LANG that is set decides, as POSIX orders
// them; Chinese for zh_*, else English.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			l, _ := Parse(v)
			return l
		}
	}
	return English
}

// ForContent is the language for a page written in the BCP 47 language
// tag given (a publication's language: zh-CN, zh-Hant, en).
func ForContent(tag string) Lang {
	if l, ok := Parse(tag); ok {
		return l
	}
	return English
}

// Sprintf formats format in l: the catalogue's form of the key format,
// with args in the positions that form gives them. Arguments that are
// messages themselves (a Text, an error made by Errorf) are put into l
// too.
func (l Lang) Sprintf(format string, args ...any) string {
	if l == Chinese {
		args = localizeArgs(l, args)
	}
	return fmt.Sprintf(l.Tr(format), args...)
}

// Tr is the catalogue's form of key in l, unformatted (also a flag's
// description, which the flag package prints itself); the key itself
// in English or where the catalogue has no form.
func (l Lang) Tr(key string) string {
	if l == Chinese {
		if zh, ok := catalogZh[key]; ok {
			return zh
		}
	}
	return key
}

// localizer is a value that has a form in each language.
type localizer interface {
	In(Lang) string
}

func localizeArgs(l Lang, args []any) []any {
	var out []any
	for i, a := range args {
		var loc localizer
		switch v := a.(type) {
		case localizer:
			loc = v
		case error:
			var e *Error
			if errors.As(v, &e) && error(e) == v {
				loc = e
			}
		}
		if loc == nil {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = loc.In(l)
	}
	if out == nil {
		return args
	}
	return out
}

// Text is a message not yet put into a language: a catalogue key and
// its arguments.
type Text struct {
	Format string
	Args   []any
}

// New returns the message format with args.
func New(format string, args ...any) Text { return Text{Format: format, Args: args} }

// In is the message in l.
func (t Text) In(l Lang) string { return l.Sprintf(t.Format, t.Args...) } // untranslated: the text's own key

// String is the message in English.
func (t Text) String() string { return fmt.Sprintf(t.Format, t.Args...) }

// Error is an error whose message has a form in each language.
type Error struct{ Text }

// Errorf returns an error with the message format and args; its Error
// is English, In gives it in another language.
func Errorf(format string, args ...any) error { return &Error{New(format, args...)} }

func (e *Error) Error() string { return e.Text.String() }

// Join is a list of messages (or plain strings) to print joined by sep;
// in Chinese, "; " and ", " become the full-width "；" and "，", and
// " and " the enumeration comma "、".
func Join[T any](sep string, items []T) Text {
	all := make([]any, len(items))
	for i, it := range items {
		all[i] = it
	}
	return Text{Format: joinFormat, Args: []any{joined{sep, all}}}
}

const joinFormat = "%s"

type joined struct {
	sep   string
	items []any
}

func (j joined) In(l Lang) string {
	sep := j.sep
	if l == Chinese {
		switch strings.TrimSpace(sep) {
		case ";":
			sep = "；"
		case ",":
			sep = "，"
		case "and":
			sep = "、"
		}
	}
	parts := make([]string, len(j.items))
	for i, it := range j.items {
		if loc, ok := it.(localizer); ok {
			parts[i] = loc.In(l)
		} else {
			parts[i] = fmt.Sprint(it)
		}
	}
	return strings.Join(parts, sep)
}

func (j joined) String() string { return j.In(English) }

// Fprintf writes format with args in l to w.
func (l Lang) Fprintf(w io.Writer, format string, args ...any) {
	io.WriteString(w, l.Sprintf(format, args...)) // untranslated: the caller's format
}

// Pluralf is the message for a count n: one when n is 1, else other,
// each a whole format taking args (Pluralf(n, "%d file", "%d files", n)).
// It is the one place folio decides that 1 is singular; Chinese, which
// does not inflect, gives both keys one form.
func Pluralf(n int, one, other string, args ...any) Text {
	if n == 1 || n == -1 {
		return New(one, args...)
	}
	return New(other, args...)
}

// Problems names a count of errors and warnings: "1 error", "2 warnings",
// "1 error and 3 warnings"; "no problems" when both are 0.
func Problems(errs, warns int) Text {
	switch {
	case errs > 0 && warns > 0:
		if errs == 1 {
			return Pluralf(warns, "%d error and %d warning", "%d error and %d warnings", errs, warns)
		}
		return Pluralf(warns, "%d errors and %d warning", "%d errors and %d warnings", errs, warns)
	case errs > 0:
		return Pluralf(errs, "%d error", "%d errors", errs)
	case warns > 0:
		return Pluralf(warns, "%d warning", "%d warnings", warns)
	}
	return New("no problems")
}

// Split is the message in l as its two parts: what is wrong, and the fix
// (empty when the message gives none). Folio's messages give the fix
// after their first separator (": " or "; ", "：" or "；" in Chinese),
// or in a closing "(did you mean …?)". The split is made in the format,
// before the arguments go in, so a colon inside a quoted value or a path
// never splits a message.
func (t Text) Split(l Lang) (problem, fix string) {
	if (t.Format == "%s" || t.Format == "%v") && len(t.Args) == 1 {
		switch inner := t.Args[0].(type) { // a message passed on whole
		case Text:
			return inner.Split(l)
		case *Error:
			return inner.Text.Split(l)
		}
	}
	format := l.Tr(t.Format)
	const mark = "\x00"
	seps := []string{": ", "; "}
	if l == Chinese {
		seps = []string{"：", "；"}
	}
	at, size := -1, 0
	for _, sep := range seps {
		if i := strings.Index(format, sep); i >= 0 && (at < 0 || i < at) {
			at, size = i, len(sep)
		}
	}
	trim := ""
	if at < 0 {
		for _, open := range []string{" (did you mean", "（是不是"} {
			if i := strings.Index(format, open); i >= 0 {
				at, size = i, len(open)-len(strings.TrimLeft(open, " (（"))
				trim = ")"
				if l == Chinese {
					trim = "）"
				}
				break
			}
		}
	}
	if at < 0 {
		return t.In(l), ""
	}
	args := t.Args
	if l == Chinese {
		args = localizeArgs(l, args)
	}
	out := fmt.Sprintf(format[:at]+mark+format[at+size:], args...) // untranslated: the catalogue's form, split
	problem, fix, _ = strings.Cut(out, mark)
	return problem, strings.TrimSuffix(fix, trim)
}
