package server

import (
	"net/http"
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
