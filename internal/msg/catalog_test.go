package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A format is one message key the code uses, and where.
type format struct {
	key string
	at  string
}

// formatArgs says which arguments of a call are message formats: by
// the called name, for calls not on the fmt package (fmt.Errorf and
// fmt.Sprintf make programmers' strings, not editors' messages).
func formatArgs(call *ast.CallExpr, inMsg bool) []int {
	if id, ok := call.Fun.(*ast.Ident); ok {
		switch {
		case id.Name == "usagef" || id.Name == "contentf":
			return []int{0} // the CLI's errors
		case inMsg && id.Name == "New":
			return []int{0}
		case inMsg && id.Name == "Pluralf":
			return []int{1, 2}
		}
		return nil
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	recv := ""
	if id, ok := sel.X.(*ast.Ident); ok {
		recv = id.Name
	}
	if recv == "fmt" || recv == "errors" || recv == "t" || recv == "b" && sel.Sel.Name != "Errorf" {
		return nil
	}
	switch sel.Sel.Name {
	case "StringVar", "BoolVar", "IntVar":
		if recv == "fs" {
			return []int{3} // a flag's description
		}
	case "String", "Bool", "Int":
		if recv == "fs" {
			return []int{2}
		}
	case "Errorf", "Warnf", "ErrorAt":
		if recv == "msg" {
			return []int{0}
		}
		return []int{2}
	case "Make":
		if recv == "diag" {
			return []int{3}
		}
	case "New":
		if recv == "msg" {
			return []int{0}
		}
	case "Pluralf":
		return []int{1, 2}
	case "Sprintf":
		return []int{0}
	case "Fprintf":
		return []int{1}
	}
	return nil
}

// scanFormats reads every non-test Go file of the module and returns the
// message formats it passes to folio's message functions, and the calls
// whose format is not a string literal (a message the catalogue cannot
// hold).
func scanFormats(t *testing.T) (formats []format, dynamic []string) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "testdata", "public", ".git", "tools", "benchgen":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		// A line may say why its message stays in English: the words
		// are a library's (esbuild's, html/template's), not folio's.
		untranslated := map[int]bool{}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, "// untranslated:") {
					untranslated[fset.Position(c.Pos()).Line] = true
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok && isDiagnosticType(lit.Type) && !untranslated[fset.Position(lit.Pos()).Line] {
				for _, e := range lit.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Message") {
						dynamic = append(dynamic, fset.Position(kv.Pos()).String()+" (a Diagnostic's Message set directly: use diag.Make)")
					}
				}
				return true
			}
			// What a rule flags is shown in folio check --help.
			if lit, ok := n.(*ast.CompositeLit); ok && isIdent(lit.Type, "Rule") {
				for _, e := range lit.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok || !isIdent(kv.Key, "What") {
						continue
					}
					if s, ok := stringLit(kv.Value); ok {
						formats = append(formats, format{s, fset.Position(kv.Value.Pos()).String()})
					} else {
						dynamic = append(dynamic, fset.Position(kv.Pos()).String()+" (a rule's What: write it as a string literal)")
					}
				}
				return true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, i := range formatArgs(call, filepath.Base(filepath.Dir(path)) == "msg") {
				if i >= len(call.Args) {
					continue
				}
				at := fset.Position(call.Args[i].Pos()).String()
				if id, ok := call.Args[i].(*ast.Ident); ok && (id.Name == "format" || id.Name == "one" || id.Name == "other") {
					continue // a wrapper passing its caller's format on
				}
				lit, ok := call.Args[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					if !untranslated[fset.Position(call.Pos()).Line] {
						dynamic = append(dynamic, at)
					}
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s: %v", at, err)
				}
				formats = append(formats, format{s, at})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return formats, dynamic
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isDiagnosticType(e ast.Expr) bool {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return isIdent(sel.X, "diag") && sel.Sel.Name == "Diagnostic"
	}
	return isIdent(e, "Diagnostic")
}

// passThrough are formats that carry a message from elsewhere (a
// library's error, a template's) whole; they have no other words.
var passThrough = map[string]bool{"%s": true, "%v": true, "%s\n": true}

// TestCatalogueCoversEveryMessage fails when a message in code has no
// Chinese form, when the catalogue keeps a form no code uses, and when
// a form's verbs do not match its key's.
func TestCatalogueCoversEveryMessage(t *testing.T) {
	formats, dynamic := scanFormats(t)
	if len(formats) < 100 {
		t.Fatalf("found only %d message formats: is the scan reading the code?", len(formats))
	}
	for _, at := range dynamic {
		t.Errorf("%s: a message format that is not a string literal cannot be translated: write the format in the call", at)
	}
	used := map[string]bool{}
	var missing []string
	for _, f := range formats {
		used[f.key] = true
		if passThrough[f.key] {
			continue
		}
		if _, ok := catalogZh[f.key]; !ok {
			missing = append(missing, f.at+": "+strconv.Quote(f.key))
		}
	}
	slices.Sort(missing)
	missing = slices.Compact(missing)
	for _, m := range missing {
		t.Errorf("no Chinese form in catalog_zh.go for %s", m)
	}
	for key, zh := range catalogZh {
		if !used[key] {
			t.Errorf("catalog_zh.go keeps %q, which no code uses", key)
		}
		if a, b := verbs(key), verbs(zh); !slices.Equal(a, b) {
			t.Errorf("catalogue form %q takes arguments %v, its key %q takes %v", zh, b, key, a)
		}
	}
}

var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// verbs lists the verb each argument is formatted with, in argument
// order, as fmt numbers them (explicit [n] indexes included).
func verbs(format string) []string {
	byArg := map[int]string{}
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		v := m[2]
		if v == "v" || v == "s" {
			v = "s" // interchangeable for the strings and errors folio passes
		}
		byArg[next] = v
		next++
	}
	out := make([]string, len(byArg))
	for i := range out {
		out[i] = byArg[i+1]
	}
	return out
}

func TestVerbs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"%s at %d", []string{"s", "d"}},
		{"第%[2]d行的%[1]q", []string{"q", "d"}},
		{"100%% of %v", []string{"s"}},
	} {
		if got := verbs(c.in); !slices.Equal(got, c.want) {
			t.Errorf("verbs(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseAndFromEnv(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"zh", Chinese, true}, {"zh_CN.UTF-8", Chinese, true}, {"zh-Hant-TW", Chinese, true},
		{"en", English, true}, {"C", English, true}, {"C.UTF-8", English, true}, {"fr_FR.UTF-8", English, false},
	} {
		got, ok := Parse(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if l := FromEnv(env(map[string]string{"LANG": "zh_CN.UTF-8"})); l != Chinese {
		t.Errorf("LANG=zh_CN.UTF-8 gave %v", l)
	}
	if l := FromEnv(env(map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"})); l != English {
		t.Errorf("LC_ALL=C over LANG=zh_CN gave %v", l)
	}
	if l := FromEnv(env(map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"})); l != Chinese {
		t.Errorf("LC_MESSAGES=zh_CN over LANG=en gave %v", l)
	}
	if l := FromEnv(env(nil)); l != English {
		t.Errorf("no locale gave %v", l)
	}
}

func TestSprintfPutsArgumentsIntoTheLanguage(t *testing.T) {
	inner := Errorf("the file is not valid UTF-8 text: save it as UTF-8")
	got := Chinese.Sprintf("image %q: %v", "a.jpg", inner)
	if !strings.Contains(got, "UTF-8") || strings.Contains(got, "save it") {
		t.Errorf("nested message not in Chinese: %q", got)
	}
	if got := English.Sprintf("image %q: %v", "a.jpg", inner); got != `image "a.jpg": the file is not valid UTF-8 text: save it as UTF-8` {
		t.Errorf("English: %q", got)
	}
}
