package server

import (
	"folio/internal/config"
	"folio/internal/site"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestWeChatPreview: while previewing, each chapter links to its WeChat
// article, served by the dev server from the build it serves, and a
// save shows there too.
func TestWeChatPreview(t *testing.T) {
	h := start(t)
	_, chapter := h.get("a/")
	if !strings.Contains(chapter, `<a href="/__folio/wechat/a/"`) || !strings.Contains(chapter, ">公众号版</a>") {
		t.Fatalf("the chapter does not link to its WeChat article:\n%s", chapter)
	}
	if _, cover := h.get(""); strings.Contains(cover, "/__folio/wechat/") {
		t.Error("the cover links to a WeChat article; only chapters have one")
	}
	code, page := h.get("__folio/wechat/a/")
	if code != http.StatusOK {
		t.Fatalf("the WeChat article answers %d", code)
	}
	for _, want := range []string{
		`<template data-wechat><section style="`, "甲的第一版正文", "复制到公众号", `<script src="/__folio/wechat/copy.js">`,
		// The test site has no base_url: the page says what is wrong.
		"the WeChat edition needs the site&#39;s address",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the WeChat article lacks %q:\n%s", want, page)
		}
	}
	if code, _ := h.get("__folio/wechat/copy.js"); code != http.StatusOK {
		t.Errorf("copy.js answers %d", code)
	}
	if code, list := h.get("__folio/wechat/"); code != http.StatusOK || !strings.Contains(list, `href="/__folio/wechat/a/"`) || !strings.Contains(list, `href="/__folio/wechat/b/"`) {
		t.Errorf("the list of articles (%d):\n%s", code, list)
	}
	if code, _ := h.get("__folio/wechat/nosuch/"); code != http.StatusNotFound {
		t.Errorf("a page that is no chapter answers %d", code)
	}
	write(t, filepath.Join(h.dir, "content/chapters/01-a.md"), "---\ntitle: 甲篇\nsummary: 甲的摘要。\n---\n甲的第二版正文。\n")
	h.next()
	if _, page := h.get("__folio/wechat/a/"); !strings.Contains(page, "甲的第二版正文") {
		t.Error("the WeChat article does not show the save")
	}
}

// A series previews the WeChat articles of its installments' chapters,
// at the series' address.
func TestWeChatPreviewOfASeries(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"content/series.yaml":                                "title: 巡礼\nbase_url: https://example.org/xunli/\n",
		"content/installments/gaoxin/publication.yaml":       "title: 高新篇\npublished: 2021-07-01\n",
		"content/installments/gaoxin/chapters/01-reform.md":  "---\ntitle: 改革篇\n---\n改革的正文，见[更新篇](../../xinhua/chapters/01-renewal.md)。\n",
		"content/installments/xinhua/publication.yaml":       "title: 新华篇\npublished: 2021-07-08\n",
		"content/installments/xinhua/chapters/01-renewal.md": "---\ntitle: 更新篇\n---\n更新的正文。\n",
	} {
		write(t, filepath.Join(dir, name), data)
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	srv, err := New(Options{Site: site.Options{Options: config.Options{Src: dir}}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.ln.Close()
	hs := httptest.NewServer(http.HandlerFunc(srv.serveWeChat))
	defer hs.Close()
	get := func(p string) string {
		t.Helper()
		resp, err := http.Get(hs.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %s", p, resp.Status)
		}
		return string(body)
	}
	list := get(wechatPath)
	for _, want := range []string{`href="/__folio/wechat/gaoxin/reform/">高新篇 · 改革篇</a>`, `href="/__folio/wechat/xinhua/renewal/">新华篇 · 更新篇</a>`} {
		if !strings.Contains(list, want) {
			t.Errorf("the list lacks %s:\n%s", want, list)
		}
	}
	if page := get(wechatPath + "gaoxin/reform/"); !strings.Contains(page, "[1] 更新篇：https://example.org/xunli/xinhua/renewal/") {
		t.Errorf("the article does not list the other installment's chapter at the series' address:\n%s", page)
	}
}
