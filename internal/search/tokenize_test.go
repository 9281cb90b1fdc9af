package search

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	for in, want := range map[string]string{
		"一段简单":           "一 段 一段 简 段简 单 简单",
		"GDP增速5.3%":      "gdp 增 速 增速 5 3",
		"ＧＤＰ":            "gdp",
		"尼龙新材料，产业园":      "尼 龙 尼龙 新 龙新 材 新材 料 材料 产 业 产业 园 业园",
		"Hello, World 2": "hello world 2",
		"":               "",
	} {
		if got := strings.Join(Tokens(in), " "); got != want {
			t.Errorf("Tokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQueryTokens(t *testing.T) {
	for in, want := range map[string]string{
		"段简":     "段简",
		"尼龙":     "尼龙",
		"帮办代办":   "帮办 办代 代办",
		"尼":      "尼",
		"GDP":    "gdp",
		"园区 GDP": "园区 gdp",
	} {
		if got := strings.Join(QueryTokens(in), " "); got != want {
			t.Errorf("QueryTokens(%q) = %q, want %q", in, got, want)
		}
	}
}
