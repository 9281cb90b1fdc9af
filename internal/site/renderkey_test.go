package site

import (
	"html/template"
	"reflect"
	"testing"
	"time"

	"folio/internal/markdown"
	"folio/internal/render"
)

// TestPageKeyCoversEveryField sets each field of render.Page in turn, and
// of the headings in its TOC, and requires the render key to change: a
// field the key left out would leave pages showing it stale in the dev
// server.
func TestPageKeyCoversEveryField(t *testing.T) {
	keys := &renderKeys{site: "site"}
	site := &render.Site{}
	base := func() *render.Page {
		return &render.Page{Kind: "chapter", Title: "改革", TOC: []markdown.Heading{{Level: 2, ID: "a", Text: "甲"}}}
	}
	keyOf := func(p *render.Page) string { return keys.key("chapter.html", site, p, "") }
	baseKey := keyOf(base())
	if keyOf(base()) != baseKey {
		t.Fatal("the same page gave two keys")
	}
	typ := reflect.TypeFor[render.Page]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		p := base()
		v := reflect.ValueOf(p).Elem().Field(i)
		switch v.Interface().(type) {
		case string:
			v.SetString("新值")
		case template.HTML:
			v.SetString("<p>新</p>")
		case bool:
			v.SetBool(true)
		case int:
			v.SetInt(7)
		case time.Time:
			v.Set(reflect.ValueOf(time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC)))
		case []markdown.Heading:
			v.Set(reflect.ValueOf([]markdown.Heading{{Level: 3, ID: "b", Text: "乙"}}))
		case *render.Image:
			v.Set(reflect.ValueOf(&render.Image{Path: "images/a.jpg", Alt: "图"}))
		case *render.Page:
			v.Set(reflect.ValueOf(&render.Page{Title: "邻篇", Path: "next/"}))
		default:
			t.Fatalf("field %s of type %s: teach the key and this test about it", f.Name, f.Type)
		}
		if keyOf(p) == baseKey {
			t.Errorf("setting render.Page.%s left the render key unchanged", f.Name)
		}
	}
	htyp := reflect.TypeFor[markdown.Heading]()
	for i := range htyp.NumField() {
		p := base()
		v := reflect.ValueOf(&p.TOC[0]).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("丙")
		case reflect.Int:
			v.SetInt(4)
		default:
			t.Fatalf("heading field %s: teach the key and this test about it", htyp.Field(i).Name)
		}
		if keyOf(p) == baseKey {
			t.Errorf("setting a heading's %s left the render key unchanged", htyp.Field(i).Name)
		}
	}
	// Content stands for itself only when the conversion has no key.
	p := base()
	p.ContentKey = "k"
	withKey := keyOf(p)
	p.Content = "<p>别的</p>"
	if keyOf(p) != withKey {
		t.Error("a page with a content key was keyed by its content too")
	}
	// Parts are delimited: moving text from one field to the next changes the key.
	a, b := base(), base()
	a.Title, a.Subtitle = "ab", "c"
	b.Title, b.Subtitle = "a", "bc"
	if keyOf(a) == keyOf(b) {
		t.Error("two pages with different titles and subtitles gave the same key")
	}
}
