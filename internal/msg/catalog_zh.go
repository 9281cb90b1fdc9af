package msg

// catalogZh is the Chinese form of every message, keyed by its English
// format. Arguments keep their order unless a form numbers them (%[2]s).
// The words follow the house style of Chinese copy: full-width
// punctuation, and the editor is addressed with a plain instruction (请…).
var catalogZh = map[string]string{
	// Shared pieces, passed as arguments of other messages.
	"%s: %v":                              "%s：%v",
	"%s growth":                           "%s增速",
	"%s average growth":                   "%s年均增速",
	"the present (stated without a date)": "当前（未写时间）",
	"%d年 (stated without a date, the latest figure)": "%d年（未写时间，按最新数据）",
	"; did you mean #%s?":                            "；是不是 #%s？",
	"; its headings are #%s":                         "；该页的标题有 #%s",
	"“%c” is %s in some senses":                      "“%c”在某些义项中应作%s",
	"as in “%s”":                                     "如“%s”",
	"is an absolute path: write it relative to the Markdown file or to content/":              "是绝对路径：请写成相对于 Markdown 文件或 content/ 的路径",
	"is a symbolic link (%s): folio reads nothing through links; copy the file into content/": "是符号链接（%s）：folio 不读取链接，请把文件复制到 content/ 中",
	"points outside content/: keep images inside the content folder":                          "指向 content/ 之外：图片请放在 content 文件夹内",
	"not found (looked in %s under content/)":                                                 "找不到（已在 content/ 下查找 %s）",

	// Counts. Chinese does not inflect: one form for both keys.
	"%d error":                  "%d 个错误",
	"%d errors":                 "%d 个错误",
	"%d warning":                "%d 个警告",
	"%d warnings":               "%d 个警告",
	"%d error and %d warning":   "%d 个错误和 %d 个警告",
	"%d error and %d warnings":  "%d 个错误和 %d 个警告",
	"%d errors and %d warning":  "%d 个错误和 %d 个警告",
	"%d errors and %d warnings": "%d 个错误和 %d 个警告",
	"no problems":               "没有问题",

	// The dev server: its terminal lines and the overlay in the page.
	"build failed in %s: %s; serving the last good build\n": "构建失败，用时 %s：%s；继续提供上一次成功构建的页面\n",
	"rebuilt in %s: %d converted, %d rendered\n":            "重新构建用时 %s：转换 %d 个文件，渲染 %d 个页面\n",
	"error":            "错误",
	"warning":          "警告",
	"Build failed: %s": "构建失败：%s",
	"Below is the last good build. Fix what is listed and save: this notice goes away by itself.": "下面是上一次成功构建的页面。按提示修改后保存，此提示会自动消失。",
	"Close (Esc)":    "关闭（Esc）",
	"Build warnings": "构建警告",

	// Unfinished text.
	"folio's starter text %q is still here: write the chapter's own text in its place": "folio 生成的起始文字 %q 还在：请换成本章自己的文字",
	"placeholder %q left in the text: write what belongs here, or delete it":           "文中留有占位文字 %q：请写上应有的内容，或将其删除",

	// Files and folders.
	"no content folder here: run folio in the folder that holds content/, or pass --src":                                      "这里没有 content 文件夹：请在包含 content/ 的文件夹中运行 folio，或用 --src 指定",
	"%s is a symbolic link: folio reads nothing through links; move or copy the folder here":                                  "%s 是符号链接：folio 不读取链接，请把文件夹移动或复制到这里",
	"%s is a symbolic link and was left out: folio reads nothing through links; move or copy the folder here":                 "%s 是符号链接，已跳过：folio 不读取链接，请把文件夹移动或复制到这里",
	"%s is a symbolic link and was left out: folio reads nothing through links; move or copy the file here":                   "%s 是符号链接，已跳过：folio 不读取链接，请把文件移动或复制到这里",
	"%s is not a regular file (folio reads nothing through links)":                                                            "%s 不是普通文件（folio 不读取链接）",
	"the file is %.1f MB; folio reads Markdown files up to %d MB: split the chapter":                                          "文件大小为 %.1f MB，folio 读取的 Markdown 文件最大为 %d MB：请拆分这一章",
	"the file is not valid UTF-8 text: save it as UTF-8":                                                                      "文件不是有效的 UTF-8 文本：请以 UTF-8 编码保存",
	"static file %s would replace the %s folio writes: rename or remove it":                                                   "静态文件 %s 会覆盖 folio 生成的 %s：请改名或删除它",
	"base_url is not set: sitemap.xml, feed.xml and canonical links need it; add \"base_url: https://…/\" or pass --base-url": "未设置 base_url：sitemap.xml、feed.xml 和规范链接需要它；请添加“base_url: https://…/”一行，或使用 --base-url",

	// publication.yaml.
	"%s not found: create it with at least a line \"title: …\"":                       "找不到 %s：请创建该文件，至少写一行“title: …”",
	"the series has no title: add a line \"title: …\"":                                "系列没有标题：请添加一行“title: …”",
	"the series has no installment: create %s/<slug>/%s with the installment's title": "系列中还没有任何一篇：请创建 %s/<slug>/%s，写上该篇的标题",
	"installment folder %q %v":                                                        "分篇文件夹 %q %v",
	"the publication has no title: add a line \"title: …\"":                           "出版物没有标题：请添加一行“title: …”",
	"image_widths: %d is not a sensible image width (16 to 8192 pixels)":              "image_widths：%d 不是合理的图片宽度（应为 16 到 8192 像素）",
	"cjk_spacing must be none (GDP增长) or space (GDP 增长), not %q":                      "cjk_spacing 应为 none（GDP增长）或 space（GDP 增长），不能是 %q",
	"base_url %q: a path alone, such as / or /gaoxin/, has no query or fragment":      "base_url %q：只写路径时（如 / 或 /gaoxin/）不能带查询参数或片段",
	"image_quality must be between 1 and 100":                                         "image_quality 应在 1 到 100 之间",
	"subject: expected a name, or name: and aliases:":                                 "subject：应写一个名称，或写 name: 和 aliases:",
	"checks: expected rule: error|warning|off lines, such as repeated-word: off":      "checks：应逐行写“规则: error|warning|off”，例如 repeated-word: off",
	"checks: allow: expected a list of names, such as [乾隆, 蔡元培]":                      "checks：allow: 应为名称列表，例如 [乾隆, 蔡元培]",
	"checks: %s must be error, warning or off, not %s":                                "checks：%s 应为 error、warning 或 off，不能是 %s",

	// YAML and front matter.
	"the YAML is %s; folio reads at most %s of it: split the data or move long text into the Markdown": "YAML 大小为 %s，folio 最多读取 %s：请拆分数据，或把长文本移到 Markdown 正文中",
	"the YAML nests %s here: front matter and data need a few levels; write the values out flatter":    "此处 YAML 嵌套了 %s：front matter 和数据只需几层，请把值写得扁平一些",
	"anchors and aliases (&name, *name) are not accepted: write the value out where it is used":        "不接受锚点和别名（&name、*name）：请在用到的地方把值直接写出来",
	"front matter opened with --- on line 1 is never closed: add a line --- after its last key":        "第 1 行用 --- 开始的 front matter 没有结束：请在最后一个键之后加一行 ---",
	"missing title: add a line \"title: …\" to the front matter between the --- lines":                 "缺少标题：请在两行 --- 之间的 front matter 中添加一行“title: …”",
	"slug %q %v": "slug %q %v",
	"is empty: give the page a slug or a file name":                                    "是空的：请给该页一个 slug 或文件名",
	"is reserved for folio's own output (%s): choose another":                          "是 folio 自己的输出所保留的（%s）：请另选一个",
	"must not start with a dot":                                                        "不能以点号开头",
	"contains %q: use letters, digits and hyphens":                                     "含有 %q：请只用字母、数字和连字符",
	"slug %q is already used by %s: give one of them another slug in its front matter": "slug %q 已被 %s 使用：请在其中一篇的 front matter 中另取一个 slug",

	// YAML mistakes, explained.
	"%s is given twice, here and on line %d: keep one of them": "%s 出现了两次，在这里和第 %d 行：只保留其中一处",
	"Data":                       "数据",
	"Search":                     "搜索",
	"Page not found":             "页面未找到",
	"The whole issue, for print": "全刊打印版",
	"Search the full text of this publication.":                                                              "在本刊全文中搜索。",
	"Every indicator this publication cites: values, scope, sources and notes, to download as CSV and JSON.": "本刊引用的全部指标：数值、口径、来源与说明，可下载 CSV 与 JSON。",
	"The whole publication on one page, to print or save as PDF.":                                            "全刊内容合为一页，供打印或另存为 PDF。",
	"the memo of the last build is not used: %v; this build starts afresh and writes a new one":              "上次构建留下的记录未被使用：%v；本次从头构建，并写下新的记录",
	"it is not a memo of this folio":                                                                         "它不是本版 folio 的构建记录",
	"its checksum does not match: it was cut short or changed":                                               "校验和不符：文件被截断或改动过",
	"it cannot be read: %v": "无法读取：%v",
	"folio cannot read the YAML here (%s): check the indentation, colons and quotes of this line and the line above":                                                                                                         "folio 无法读取此处的 YAML（%s）：请检查这一行和上一行的缩进、冒号和引号",
	"this line is indented with a tab, which YAML does not allow: remove the tab":                                                                                                                                            "这一行用制表符（Tab）缩进，YAML 不允许这样做：请删去制表符",
	"this line is indented with a tab, which YAML does not allow: indent it with spaces instead, %d of them":                                                                                                                 "这一行用制表符（Tab）缩进，YAML 不允许这样做：请改用空格缩进，共 %d 个",
	"this key has a %d-space indent, but the keys beside it (line %d) have none: remove the spaces before it":                                                                                                                "这个键缩进了 %d 个空格，而同级的键（第 %d 行）没有缩进：请删去它前面的空格",
	"this key has no indent, but the keys beside it (line %d) have a %d-space indent: give it a %[2]d-space indent":                                                                                                          "这个键没有缩进，而同级的键（第 %d 行）缩进了 %d 个空格：请把它也缩进 %[2]d 个空格",
	"this key has a %d-space indent, but the keys beside it (line %d) have a %d-space indent: give it a %[3]d-space indent":                                                                                                  "这个键缩进了 %d 个空格，而同级的键（第 %d 行）缩进了 %d 个空格：请改为缩进 %[3]d 个空格",
	"this list item has a %d-space indent, but the items beside it (line %d) have none: remove the spaces before it":                                                                                                         "这个列表项缩进了 %d 个空格，而同级的列表项（第 %d 行）没有缩进：请删去它前面的空格",
	"this list item has no indent, but the items beside it (line %d) have a %d-space indent: give it a %[2]d-space indent":                                                                                                   "这个列表项没有缩进，而同级的列表项（第 %d 行）缩进了 %d 个空格：请把它也缩进 %[2]d 个空格",
	"this list item has a %d-space indent, but the items beside it (line %d) have a %d-space indent: give it a %[3]d-space indent":                                                                                           "这个列表项缩进了 %d 个空格，而同级的列表项（第 %d 行）缩进了 %d 个空格：请改为缩进 %[3]d 个空格",
	"a colon followed by a space in the value of %s makes YAML read a new key here: write the full-width colon ： as Chinese text does (%s) or put the whole value in quotes (%s)":                                            "%s 的值里有半角冒号加空格，YAML 会从这里读出一个新键：请像中文行文那样改用全角冒号“：”（%s），或者给整个值加上引号（%s）",
	"a colon followed by a space in the value of %s makes YAML read a new key here: put the whole value in quotes (%s)":                                                                                                      "%s 的值里有半角冒号加空格，YAML 会从这里读出一个新键：请给整个值加上引号（%s）",
	"a colon followed by a space in the value of %s makes YAML read a new key here: write the full-width colon ：, or put the whole value, from its first line on, in quotes":                                                 "%s 的值里有半角冒号加空格，YAML 会从这里读出一个新键：请改用全角冒号“：”，或者从值的第一行起给整个值加上引号",
	"this value starts with a quotation mark, so YAML ends it at the next one and cannot read the text after that: use Chinese quotation marks “ ” inside the text, or put the whole value in quotes of the other kind (%s)": "这个值以引号开头，YAML 会在下一个引号处结束它，读不了后面的文字：文中的引号请用中文引号“ ”，或者用另一种引号把整个值括起来（%s）",
	"a value that starts with [ is read as a list, so YAML cannot read the text after its ]: put the whole value in quotes (%s), or use the full-width brackets 【】":                                                          "以 [ 开头的值会被读成列表，YAML 读不了 ] 之后的文字：请给整个值加上引号（%s），或者改用全角括号【】",
	"a value that starts with { is read as a mapping, so YAML cannot read the text after its }: put the whole value in quotes (%s)":                                                                                          "以 { 开头的值会被读成键值映射，YAML 读不了 } 之后的文字：请给整个值加上引号（%s）",
	"the quotation mark %s that starts this value is never closed: end the value with %[1]s, or, for quotes inside Chinese text, use “ ”":                                                                                    "这个值开头的引号 %s 没有闭合：请在值的末尾也加上 %[1]s；中文里的引号请用“ ”",
	"the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】":                                          "这里的 [ 开始了一个列表，但没有闭合：请用 ] 结束列表；如果方括号是文字的一部分，请给整个值加上引号，或者改用全角括号【】",
	"the { here starts a mapping that is never closed: end it with }, or, if the braces are part of the text, put the whole value in quotes":                                                                                 "这里的 { 开始了一个键值映射，但没有闭合：请用 } 结束它；如果花括号是文字的一部分，请给整个值加上引号",
	"the colon after %s needs a space after it: write %s":                                                                                                                                                                    "%s 后面的冒号之后需要一个空格：请写成 %s",
	"the key %s is followed by the full-width colon ：, which YAML does not read as a colon: write the half-width colon and a space (%s)":                                                                                     "键 %s 后面是全角冒号“：”，YAML 不把它当作冒号：请改用半角冒号加一个空格（%s）",
	"this line is neither a key with a colon nor a list item, so YAML cannot read it: write it as key: value, or, if it continues the text above it, indent it further than that text's key":                                 "这一行既不是带冒号的键，也不是列表项，YAML 无法读取：请写成 key: value 的形式；如果它是上面文字的续行，请让它比那段文字的键缩进得更多",
	"this key starts with \"- \", but the keys beside it (line %d) do not: remove the \"- \"":                                                                                                                                "这个键以“- ”开头，而同级的键（第 %d 行）没有：请删去“- ”",
	"a list item (\"- \") cannot stand among keys: put the list under a key of its own, with its items indented below that key":                                                                                              "列表项（“- ”）不能夹在键中间：请把列表放在一个单独的键下，各项缩进写在该键下方",
	"this key stands among the items of a list (line %d), which start with \"- \": start it with \"- \" if it is one of them, or give it the indent of line %d":                                                              "这个键夹在一个列表（第 %d 行）的各项之间，而列表项都以“- ”开头：如果它也是列表项，请在前面加上“- ”；否则请让它与第 %d 行缩进相同",
	"a list item needs a space after its \"-\": write %s":                                                                                                                                                                    "列表项的“-”后面需要一个空格：请写成 %s",
	"a value that starts with \"- \" is read as a list, which cannot follow a key on its line: put the whole value in quotes (%s)":                                                                                           "以“- ”开头的值会被读成列表，而列表不能和键写在同一行：请给整个值加上引号（%s）",
	"a value cannot start with %s in YAML: put the whole value in quotes (%s)":                                                                                                                                               "在 YAML 中，值不能以 %s 开头：请给整个值加上引号（%s）",
	"these lines are a list, but folio expects keys with values here: write them as key: value lines, without the \"- \"":                                                                                                    "这几行是一个列表，但此处应当是键和值：请去掉“- ”，写成 key: value 的形式",
	"this is a line of text, but folio expects keys with values here: write key: value lines, such as title: 改革篇":                                                                                                            "这是一行文字，但此处应当是键和值：请写成 key: value 的形式，例如 title: 改革篇",
	"a quotation mark inside a value that does not start with one: put the whole value in quotes and write the mark twice (\"\"), or use Chinese quotation marks “ ”":                                                        "值的中间有引号，但这个值不是以引号开头的：请给整个值加上引号并把其中的引号写两遍（\"\"），或者改用中文引号“ ”",
	"a quotation mark in the middle of a quoted value: write it twice (\"\"), or use Chinese quotation marks “ ”":                                                                                                            "带引号的值中间又出现了引号：请把它写两遍（\"\"），或者改用中文引号“ ”",

	// Data: indicators and timeline.
	"%s must be a list of indicators, each starting with \"- id: …\"":                      "%s 应为指标列表，每项以“- id: …”开头",
	"%s must be a list of events, each starting with \"- date: …\"":                        "%s 应为事件列表，每项以“- date: …”开头",
	"indicator %q has no values: add a series, e.g. series: {2020: 5.3}":                   "指标 %q 没有数值：请添加 series，例如 series: {2020: 5.3}",
	"indicator without an id: add \"id: …\" in kebab-case, e.g. gdp-growth":                "指标缺少 id：请添加“id: …”，用小写字母和连字符，例如 gdp-growth",
	"malformed id %q: use lower-case letters, digits and hyphens, e.g. gdp-growth":         "id %q 格式不对：请只用小写字母、数字和连字符，例如 gdp-growth",
	"duplicate indicator id %q, first defined at %s: give one of them another id":          "指标 id %q 重复，首次定义于 %s：请给其中一个另取 id",
	"indicator %q has no label: add \"label: …\", the name prose uses for it":              "指标 %q 没有 label：请添加“label: …”，即正文中称呼它的名称",
	"indicator %q has no unit; known units: %s":                                            "指标 %q 没有单位；可用的单位：%s",
	"indicator %q: unknown unit %q (did you mean %q?); known units: %s":                    "指标 %q：未知单位 %q（是不是 %q？）；可用的单位：%s",
	"indicator %q: unknown unit %q; known units: %s":                                       "指标 %q：未知单位 %q；可用的单位：%s",
	"unknown indicator %q (did you mean %q?)":                                              "未知指标 %q（是不是 %q？）",
	"unknown indicator %q (content/data/indicators.yaml defines none)":                     "未知指标 %q（content/data/indicators.yaml 中没有定义任何指标）",
	"unknown indicator %q (see content/data/indicators.yaml)":                              "未知指标 %q（见 content/data/indicators.yaml）",
	"unknown key %q; did you mean %q?":                                                     "未知的键 %q；是不是 %q？",
	"unknown key %q; known keys: %s":                                                       "未知的键 %q；可用的键：%s",
	"checks: unknown rule %s; did you mean %s?":                                            "checks：未知规则 %s；是不是 %s？",
	"checks: unknown rule %s; the rules are %s":                                            "checks：未知规则 %s；可用的规则：%s",
	"indicator %q has no source: readers trust a figure they can trace; add \"source: …\"": "指标 %q 没有注明来源：有出处的数据才可信，请添加“source: …”",
	"better must be higher or lower, not %q":                                               "better 应为 higher 或 lower，不能是 %q",
	"of is the number ranked, for unit rank only":                                          "of 是参与排名的总数，只用于 unit: rank",
	"format %q must contain {value} where the number goes, e.g. \"{value}余人次\"":            "format %q 应在数字的位置写 {value}，例如“{value}余人次”",
	"series of %q must be period: value lines, e.g. 2020: 5.3":                             "%q 的 series 应逐行写“时期: 数值”，例如 2020: 5.3",
	"%s@%s: %q is not a number: write digits only, e.g. 5.3 (the unit comes from unit:)":   "%s@%s：%q 不是数字：请只写数字，例如 5.3（单位由 unit: 给出）",
	"%s@%s: a rank is a whole number from 1, not %s":                                       "%s@%s：名次应为从 1 起的整数，不能是 %s",
	"%s@%s: rank %s is above of: %d":                                                       "%s@%s：名次 %s 大于 of: %d",
	"%s@%s is already given at %s":                                                         "%s@%s 已在 %s 给出",
	"expected 3 columns id,period,value, found %d":                                         "应为 id,period,value 三列，实际有 %d 列",
	"event date %q: write 2018, 2018-10 or 2018-10-23":                                     "事件日期 %q：请写成 2018、2018-10 或 2018-10-23",
	"event of %s has no title: add \"title: …\"":                                           "%s 的事件没有标题：请添加“title: …”",

	"malformed period %q: %s (write 2020, 2021-Q1, 2021-06 or 2021-01..05)": "时期 %q 格式不对：%s（请写 2020、2021-Q1、2021-06 或 2021-01..05）",
	"the year must have four digits":                                        "年份应为四位数字",
	"a quarter is Q1 to Q4":                                                 "季度应为 Q1 到 Q4",
	"months are two digits, 01 to 12":                                       "月份应为两位数字，01 到 12",
	"a month range runs forward, e.g. 01..05":                               "月份范围应从前往后，例如 01..05",

	// Images.
	"unsupported image format: use JPEG or PNG (or SVG for drawings)": "不支持的图片格式：请用 JPEG 或 PNG（线图可用 SVG）",
	"cannot read the image: %v":                                       "无法读取图片：%v",
	"the image has no pixels":                                         "图片没有像素",
	"the image is %d×%d pixels, above the limit of %d million: scale it down before adding it": "图片为 %d×%d 像素，超过 %d 百万像素的上限：请先缩小再加入",
	"cannot decode the image: %v": "无法解码图片：%v",

	// References to the data in Markdown.
	"malformed indicator reference %s: write {{id}} or {{id@period}}, e.g. {{gdp-growth@2020}}": "指标引用 %s 格式不对：请写 {{id}} 或 {{id@时期}}，例如 {{gdp-growth@2020}}",
	"%s has no value for %s (it has %s)":                                                 "%s 没有 %s 的数值（已有 %s）",
	"%s has no values yet: add a series in content/data/indicators.yaml":                 "%s 还没有数值：请在 content/data/indicators.yaml 中添加 series",
	"a figures block is a list of indicator ids, one per line: - gdp-growth":             "figures 块是指标 id 的列表，每行一个：- gdp-growth",
	"a chart needs \"indicator: id\" or \"indicators: [id, id]\"":                        "图表需要“indicator: id”或“indicators: [id, id]”",
	"empty chart block: give at least \"indicator: …\"":                                  "图表块是空的：至少写“indicator: …”",
	"give either indicator (one) or indicators (a comparison), not both":                 "indicator（一个指标）和 indicators（对比多个）只能写一个",
	"unknown chart type %q: use %s":                                                      "未知的图表类型 %q：请用 %s",
	"a rank chart needs an indicator of unit rank; %s is %s: use line or bar":            "名次图需要 unit 为 rank 的指标；%s 的单位是 %s：请用 line 或 bar",
	"cannot chart %s (%s) with %s (%s) on one axis: compare indicators of the same unit": "%s（%s）和 %s（%s）不能画在同一坐标轴上：请对比单位相同的指标",
	"cannot draw the chart: %v":                                                          "无法绘制图表：%v",
	"cannot write the chart's table: %v":                                                 "无法生成图表的数据表：%v",
	"cannot draw %s: %v":                                                                 "无法绘制 %s：%v",
	"no events to show: add them to content/data/timeline.yaml":                          "没有可显示的事件：请在 content/data/timeline.yaml 中添加",
	"no events in years %d..%d: check the years or content/data/timeline.yaml":           "%d—%d 年没有事件：请检查年份或 content/data/timeline.yaml",
	"years %q: %v": "年份 %q：%v",

	// Links and images.
	"link target %s is not a valid path": "链接目标 %s 不是有效的路径",
	"link to %s: no such page in the publication (resolved to content/%s); check the file name, or whether the page is a draft": "链接到 %s：出版物中没有这一页（解析为 content/%s）；请检查文件名，或该页是否为草稿",
	"link to %s#%s: that page has no such heading%s":               "链接到 %s#%s：该页没有这个标题%s",
	"image without a path: write ![description](images/photo.jpg)": "图片缺少路径：请写 ![说明](images/photo.jpg)",
	"image %s is on another site: folio serves only images of the publication (and never loads from the network); save it under content/images/": "图片 %s 在其他网站上：folio 只使用出版物自己的图片（从不从网络加载），请把它保存到 content/images/ 下",
	"image %q %v":  "图片 %q %v",
	"image %q: %v": "图片 %q：%v",
	"image %q has no alt text: describe what it shows between the brackets, ![…](%s), for readers who cannot see it":                                                                                        "图片 %q 没有替代文字：请在方括号中描述图片内容，![…](%s)，供看不到图片的读者使用",
	"cover image %q has no alt text: add cover_alt describing what it shows":                                                                                                                                "封面图片 %q 没有替代文字：请添加 cover_alt 描述图片内容",
	"photo %q has no credit: end its title with the photographer or the source, ![…](%s \"caption 摄影：name\") or 图片来源：…, or have the photographer's name written into the photo (EXIF Artist, IPTC By-line)": "照片 %q 没有署名：请在标题末尾写上摄影者或来源，![…](%s \"图片说明 摄影：姓名\") 或 图片来源：…，或在照片元数据中写入摄影者姓名（EXIF Artist、IPTC By-line）",

	// Rendering and output.
	"cannot render: %v":           "无法渲染：%v",
	"layout %s is missing: %v":    "缺少版式 %s：%v",
	"cannot minify output %s: %v": "无法压缩输出文件 %s：%v",
	"%s is left out of the EPUB: %v (nesting lists or quotes that deep is rarely meant)": "%s 未收入 EPUB：%v（列表或引文嵌套这么深，多半不是本意）",

	// Editorial checks.
	"this paragraph appears %d times (%s), first at %s: keep one and delete the copies":                                                                     "这一段出现了 %d 次（%s），第一次在 %s：请保留一处，删除其余",
	"%s of %s in %s is %s here but %s at %s: make them agree, or give the figure an entry in content/data/indicators.yaml and write a reference":            "%[2]s%[3]s的%[1]s此处为 %[4]s，但在 %[6]s 为 %[5]s：请统一，或在 content/data/indicators.yaml 中为该数据建立条目并改为引用",
	"%s in %s is %s here but %s at %s: make them agree, or give the figure an entry in content/data/indicators.yaml and write a reference":                  "%[2]s的%[1]s此处为 %[3]s，但在 %[5]s 为 %[4]s：请统一，或在 content/data/indicators.yaml 中为该数据建立条目并改为引用",
	"%s is typed by hand; the data holds it (%s, %s): write %s so it can never drift from the data":                                                         "%s 是手工录入的；数据中已有该值（%s，%s）：请改写为 %s，与数据始终一致",
	"%s is stated as %s for %s, but the data has %s: write %s":                                                                                              "%[3]s%[1]s写作 %[2]s，但数据为 %[4]s：请改写为 %[5]s",
	"Latin word %q in Chinese text: translate it, or if it is a name or term the publication uses, add it to glossary in publication.yaml":                  "中文里出现拉丁字母词 %q：请译成中文；如果是出版物使用的名称或术语，请加入 publication.yaml 的 glossary",
	"heading level %d follows level %d: screen readers navigate by levels; use %s":                                                                          "%d 级标题紧跟在 %d 级标题之后：读屏软件按级别导航，请用 %s",
	"half-width %q in Chinese text: write %s":                                                                                                               "中文里用了半角 %q：请改为 %s",
	"half-width parentheses around Chinese text: write （ and ）":                                                                                             "中文外面用了半角括号：请改用全角括号（ ）",
	"quotation marks of more than one style, or straight quotes, in Chinese text: use “ ” (and ‘ ’ inside them) throughout":                                 "中文里混用了多种引号或直引号：请统一用“ ”（引号内再用‘ ’）",
	"%q between digits is not a decimal point: write %s.%s":                                                                                                 "数字之间的 %q 不是小数点：请写作 %s.%s",
	"two points in a row inside a number: write one decimal point":                                                                                          "数字中连用了两个点：请只写一个小数点",
	"a ratio written with both : and ∶: use one colon throughout (∶ in Chinese copy)":                                                                       "比例中混用了 : 和 ∶：请统一用一种（中文稿用 ∶）",
	"the year of a document number in %c%c: write 〔%s〕, the hexagonal brackets of GB/T 9704":                                                                "文号的年份用了 %c%c：请按 GB/T 9704 用六角括号，写作〔%s〕",
	"ASCII hyphen %q between Chinese characters: write —— for a dash (生死关头——中国共产党), or — for a span or a link (青溪—金华)":                                      "汉字之间用了半角连字符 %q：破折号请写——（生死关头——中国共产党），表示起止或连接请写—（青溪—金华）",
	"a quotation mark “ is not closed before the next “ opens: close it with ”, or write a quotation inside a quotation with ‘ ’":                           "前一个“在下一个“之前没有闭合：请用”闭合，或把引号内的引语写成‘ ’",
	"a closing quotation mark ” that no “ opens: add the opening mark, or delete this one":                                                                  "这个”没有对应的“：请补上前引号，或删去它",
	"a space between Chinese and Latin letters or digits: the house style (cjk_spacing: none in publication.yaml) writes them together":                     "中文与拉丁字母或数字之间有空格：本刊体例（publication.yaml 中 cjk_spacing: none）要求连写",
	"no space between Chinese and Latin letters or digits: the house style (cjk_spacing: space in publication.yaml) puts one space there":                   "中文与拉丁字母或数字之间没有空格：本刊体例（publication.yaml 中 cjk_spacing: space）要求空一格",
	"a space between Chinese characters (%c %c): delete it, Chinese text has no spaces between words":                                                       "汉字之间有空格（%c %c）：请删除，中文词与词之间不空格",
	"a space beside full-width punctuation (%c %c): delete it, Chinese punctuation carries its own spacing":                                                 "全角标点旁有空格（%c %c）：请删除，中文标点自带间距",
	"a space between a figure and its unit (%s): write them together":                                                                                       "数字与单位之间有空格（%s）：请连写",
	"a space between a figure and %s (%s): write them together":                                                                                             "数字与 %s 之间有空格（%s）：请连写",
	"a space between Chinese and a figure in a paragraph that elsewhere writes them together: choose one style (set cjk_spacing in publication.yaml)":       "这一段其他地方中文与数字连写，此处却有空格：请统一体例（可在 publication.yaml 中设置 cjk_spacing）",
	"the paragraph ends without 。！？ or closing punctuation: finish the sentence, or check whether the rest was lost in a paste":                             "段落结尾没有。！？或收尾标点：请把句子写完，或检查粘贴时是否丢了后半段",
	"“%s” is written twice (%s): delete the repeat, or if the doubling is meant, add <!-- folio:ignore repeated-word --> before the paragraph":              "“%s”重复了（%s）：请删去重复的部分；如果是有意叠用，请在段前加 <!-- folio:ignore repeated-word -->",
	"“%s” is likely a slip for “%s”: write %s, or add <!-- folio:ignore confusable-word --> before the paragraph if “%s” is meant":                          "“%s”可能是“%s”之误：请改为%s；如果确实要用“%s”，请在段前加 <!-- folio:ignore confusable-word -->",
	"traditional form “%s” in simplified Chinese text: write “%s”, or if it is part of a name, add the name to checks: allow: in publication.yaml":          "简体文本中出现繁体字“%s”：请改为“%s”；如果是名称的一部分，请把该名称加入 publication.yaml 的 checks: allow:",
	"traditional form “%s” in simplified Chinese text: write “%s” (%s), or if it is part of a name, add the name to checks: allow: in publication.yaml":     "简体文本中出现繁体字“%s”：请改为“%s”（%s）；如果是名称的一部分，请把该名称加入 publication.yaml 的 checks: allow:",
	"traditional forms “%s” in simplified Chinese text: write “%s”, or if they are part of a name, add the name to checks: allow: in publication.yaml":      "简体文本中出现繁体字“%s”：请改为“%s”；如果是名称的一部分，请把该名称加入 publication.yaml 的 checks: allow:",
	"traditional forms “%s” in simplified Chinese text: write “%s” (%s), or if they are part of a name, add the name to checks: allow: in publication.yaml": "简体文本中出现繁体字“%s”：请改为“%s”（%s）；如果是名称的一部分，请把该名称加入 publication.yaml 的 checks: allow:",
	// What each editorial rule flags, in folio check --help.
	"a figure that contradicts content/data (an error), or two statements of the same metric, place and period with different values (a warning)": "与 content/data 中的数据矛盾的数字（错误），或同一指标、地区、时期的两处表述数值不同（警告）",
	"a number typed by hand that the data holds: write the {{id}} reference":                                                                      "手工录入了数据中已有的数字：请改写为 {{id}} 引用",
	"a paragraph that appears twice, or nearly so":                                                                                                "重复出现或几乎重复出现的段落",
	"a word written twice by mistake, told apart from reduplication by word segmentation":                                                         "误写了两遍的词，借助分词与叠词区分开",
	"a word often confused with another in official copy, where its context shows the slip":                                                       "公文中常与另一个词混淆、从上下文看写错了的词",
	"a traditional character in a simplified-Chinese (zh-CN) publication":                                                                         "简体中文（zh-CN）出版物中的繁体字",
	"a Latin word left in Chinese text by translation or paste":                                                                                   "翻译或粘贴时遗留在中文里的拉丁字母词",
	"a paragraph that stops mid-sentence":                                                                                                         "句子没写完就结束的段落",
	"half-width punctuation in Chinese text, mixed quotation marks":                                                                               "中文里的半角标点，混用的引号",
	"a stray space between Chinese characters in prose; with cjk_spacing: set, the house style between Chinese and Latin":                         "正文中汉字之间多余的空格；设置了 cjk_spacing: 时，还检查中文与拉丁字母、数字之间是否合乎体例",
	"text left for the writer to replace: the starter text of folio new, a paragraph that is only a placeholder, a marker such as 待补充 or TODO":    "留待作者替换的文字：folio new 写入的初始文字、只有占位内容的段落、待补充或 TODO 之类的标记",
	"a heading more than one level below the one before it":                                                                                       "比上一个标题低了不止一级的标题",
	"an image without alt text": "没有替代文字的图片",
	"a photo whose credit neither its title in the Markdown (摄影：…, 图片来源：…) nor its own metadata (EXIF Artist, IPTC By-line or Credit, XMP dc:creator) gives; off unless checks: turns it on": "既没有在 Markdown 的图片标题中（摄影：…、图片来源：…）、也没有在照片自身的元数据中（EXIF Artist、IPTC By-line 或 Credit、XMP dc:creator）注明来源的照片；默认关闭，由 checks: 打开",
	"a link to a page or heading that does not exist": "指向不存在的页面或标题的链接",

	// The command line.
	"folio builds commemorative showcase publications from Markdown and indicator data.\n\nUsage:\n\n\tfolio <command> [flags]\n\nCommands:\n\n": "folio 用 Markdown 和指标数据制作纪念性成就展示出版物。\n\n用法：\n\n\tfolio <命令> [选项]\n\n命令：\n\n",
	"\nRun 'folio <command> --help' for a command's flags.\nSet --lang zh or --lang en for the language of folio's messages (default: LANG).\n":  "\n运行 'folio <命令> --help' 查看该命令的选项。\n用 --lang zh 或 --lang en 设定 folio 提示信息的语言（默认随 LANG）。\n",
	"build the publication into public/":                                            "把出版物构建到 public/",
	"preview the publication, rebuilding on every save":                             "预览出版物，每次保存后自动重新构建",
	"check the publication's content and copy without building it":                  "检查出版物的内容和文稿，不构建",
	"start a publication or a chapter: folio new site DIR, folio new chapter TITLE": "创建出版物或章节：folio new site DIR，folio new chapter TITLE",
	"print folio's version":                                                         "显示 folio 的版本",
	"folio: %s\n":                                                                   "folio：%s\n",
	"folio %s: %s\n":                                                                "folio %s：%s\n",
	"folio %s: %v\n":                                                                "folio %s：%v\n",
	"folio %s: %s\nRun 'folio %s --help' for usage.\n":                              "folio %s：%s\n运行 'folio %s --help' 查看用法。\n",
	"folio: unknown command %q; did you mean %q?\n":                                 "folio：未知命令 %q；是不是要输入 %q？\n",
	"folio: unknown command %q\n":                                                   "folio：未知命令 %q\n",
	"Run 'folio help' for the list of commands.\n":                                  "运行 'folio help' 查看命令列表。\n",
	"unknown flag %s; did you mean --%s?":                                           "未知选项 %s；是不是要输入 --%s？",
	"unknown flag %s":                                                               "未知选项 %s",
	"unexpected argument %q":                                                        "多余的参数 %q",
	"flag needs an argument: --lang (zh or en)":                                     "选项缺少取值：--lang（zh 或 en）",
	"--lang %s: use zh or en":                                                       "--lang %s：请用 zh 或 en",
	"--base-url: %v":                                                                "--base-url：%v",
	"--format %q: use text or json":                                                 "--format %q：请用 text 或 json",
	"--port %d: a port is 0 to 65535":                                               "--port %d：端口应在 0 到 65535 之间",
	"%s; %s left unchanged":                                                         "%s；%s 保持不变",
	"%s, and --strict fails on warnings; %s left unchanged":                         "%s，--strict 模式下有警告即失败；%s 保持不变",
	"%s is up to date (%d file, checked in %s)":                                     "%s 已是最新（%d 个文件，检查用时 %s）",
	"%s is up to date (%d files, checked in %s)":                                    "%s 已是最新（%d 个文件，检查用时 %s）",
	"built %d file into %s in %s":                                                   "已构建 %d 个文件到 %s，用时 %s",
	"built %d files into %s in %s":                                                  "已构建 %d 个文件到 %s，用时 %s",
	"%d image processed":                                                            "处理了 %d 张图片",
	"%d images processed":                                                           "处理了 %d 张图片",
	"%s; %s":                                                                        "%s；%s",
	"%s (%s)":                                                                       "%s（%s）",
	"no problems found\n":                                                           "没有发现问题\n",
	"serving %s at %s (Ctrl-C to stop)\n":                                           "正在预览 %s：%s（按 Ctrl-C 停止）\n",
	"from other machines: %s\n":                                                     "其他机器可访问：%s\n",
	"folio serve: warning: listening on %s, so anyone on the network can read the preview, drafts included (--bind 127.0.0.1 keeps it to this machine)\n": "folio serve：警告：正在监听 %s，网络上的任何人都能阅读预览，包括草稿（--bind 127.0.0.1 可只限本机访问）\n",
	"folio serve: could not open a browser (%v); open %s yourself\n":                                                                                      "folio serve：无法打开浏览器（%v）；请自行打开 %s\n",
	"no browser to open it with: set $BROWSER":                                                                                                            "没有可用的浏览器：请设置 $BROWSER",
	"missing KIND: folio new site DIR, or folio new chapter TITLE":                                                                                        "缺少类型：folio new site DIR，或 folio new chapter TITLE",
	"unknown kind %q: folio new makes a site, a chapter or an installment":                                                                                "未知的类型 %q：folio new 只能创建 site（出版物）、chapter（章节）或 installment（系列中的一篇）",
	"--%s is a flag of folio new %s":                                                                                                                      "--%s 是 folio new %s 的选项",
	"missing DIR: folio new site DIR":                                                                                                                     "缺少文件夹：folio new site DIR",
	"unexpected argument %q: a folder name with spaces needs quotes":                                                                                      "多余的参数 %q：含空格的文件夹名要加引号",
	"missing TITLE: folio new chapter TITLE":                                                                                                              "缺少标题：folio new chapter TITLE",
	"the chapter needs a title":                                                                                                                           "章节需要一个标题",
	"--slug %q: use letters, digits and hyphens":                                                                                                          "--slug %q：请只用字母、数字和连字符",
	"--slug %q %v": "--slug %q %v",
	"%s already has the slug %q: give another with --slug":                          "%s 已使用 slug %q：请用 --slug 另给一个",
	"%s already has the title %q: give the new chapter another title":               "%s 已使用标题 %q：请给新章节另起一个标题",
	"%s is not empty: folio new site starts a publication in a new or empty folder": "%s 不是空文件夹：folio new site 只在新的或空的文件夹中创建出版物",
	"%s is a file: folio new site starts a publication in a new or empty folder":    "%s 是一个文件：folio new site 只在新的或空的文件夹中创建出版物",
	"created %s\n": "已创建 %s\n",
	"It is a draft: folio serve shows it; delete draft: true when it is ready to publish.\n": "本章是草稿：folio serve 会显示它；写好后删去 draft: true 即可发布。\n",
	"\nThe first chapter is a draft: folio serve shows it, and folio build\npublishes it once draft: true is deleted. Preview the publication as you\nwrite it:\n\n\tcd %s && folio serve\n\nfolio new chapter TITLE adds a chapter; folio check --drafts lists what is\nleft to write.\n": "\n第一章是草稿：folio serve 会显示它，删去 draft: true 后 folio build 才会发布它。\n边写边预览：\n\n\tcd %s && folio serve\n\nfolio new chapter TITLE 添加一章；folio check --drafts 列出还有哪些地方没写完。\n",

	// Usage texts and flag descriptions (folio COMMAND --help).
	`
Usage: folio build [flags]

Build the publication in the source folder (content/, and optionally
layouts/ and assets/ overriding the default theme) into the output folder.
The output folder is replaced only when the build succeeds; problems are
reported as path:line:col: severity: message [rule-id].

Exit status: 0 built, 1 content errors, 2 usage errors.

Flags:
`: `
用法：folio build [选项]

把源文件夹中的出版物（content/，以及可选的、覆盖默认主题的 layouts/ 和
assets/）构建到输出文件夹。只有构建成功时才替换输出文件夹；问题按
路径:行:列: 级别: 说明 [规则] 的格式报告。

退出状态：0 构建成功，1 内容有错误，2 命令行用法有误。

选项：
`,
	`
Usage: folio check [flags]

Check the publication without building it: front matter, links and
anchors, images, indicator references, and the editorial rules for
Chinese copy listed below. Pages marked draft: true are checked with
--drafts.

A rule reports at its default severity unless publication.yaml's checks:
sets another (error, warning or off). Silence a rule for the next
paragraph with <!-- folio:ignore rule-id --> or for a file with
<!-- folio:ignore-file rule-id -->.

Rules:

%s
Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage.

Flags:
`: `
用法：folio check [选项]

只检查、不构建出版物：front matter、链接和锚点、图片、指标引用，以及
下列中文文稿编辑规则。标记为 draft: true 的页面在加 --drafts 时才检查。

每条规则按默认级别报告，publication.yaml 的 checks: 可以改为其他级别
（error、warning 或 off）。要让某条规则对下一段不报告，在段前写
<!-- folio:ignore 规则 -->；对整个文件不报告，写
<!-- folio:ignore-file 规则 -->。

规则：

%s
退出状态：0 没有错误，1 有错误（加 --strict 时有警告也算），2 用法有误。

选项：
`,
	`
Usage: folio serve [flags]

Build the publication into memory and serve it for preview, on loopback
unless --bind says otherwise. Every save under content/, layouts/ and
assets/ rebuilds what it changed and reloads the open pages; a build with
errors shows them in the page over the last good build until they are
fixed. Nothing is written to public/.

--bind 0.0.0.0 (or ::, or a network address) lets other machines open the
preview: folio prints the addresses they can use, and anyone on the
network can then read every page, drafts included. --open opens the
preview in the browser named by $BROWSER, or else the system's default.

Flags:
`: `
用法：folio serve [选项]

把出版物构建到内存中并提供预览，除非 --bind 另行指定，只在本机回环地址
上监听。content/、layouts/ 和 assets/ 下的每次保存都会重新构建改动的部分，
并刷新已打开的页面；构建出错时，错误显示在上一次成功构建的页面之上，
直到改正为止。不会写入 public/。

--bind 0.0.0.0（或 ::，或某个网络地址）让其他机器也能打开预览：folio 会
列出它们可用的地址，此时网络上的任何人都能阅读每一页，包括草稿。
--open 用 $BROWSER 指定的浏览器打开预览，未指定时用系统默认浏览器。

选项：
`,
	`
Usage:

	folio new site DIR [--title TITLE] [--subject PLACE]
	folio new chapter TITLE [--slug SLUG] [--in INSTALLMENT] [--src DIR]
	folio new installment TITLE --slug SLUG [--src DIR]

folio new site starts a publication in DIR, a folder that does not exist
yet or is empty: content/publication.yaml (its title, base_url, and every
other key as a comment saying what it does), content/index.md for the
cover, a first chapter, and content/data/indicators.yaml with an example
indicator in comments. It builds and checks clean as it is. The title
defaults to the folder's name; --subject names the place the publication
is about.

folio new chapter creates the next chapter, content/chapters/NN-SLUG.md,
numbered after the last chapter, with its front matter filled in (title,
label, weight) and draft: true: folio serve and folio build --drafts show
it, folio build leaves it out until draft: true is deleted. Its starter
text is reported by folio check --drafts until it is replaced. The slug
is the file name without its number and the page's address (/SLUG/); give
one with --slug, or the file is named chapter-NN. A title or slug another
chapter has is refused. In a series, --in names the installment.

folio new installment adds an installment to a series (a content folder
holding series.yaml): content/installments/SLUG/ with its
publication.yaml (title, weight after the last installment, draft: true,
the other keys as comments), index.md and a first chapter. The slug is
its address (/SLUG/) and how the other installments cite its data
({{SLUG:id}}): lower-case letters, digits and hyphens.

Flags:
`: `
用法：

	folio new site DIR [--title 标题] [--subject 地方]
	folio new chapter 标题 [--slug SLUG] [--in 篇] [--src DIR]
	folio new installment 标题 --slug SLUG [--src DIR]

folio new site 在 DIR（一个尚不存在或为空的文件夹）中创建出版物：
content/publication.yaml（写好标题和 base_url，其余每个键都以注释说明
用途）、封面用的 content/index.md、第一章，以及在注释中给出示例指标的
content/data/indicators.yaml。创建后即可无误地构建和检查。标题默认为
文件夹名；--subject 指出版物所写的地方。

folio new chapter 创建下一章 content/chapters/NN-SLUG.md，编号接在最后
一章之后，填好 front matter（title、label、weight）并标记 draft: true：
folio serve 和 folio build --drafts 会显示它，删去 draft: true 之前
folio build 不会发布它。在替换之前，folio check --drafts 会报告其中的
起始文字。slug 是去掉编号的文件名，也是页面地址（/SLUG/）；可用 --slug
指定，否则文件名为 chapter-NN。与已有章节重复的标题或 slug 会被拒绝。
在系列中，用 --in 指明章节所在的篇。

folio new installment 在系列（content 文件夹中有 series.yaml）中新增一
篇：content/installments/SLUG/，含 publication.yaml（写好标题、排在最后
一篇之后的 weight 和 draft: true，其余键以注释说明）、index.md 和第一章。
slug 是本篇的地址（/SLUG/），其他各篇也用它引用本篇的数据
（{{SLUG:id}}）：只能用小写字母、数字和连字符。

选项：
`,
	`
Usage: folio version

Print folio's version and the Go version it was built with.

`: `
用法：folio version

显示 folio 的版本，以及构建它所用的 Go 版本。

`,
	"the site `folder` holding content/":                                               "存放 content/ 的站点`文件夹`",
	"the output `folder` (default SRC/public)":                                         "输出`文件夹`（默认为 SRC/public）",
	"the absolute `URL` the site is served at, overriding publication.yaml's base_url": "网站发布处的绝对`网址`，优先于 publication.yaml 的 base_url",
	`include pages marked draft: true`:                                                 `包括标记为 draft: true 的页面`,
	`fail the build on warnings too`:                                                   `有警告也算构建失败`,
	`check afresh, without the memo of the last build in SRC/.cache/folio`:             `从头检查，不用 SRC/.cache/folio 中上次构建的记录`,
	`build afresh: neither read nor write SRC/.cache/folio (processed images, bundles) nor the preview's memo in the user cache folder`: `从头构建：不读也不写 SRC/.cache/folio（处理过的图片、脚本样式包），也不读写用户缓存文件夹中预览的记录`,
	`build afresh: neither read nor write SRC/.cache/folio (processed images, bundles, the memo of the last build)`:                     `从头构建：不读也不写 SRC/.cache/folio（处理过的图片、脚本样式包、上次构建的记录）`,
	"output `format`: text or json":      "输出`格式`：text 或 json",
	`check pages marked draft: true too`: `也检查标记为 draft: true 的页面`,
	`fail on warnings too`:               `有警告也算失败`,
	"the `language` of folio's messages, zh or en (default: from LC_ALL, LC_MESSAGES or LANG)":                  "folio 提示信息的`语言`，zh 或 en（默认取自 LC_ALL、LC_MESSAGES 或 LANG）",
	"the site `folder` holding content/ (new chapter)":                                                          "存放 content/ 的站点`文件夹`（new chapter）",
	"the chapter's or installment's `slug`: its address and file or folder name (new chapter, new installment)": "章节或篇的 `slug`：即地址和文件名或文件夹名（new chapter、new installment）",
	"the publication's `title`; default: the folder's name (new site)":                                          "出版物的`标题`，默认为文件夹名（new site）",
	"the `place` the publication is about, for subject: (new site)":                                             "出版物所写的`地方`，写入 subject:（new site）",
	"the `address` to listen on":                                                                                                                                 "监听的`地址`",
	"the `port` to listen on; 0 picks a free one":                                                                                                                "监听的`端口`；0 表示任选一个空闲端口",
	`show pages marked draft: true, with a 草稿 banner`:                                                                                                            `显示标记为 draft: true 的页面，并加“草稿”横幅`,
	`open the preview in a browser once it is ready ($BROWSER, or the system's default)`:                                                                         `预览就绪后在浏览器中打开（$BROWSER，或系统默认浏览器）`,
	"build a series as on `DATE` (YYYY-MM-DD): installments dated later are left out (default today)":                                                            "按`日期`（YYYY-MM-DD）构建系列：日期在其后的各篇不发布（默认今天）",
	`include a series' installments dated after today (or --now)`:                                                                                                `包括系列中日期在今天（或 --now）之后的各篇`,
	`--now: %q is not a date: write it as 2021-07-01`:                                                                                                            `--now：%q 不是日期，请写成 2021-07-01 的形式`,
	`indicator %q is defined here and for the whole series at %s: give one of them another id`:                                                                   `指标 %q 在此处定义，又在 %s 为整个系列定义：请给其中一个换个 id`,
	`link to %s: %s; it shows as plain text until a build publishes it`:                                                                                          `链接到 %s：%s；在构建发布它之前，链接只显示为文字`,
	`installment %s is a draft (draft: true)`:                                                                                                                    `%s 是草稿（draft: true）`,
	`installment %s is scheduled for %s`:                                                                                                                         `%s 定于 %s 发布`,
	"missing TITLE: folio new installment TITLE --slug SLUG":                                                                                                     "缺少标题：folio new installment 标题 --slug SLUG",
	"the `slug` of the installment of a series the chapter is in (new chapter)":                                                                                  "章节所在的系列中那一篇的 `slug`（new chapter）",
	"--in %s: %s holds a publication, not a series (no %s)":                                                                                                      "--in %s：%s 中是单本出版物，不是系列（没有 %s）",
	"%s holds a series: name the installment the chapter is in with --in SLUG":                                                                                   "%s 中是系列：请用 --in SLUG 指明章节所在的篇",
	"--in %s: no installment %s; folio new installment TITLE --slug %s makes it":                                                                                 "--in %s：没有 %s 这一篇；可用 folio new installment 标题 --slug %s 创建",
	`%s holds no %s: an installment belongs to a series (see "Series" in the README to turn a publication into one)`:                                             `%s 中没有 %s：篇属于系列（把出版物改为系列的方法见 README 的“Series”一节）`,
	"the installment needs a title":                                                                                                                              "这一篇需要标题",
	"missing --slug: the installment's address, e.g. --slug xinhua":                                                                                              "缺少 --slug：这一篇的地址，如 --slug xinhua",
	"--slug %q: use lower-case letters, digits and hyphens (other installments cite its data as {{%s:id}})":                                                      "--slug %q：只能用小写字母、数字和连字符（其他各篇以 {{%s:id}} 引用它的数据）",
	"%s already exists: give the new installment another --slug":                                                                                                 "%s 已存在：请给新的一篇换个 --slug",
	"%s already has the title %q: give the new installment another title":                                                                                        "%s 已经用了标题 %q：请给新的一篇换个标题",
	"The installment is a draft: folio serve shows it; delete draft: true in its publication.yaml, and give it a published: date, when it is ready.\n":           "这一篇是草稿：folio serve 会显示它；写好后删去其 publication.yaml 中的 draft: true，并写上 published: 发布日期。\n",
	"an installment is served at the series' base_url followed by its slug (%s/): remove its own base_url":                                                       "系列中的一篇发布在系列的 base_url 之下、以其 slug 为路径（%s/）：请删去本篇自己的 base_url",
	"bucket %s does not exist at %s: create it in the storage's console (or with its command-line tool), then deploy again":                                      "%[2]s 上没有存储桶 %[1]s：请先在存储服务的控制台（或用其命令行工具）创建，再重新部署",
	"the deploy would delete %d objects, more than --max-deletes %d: check that %s is the site to deploy and the bucket its own, then give --max-deletes %d":     "这次部署将删除 %d 个对象，超过 --max-deletes %d：请确认 %s 是要部署的网站、存储桶也是它的，再加上 --max-deletes %d",
	"%s changed while it was deployed: build, then deploy again":                                                                                                 "%s 在部署过程中被改动：请重新构建，再部署",
	"%q is not a URL: write it as s3://bucket?endpoint=https://…&region=…":                                                                                       "%q 不是网址：请写成 s3://bucket?endpoint=https://…&region=…",
	"the bucket URL holds a user name or password: remove it, and give the credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or in ~/.aws/credentials": "存储桶网址中含有用户名或密码：请删去，并用环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 或 ~/.aws/credentials 提供凭据",
	"the bucket URL holds a secret (%s=): remove it, and give the credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or in ~/.aws/credentials":          "存储桶网址中含有密钥（%s=）：请删去，并用环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 或 ~/.aws/credentials 提供凭据",
	"%q: folio deploys to S3-compatible storage, a URL starting s3://":                                                                                           "%q：folio 部署到兼容 S3 的对象存储，网址以 s3:// 开头",
	"%q names no bucket: write s3://BUCKET?…":                                                                                                                    "%q 没有指明存储桶：请写成 s3://存储桶名?…",
	"cannot reach the storage at %s: check endpoint= in the bucket URL and the network":                                                                          "无法连接 %s 上的存储服务：请检查存储桶网址中的 endpoint= 和网络",
	"the storage at %s refused the credentials (%s): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the profile in ~/.aws/credentials, and that the key may write to bucket %s": "%s 上的存储服务拒绝了凭据（%s）：请检查 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 或 ~/.aws/credentials 中的配置，以及该密钥能否写入存储桶 %s",
	"bucket %s is full (%s): free space or raise its quota, then deploy again (the objects already stored stay; the next deploy uploads the rest)":                                     "存储桶 %s 已满（%s）：请腾出空间或提高配额，再重新部署（已存入的对象保留，下次部署会上传其余文件）",
	"the storage at %s answered: %v":                                            "%s 上的存储服务答复：%v",
	"upload the built site to S3-compatible object storage, changed files only": "把构建好的网站上传到兼容 S3 的对象存储，只传改动的文件",
	"%s; nothing deployed":                                                      "%s；未部署任何文件",
	"%s names no deploy target: give --to URL, or add to it\n  deploy:\n    - name: oss\n      url: s3://BUCKET?endpoint=https://…&region=…": "%s 中没有部署目标：请用 --to 给出网址，或在其中加上\n  deploy:\n    - name: oss\n      url: s3://BUCKET?endpoint=https://…&region=…",
	"--target %s: %s has no such target; it has %s":                                      "--target %s：%s 中没有这个目标；现有目标为 %s",
	"%s %d/%d files, %s of %s":                                                           "%s %d/%d 个文件，%s / %s",
	"the built `folder` to deploy (default SRC/public)":                                  "要部署的构建结果`文件夹`（默认为 SRC/public）",
	"the deploy target `NAME` of publication.yaml (default its first)":                   "publication.yaml 中部署目标的`名称`（默认为第一个）",
	"the bucket `URL`, instead of a target: s3://BUCKET?endpoint=…&region=…":             "不用部署目标，直接给出存储桶`网址`：s3://BUCKET?endpoint=…&region=…",
	"print what would be uploaded and deleted, and change nothing":                       "只列出将上传和删除的文件，不做任何改动",
	"refuse a deploy that would delete more than `N` objects":                            "要删除的对象超过 `N` 个时拒绝部署",
	"store text files gzipped, with Content-Encoding: gzip":                              "文本文件以 gzip 压缩存储，并带 Content-Encoding: gzip",
	"give --to or --target, not both":                                                    "--to 和 --target 只能给出一个",
	"--to: %v":                                                                           "--to：%v",
	"%s holds no built site: run folio build first":                                      "%s 中没有构建好的网站：请先运行 folio build",
	"dry run: %d to upload, %d to delete, %d unchanged\n":                                "试运行：将上传 %d 个，删除 %d 个，%d 个未改动\n",
	"deployed: %d uploaded, %d deleted, %d unchanged\n":                                  "部署完成：上传 %d 个，删除 %d 个，%d 个未改动\n",
	"deploy: expected a list of targets, each with name: and url:":                       "deploy：应为目标列表，每项含 name: 和 url:",
	"a deploy target has no name: add \"name: …\", the name folio deploy --target takes": "部署目标没有名称：请加上“name: …”，即 folio deploy --target 所用的名称",
	"deploy target %q has no url: add \"url: s3://BUCKET?endpoint=…&region=…\"":          "部署目标 %q 没有网址：请加上“url: s3://BUCKET?endpoint=…&region=…”",
	"deploy target %q is named twice: first at %s":                                       "部署目标 %q 重名：第一次出现在 %s",
	"%q is not a pattern: write globs such as **.html or images/**":                      "%q 不是有效的匹配模式：请写成 **.html 或 images/** 这样的通配模式",
	"%q is not a pattern folio can read: %v":                                             "%q 不是 folio 能读的匹配模式：%v",
	`
Usage: folio deploy [--target NAME | --to URL] [flags]

Upload the built site (public/, or --out) to S3-compatible object storage:
AWS S3, Aliyun OSS, Tencent COS or a self-hosted server. The storage is a
target of deploy: in publication.yaml (series.yaml for a series), the
first one unless --target names another, or a bucket URL given as --to,
such as s3://BUCKET?endpoint=https://oss-cn-beijing.aliyuncs.com&region=cn-beijing.
Only new and changed files go up (each file's MD5 is compared with the
object's); objects the site no longer has are deleted after the uploads.
Styles, scripts and images go up before the pages that use them, the
pages before the feeds, sitemap and search index that list them, so a
reader never gets a page whose files are missing. Credentials come from
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or ~/.aws/credentials, never
from the URL. Run folio build first.

Exit status: 0 deployed, 1 the storage refused or failed, 2 usage errors.

Flags:
`: `
用法：folio deploy [--target 名称 | --to 网址] [选项]

把构建好的网站（public/，或 --out 指定的文件夹）上传到兼容 S3 的对象存储：
AWS S3、阿里云 OSS、腾讯云 COS 或自建的存储服务。存储位置取自
publication.yaml（系列则为 series.yaml）中 deploy: 下的目标，默认用第一个，
--target 可指定其他目标；也可以用 --to 直接给出存储桶网址，如
s3://BUCKET?endpoint=https://oss-cn-beijing.aliyuncs.com&region=cn-beijing。
只上传新增和改动的文件（逐个比较文件与对象的 MD5）；网站中已没有的对象在
上传完成后删除。样式、脚本和图片先于用到它们的页面上传，页面又先于列出
它们的订阅源、站点地图和搜索索引上传，读者因此不会打开缺少文件的页面。
凭据取自 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY 或 ~/.aws/credentials，
不从网址中读取。请先运行 folio build。

退出状态：0 部署成功，1 存储服务拒绝或出错，2 命令行用法有误。

选项：
`,
	"%s arrived altered (its MD5 in the bucket is %x, the file's %x): deploy again":                                      "%s 上传后内容有变（存储桶中的 MD5 为 %x，文件的为 %x）：请重新部署",
	"%s was uploaded but is not in the bucket's listing: deploy again":                                                   "%s 已上传，但不在存储桶的文件列表中：请重新部署",
	"upload or delete `N` files at once":                                                                                 "同时上传或删除 `N` 个文件",
	"--workers %d: give at least 1":                                                                                      "--workers %d：至少为 1",
	"write another edition: folio export wechat, each chapter ready for the 公众号 editor":                                  "写出另一种版本：folio export wechat，每章都可直接粘贴到公众号编辑器",
	"wrote %d WeChat article into %s: open %s":                                                                           "已把 %d 篇公众号文章写入 %s：请打开 %s",
	"wrote %d WeChat articles into %s: open %s":                                                                          "已把 %d 篇公众号文章写入 %s：请打开 %s",
	"--out %s: the WeChat edition goes beside %s, not in it (it would be published with the site) nor around it":         "--out %s：公众号版应放在 %s 旁边，不能放在其中（否则会随网站一起发布），也不能包住它",
	"name what to export: folio export wechat":                                                                           "请指明要导出什么：folio export wechat",
	"folio export %s: folio exports wechat (the 公众号 edition)":                                                            "folio export %s：folio 只导出 wechat（公众号版）",
	"the `folder` of the WeChat edition (default SRC/wechat)":                                                            "公众号版的`文件夹`（默认为 SRC/wechat）",
	"the absolute `URL` the site is published at, overriding publication.yaml's base_url":                                "网站发布所在的绝对`网址`，优先于 publication.yaml 的 base_url",
	"image %s is %.1f MB, over the %d MB WeChat takes: make it smaller (fewer pixels, or a JPEG for a photo)":            "图片 %s 有 %.1f MB，超过公众号允许的 %d MB：请缩小（减少像素，照片可改存为 JPEG）",
	"the chapter's WeChat article has %d characters, over the %d the 公众号 editor takes: split the chapter, or shorten it": "本章的公众号文章有 %d 字，超过公众号编辑器允许的 %d 字：请拆分或删减",
	"the WeChat edition needs the site's address for its images and links: set base_url to the address the site is published at (https://…/), or pass --base-url": "公众号版的图片和链接需要网站地址：请把 base_url 设为网站发布的地址（https://…/），或使用 --base-url",
	"base_url is http://: WeChat fetches the articles' images from it, and readers' phones refuse plain http links; publish the site at an https:// address":      "base_url 是 http:// 地址：公众号从这里抓取图片，读者的手机也会拒绝打开 http 链接；请把网站发布在 https:// 地址上",
	`
Usage: folio export wechat [flags]

Build the publication as folio build does, then write its WeChat edition:
for each chapter a page with the article as the 公众号 editor keeps it
(every element styled inline, images and links at the published site's
addresses, links to other sites numbered at the end, charts as styled
blocks) and a button that copies it. Open OUT/index.html, copy a chapter,
and paste it into the editor. The images must be published first: the
editor fetches them from base_url.

Exit status: 0 written, 1 content errors (nothing written), 2 usage errors.

Flags:
`: `
用法：folio export wechat [选项]

先像 folio build 一样构建出版物，再写出它的公众号版：每章一页，页中是
公众号编辑器能保留的正文（每个元素都带内联样式，图片和链接指向已发布网站
的地址，其他网站的链接在文末编号列出，图表画成带样式的色块），以及一个
复制按钮。打开 OUT/index.html，复制某一章，粘贴到编辑器中即可。图片须先
发布：编辑器从 base_url 抓取图片。

退出状态：0 写出成功，1 内容有错误（什么都不写），2 命令行用法有误。

选项：
`,
	"image %s is %s, which the 公众号 editor does not take: give it as a PNG or JPEG": "图片 %s 是 %s 格式，公众号编辑器不接受：请改用 PNG 或 JPEG",
}
