package site_test

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"folio"
)

// The site the equivalence test edits, kept as a model and written out
// whole after each edit: only the files whose text changed are written,
// each with a later modification time, so the disk always holds the
// model and the list of changed files is exact (the watcher's word).

// eqPage is a Markdown file of the site.
type eqPage struct {
	id   int    // stable across renames: links name it as ⟦id⟧
	rel  string // content-relative
	meta eqMeta
	// paras are the body's blocks; ⟦id⟧ is the file name of page id.
	paras []string
}

type eqMeta struct {
	title, summary, date string
	draft                bool
}

type eqIndicator struct {
	id, head string // head: the lines before series
	periods  []string
	values   map[string]float64
}

// eqSite is the model.
type eqSite struct {
	t     testing.TB
	dir   string
	r     *rand.Rand
	step  int
	pages []*eqPage
	data  []*eqIndicator
	// Publication settings.
	title, strayLatin string // strayLatin: checks: severity, "" for none
	layoutMarker      string // "" for no layouts/chapter.html
	cssColor          string
	cssExtraRule      bool
	nextID            int
	clock             time.Time
	// fix undoes the edit that broke the build, nil while none did.
	fix func() string
	// changed lists the files written, touched or removed since the
	// last take, as absolute paths: what a watcher would have seen.
	changed []string
}

const eqPhoto = "content/images/photo.jpg"

func newEqSite(t testing.TB, dir string, r *rand.Rand) *eqSite {
	s := &eqSite{t: t, dir: dir, r: r, title: "等价站", cssColor: "#336699", layoutMarker: "版式一", nextID: 6,
		// Files modified in the last two seconds are read on every
		// build: the site's times are in the past, so the caches'
		// checks of file times are what is tested.
		clock: time.Now().Add(-24 * time.Hour).Truncate(time.Second)}
	s.pages = []*eqPage{
		{id: 0, rel: "index.md", paras: []string{"前言。", "```figures\n- gdp-growth\n- rank\n```"}},
		{id: 100, rel: "pages/about.md", meta: eqMeta{title: "关于"}, paras: []string{"关于本站。"}},
		{id: 1, rel: "chapters/01-alpha.md", meta: eqMeta{title: "甲篇", summary: "甲篇的摘要。", date: "2021-03-01"}, paras: []string{
			"甲篇导语，增速{{gdp-growth}}，排名{{rank@2019}}。", "## 要点",
			"```chart\nindicator: gdp-growth\ntype: line\ntitle: 增速\n```",
			`![园区全景](../images/photo.jpg "插图：园区")`, "详见[乙篇的要点](⟦2⟧#要点)。"}},
		{id: 2, rel: "chapters/02-beta.md", meta: eqMeta{title: "乙篇", summary: "乙篇的摘要。", date: "2021-04-01"}, paras: []string{
			"乙篇正文，有个project。", "## 要点", "排名{{rank}}。"}},
		{id: 3, rel: "chapters/03-gamma.md", meta: eqMeta{title: "丙篇", summary: "丙篇的摘要。"}, paras: []string{
			"## 要点", "```chart\nindicator: rank\ntype: rank\ntitle: 排名\n```", "回到[甲篇](⟦1⟧)。"}},
		{id: 4, rel: "chapters/04-delta.md", meta: eqMeta{title: "丁篇", summary: "丁篇的摘要。", date: "2021-05-01"}, paras: []string{
			"## 要点", "收入{{revenue}}。"}},
		{id: 5, rel: "chapters/05-epsilon.md", meta: eqMeta{title: "戊篇"}, paras: []string{"## 要点", "戊篇正文。"}},
	}
	s.data = []*eqIndicator{
		{id: "gdp-growth", head: "  label: 增速\n  unit: percent\n  source: 统计局\n", periods: []string{"2019", "2020"}, values: map[string]float64{"2019": 6.1, "2020": 5.3}},
		{id: "rank", head: "  label: 排名\n  unit: rank\n  of: 169\n  better: lower\n  source: 科技部\n", periods: []string{"2018", "2019", "2020"}, values: map[string]float64{"2018": 107, "2019": 98, "2020": 88}},
		{id: "revenue", head: "  label: 收入\n  unit: count\n  source: 财政局\n", periods: []string{"2020"}, values: map[string]float64{"2020": 12}},
	}
	s.sync()
	s.writePhoto(240, 160)
	// Everything written so far is the starting point, at one time.
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, s.clock, s.clock)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.take()
	return s
}

// files renders the model: site-relative path → contents.
func (s *eqSite) files() map[string]string {
	files := map[string]string{}
	for _, p := range s.pages {
		files["content/"+p.rel] = s.pageText(p)
	}
	pub := "title: " + s.title + "\nlanguage: zh-CN\nbase_url: https://example.org/eq/\npublished: 2021-07-01\nimage_widths: [120, 240]\n"
	if s.strayLatin != "" {
		pub += "checks:\n  stray-latin: " + s.strayLatin + "\n"
	}
	files["content/publication.yaml"] = pub
	var data strings.Builder
	for _, ind := range s.data {
		fmt.Fprintf(&data, "- id: %s\n%s  series:\n", ind.id, ind.head)
		for _, per := range ind.periods {
			fmt.Fprintf(&data, "    %s: %s\n", per, strconv.FormatFloat(ind.values[per], 'f', -1, 64))
		}
	}
	files["content/data/indicators.yaml"] = data.String()
	if s.layoutMarker != "" {
		theme, err := fs.ReadFile(folio.Theme, "layouts/chapter.html")
		if err != nil {
			s.t.Fatal(err)
		}
		const at = `<article class="chapter">`
		if !bytes.Contains(theme, []byte(at)) {
			s.t.Fatalf("the theme's chapter layout has no %s to mark", at)
		}
		files["layouts/chapter.html"] = strings.Replace(string(theme), at, at+"<p class=\"marker\">"+s.layoutMarker+"</p>", 1)
	}
	main := "@import \"theme.css\";\n@import \"charts.css\";\n@import \"extra.css\";\n"
	if s.cssExtraRule {
		main += "h1 { letter-spacing: 0.1em }\n"
	}
	files["assets/css/main.css"] = main
	files["assets/css/extra.css"] = ".marker { color: " + s.cssColor + " }\n"
	return files
}

func (s *eqSite) pageText(p *eqPage) string {
	var b strings.Builder
	if m := p.meta; m.title != "" {
		b.WriteString("---\ntitle: " + m.title + "\n")
		if m.summary != "" {
			b.WriteString("summary: " + m.summary + "\n")
		}
		if m.date != "" {
			b.WriteString("date: " + m.date + "\n")
		}
		if m.draft {
			b.WriteString("draft: true\n")
		}
		b.WriteString("---\n")
	}
	for _, para := range p.paras {
		for _, q := range s.pages {
			para = strings.ReplaceAll(para, fmt.Sprintf("⟦%d⟧", q.id), path.Base(q.rel))
		}
		b.WriteString(para + "\n\n")
	}
	return b.String()
}

// sync writes the model's files that changed and removes those it no
// longer has.
func (s *eqSite) sync() {
	want := s.files()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		p := filepath.Join(s.dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(p); err == nil && string(old) == want[name] {
			continue
		}
		s.write(p, []byte(want[name]))
	}
	for _, dir := range []string{"content/chapters", "layouts"} {
		entries, _ := os.ReadDir(filepath.Join(s.dir, dir))
		for _, e := range entries {
			if _, ok := want[dir+"/"+e.Name()]; !ok {
				p := filepath.Join(s.dir, dir, e.Name())
				if err := os.Remove(p); err != nil {
					s.t.Fatal(err)
				}
				s.changed = append(s.changed, p)
			}
		}
	}
}

// take returns the files changed since it was last called.
func (s *eqSite) take() []string {
	changed := s.changed
	s.changed = nil
	return changed
}

// write writes a file with a modification time later than any before.
func (s *eqSite) write(p string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.touch(p)
}

func (s *eqSite) touch(p string) {
	s.clock = s.clock.Add(time.Second)
	if err := os.Chtimes(p, s.clock, s.clock); err != nil {
		s.t.Fatal(err)
	}
	s.changed = append(s.changed, p)
}

// writePhoto replaces the photo with a w×h one of other pixels.
func (s *eqSite) writePhoto(w, h int) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	blue := uint8(s.r.IntN(256))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), blue, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		s.t.Fatal(err)
	}
	s.write(filepath.Join(s.dir, filepath.FromSlash(eqPhoto)), buf.Bytes())
}

func (s *eqSite) chapters() []*eqPage {
	var cs []*eqPage
	for _, p := range s.pages {
		if strings.HasPrefix(p.rel, "chapters/") {
			cs = append(cs, p)
		}
	}
	return cs
}

func (s *eqSite) pick(ps []*eqPage) *eqPage { return ps[s.r.IntN(len(ps))] }

// linked reports whether another page links to p: a draft is left out of
// folio build, and a link to it is an error, which the draft edit does
// not mean to make.
func (s *eqSite) linked(p *eqPage) bool {
	ref := fmt.Sprintf("⟦%d⟧", p.id)
	for _, q := range s.pages {
		if q != p && slices.ContainsFunc(q.paras, func(para string) bool { return strings.Contains(para, ref) }) {
			return true
		}
	}
	return false
}

// The kinds of edit. Each changes the model; the step then syncs it.
const (
	editProse = iota
	editFrontMatter
	editDataValue
	editImage
	editAddChapter
	editRenameChapter
	editDeleteChapter
	editLayout
	editStylesheet
	editPublication
	editTouch
	editBreak // introduces an error; a later step fixes it
	numEditKinds
)

// edit applies an edit of the given kind and describes it.
func (s *eqSite) edit(kind int) string {
	r := s.r
	switch kind {
	case editProse:
		p := s.pick(s.pages)
		var added []int
		for i, para := range p.paras {
			if strings.HasPrefix(para, "新段落") {
				added = append(added, i)
			}
		}
		if len(added) > 0 && r.IntN(3) == 0 {
			i := added[r.IntN(len(added))]
			p.paras = slices.Delete(p.paras, i, i+1)
			return "prose: removed a paragraph of " + p.rel
		}
		i := r.IntN(len(p.paras) + 1)
		p.paras = slices.Insert(p.paras, i, fmt.Sprintf("新段落%s，第%d步写成。", strings.Repeat("很", r.IntN(4)), s.step))
		return fmt.Sprintf("prose: paragraph %d of %s", i, p.rel)
	case editFrontMatter:
		p := s.pick(s.chapters())
		switch r.IntN(4) {
		case 0:
			p.meta.title = fmt.Sprintf("%s（第%d稿）", strings.SplitN(p.meta.title, "（", 2)[0], s.step)
			return "front matter: title of " + p.rel
		case 1:
			p.meta.summary = fmt.Sprintf("第%d步的摘要。", s.step)
			if r.IntN(4) == 0 {
				p.meta.summary = ""
			}
			return "front matter: summary of " + p.rel
		case 2:
			p.meta.date = fmt.Sprintf("2021-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
			if r.IntN(4) == 0 {
				p.meta.date = ""
			}
			return "front matter: date of " + p.rel
		}
		if p.meta.draft || !s.linked(p) {
			p.meta.draft = !p.meta.draft
			return fmt.Sprintf("front matter: draft: %v in %s", p.meta.draft, p.rel)
		}
		p.meta.title += "！"
		return "front matter: title of " + p.rel + " (linked, so not a draft)"
	case editDataValue:
		ind := s.data[r.IntN(len(s.data))]
		per := ind.periods[r.IntN(len(ind.periods))]
		old := ind.values[per]
		for ind.values[per] == old {
			switch ind.id {
			case "gdp-growth":
				ind.values[per] = float64(1+r.IntN(150)) / 10
			case "rank":
				ind.values[per] = float64(1 + r.IntN(169))
			default:
				ind.values[per] = float64(1 + r.IntN(100))
			}
		}
		return fmt.Sprintf("data: %s@%s %v → %v", ind.id, per, old, ind.values[per])
	case editImage:
		w, h := 200+r.IntN(120), 120+r.IntN(80)
		s.writePhoto(w, h)
		return fmt.Sprintf("image: %s replaced, %d×%d", eqPhoto, w, h)
	case editAddChapter:
		id := s.nextID
		s.nextID++
		target := s.pick(s.chapters())
		p := &eqPage{id: id, rel: fmt.Sprintf("chapters/%02d-c%d.md", 1+r.IntN(9), id), meta: eqMeta{title: fmt.Sprintf("新篇%d", id), summary: "新篇的摘要。"},
			paras: []string{"## 要点", "新篇提到{{revenue}}。", fmt.Sprintf("参见[另一篇](⟦%d⟧#要点)。", target.id)}}
		s.pages = append(s.pages, p)
		return "chapter added: " + p.rel
	case editRenameChapter:
		p := s.pick(s.chapters())
		old := p.rel
		p.rel = fmt.Sprintf("chapters/%02d-c%ds%d.md", 1+r.IntN(9), p.id, s.step)
		return fmt.Sprintf("chapter renamed: %s → %s (links to it follow)", old, p.rel)
	case editDeleteChapter:
		cs := s.chapters()
		if len(cs) <= 2 {
			return s.edit(editAddChapter)
		}
		p := s.pick(cs)
		s.pages = slices.DeleteFunc(s.pages, func(q *eqPage) bool { return q == p })
		ref := fmt.Sprintf("⟦%d⟧", p.id)
		for _, q := range s.pages {
			q.paras = slices.DeleteFunc(q.paras, func(para string) bool { return strings.Contains(para, ref) })
		}
		return "chapter deleted: " + p.rel + " (links to it removed)"
	case editLayout:
		switch {
		case s.layoutMarker != "" && r.IntN(4) == 0:
			s.layoutMarker = ""
			return "layout: layouts/chapter.html removed"
		default:
			s.layoutMarker = fmt.Sprintf("版式%d", s.step)
			return "layout: layouts/chapter.html marked " + s.layoutMarker
		}
	case editStylesheet:
		if r.IntN(4) == 0 {
			s.cssExtraRule = !s.cssExtraRule
			return "stylesheet: a rule in assets/css/main.css toggled"
		}
		s.cssColor = fmt.Sprintf("#%06x", r.IntN(1<<24))
		return "stylesheet: assets/css/extra.css colour " + s.cssColor
	case editPublication:
		if r.IntN(2) == 0 {
			s.title = fmt.Sprintf("等价站%d", s.step)
			return "publication.yaml: title " + s.title
		}
		levels := []string{"", "off", "warning"}
		s.strayLatin = levels[r.IntN(len(levels))]
		return "publication.yaml: checks: stray-latin: " + cmp.Or(s.strayLatin, "(default)")
	case editTouch:
		names := slices.Sorted(maps.Keys(s.files()))
		p := filepath.Join(s.dir, filepath.FromSlash(names[r.IntN(len(names))]))
		s.touch(p)
		return "touched " + p[len(s.dir)+1:]
	case editBreak:
		return s.breakBuild()
	}
	panic(fmt.Sprint("unknown edit kind ", kind))
}

// breakBuild makes an error in the content; s.fix removes it.
func (s *eqSite) breakBuild() string {
	p := s.pick(s.chapters())
	var bad, what string
	switch s.r.IntN(3) {
	case 0:
		bad, what = "未知{{no-such-indicator}}。", "a reference to an unknown indicator"
	case 1:
		target := s.pick(s.chapters())
		bad, what = fmt.Sprintf("见[某篇](⟦%d⟧#没有这节)。", target.id), "a link to a missing heading"
	default:
		s.strayLatin = "error"
		s.fix = func() string {
			s.strayLatin = "warning"
			return "fix: publication.yaml: checks: stray-latin: warning"
		}
		return "error: publication.yaml: checks: stray-latin: error"
	}
	p.paras = append(p.paras, bad)
	s.fix = func() string {
		for _, q := range s.pages {
			q.paras = slices.DeleteFunc(q.paras, func(para string) bool { return para == bad })
		}
		return "fix: removed " + what
	}
	return "error: " + what + " in " + p.rel
}
