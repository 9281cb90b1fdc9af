package wechat

import (
	"bytes"
	"embed"
	"html/template"

	"golang.org/x/net/html"
)

//go:embed preview
var previewFiles embed.FS

// Assets are the files every preview page loads, by name: its script
// and its stylesheet. They go beside the pages (the dev server serves
// them under its own path).
func Assets() map[string][]byte {
	out := map[string][]byte{}
	for _, name := range []string{"copy.js", "wechat.css"} {
		data, err := previewFiles.ReadFile("preview/" + name)
		if err != nil {
			panic(err) // embedded: present
		}
		out[name] = data
	}
	return out
}

// BodyWith is the article's fragment with each image's src given by
// src: the preview shows the images of the local build, while the
// fragment copied names them where WeChat can fetch them.
func (a *Article) BodyWith(src func(Image) string) string {
	if a.root == nil {
		return a.Body
	}
	var b bytes.Buffer
	root := cloneWith(a.root, func(orig, c *html.Node) {
		im, ok := a.imageOf[orig]
		if !ok {
			return
		}
		for k := range c.Attr {
			if c.Attr[k].Key == "src" {
				c.Attr[k].Val = src(im)
			}
		}
	})
	_ = html.Render(&b, root)
	return b.String()
}

// cloneWith copies the tree under n, letting edit change each copy
// (it is given the original too).
func cloneWith(n *html.Node, edit func(orig, c *html.Node)) *html.Node {
	c := &html.Node{Type: n.Type, Data: n.Data, DataAtom: n.DataAtom, Attr: append([]html.Attribute(nil), n.Attr...)}
	edit(n, c)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneWith(ch, edit))
	}
	return c
}

// PageOptions place a preview page.
type PageOptions struct {
	Publication string // the publication's title
	// Assets is where copy.js and wechat.css are, relative to the page.
	Assets string
	// Image is the address the preview shows an image from.
	Image func(Image) string
	// Up links to the list of articles ("" for none); Site to the
	// chapter on the site ("" for none).
	Up, Site string
	// Problems are shown above the article: what would go wrong in
	// WeChat (the same as the export's diagnostics).
	Problems []string
}

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{.A.Title}} · 公众号版</title><link rel="stylesheet" href="{{.O.Assets}}wechat.css"></head>
<body><header class="wx-bar"><div class="wx-bar-inner">
<p class="wx-kicker">公众号版{{if .O.Publication}} · {{.O.Publication}}{{end}}{{if .O.Up}} · <a href="{{.O.Up}}">全部文章</a>{{end}}{{if .O.Site}} · <a href="{{.O.Site}}">网页版</a>{{end}}</p>
<h1 class="wx-title">{{.A.Title}}</h1>
<p class="wx-meta">正文 {{.A.Chars}} 字 · 图片 {{len .A.Images}} 张{{if .A.Summary}} · 摘要：{{.A.Summary}}{{end}}</p>
{{if .O.Problems}}<div class="wx-problems" role="alert">{{range .O.Problems}}<p>{{.}}</p>{{end}}</div>{{end}}
<button type="button" class="wx-copy" data-wechat-copy data-done="已复制：在公众号编辑器的正文中粘贴即可。" data-failed="没能复制：请在下方正文中全选，再手动复制。">复制到公众号</button>
<p class="wx-status" data-wechat-status role="status" aria-live="polite"></p>
</div></header>
<main class="wx-phone" aria-label="正文预览（手机宽度）"><div data-wechat-view>{{.View}}</div></main>
<template data-wechat>{{.Body}}</template>
<template data-wechat-text>{{.A.Text}}</template>
<script src="{{.O.Assets}}copy.js"></script>
</body></html>
`))

// Page is the preview page of an article: the article at a phone's
// width, and the button that copies it.
func Page(a *Article, o PageOptions) []byte {
	view := a.Body
	if o.Image != nil {
		view = a.BodyWith(o.Image)
	}
	var b bytes.Buffer
	err := pageTemplate.Execute(&b, map[string]any{
		"A": a, "O": o,
		"View": template.HTML(view), //nolint:gosec // made by Convert from the site's own page
		"Body": template.HTML(a.Body),
	})
	if err != nil {
		panic(err) // a fixed template over plain values
	}
	return b.Bytes()
}

// Entry is an article in the list of the WeChat edition.
type Entry struct {
	Title, Href string
	Chars       int
}

var listTemplate = template.Must(template.New("list").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{.Title}} · 公众号版</title><link rel="stylesheet" href="{{.Assets}}wechat.css"></head>
<body><header class="wx-bar"><div class="wx-bar-inner"><p class="wx-kicker">公众号版</p><h1 class="wx-title">{{.Title}}</h1>
<p class="wx-meta">每篇一页：打开后按“复制到公众号”，再到公众号编辑器的正文中粘贴。</p></div></header>
<ol class="wx-list">{{range .Entries}}<li><a href="{{.Href}}">{{.Title}}</a>（{{.Chars}} 字）</li>{{end}}</ol>
</body></html>
`))

// List is the page listing the articles.
func List(title, assets string, entries []Entry) []byte {
	var b bytes.Buffer
	if err := listTemplate.Execute(&b, map[string]any{"Title": title, "Assets": assets, "Entries": entries}); err != nil {
		panic(err)
	}
	return b.Bytes()
}
