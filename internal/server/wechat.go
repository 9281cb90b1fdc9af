package server

import (
	"bytes"
	"net/http"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/site"
	"folio/internal/wechat"
)

// wechatPath is where the dev server shows the WeChat edition: each
// chapter's article as folio export wechat writes it, from the build
// being served, with its images from the preview.
const wechatPath = "/__folio/wechat/"

// wechatInfo is what the WeChat preview needs of a build besides its
// files: the published address, and the chapters.
type wechatInfo struct {
	baseURL, title string
	baseURLAt      diag.Position
	// chapters lists the chapters (Href is the chapter's site path),
	// read when the list is asked for: a series' are its installments'.
	chapters func() []wechat.Entry
}

// wechatInfoOf is the WeChat preview's information on a build of the
// site in opts; nil when the build could not read the publication.
func wechatInfoOf(opts site.Options, pub *content.Publication) *wechatInfo {
	contentDir := filepath.Join(opts.Src, "content")
	if content.IsSeries(contentDir) {
		var quiet diag.List // the build reports what is wrong
		cfg := config.LoadSeries(contentDir, path.Join("content", config.SeriesFileName), &quiet)
		info := &wechatInfo{baseURL: cfg.BaseURL, title: cfg.Title, baseURLAt: cfg.BaseURLPos}
		if info.baseURLAt.File == "" {
			info.baseURLAt = diag.Position{File: cfg.File}
		}
		info.chapters = func() []wechat.Entry {
			var quiet diag.List
			var out []wechat.Entry
			for _, ch := range wechat.SeriesChapters(content.LoadSeries(contentDir, "content", opts.Schedule(), &quiet), &quiet) {
				out = append(out, wechat.Entry{Title: ch.Part + " · " + ch.Title, Href: ch.URL})
			}
			return out
		}
		return info
	}
	if pub == nil || pub.Config == nil {
		return nil
	}
	info := &wechatInfo{baseURL: pub.Config.BaseURL, title: pub.Config.Title, baseURLAt: pub.Config.BaseURLPos}
	if info.baseURLAt.File == "" {
		info.baseURLAt = diag.Position{File: pub.Config.File}
	}
	var entries []wechat.Entry
	for _, ch := range pub.Chapters {
		entries = append(entries, wechat.Entry{Title: ch.Title(), Href: ch.URL})
	}
	info.chapters = func() []wechat.Entry { return entries }
	return info
}

// serveWeChat answers under wechatPath: the list of chapters, a
// chapter's preview page, and the pages' script and stylesheet.
func (s *Server) serveWeChat(w http.ResponseWriter, r *http.Request) {
	gen := s.gen.Load()
	rest := strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(r.URL.Path, wechatPath)), "/")
	if strings.HasSuffix(r.URL.Path, "/") && rest != "" {
		rest += "/"
	}
	w.Header().Set("Cache-Control", "no-store")
	if data, ok := wechat.Assets()[rest]; ok {
		w.Header().Set("Content-Type", contentTypeOf(rest))
		_, _ = w.Write(data)
		return
	}
	info := gen.wechat
	if info == nil {
		http.NotFound(w, r)
		return
	}
	var page []byte
	if rest == "" {
		var entries []wechat.Entry
		for _, e := range info.chapters() {
			entries = append(entries, wechat.Entry{Title: e.Title, Href: wechatPath + e.Href})
		}
		page = wechat.List(info.title, wechatPath, entries)
	} else {
		var ok bool
		page, ok = wechat.Preview(gen.files, rest, wechat.PreviewOptions{
			BaseURL: info.baseURL, Publication: info.title, Root: "/", Here: wechatPath, BaseURLAt: info.baseURLAt,
		})
		if !ok {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(withReloadCheck(page, gen))
}

// withReloadCheck adds to a preview page a check, every second, for a
// newer build: the page reloads in place (the site's live reload would
// take it to the chapter's page).
func withReloadCheck(page []byte, gen *generation) []byte {
	script := []byte(`<script>setInterval(function(){fetch("/__folio/generation").then(function(r){return r.text()}).then(function(g){if(g!=="` +
		strconv.FormatInt(gen.seq, 10) + `")location.reload()}).catch(function(){})},1000)</script>`)
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return append(append(append([]byte{}, page[:i]...), script...), page[i:]...)
	}
	return append(page, script...)
}

// wechatLink is the link a chapter's page gets while previewing, to its
// WeChat article.
func wechatLink(name string) []byte {
	href := wechatPath + strings.TrimSuffix(name, "index.html")
	return []byte(`<a href="` + href + `" lang="zh-CN" style="position:fixed;left:12px;bottom:12px;z-index:2147483000;padding:6px 12px;` +
		`font:700 14px/1.4 sans-serif;color:#fff;background:#9a1b1f;border-radius:4px;text-decoration:none;box-shadow:0 1px 4px rgba(0,0,0,.3)">公众号版</a>`)
}

func contentTypeOf(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	}
	return "text/html; charset=utf-8"
}
