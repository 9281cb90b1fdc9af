package check_test

import (
	"testing"

	"folio/internal/check"
)

// English words left in Chinese text are flagged; the Latin letters that
// Chinese copy writes on purpose are not.
func TestStrayLatinLeftovers(t *testing.T) {
	runProseCases(t, "stray-latin", []proseCase{
		{md: "镇里推动信息互通and资源共享，群众办事更方便了。", want: 1},
		{md: "全镇上下形成了the干事创业的浓厚氛围。", want: 1},
		{md: "坚持共建with共享，让发展成果惠及全体村民。", want: 1},
		{md: "这是一个很 nice 的开端。", want: 1},
		{md: "他们把项目of重点放在了产业升级上。", want: 1},
		{md: "各部门要融入in the发展大局。", want: 2},
		{md: "The新建的文化中心已经投入使用。", want: 1},
		{md: "园区引进了Zentrix物流基地。", want: 0}, // a capitalised name
		{md: "园区引进了zentrix物流基地。", want: 1},
		{md: "## 推进数据共享and业务协同", want: 1},
	})
}

func TestStrayLatinTermsAndNames(t *testing.T) {
	runProseCases(t, "stray-latin", []proseCase{
		// Acronyms, grades, ratings, markets.
		{md: "古镇成功创建国家AAAA级旅游景区，另有3处4A级景区。"},
		{md: "项目采用PPP模式建设，污水处理厂按EPC总承包方式施工。"},
		{md: "出水水质稳定达到一级A标准。"},
		{md: "区属国有公司主体信用评级提升至AA+，并在A股市场完成再融资。"},
		{md: "全社会R&D经费投入强度达到2.8%。"},
		{md: "公司CEO在发布会上介绍了新产品。"},
		{md: "BOT、TOT等模式在基础设施建设中得到应用。"},
		// Words with digits, units.
		{md: "全区建成5G基站1200个，PM2.5平均浓度继续下降。"},
		{md: "新建绿道全长12km，年发电量约3000kWh，压力达到1.6MPa。"},
		{md: "土壤pH值保持在6.5左右。"},
		// Names in CamelCase and in brackets, quoted terms, phrases.
		{md: "车间为iPhone等智能手机生产精密结构件。"},
		{md: "市民可以通过微信（WeChat）小程序预约。"},
		{md: "公司已成为京东方（BOE）等面板企业的核心供应商。"},
		{md: "国内生产总值（gross domestic product）是衡量经济规模的指标。"},
		{md: "园区提出了“smart park”的建设理念。"},
		{md: "企业在展会上打出了Made in China的标语。"},
		{md: "宣传片以Smart City为主题。"},
		{md: "展厅里摆放着新款Mate 40手机，电脑预装了Windows 10系统。"},
		// Known terms and the glossary.
		{md: "公共场所实现Wi-Fi全覆盖，“青溪通”App上线后广受欢迎。"},
		{md: "扫码下载app即可办理。"},
		{md: "园区引进了zentrix物流基地。", opts: check.Options{Glossary: []string{"zentrix"}}},
		// Addresses.
		{md: "来信请寄qingxi@example.cn，或登录www.example.gov.cn留言。"},
		// Single letters: variables, grades, model names.
		{md: "按照A类、B类两档分别补助，x轴表示年份。"},
		// Not Chinese text.
		{md: "This paragraph is in English, with one 中文 word."},
		{md: "<!-- folio:ignore stray-latin -->\n镇里推动信息互通and资源共享。"},
	})
}
