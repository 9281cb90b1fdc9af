package wechat

// The look of an article in the 公众号 editor, written inline on every
// element: the editor keeps the style attribute and drops stylesheets,
// classes and ids. The colours are the default theme's light scheme
// (its red for headings and figures, its gold for rules); the type is
// sized for WeChat's reading column, 16 px text at a line height of
// 1.75, as the Markdown-to-WeChat editors set it.
const (
	ink     = "#1f1b17"
	inkSoft = "#584c40"
	red     = "#9a1b1f"
	gold    = "#b98a33"
	rule    = "#ddcba6"
	paper   = "#faf5ea"
	paper2  = "#f2e9d8"

	sans  = `-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif`
	serif = `"Songti SC","Noto Serif CJK SC","Source Han Serif SC",STSong,SimSun,serif`
)

// styles are the inline styles of the elements an article is made of,
// by the name the converter gives each.
var styles = map[string]string{
	"root": "margin:0;padding:0;font-family:" + sans + ";font-size:16px;line-height:1.75;color:" + ink +
		";letter-spacing:0.03em;text-align:justify;word-wrap:break-word;background-color:transparent",
	"p":          "margin:0 0 1.2em;padding:0;font-size:16px;line-height:1.75;color:" + ink + ";text-align:justify",
	"subtitle":   "margin:0 0 1em;padding:0;font-family:" + serif + ";font-size:18px;line-height:1.6;font-weight:bold;color:" + red + ";text-align:center",
	"summary":    "margin:0 0 1.8em;padding:12px 14px;font-size:15px;line-height:1.75;color:" + inkSoft + ";background-color:" + paper2 + ";border-left:3px solid " + gold,
	"h2":         "margin:2em 0 1em;padding:0 0 6px;font-family:" + serif + ";font-size:19px;line-height:1.5;font-weight:bold;color:" + red + ";border-bottom:1px solid " + gold,
	"h3":         "margin:1.6em 0 0.8em;padding:0 0 0 10px;font-family:" + serif + ";font-size:17px;line-height:1.5;font-weight:bold;color:" + ink + ";border-left:3px solid " + red,
	"h4":         "margin:1.4em 0 0.6em;padding:0;font-size:16px;line-height:1.6;font-weight:bold;color:" + ink,
	"list":       "margin:0 0 1.2em;padding:0;list-style-type:none;color:" + ink,
	"li":         "display:block;margin:0 0 0.4em;font-size:16px;line-height:1.75;color:" + ink,
	"marker":     "display:inline-block;text-indent:0;color:" + red,
	"blockquote": "margin:1.4em 0;padding:10px 14px;font-size:15px;line-height:1.75;color:" + inkSoft + ";background-color:" + paper2 + ";border-left:3px solid " + gold,
	"strong":     "font-weight:bold;color:" + ink,
	"em":         "font-style:italic",
	"code":       "font-family:Menlo,Consolas,monospace;font-size:14px;padding:1px 4px;background-color:" + paper2 + ";border-radius:3px",
	"pre":        "margin:0 0 1.2em;padding:10px 12px;font-family:Menlo,Consolas,monospace;font-size:13px;line-height:1.6;text-align:left;overflow-x:auto;background-color:" + paper2 + ";border-radius:4px",
	"table-box":  "margin:0 0 1.2em;padding:0;overflow-x:auto",
	"hr":         "margin:2em auto;width:40%;border:0;border-top:1px solid " + gold,
	"a":          "color:" + red + ";text-decoration:underline",
	"figure-ref": "font-weight:bold;color:" + red,
	"note-ref":   "font-size:12px;line-height:0;color:" + red + ";vertical-align:super",
	"sup":        "font-size:12px;line-height:0;vertical-align:super",
	"sub":        "font-size:12px;line-height:0;vertical-align:sub",
	"table":      "width:100%;margin:0;border-collapse:collapse;font-size:14px;line-height:1.6;color:" + ink,
	"th":         "padding:6px 8px;border:1px solid " + rule + ";background-color:" + paper2 + ";font-weight:bold;text-align:left",
	"td":         "padding:6px 8px;border:1px solid " + rule + ";text-align:left",

	"figure":  "margin:1.6em 0;padding:0;text-align:center",
	"img":     "display:block;width:100%;max-width:100%;height:auto;margin:0 auto",
	"caption": "margin:8px 0 0;padding:0;font-size:13px;line-height:1.6;color:" + inkSoft + ";text-align:center",
	"credit":  "margin:2px 0 0;padding:0;font-size:12px;line-height:1.6;color:" + inkSoft + ";text-align:center",

	"chart":        "margin:1.8em 0;padding:14px 12px;background-color:" + paper + ";border-top:2px solid " + red + ";border-bottom:1px solid " + rule,
	"chart-title":  "margin:0 0 4px;padding:0;font-family:" + serif + ";font-size:16px;line-height:1.5;font-weight:bold;color:" + ink,
	"chart-desc":   "margin:0 0 12px;padding:0;font-size:14px;line-height:1.6;color:" + inkSoft,
	"chart-row":    "margin:0 0 10px;padding:0",
	"chart-label":  "margin:0 0 2px;padding:0;font-size:13px;line-height:1.5;color:" + inkSoft,
	"chart-line":   "margin:0 0 2px;padding:0;font-size:13px;line-height:1.4;white-space:nowrap",
	"chart-value":  "display:inline-block;margin:0 0 0 6px;font-size:13px;font-weight:bold;color:" + ink + ";vertical-align:middle",
	"chart-source": "margin:10px 0 0;padding:0;font-size:12px;line-height:1.5;color:" + inkSoft,
	"legend":       "margin:0 0 10px;padding:0;font-size:12px;line-height:1.5;color:" + inkSoft,
	"swatch":       "display:inline-block;width:10px;height:10px;margin:0 4px 0 0;vertical-align:middle",

	"figures":      "margin:1.6em 0;padding:0;font-size:0;text-align:left",
	"figure-box":   "display:inline-block;width:48%;margin:0 1% 10px;padding:10px 8px;vertical-align:top;text-align:center;background-color:" + paper + ";border-top:2px solid " + gold + ";box-sizing:border-box",
	"figure-num":   "margin:0;padding:0;font-family:" + serif + ";font-size:24px;line-height:1.3;font-weight:bold;color:" + red,
	"figure-unit":  "font-size:14px;font-weight:bold;color:" + red,
	"figure-label": "margin:4px 0 0;padding:0;font-size:13px;line-height:1.5;color:" + ink,
	"figure-meta":  "margin:2px 0 0;padding:0;font-size:11px;line-height:1.4;color:" + inkSoft,

	"timeline":       "margin:1.6em 0;padding:0 0 0 14px;border-left:2px solid " + gold,
	"event":          "margin:0 0 14px;padding:0",
	"event-time":     "margin:0;padding:0;font-size:14px;line-height:1.5;font-weight:bold;color:" + red,
	"event-title":    "margin:2px 0 0;padding:0;font-size:15px;line-height:1.6;font-weight:bold;color:" + ink,
	"event-detail":   "margin:2px 0 0;padding:0;font-size:14px;line-height:1.7;color:" + inkSoft,
	"end":            "margin:2.4em 0 0;padding:10px 0 0;border-top:1px solid " + gold,
	"end-title":      "margin:0 0 6px;padding:0;font-family:" + serif + ";font-size:15px;line-height:1.5;font-weight:bold;color:" + ink,
	"end-item":       "margin:0 0 6px;padding:0;font-size:13px;line-height:1.6;color:" + inkSoft + ";text-align:left;word-break:break-all",
	"end-item-plain": "margin:0 0 6px;padding:0;font-size:13px;line-height:1.6;color:" + inkSoft + ";text-align:justify",
}

// seriesColours are the bars of a chart's series, in order.
var seriesColours = []string{red, gold, inkSoft, "#3f6f8f"}
