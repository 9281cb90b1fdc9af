package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/wechat"
)

// wechatSite builds the sample and its WeChat edition and serves the
// site under /site/ and the edition under /wechat/, as they sit side by
// side on disk. The edition's pages are served without the site's
// Content-Security-Policy: opened from disk, as publishers open them,
// they have none, and the article's inline styles are what it is.
func wechatSite(t *testing.T) (base string, chapters []string) {
	t.Helper()
	mem := buildSample(t)
	var diags diag.List
	pub := content.Load("../../content", "content", false, &diags)
	opts := wechat.ExportOptions{Site: mem, Public: "/srv/site", Out: "/srv/wechat", BaseURL: "https://example.org" + prefix, Publication: pub.Config.Title}
	for _, ch := range pub.Chapters {
		opts.Chapters = append(opts.Chapters, wechat.ChapterOf(ch))
		chapters = append(chapters, strings.TrimSuffix(ch.URL, "/"))
	}
	files, err := wechat.Export(opts, &diags)
	if err != nil || diags.Len() > 0 {
		t.Fatalf("export: %v %v", err, diags.Items())
	}
	edition := map[string][]byte{}
	for _, f := range files {
		edition[f.Name] = f.Data
	}
	mux := http.NewServeMux()
	mux.Handle("/site/", Handler("/site/", mem.File))
	mux.Handle("/wechat/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/wechat/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := edition[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct := contentType(name); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		_, _ = w.Write(data)
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL, chapters
}

// styleWalk collects, for every element under root, the computed values
// of the properties that make its look.
const styleWalk = `(root) => {
  const props = ["color","background-color","font-size","font-weight","font-style","font-family","line-height",
    "letter-spacing","text-align","text-decoration-line","margin-top","margin-right","margin-bottom","margin-left",
    "padding-top","padding-right","padding-bottom","padding-left","border-top-width","border-top-style","border-top-color",
    "border-left-width","border-left-style","border-left-color","border-bottom-width","border-bottom-color","display",
    "list-style-type","vertical-align","white-space"];
  const out = [];
  for (const el of root.querySelectorAll("*")) {
    const cs = getComputedStyle(el);
    out.push(el.tagName + " " + props.map(p => p + ":" + cs.getPropertyValue(p)).join(";"));
  }
  return out;
}`

// TestWeChatArticlesNeedNoStylesheet walks each chapter's article as the
// preview page shows it and as a page with no stylesheet at all shows
// the fragment that is copied: every element must look the same, so
// nothing of its look depends on a stylesheet the 公众号 editor drops.
// The fragment holds no <style>, <script>, class or id, and every image
// is at an absolute https address.
func TestWeChatArticlesNeedNoStylesheet(t *testing.T) {
	ctx := Start(t)
	base, chapters := wechatSite(t)
	if len(chapters) != 4 {
		t.Fatalf("the sample has %d chapters, want 4", len(chapters))
	}
	for _, slug := range chapters {
		pctx, cancel := WithTimeout(ctx)
		if err := chromedp.Do(pctx, chromedp.Navigate(base+"/wechat/"+slug+"/"), chromedp.WaitReady("[data-wechat-view]")); err != nil {
			t.Fatalf("%s: %v", slug, err)
		}
		bad := eval[[]string](t, pctx, `(() => {
		  const frag = document.querySelector("template[data-wechat]").content;
		  const bad = [];
		  for (const el of frag.querySelectorAll("*")) {
		    if (el.hasAttribute("class") || el.hasAttribute("id")) bad.push(el.tagName + " has a class or an id");
		    if (["STYLE","SCRIPT","LINK","svg","SVG"].includes(el.tagName)) bad.push("a " + el.tagName);
		    if (el.tagName === "IMG" && !/^https:\/\//.test(el.getAttribute("src"))) bad.push("img at " + el.getAttribute("src"));
		    if (el.tagName === "IMG" && (!el.getAttribute("alt") || !el.getAttribute("width"))) bad.push("an img without alt or width");
		  }
		  return bad;
		})()`)
		inPage := eval[[]string](t, pctx, `(`+styleWalk+`)(document.querySelector("[data-wechat-view]"))`)
		// The same fragment alone in a page with no stylesheet, as wide
		// as the preview's column.
		if _, err := chromedp.Run(pctx, chromedp.Evaluate[bool](`new Promise(done => {
		  const view = document.querySelector("[data-wechat-view]");
		  const f = document.createElement("iframe");
		  f.style.width = view.clientWidth + "px";
		  f.style.border = "0";
		  f.srcdoc = "<!doctype html><html><head><meta charset=utf-8></head><body style='margin:0'>" + view.innerHTML + "</body></html>";
		  f.onload = () => done(true);
		  document.body.appendChild(f);
		})`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("%s: %v", slug, err)
		}
		bare := eval[[]string](t, pctx, `(`+styleWalk+`)(document.querySelector("iframe").contentDocument.body)`)
		// Each chart: a section of bars that ends with its source, and
		// starts with its title.
		charts := eval[[]string](t, pctx, `[...document.querySelector("template[data-wechat]").content.querySelectorAll("section")]
		  .filter(s => s.querySelector(":scope > section > p > span[style*='height:12px']") && s.lastElementChild.textContent.startsWith("来源："))
		  .map(s => s.firstElementChild.textContent)`)
		if err := chromedp.Do(pctx, chromedp.Navigate(base+"/site/"+slug+"/")); err != nil {
			t.Fatal(err)
		}
		onSite := eval[[]string](t, pctx, `[...document.querySelectorAll(".prose .chart-figure .chart-title")].map(e => e.textContent.trim())`)
		cancel()
		if strings.Join(charts, "|") != strings.Join(onSite, "|") {
			t.Errorf("%s: the article's charts are %q, the chapter's %q", slug, charts, onSite)
		}
		for _, b := range bad {
			t.Errorf("%s: the fragment has %s", slug, b)
		}
		if len(inPage) == 0 || len(inPage) != len(bare) {
			t.Fatalf("%s: %d elements in the page, %d alone", slug, len(inPage), len(bare))
		}
		for i := range inPage {
			if inPage[i] != bare[i] {
				t.Errorf("%s: element %d looks different without the preview's stylesheet:\n in page %s\n alone   %s", slug, i, inPage[i], bare[i])
				break
			}
		}
		t.Logf("%s: %d elements, charts as styled blocks: %q", slug, len(inPage), charts)
	}
}

// TestWeChatCopyButton clicks 复制到公众号 with the clipboard permission
// granted, and reads back the HTML the button put there: the fragment.
func TestWeChatCopyButton(t *testing.T) {
	ctx := Start(t)
	base, chapters := wechatSite(t)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    browser.PermissionSettingGranted, Origin: base,
		}); err != nil {
			t.Fatal(err)
		}
	}
	pctx, cancel := WithTimeout(ctx)
	defer cancel()
	if err := chromedp.Do(pctx, chromedp.Navigate(base+"/wechat/"+chapters[0]+"/"), chromedp.WaitReady("[data-wechat-copy]"),
		chromedp.Click("[data-wechat-copy]")); err != nil {
		t.Fatal(err)
	}
	fragment := eval[string](t, pctx, `document.querySelector("template[data-wechat]").innerHTML`)
	status, err := chromedp.Run(pctx, chromedp.Poll[string](`document.querySelector("[data-wechat-status]").textContent || null`))
	if err != nil {
		t.Fatal(err)
	}
	// What was copied, parsed as the editor parses a paste: the body of
	// the document Chromium makes of it.
	copied, err := chromedp.Run(pctx, chromedp.Evaluate[string](`navigator.clipboard.read({unsanitized: ["text/html"]}).then(async items => {
	  const html = await (await items[0].getType("text/html")).text();
	  return new DOMParser().parseFromString(html, "text/html").body.innerHTML;
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := chromedp.Run(pctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(status, "已复制") {
		t.Errorf("the status reads %q", status)
	}
	if copied != fragment {
		t.Errorf("the clipboard's text/html is not the fragment:\n%s", firstDifference(fragment, copied))
	}
	if !strings.Contains(plain, "改革是推动发展的关键一招") || strings.Contains(plain, "<") {
		t.Errorf("the clipboard's text/plain: %.200q", plain)
	}
}

func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-100)
	return "fragment …" + a[lo:min(len(a), i+100)] + "…\ncopied   …" + b[lo:min(len(b), i+100)] + "…"
}

// TestWeChatScreenshots renders each article at 375 px, a phone's width,
// beside its chapter on the site at the same width, into test-output/.
func TestWeChatScreenshots(t *testing.T) {
	ctx := Start(t)
	base, chapters := wechatSite(t)
	dir := filepath.Join("..", "..", "test-output")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, slug := range chapters {
		for _, shot := range []struct{ name, url string }{
			{"wechat-" + slug + ".png", base + "/wechat/" + slug + "/"},
			{"wechat-site-" + slug + ".png", base + "/site/" + slug + "/"},
		} {
			pctx, cancel := WithTimeout(ctx)
			open(t, pctx, shot.url, 375, 812)
			png, err := chromedp.Run(pctx, chromedp.FullScreenshot(100)) // 100: PNG
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", shot.name, err)
			}
			if err := os.WriteFile(filepath.Join(dir, shot.name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
