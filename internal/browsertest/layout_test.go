package browsertest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// setViewport sizes the page as a screen of w×h CSS pixels; below 600
// it is a phone's.
func setViewport(ctx context.Context, w, h int64) error {
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: w, Height: h, DeviceScaleFactor: 1, Mobile: w < 600})
	return err
}

// open sizes the viewport and loads page (a path under the server's
// prefix), waiting for its images to be laid out.
func open(t *testing.T, ctx context.Context, url string, w, h int64) {
	t.Helper()
	if err := setViewport(ctx, w, h); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	waitFor(t, ctx, `[...document.images].every(i => i.complete)`, 5*time.Second)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%v\nin %s", err, js)
	}
	return v
}

// loneJS defines loneLines(el): the last line of el's visible text when
// that line holds a single letter or digit (and el has more than one
// line), else "". Lines are found character by character from the
// rectangles of one-character ranges; visually hidden text (.label) is
// skipped.
const loneJS = `
window.loneLines = el => {
	const chars = [];
	const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
	for (let n; (n = walker.nextNode());) {
		if (n.parentElement.closest(".label")) continue;
		const s = n.data;
		for (let i = 0; i < s.length; i++) {
			if (/\s/.test(s[i])) continue;
			const r = document.createRange();
			r.setStart(n, i);
			r.setEnd(n, i + 1);
			const b = r.getBoundingClientRect();
			if (b.width === 0 || b.height === 0) continue;
			chars.push({ch: s[i], y: b.top + b.height / 2, h: b.height});
		}
	}
	const lines = [];
	for (const c of chars) {
		const last = lines[lines.length - 1];
		if (last && Math.abs(c.y - last.y) < Math.min(c.h, last.h) / 2) last.text += c.ch;
		else lines.push({y: c.y, h: c.h, text: c.ch});
	}
	if (lines.length < 2) return "";
	const last = lines[lines.length - 1].text;
	return (last.match(/[\p{L}\p{N}]/gu) || []).length === 1 ? lines.map(l => l.text).join(" / ") : "";
};
true`

// shortLines are the titles and labels that must not end with one
// character alone on a line.
const shortLines = `.key-figure-label, .card-title, .card-subtitle, h1, h2, h3, .chapter-subtitle, .page-subtitle, ` +
	`.cover-kicker, .cover-dek, .chart-title, .pager-title, .toc a, .data-toc a`

// TestLayout measures the sample's pages in Chromium: what readers see of
// titles, grids, the cover, the phone masthead and charts.
func TestLayout(t *testing.T) {
	ctx := Start(t)
	mem := buildSample(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	base := srv.URL + prefix

	// No heading, figure label, card title or chart title ends with a
	// single character alone on its last line, at phone, tablet and
	// desktop widths.
	t.Run("NoLoneCharacters", func(t *testing.T) {
		widths := []int64{320, 360, 390, 600, 768, 1024, 1280, 1600}
		checked := 0
		for _, page := range []string{"", "reform/", "industry/", "organization/", "livelihood/", "data/", "about/", "search/"} {
			pctx, cancel := WithTimeout(ctx)
			open(t, pctx, base+page, widths[0], 900)
			eval[bool](t, pctx, loneJS)
			// Twice: as Chromium lays titles out, balanced, and as browsers
			// without text-wrap do, where only the spans keep the last two
			// characters together.
			for _, balanced := range []bool{true, false} {
				if !balanced && !eval[bool](t, pctx, `(() => {
						const s = new CSSStyleSheet();
						s.replaceSync("* { text-wrap-style: auto !important; }");
						document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
						return getComputedStyle(document.querySelector("h1")).textWrapStyle === "auto";
					})()`) {
					t.Fatal("text-wrap balancing could not be turned off")
				}
				for _, w := range widths {
					if err := setViewport(pctx, w, 900); err != nil {
						t.Fatal(err)
					}
					found := eval[[]string](t, pctx, `[...document.querySelectorAll("`+shortLines+`")].filter(e => e.checkVisibility()).map(e => loneLines(e) && e.localName + "." + e.className + ": " + loneLines(e)).filter(Boolean)`)
					for _, f := range found {
						t.Errorf("%s at %dpx (text-wrap: balance %v): one character alone on the last line: %s", "/"+page, w, balanced, f)
					}
					checked += eval[int](t, pctx, `document.querySelectorAll("`+shortLines+`").length`)
				}
			}
			if page == "" {
				// The measure can fail: the same label without its span and
				// balancing, in a box that leaves its last character alone.
				probe := eval[string](t, pctx, `(() => {
					const h = document.createElement("h2");
					h.textContent = "国家高新区综合评价排名";
					h.style.cssText = "text-wrap: wrap; letter-spacing: 0; font-size: 20px; width: 205px";
					document.querySelector("main").append(h);
					const found = loneLines(h);
					h.remove();
					return found;
				})()`)
				if !strings.HasSuffix(probe, "/ 名") {
					t.Errorf("the measure does not see a lone character: %q", probe)
				}
			}
			cancel()
		}
		if checked < 100 {
			t.Errorf("only %d titles and labels measured", checked)
		}
	})

	// The key figures fill every row (an empty cell would show the
	// panel's background as a solid block); the contents cards fill their
	// rows or centre the last one. Both are tried with one to eight items
	// at widths from phone to wide desktop.
	t.Run("GridsFillOrCentreRows", func(t *testing.T) {
		pctx, cancel := WithTimeout(ctx)
		defer cancel()
		open(t, pctx, base, 1280, 900)
		eval[bool](t, pctx, `
			window.setCount = (list, n) => {
				const box = document.querySelector(list);
				box.stash ??= [...box.children];
				box.replaceChildren(...Array.from({length: n}, (_, i) => box.stash[i % box.stash.length].cloneNode(true)));
			};
			window.rows = list => {
				const box = document.querySelector(list), b = box.getBoundingClientRect(), cs = getComputedStyle(box);
				const left = b.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
				const right = b.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight);
				const rows = [];
				for (const el of box.children) {
					const r = el.getBoundingClientRect();
					const row = rows.find(x => Math.abs(x.top - r.top) < 1);
					if (row) { row.items.push(r); } else { rows.push({top: r.top, items: [r]}); }
				}
				return rows.map(row => {
					const xs = row.items.sort((a, b) => a.left - b.left);
					return {N: xs.length, Left: xs[0].left - left, Right: right - xs[xs.length - 1].right,
						Heights: Math.max(...xs.map(r => r.height)) - Math.min(...xs.map(r => r.height))};
				});
			};
			true`)
		type row struct {
			N                    int
			Left, Right, Heights float64
		}
		for _, w := range []int64{320, 390, 600, 768, 1024, 1100, 1280, 1600} {
			if err := setViewport(pctx, w, 900); err != nil {
				t.Fatal(err)
			}
			for n := 1; n <= 8; n++ {
				figures := eval[[]row](t, pctx, fmt.Sprintf(`setCount(".key-figures", %d), rows(".key-figures")`, n))
				for i, r := range figures {
					if r.Left > 1 || r.Right > 1 || r.Heights > 1 {
						t.Errorf("%dpx, %d figures: row %d of %d does not fill the panel (%.1fpx empty on the left, %.1fpx on the right, heights differ by %.1fpx)", w, n, i+1, r.N, r.Left, r.Right, r.Heights)
					}
				}
				cards := eval[[]row](t, pctx, fmt.Sprintf(`setCount(".cards", %d), rows(".cards")`, n))
				for i, r := range cards {
					full := r.Left < 1 && r.Right < 1
					centred := i == len(cards)-1 && r.Left-r.Right < 1.5 && r.Right-r.Left < 1.5
					if !full && !centred {
						t.Errorf("%dpx, %d cards: row %d (%d cards) is neither full nor centred: %.1fpx left, %.1fpx right", w, n, i+1, r.N, r.Left, r.Right)
					}
				}
				if n == 3 && w >= 1280 && (len(cards) != 1 || cards[0].Left < 100) {
					t.Errorf("%dpx: three cards are not one centred row: %+v", w, cards)
				}
			}
		}
	})

	// A desktop screen shows the cover's headline and dek under its image
	// without scrolling.
	t.Run("CoverHeadlineInFirstScreen", func(t *testing.T) {
		type box struct{ Image, Title, Dek float64 }
		for _, size := range [][2]int64{{1280, 900}, {1440, 900}, {1280, 800}, {1366, 768}} {
			pctx, cancel := WithTimeout(ctx)
			open(t, pctx, base, size[0], size[1])
			b := eval[box](t, pctx, `(() => {
				const r = s => document.querySelector(s).getBoundingClientRect();
				return {Image: r(".cover-image img").height, Title: r(".cover-title").bottom, Dek: r(".cover-dek").bottom};
			})()`)
			cancel()
			t.Logf("%dx%d: cover image %.0fpx tall, headline bottom %.0f, dek bottom %.0f", size[0], size[1], b.Image, b.Title, b.Dek)
			if b.Title > float64(size[1]) || b.Dek > float64(size[1]) {
				t.Errorf("%dx%d: the headline (bottom %.0f) or the dek (bottom %.0f) is below the first screen", size[0], size[1], b.Title, b.Dek)
			}
			if b.Image < 250 {
				t.Errorf("%dx%d: the cover image is only %.0fpx tall", size[0], size[1], b.Image)
			}
		}
	})

	// On phones the masthead is one row, the brand beside the 目录 button
	// and the search link, nothing closer than 8px to the screen's edges;
	// the menu opens inside the screen too. No page scrolls sideways.
	t.Run("PhoneMasthead", func(t *testing.T) {
		type masthead struct {
			Height      float64
			Outside     []string
			ScrollWidth float64
			Controls    []string
		}
		const measure = `((min, max) => {
			const m = document.querySelector(".masthead");
			const outside = [];
			for (const el of m.querySelectorAll("*")) {
				// Controls and the innermost boxes: a container's box reaches
				// the edges through its padding.
				if (!el.checkVisibility() || (el.childElementCount > 0 && !el.matches("a, button, input, summary"))) continue;
				const r = el.getBoundingClientRect();
				if (r.width === 0 || r.height === 0) continue;
				if (r.left < min || r.right > max) outside.push(el.localName + "." + el.className + " " + r.left.toFixed(1) + "–" + r.right.toFixed(1));
			}
			return {Height: m.getBoundingClientRect().height, Outside: outside, ScrollWidth: document.documentElement.scrollWidth,
				Controls: [...m.querySelectorAll("a, button, input")].filter(e => e.checkVisibility()).map(e => e.textContent.trim() || e.placeholder)};
		})`
		for _, w := range []int64{390, 360} {
			for _, page := range []string{"", "industry/", "data/", "search/"} {
				pctx, cancel := WithTimeout(ctx)
				open(t, pctx, base+page, w, 844)
				m := eval[masthead](t, pctx, fmt.Sprintf(`%s(8, %d)`, measure, w-8))
				if page == "" {
					t.Logf("%dpx: masthead %.1fpx tall; controls %v", w, m.Height, m.Controls)
				}
				if m.Height > 64 {
					t.Errorf("%dpx /%s: the masthead is %.1fpx tall, want one row (≤ 64px)", w, page, m.Height)
				}
				for _, o := range m.Outside {
					t.Errorf("%dpx /%s: within 8px of the screen's edge: %s", w, page, o)
				}
				if m.ScrollWidth > float64(w) {
					t.Errorf("%dpx /%s: the page is %.0fpx wide and scrolls sideways", w, page, m.ScrollWidth)
				}
				if got := strings.Join(m.Controls, " "); !strings.HasPrefix(got, "庆祝") || !strings.HasSuffix(got, "目录 搜索") {
					t.Errorf("%dpx /%s: masthead controls %q, want the brand, 目录 and 搜索", w, page, got)
				}
				// The menu: the chapters and the data page, inside the screen;
				// Escape closes it.
				if err := chromedp.Do(pctx, chromedp.Click(".site-menu-button")); err != nil {
					t.Fatal(err)
				}
				menu := eval[struct {
					Open        bool
					Left, Right float64
					Links       []string
				}](t, pctx, `(() => {
					const n = document.querySelector("#site-nav"), r = n.getBoundingClientRect();
					return {Open: n.matches(":popover-open"), Left: r.left, Right: r.right,
						Links: [...n.querySelectorAll("a")].filter(a => a.checkVisibility()).map(a => a.textContent)};
				})()`)
				if !menu.Open || strings.Join(menu.Links, " ") != "改革篇 产业篇 组织篇 民生篇 数据" {
					t.Errorf("%dpx /%s: the 目录 button opens %+v", w, page, menu)
				}
				if menu.Left < 8 || menu.Right > float64(w-8) {
					t.Errorf("%dpx /%s: the menu spans %.1f–%.1f, beyond the screen's edge", w, page, menu.Left, menu.Right)
				}
				if err := chromedp.Do(pctx, chromedp.KeyEvent(kb.Escape)); err != nil {
					t.Fatal(err)
				}
				if eval[bool](t, pctx, `document.querySelector("#site-nav").matches(":popover-open")`) {
					t.Errorf("%dpx /%s: Escape does not close the menu", w, page)
				}
				cancel()
			}
		}
		// Desktop keeps the chapters and the search box in the masthead.
		pctx, cancel := WithTimeout(ctx)
		defer cancel()
		open(t, pctx, base+"industry/", 1280, 900)
		if got := eval[string](t, pctx, `[...document.querySelectorAll(".masthead a, .masthead button, .masthead input")].filter(e => e.checkVisibility()).map(e => e.textContent.trim() || e.placeholder).join(" ")`); !strings.HasSuffix(got, "改革篇 产业篇 组织篇 民生篇 数据 搜索 搜索") {
			t.Errorf("1280px: masthead controls %q", got)
		}
	})

	// A chart's caption (title and source) sits right above it; its table
	// follows behind a closed 数据表 disclosure that the keyboard opens,
	// and is printed open.
	t.Run("ChartCaptionWithChart", func(t *testing.T) {
		type figure struct {
			ID                      string
			CaptionThenChart        bool
			Gap                     float64
			Source                  string
			DetailsAfterChart, Open bool
			Summary                 string
			Table, TableShown       bool
		}
		const measure = `[...document.querySelectorAll(".prose figure.chart-figure")].map(f => {
			const cap = f.querySelector(":scope > figcaption"), svg = f.querySelector(":scope > svg"), det = f.querySelector(":scope > details");
			const table = det && det.querySelector("table");
			return {ID: f.id, CaptionThenChart: !!cap && f.firstElementChild === cap && cap.nextElementSibling === svg,
				Gap: cap && svg ? svg.getBoundingClientRect().top - cap.getBoundingClientRect().bottom : 999,
				Source: cap && cap.querySelector(".chart-source") ? cap.querySelector(".chart-source").textContent : "",
				DetailsAfterChart: !!det && svg.nextElementSibling === det && det.classList.contains("chart-data"), Open: !!det && det.open,
				Summary: det ? det.querySelector("summary").textContent : "", Table: !!table, TableShown: !!table && table.checkVisibility()};
		})`
		charts := 0
		for _, page := range []string{"reform/", "industry/", "livelihood/"} {
			pctx, cancel := WithTimeout(ctx)
			open(t, pctx, base+page, 1280, 900)
			for _, w := range []int64{1280, 390} {
				if err := setViewport(pctx, w, 900); err != nil {
					t.Fatal(err)
				}
				for _, f := range eval[[]figure](t, pctx, measure) {
					charts++
					switch {
					case !f.CaptionThenChart:
						t.Errorf("/%s %s: the figcaption is not right before the chart", page, f.ID)
					case f.Gap < 0 || f.Gap > 24:
						t.Errorf("/%s %s at %dpx: %.1fpx between caption and chart", page, f.ID, w, f.Gap)
					case !strings.HasPrefix(f.Source, "来源："):
						t.Errorf("/%s %s: the caption has no source", page, f.ID)
					case !f.DetailsAfterChart || !f.Table || f.Summary != "数据表":
						t.Errorf("/%s %s: the table is not in a 数据表 disclosure after the chart: %+v", page, f.ID, f)
					case f.Open || f.TableShown:
						t.Errorf("/%s %s: the table is shown before the disclosure is opened", page, f.ID)
					}
				}
			}
			if page == "reform/" {
				// The keyboard opens the disclosure: Tab reaches its summary,
				// Enter shows the table.
				if err := chromedp.Do(pctx, chromedp.Focus(".prose .chart-data > summary"), chromedp.KeyEvent(kb.Enter)); err != nil {
					t.Fatal(err)
				}
				if !eval[bool](t, pctx, `document.querySelector(".prose .chart-data").open && document.querySelector(".prose .chart-data table").checkVisibility()`) {
					t.Error("Enter on 数据表 does not show the table")
				}
				if err := chromedp.Do(pctx, chromedp.KeyEvent(kb.Enter)); err != nil {
					t.Fatal(err)
				}
				// Paper cannot open a disclosure: print shows the table and
				// not the summary.
				if _, err := chromedp.Call(pctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
					t.Fatal(err)
				}
				printed := eval[[]bool](t, pctx, `[...document.querySelectorAll(".prose .chart-data")].flatMap(d => [!d.open, d.querySelector("table").checkVisibility(), !d.querySelector("summary").checkVisibility()])`)
				for i, ok := range printed {
					if !ok {
						t.Errorf("print: chart table %d: closed, table shown, summary hidden: %v", i/3+1, printed)
						break
					}
				}
				if _, err := chromedp.Call(pctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
					t.Fatal(err)
				}
			}
			cancel()
		}
		if charts < 6 {
			t.Errorf("only %d charts measured", charts)
		}
	})
}
