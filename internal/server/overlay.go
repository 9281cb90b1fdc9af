package server

import (
	"bufio"
	"bytes"
	"html/template"
	"os"
	"path/filepath"

	"folio/internal/diag"
	"folio/internal/msg"
)

// sourceLine is one line of a file shown around a diagnostic.
type sourceLine struct {
	Number int
	Text   string
	Here   bool // the diagnostic's line
}

// sourceContext reads two lines either side of each diagnostic's line, at
// build time, so the overlay shows what the editor sees.
func sourceContext(diags []diag.Diagnostic) map[diag.Position][]sourceLine {
	out := map[diag.Position][]sourceLine{}
	files := map[string][]string{}
	for _, d := range diags {
		if d.Pos.File == "" || d.Pos.Line == 0 {
			continue
		}
		lines, ok := files[d.Pos.File]
		if !ok {
			lines = readLines(d.Pos.File)
			files[d.Pos.File] = lines
		}
		for n := max(1, d.Pos.Line-2); n <= min(len(lines), d.Pos.Line+2); n++ {
			out[d.Pos] = append(out[d.Pos], sourceLine{Number: n, Text: lines[n-1], Here: n == d.Pos.Line})
		}
	}
	return out
}

func readLines(name string) []string {
	f, err := os.Open(filepath.FromSlash(name))
	if err != nil {
		return nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() && len(lines) < 100000 {
		lines = append(lines, sc.Text())
	}
	return lines
}

type overlayItem struct {
	diag.Diagnostic
	Message  string // in the overlay's language
	Severity string // the word for it in that language
	Lines    []sourceLine
}

var overlayTemplate = template.Must(template.New("overlay").Parse(`
{{- if .Failed }}
<div id="folio-overlay" role="alertdialog" aria-modal="true" aria-labelledby="folio-overlay-title" aria-describedby="folio-overlay-note" tabindex="-1">
<div class="folio-overlay-panel">
<h2 id="folio-overlay-title">{{.Title}}</h2>
<p id="folio-overlay-note">{{.Note}}</p>
{{template "items" .Items}}
<button type="button" id="folio-overlay-close">{{.Close}}</button>
</div>
</div>
{{- else }}
<aside id="folio-warnings" role="status" aria-label="{{.WarningsLabel}}">
<details><summary>{{.Title}}</summary>
{{template "items" .Items}}
</details>
</aside>
{{- end }}
<style>
#folio-overlay{position:fixed;inset:0;z-index:2147483647;background:rgba(20,12,10,.72);overflow:auto;padding:4vh 3vw;font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;color:#1d1a17}
#folio-overlay .folio-overlay-panel{max-width:60rem;margin:0 auto;background:#fffdf8;border-top:6px solid #b3261e;padding:1.5rem 2rem;box-shadow:0 8px 40px rgba(0,0,0,.4)}
#folio-overlay h2{margin:0 0 .25rem;font-size:1.3rem;color:#8c1d18}
#folio-overlay-close{margin-top:1rem;font:inherit;padding:.4rem 1rem;border:1px solid #8c1d18;background:#fff;color:#8c1d18;border-radius:4px;cursor:pointer}
#folio-overlay-close:focus-visible,#folio-overlay:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.folio-diags{list-style:none;margin:1rem 0 0;padding:0}
.folio-diags li{margin:0 0 1rem;padding:.75rem 1rem;background:#f6f1e7;border-left:4px solid #b3261e}
.folio-diags li.folio-warning{border-left-color:#8a6d00}
.folio-pos{font:600 14px/1.4 ui-monospace,monospace;color:#1d1a17;margin:0}
.folio-msg{margin:.25rem 0}
.folio-sev{font-weight:700;color:#b3261e}.folio-warning .folio-sev{color:#6b5400}
.folio-rule{color:#5a5148;font-size:.9em}
.folio-src{margin:.5rem 0 0;padding:.5rem;background:#1d1a17;color:#f3ece0;font:13px/1.5 ui-monospace,monospace;overflow:auto;white-space:pre}
.folio-src .here{background:#5c1612;display:inline-block;min-width:100%}
#folio-warnings{position:fixed;right:1rem;bottom:1rem;z-index:2147483646;max-width:min(40rem,calc(100vw - 2rem));max-height:60vh;overflow:auto;background:#fffdf8;color:#1d1a17;border:1px solid #c9a227;border-radius:6px;padding:.4rem .8rem;font:14px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)}
#folio-warnings summary{cursor:pointer;color:#6b5400;font-weight:600}
</style>
{{- if .Failed }}
<script>
(function(){var o=document.getElementById("folio-overlay");if(!o)return;var prev=document.activeElement;o.focus();
function close(){o.remove();if(prev&&prev.focus)prev.focus();document.removeEventListener("keydown",key)}
function key(e){if(e.key==="Escape"){close()}}
document.getElementById("folio-overlay-close").addEventListener("click",close);document.addEventListener("keydown",key)})();
</script>
{{- end }}
{{- define "items" }}
<ol class="folio-diags">
{{- range . }}
<li class="folio-{{.Diagnostic.Severity}}">
<p class="folio-pos">{{.Pos}}</p>
<p class="folio-msg"><span class="folio-sev">{{.Severity}}</span> {{.Message}}{{with .Rule}} <span class="folio-rule">[{{.}}]</span>{{end}}</p>
{{- with .Lines }}
<pre class="folio-src">{{range .}}{{if .Here}}<span class="here">{{end}}{{printf "%4d" .Number}} │ {{.Text}}{{if .Here}}</span>{{end}}
{{end}}</pre>
{{- end }}
</li>
{{- end }}
</ol>
{{- end }}
`))

// renderOverlay writes the overlay (errors) or the quiet warnings panel,
// in the generation's language.
func renderOverlay(gen *generation) []byte {
	l := gen.lang
	var items []overlayItem
	errs, warns := 0, 0
	for _, d := range gen.diags {
		sev := l.Sprintf("error")
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
			sev = l.Sprintf("warning")
		}
		items = append(items, overlayItem{Diagnostic: d, Message: d.MessageIn(l), Severity: sev, Lines: gen.context[d.Pos]})
	}
	data := struct {
		Failed                            bool
		Title, Note, Close, WarningsLabel string
		Items                             []overlayItem
	}{Failed: gen.failed, Items: items,
		Note:          l.Sprintf("Below is the last good build. Fix what is listed and save: this notice goes away by itself."),
		Close:         l.Sprintf("Close (Esc)"),
		WarningsLabel: l.Sprintf("Build warnings"),
	}
	if gen.failed {
		data.Title = l.Sprintf("Build failed: %s", msg.Problems(errs, warns))
	} else {
		data.Title = msg.Problems(0, warns).In(l)
	}
	var buf bytes.Buffer
	_ = overlayTemplate.Execute(&buf, data)
	return buf.Bytes()
}
