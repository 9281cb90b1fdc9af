package main

import (
	"slices"
	"testing"

	"folio/internal/msg"
)

func TestTakeLang(t *testing.T) {
	env := func(lang string) func(string) string {
		return func(k string) string {
			if k == "LANG" {
				return lang
			}
			return ""
		}
	}
	for _, c := range []struct {
		args  []string
		env   string
		want  msg.Lang
		given bool
		rest  []string
		bad   bool
	}{
		{args: []string{"check"}, env: "zh_CN.UTF-8", want: msg.Chinese, rest: []string{"check"}},
		{args: []string{"check"}, env: "C", want: msg.English, rest: []string{"check"}},
		{args: []string{"--lang", "en", "check"}, env: "zh_CN.UTF-8", want: msg.English, given: true, rest: []string{"check"}},
		{args: []string{"check", "--lang=zh", "--strict"}, env: "C", want: msg.Chinese, given: true, rest: []string{"check", "--strict"}},
		{args: []string{"check", "-lang", "zh"}, want: msg.Chinese, given: true, rest: []string{"check"}},
		{args: []string{"new", "chapter", "--", "--lang"}, want: msg.English, rest: []string{"new", "chapter", "--", "--lang"}},
		{args: []string{"check", "--lang", "fr"}, bad: true},
		{args: []string{"check", "--lang"}, bad: true},
	} {
		l, given, rest, err := takeLang(c.args, env(c.env))
		if c.bad {
			if err == nil {
				t.Errorf("takeLang(%q) accepted", c.args)
			}
			continue
		}
		if err != nil || l != c.want || given != c.given || !slices.Equal(rest, c.rest) {
			t.Errorf("takeLang(%q, LANG=%s) = %v, %v, %q, %v; want %v, %v, %q", c.args, c.env, l, given, rest, err, c.want, c.given, c.rest)
		}
	}
}
