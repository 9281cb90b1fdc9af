// Package render executes the publication's html/template layouts: the
// default theme embedded in the binary, overridden file by file by the
// site's own layouts/ folder.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"time"

	"folio/internal/cjk"
	"folio/internal/diag"
	"folio/internal/zhnum"
)

// Layouts are the page templates a theme provides; each defines "main" (and
// may define "head") and is executed through base.html.
var Layouts = []string{"cover.html", "chapter.html", "page.html", "data.html", "search.html", "print.html", "404.html", "series.html"}

// Templates is a parsed theme.
type Templates struct {
	byLayout map[string]*template.Template
	fsys     Overlay
	display  func(name string) string
}

// Load parses base.html, partials/*.html and every layout from fsys, whose
// root is the layouts folder. display maps a template file name to the path
// shown in diagnostics. Every template problem is added to diags.
func Load(fsys Overlay, display func(string) string, diags *diag.List) *Templates {
	t := &Templates{byLayout: map[string]*template.Template{}, fsys: fsys, display: display}
	root := template.New("").Funcs(funcs)
	files := []string{"base.html"}
	entries, err := fsys.ReadDir("partials")
	if err != nil {
		diags.Errorf(diag.Position{File: display("partials")}, "template-read", "%v", err)
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".html") {
			files = append(files, "partials/"+e.Name())
		}
	}
	ok := true
	for _, name := range files {
		if !t.parse(root, name, diags) {
			ok = false
		}
	}
	if !ok {
		return t
	}
	for _, layout := range Layouts {
		clone, err := root.Clone()
		if err != nil {
			diags.Errorf(diag.Position{File: display(layout)}, "template", "%v", err)
			continue
		}
		if t.parse(clone, layout, diags) {
			t.byLayout[layout] = clone
		}
	}
	return t
}

func (t *Templates) parse(into *template.Template, name string, diags *diag.List) bool {
	src, err := fs.ReadFile(t.fsys, name)
	if err != nil {
		diags.Errorf(diag.Position{File: t.display(name)}, "template-missing", "layout %s is missing: %v", name, err)
		return false
	}
	if _, err := into.New(name).Parse(string(src)); err != nil {
		diags.Add(t.templateDiag(err))
		return false
	}
	return true
}

// Execute renders layout with data into w; when it fails, w gets nothing.
func (t *Templates) Execute(w io.Writer, layout string, data *Data) error {
	tmpl, ok := t.byLayout[layout]
	if !ok {
		return fmt.Errorf("layout %s not loaded", layout)
	}
	// Into a buffer of the caller's directly, cut back on failure: the
	// buffer of its own, grown by doubling and then copied, was the print
	// page's largest cost (its capacity twice the page at worst, and a
	// second copy of it).
	if buf, ok := w.(*bytes.Buffer); ok {
		n := buf.Len()
		err := tmpl.ExecuteTemplate(buf, "base.html", data)
		if err != nil {
			buf.Truncate(n)
		}
		return err
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "base.html", data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Diagnostic converts a template error to a positioned diagnostic.
func (t *Templates) Diagnostic(err error) diag.Diagnostic { return t.templateDiag(err) }

// Go's template errors read "template: NAME:LINE[:COL]: message".
var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

func (t *Templates) templateDiag(err error) diag.Diagnostic {
	msg := err.Error()
	d := diag.Diagnostic{Severity: diag.Error, Rule: "template", Message: msg} // untranslated: html/template's own words
	if m := templateErrRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		d.Pos = diag.Position{File: t.display(m[1]), Line: line, Col: col}
		d.Message = m[4]
	}
	return d
}

var funcs = template.FuncMap{
	// zhdate formats a date the Chinese way: 2021年7月1日.
	"zhdate": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	},
	// isodate formats a date for datetime attributes.
	"isodate": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	},
	// nobr writes a title or a label as HTML with its last two characters
	// kept on one line, so that no line holds a single character alone.
	"nobr": NoBreakTail,
	// zhnum writes 1–99 in Chinese numerals (一, 十二).
	"zhnum": zhnum.Ordinal,
	// dict builds a map from key, value pairs, to pass several values to a
	// partial.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict needs key, value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
}

// NoBreakTail escapes s for HTML and sets its last two characters (as
// cjk.KeepTail counts them) in <span class="nobr">, which the theme keeps
// on one line: where CSS text-wrap: balance is not supported, a heading
// or a label still never leaves one character alone on its last line. A
// span, not a joining character, keeps copied and searched text as it
// was written.
func NoBreakTail(s string) template.HTML {
	head, tail := cjk.KeepTail(s)
	if tail == "" {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(template.HTMLEscapeString(head) + `<span class="nobr">` + template.HTMLEscapeString(tail) + `</span>`)
}
