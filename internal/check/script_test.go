package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"folio/internal/benchgen"
	"folio/internal/diag"
	"folio/internal/frontmatter"
	"folio/internal/indicator"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
)

// scriptBlocks converts Markdown (as t.md) and returns its blocks.
func scriptBlocks(t testing.TB, md string, data *indicator.Set) []*Block {
	t.Helper()
	src := []byte(md)
	source := diag.NewSource("t.md", src)
	env := &mdenv.Env{RelPath: "chapters/t.md", URL: "t/", Data: data, Pos: source.Pos, Diags: &diag.List{}}
	res, err := markdown.New(markdown.Options{}).Convert(src, env)
	if err != nil {
		t.Fatal(err)
	}
	return Blocks(&Page{Doc: res.Doc, Source: res.Source, Pos: source.Pos})
}

func TestTraditionalInSimplified(t *testing.T) {
	for _, tc := range []struct {
		name, md string
		allow    []string
		want     []string // each diagnostic's characters and what to write: "國→国"
		note     string   // what the first one's message also says
	}{
		{name: "party name", md: "庆祝中國共产党成立一百周年。", want: []string{"國→国"}},
		{name: "simplified", md: "庆祝中国共产党成立一百周年。"},
		{name: "two places", md: "召开會议，推动發展。", want: []string{"會→会", "發→发"}},
		{name: "adjacent characters reported together", md: "召开會議，研究发展。", want: []string{"會議→会议"}},
		{name: "whole phrase", md: "中國共產黨成立一百週年。", want: []string{"國→国", "產黨→产党", "週→周"}},
		{name: "quoted traditional text is still flagged", md: "他在信中写道：“這是我們共同的家。”", want: []string{"這→这", "們→们"}},
		{name: "heading", md: "## 經济发展", want: []string{"經→经"}},
		{name: "list item", md: "- 推动經济发展", want: []string{"經→经"}},
		{name: "table cell", md: "| 指标 | 數值 |\n| --- | --- |\n| 产值 | 5 |", want: []string{"數→数"}},
		// Characters simplified text uses too.
		{name: "乾 in 乾坤", md: "扭转乾坤，康乾盛世，乾隆年间。"},
		{name: "乾 as 干 is left to the editor", md: "天气乾燥。"},
		{name: "著 in 著名", md: "著名作家来到园区。"},
		{name: "徵 in music", md: "宫商角徵羽是五声音阶。"},
		{name: "於 as a surname", md: "於先生来到园区。"},
		{name: "瞭 in 瞭望", md: "登上瞭望塔远眺。"},
		{name: "藉 in 慰藉", md: "这是莫大的慰藉。"},
		{name: "variant OpenCC lists as simplified", md: "文化底藴深厚。"},
		// Traditional-only characters a phrase keeps.
		{name: "哪吒", md: "哪吒闹海的故事家喻户晓。"},
		{name: "毕昇", md: "毕昇发明了活字印刷术。"},
		// Shared characters OpenCC's phrases convert where they stand.
		{name: "瞭 in 瞭解", md: "据瞭解，项目已开工。", want: []string{"瞭→了"}, note: "as in “据了解”"},
		{name: "藉 in 藉此", md: "藉此机会表示感谢。", want: []string{"藉→借"}},
		{name: "彷 in 彷佛", md: "一切彷佛就在昨天。", want: []string{"彷→仿"}},
		{name: "彷 in 彷徨", md: "他没有彷徨。"},
		{name: "覆 in 覆上", md: "苗床上覆上一层薄膜。"},
		{name: "覆 in 覆盖", md: "森林覆盖率达到72.4%。"},
		// One traditional form, two simplified ones: a phrase decides, or
		// the message names both.
		{name: "畫 in 计畫", md: "制定五年计畫。", want: []string{"畫→划"}},
		{name: "畫 in 計畫", md: "制定五年計畫。", want: []string{"計畫→计划"}},
		{name: "畫 alone", md: "一幅畫。", want: []string{"畫→画"}, note: "“畫” is “划” in some senses"},
		{name: "餘 names its other form", md: "剩餘资金。", want: []string{"餘→余"}, note: "“餘” is “馀” in some senses"},
		// Names the publication allows.
		{name: "allowed name", md: "邀请王國華同志发言。", allow: []string{"王國華"}},
		{name: "name not allowed", md: "邀请王國華同志发言。", want: []string{"國華→国华"}},
		{name: "allowed name elsewhere", md: "邀请王國華同志发言，會议开始。", allow: []string{"王國華"}, want: []string{"會→会"}},
		{name: "allowed word", md: "参观故宮博物院。", allow: []string{"故宮"}},
		// Not Chinese copy, or silenced.
		{name: "latin paragraph", md: "The word 國 appears in this English sentence about the country."},
		{name: "silenced", md: "<!-- folio:ignore traditional-in-simplified -->\n中國共产党。"},
		{name: "silenced for the file", md: "<!-- folio:ignore-file traditional-in-simplified -->\n\n中國共产党。\n\n發展。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			for _, b := range scriptBlocks(t, tc.md, nil) {
				TraditionalInSimplified(b, tc.allow, &diags)
			}
			got := diags.Items()
			if len(got) != len(tc.want) {
				t.Fatalf("%q: %d diagnostics, want %d: %v", tc.md, len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				d := got[i]
				if d.Rule != "traditional-in-simplified" || d.Severity != diag.Warning {
					t.Errorf("rule %s %v", d.Rule, d.Severity)
				}
				trad, simple, _ := strings.Cut(w, "→")
				if !strings.Contains(d.Message, " “"+trad+"” in simplified") || !strings.Contains(d.Message, "write “"+simple+"”") {
					t.Errorf("%q: message %q, want %s → %s", tc.md, d.Message, trad, simple)
				}
			}
			if tc.note != "" && !strings.Contains(got[0].Message, tc.note) {
				t.Errorf("%q: message %q does not say %s", tc.md, got[0].Message, tc.note)
			}
		})
	}
}

// The message says what to write and how to allow a name, at the
// character.
func TestTraditionalInSimplifiedMessage(t *testing.T) {
	var diags diag.List
	for _, b := range scriptBlocks(t, "前言\n\n庆祝中國共产党成立。\n", nil) {
		TraditionalInSimplified(b, nil, &diags)
	}
	items := diags.Items()
	if len(items) != 1 {
		t.Fatalf("%v", items)
	}
	want := "traditional form “國” in simplified Chinese text: write “国”, or if it is part of a name, add the name to checks: allow: in publication.yaml"
	if items[0].Message != want {
		t.Errorf("message %q\nwant %q", items[0].Message, want)
	}
	if got := items[0].Pos.String(); got != "t.md:3:4" {
		t.Errorf("at %s, want t.md:3:4", got)
	}
}

// TestTraditionalExceptionsAreOpenCCs: the characters the rule leaves
// alone because OpenCC's s2t data lists them as simplified characters
// are exactly those, in the package's data (loading it takes 150 ms,
// which a check does not spend).
func TestTraditionalExceptionsAreOpenCCs(t *testing.T) {
	chars, _, err := openccT2S()
	if err != nil {
		t.Fatal(err)
	}
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	stKeys := map[rune]bool{}
	for _, g := range s2t.DictChains {
		for i, d := range g.Dicts {
			if g.Files[i] != "STCharacters.ocd2" {
				continue
			}
			for _, id := range d.Trie.PrefixPredict(nil, 0) {
				key, err := d.Trie.Key(id)
				if err != nil {
					t.Fatal(err)
				}
				r, _ := utf8.DecodeRune(key)
				stKeys[r] = true
			}
		}
	}
	if len(stKeys) < 3000 {
		t.Fatalf("only %d STCharacters keys", len(stKeys))
	}
	values := map[rune]bool{}
	for _, vals := range chars {
		for _, v := range vals {
			values[v] = true
		}
	}
	var want []rune
	for k := range chars {
		if !values[k] && stKeys[k] {
			want = append(want, k)
		}
	}
	slices.Sort(want)
	got := []rune(stSimplifiedKeys)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("stSimplifiedKeys = %q, the data gives %q", string(got), string(want))
	}
}

// TestTraditionalData: the data loads, flags the characters it should,
// and never suggests a character it would flag.
func TestTraditionalData(t *testing.T) {
	tc := loadTraditional()
	if tc.err != nil {
		t.Fatal(tc.err)
	}
	if len(tc.simple) < 3000 {
		t.Errorf("only %d traditional characters", len(tc.simple))
	}
	for _, r := range "國會議發展經濟實現麼餘鍾畫" {
		if (r == '展') == tc.has(r) {
			t.Errorf("has(%c) = %v", r, tc.has(r))
		}
	}
	for _, r := range "国会议发展经济实现么余钟画乾著徵於夥祇麽了的是在一中" {
		if _, trad := tc.simple[r]; trad {
			t.Errorf("%c is taken for a traditional-only character", r)
		}
	}
	for r, simple := range tc.simple {
		for _, s := range simple {
			if _, trad := tc.simple[s]; trad {
				t.Errorf("%c: suggests %c, itself flagged", r, s)
			}
		}
	}
	for r, ps := range tc.phrases {
		for _, p := range ps {
			// A phrase may keep a traditional-only character (哪吒).
			if _, trad := tc.simple[p.to]; trad && p.to != r || p.text[p.at] != r {
				t.Errorf("%c: phrase %q gives %c", r, string(p.text), p.to)
			}
		}
	}
}

// TestTraditionalLoadTime: loading the data once is cheap enough to do
// on the first paragraph of a check.
func TestTraditionalLoadTime(t *testing.T) {
	start := time.Now()
	tc := buildTraditional()
	took := time.Since(start)
	t.Logf("OpenCC t2s data: %d traditional characters, %d phrase characters, loaded in %v", len(tc.simple), len(tc.phrases), took)
	if took > 2*time.Second {
		t.Errorf("loading took %v", took)
	}
}

// scriptContentDirs are publications that must stay clean: the sample, and the
// shared corpus of real copy when it is there.
var scriptContentDirs = []string{
	filepath.Join("..", "..", "content"),
	filepath.Join("..", "..", "..", "shared", "copy-corpus", "content"),
}

// TestScriptRulesOnPublications: neither new rule fires on the sample or
// the shared corpus, their Markdown or their front matter and data.
func TestScriptRulesOnPublications(t *testing.T) {
	tc := loadTraditional()
	for _, dir := range scriptContentDirs {
		if _, err := os.Stat(dir); err != nil {
			t.Logf("%s: %v", dir, err)
			continue
		}
		var loadDiags diag.List
		data := indicator.Load(dir, "content", &loadDiags)
		files := 0
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			// Any text file, Markdown or front matter or data: no
			// traditional form anywhere.
			if !utf8.Valid(raw) {
				return nil // an image
			}
			for i, r := range string(raw) {
				if _, trad := tc.simple[r]; trad {
					t.Errorf("%s: traditional form %c at byte %d", path, r, i)
				}
			}
			if !strings.HasSuffix(path, ".md") {
				return nil
			}
			files++
			_, _, body, _, _ := frontmatter.Split(raw)
			var diags diag.List
			for _, b := range scriptBlocks(t, string(body), data) {
				TraditionalInSimplified(b, nil, &diags)
				ConfusableWord(b, &diags)
			}
			for _, d := range diags.Items() {
				t.Errorf("%s: %s: %s", path, d.Rule, d.Message)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d Markdown files checked", dir, files)
		if files == 0 {
			t.Errorf("%s: no Markdown files", dir)
		}
	}
}

// scriptBenchBlocks are the blocks of 100 generated chapters.
func scriptBenchBlocks(b *testing.B) [][]*Block {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]*Block
	for _, c := range chapters {
		pages = append(pages, Blocks(&Page{Doc: c.Result.Doc, Source: c.Result.Source, Pos: c.Env.Pos}))
	}
	return pages
}

// BenchmarkTraditionalInSimplified100 is the rule over 100 generated
// chapters, the data loaded beforehand; ns/op divided by 100 is its cost
// a page.
func BenchmarkTraditionalInSimplified100(b *testing.B) {
	pages := scriptBenchBlocks(b)
	loadTraditional()
	var diags diag.List
	for b.Loop() {
		for _, blocks := range pages {
			for _, bl := range blocks {
				TraditionalInSimplified(bl, []string{"王國華"}, &diags)
			}
		}
	}
	if diags.Len() != 0 {
		b.Errorf("diagnostics on generated chapters: %v", diags.Items()[:1])
	}
}

// BenchmarkTraditionalLoad is loading OpenCC's t2s data and making the
// rule's tables from it.
func BenchmarkTraditionalLoad(b *testing.B) {
	for b.Loop() {
		buildTraditional()
	}
}
