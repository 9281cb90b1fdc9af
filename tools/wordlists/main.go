// Command wordlists derives the data folio's repeated-word check embeds
// from the zh data of github.com/go-ego/gse v0.80.3 (from jieba; MIT and
// Apache-2.0):
//
//	go run ./tools/wordlists -gse "$(go env GOMODCACHE)/github.com/go-ego/gse@v0.80.3" -out internal/check/words
//
// It writes two files:
//
//   - dict.txt, the segmenter's dictionary: the words of two characters or
//     more of data/dict/zh/s_1.txt with their frequencies, sorted, one
//     "word frequency [class]" a line. gse's whole dictionary (352,000
//     entries, 5 MB) takes two seconds to load into its trie, longer than
//     checking a whole book; this one is read in place, without loading
//     (internal/check/segment.go). To keep it small it leaves out the
//     words below -min-freq, which seldom decide a doubling (the check
//     finds the same on its test texts with -min-freq 20 or 50; at 100 it
//     starts to cut words it knew apart), but keeps whatever their
//     frequency the words with a doubling inside (常常, 量量, 党委委员,
//     一笔笔), which make a doubling correct, and 一 with a measure word
//     (一撮) and sounds (嘎吱), whose reduplications are. It leaves out
//     the AA of a conjunction or particle (了了): rare classical uses that
//     would hide a slip.
//     The class is v for a verb (研究: its ABAB 研究研究 is correct), or
//     for a word the dictionary shows in the tentative form AB一下 whatever
//     its tag (商量, tagged a noun: 商量一下, so 商量商量), m for a numeral
//     with its measure word (一件: 件件 and 一件件 are), o for a sound or
//     an interjection (嘎吱嘎吱), p for a personal name (杨荣: a surname
//     and a given name, not a word ending in a copy), empty otherwise. The
//     one-character lines only give a class: v for the verbs the
//     dictionary shows reduplicated, as X一X, X了X or XX看 (说一说,
//     找找看), whose AA is correct (说说, 找找) even where it is not
//     listed; f for the prepositions, conjunctions and particles (把, 和,
//     的), which are no measure word doubled (把把) even where 一X is one
//     (一把).
//   - chars.txt, three sets of characters, one line each:
//     bound: the characters that are rarely a word on their own in running
//     text, less than once in -min-free of their occurrences (委, 部, 们;
//     not 在, 会, 都), from the emission probabilities of gse's HMM
//     (hmm/prob_emit.go: how likely a character is as a one-character
//     word, S, or as the beginning, middle or end of a longer one). A copy
//     of such a character left standing alone after a word that ends with
//     it (市委委书记) is a stray; a character the model does not know is
//     taken as free, so that a rare one is never flagged for it.
//     abb: the doubled endings of adjectives of the ABB kind that make
//     more than one such word in the dictionary but are no word alone
//     (乎乎 of 黑乎乎, 胖乎乎): the pattern is productive, and 嫩乎乎 is
//     correct though not listed.
//     name: the characters that end -min-names place or organisation
//     names or more (县, 区, 村, 局, 委): one standing alone may close a
//     name the dictionary cannot know (柳湾村|村党支部).
//     surname: the characters that begin -min-surname three-character
//     personal names or more (杨, 王, 欧): a character doubled after one,
//     beside a role word (记者, 书记, 说) or in a byline, is a given name
//     (记者杨荣荣).
//
// The header of each file records the flags. -min-surname was added with
// the surname set (10: the set then holds 242 of 253 common surnames, and
// characters that begin foreign names and nicknames, 阿, 小, which the
// check's context makes harmless); dict.txt's header gained the
// "# min-freq" line, which the check reads.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	gse := flag.String("gse", "", "the gse module's folder")
	out := flag.String("out", "internal/check/words", "the folder to write the lists to")
	minFreq := flag.Int("min-freq", 50, "lowest frequency of a word kept, unless it has a doubling inside")
	minFree := flag.Float64("min-free", 0.15, "share of a character's occurrences as a word alone below which it is bound")
	minNames := flag.Int("min-names", 100, "how many place or organisation names a character must end to count as a name's ending")
	minSurname := flag.Int("min-surname", 10, "how many three-character personal names a character must begin to count as a surname")
	commonEnd := flag.Int("common-end", 1000, "frequency of a word whose last character, beginning a proper name, keeps the name whatever its frequency")
	flag.Parse()
	if *gse == "" {
		fail(fmt.Errorf("-gse is required"))
	}
	header := fmt.Sprintf("# Derived by tools/wordlists from the zh data of github.com/go-ego/gse v0.80.3 (from jieba;\n# MIT and Apache-2.0 licences); regenerate with\n#   go run ./tools/wordlists -gse \"$(go env GOMODCACHE)/github.com/go-ego/gse@v0.80.3\" -min-freq %d -min-free %g -min-names %d -min-surname %d -common-end %d -out internal/check/words\n", *minFreq, *minFree, *minNames, *minSurname, *commonEnd)

	entries, err := readDictionary(filepath.Join(*gse, "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		fail(err)
	}
	lines, total := dictionary(entries, *minFreq, *commonEnd)
	// The total is of the whole dictionary the frequencies are shares of,
	// so that a word's probability is the one gse gives it.
	write(filepath.Join(*out, "dict.txt"), header+fmt.Sprintf("# Words of two characters or more, frequency >= %d but for those with a doubling inside, 一 with a\n# measure word and sounds, and\n# proper names of 2 to 4 characters beginning with the last of a word of frequency >= %d; one-character\n# verbs seen reduplicated (v), prepositions and particles (f); personal names (p).\n# min-freq %d\n# total %d\n", *minFreq, *commonEnd, *minFreq, total)+strings.Join(lines, "\n")+"\n")

	bound, err := boundChars(filepath.Join(*gse, "hmm", "prob_emit.go"), *minFree)
	if err != nil {
		fail(err)
	}
	abb := abbEndings(entries)
	names := nameEndings(entries, *minNames)
	surnames := surnameChars(entries, *minSurname)
	write(filepath.Join(*out, "chars.txt"), header+fmt.Sprintf(`# bound: characters that are a word alone in less than %g of their occurrences.
# abb: doubled endings of two ABB words or more that are no word alone.
# name: characters that end %d place or organisation names or more.
# surname: characters that begin %d three-character personal names or more.
bound %s
abb %s
name %s
surname %s
`, *minFree, *minNames, *minSurname, string(bound), strings.Join(abb, ""), string(names), string(surnames)))
	fmt.Printf("%d words, %d bound characters, %d ABB endings, %d name endings, %d surnames\n", len(lines), len(bound), len(abb), len(names), len(surnames))
}

type entry struct {
	word []rune
	freq int
	tag  string
}

// readDictionary reads the Han words of a "word frequency tag" file as
// gse loads it: a word's first entry, none below frequency 2.
func readDictionary(path string) (map[string]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries := map[string]entry{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		w := []rune(fields[0])
		freq, err := strconv.Atoi(fields[1])
		if _, seen := entries[fields[0]]; err != nil || freq < 2 || !allHan(w) || seen {
			continue
		}
		entries[fields[0]] = entry{w, freq, fields[2]}
	}
	return entries, sc.Err()
}

func dictionary(entries map[string]entry, minFreq, commonEnd int) (lines []string, total int) {
	ends := commonEndings(entries, commonEnd)
	for word, e := range entries {
		if len(e.word) == 1 {
			total += 2 // gse counts every single character as 2
			switch {
			case e.tag == "v" && reduplicable(word, entries):
				lines = append(lines, word+" "+strconv.Itoa(e.freq)+" v")
			case function(e.tag):
				lines = append(lines, word+" "+strconv.Itoa(e.freq)+" f")
			}
			continue
		}
		total += e.freq
		class := ""
		switch e.tag {
		case "v", "vn", "vd", "vi":
			class = "v"
		case "m":
			class = "m"
		case "o", "e", "y":
			class = "o"
		case "nr", "nrfg":
			class = "p"
		}
		if len(e.word) == 2 && tentative(word, entries) {
			class = "v" // 商量, tagged a noun, but 商量一下
		}
		measure := class == "m" && len(e.word) == 2 && e.word[0] == '一'
		if e.freq < minFreq && !hasDoubling(e.word) && !measure && class != "o" && !nameAfterWord(e, ends) {
			continue
		}
		if len(e.word) == 2 && e.word[0] == e.word[1] && neverDoubled(entries[string(e.word[:1])].tag) {
			continue
		}
		line := word + " " + strconv.Itoa(e.freq)
		if class != "" {
			line += " " + class
		}
		lines = append(lines, line)
	}
	// Sorted by the word's bytes, as the check's binary search expects; a
	// space sorts before any Han character, so 研究 comes before 研究生.
	slices.Sort(lines)
	return lines, total
}

// commonEndings are the last characters of the words of two characters or
// more of frequency min or more (习 of 学习).
func commonEndings(entries map[string]entry, min int) map[rune]bool {
	ends := map[rune]bool{}
	for _, e := range entries {
		if len(e.word) > 1 && e.freq >= min {
			ends[e.word[len(e.word)-1]] = true
		}
	}
	return ends
}

// nameAfterWord: e is a proper name of two to four characters, of a
// person known by full name, a place, an organisation or anything else
// named (nrfg, nrt, ns, nt, nz: 习近平), that begins with a character
// ending common words (学习|习近平). A name is rare in the dictionary's
// counts but common in the texts that name it; below the frequency floor
// its first character would be left standing alone after the word, and
// flagged. The dictionary's many given names and nicknames (nr) stay out:
// they are a third of its entries, and 2 MB with the rest.
func nameAfterWord(e entry, ends map[rune]bool) bool {
	switch e.tag {
	case "nrfg", "nrt", "ns", "nt", "nz":
		return len(e.word) <= 4 && ends[e.word[0]]
	}
	return false
}

// function: the tag is of a preposition, a conjunction or a particle
// (把, 和, 的, 了).
func function(tag string) bool {
	return tag == "p" || neverDoubled(tag)
}

// neverDoubled: the tag is of a conjunction or a structural or aspect
// particle (和, 的, 了), which never reduplicate: the dictionary's rare
// 了了 (classical) would hide the slip it almost always is in print. A
// preposition may, as the verb it also is (对对数字, 用用看).
func neverDoubled(tag string) bool {
	switch tag {
	case "c", "uj", "ul", "uz", "ud", "ug", "uv":
		return true
	}
	return false
}

// reduplicable: the dictionary has the one-character verb v as X一X, X了X,
// X了一X or XX看, the forms only a verb that reduplicates takes.
func reduplicable(v string, entries map[string]entry) bool {
	for _, form := range []string{v + "一" + v, v + "了" + v, v + "了一" + v, v + v + "看"} {
		if _, ok := entries[form]; ok {
			return true
		}
	}
	return false
}

// tentative: the dictionary has the two-character word w as w一下 (商量一下,
// 讨论一下), the tentative form of a verb, whose other tentative form is
// its ABAB (商量商量): a verb, whatever its tag.
// Not 一下 itself, a numeral and its measure word (一下一下).
func tentative(w string, entries map[string]entry) bool {
	_, ok := entries[w+"一下"]
	return ok && !strings.HasPrefix(w, "一")
}

// abbEndings are the BB of the ABB words (黑乎乎) that end two words or
// more and are no word themselves.
//
// An ABB word is tagged as describing: a state (z), an adjective, an
// adverb, a sound, an idiom; not a name or a noun (沙市市, 来发发).
var descriptive = []string{"z", "a", "ad", "an", "d", "o", "i", "l"}

func abbEndings(entries map[string]entry) []string {
	heads := map[string]int{}
	for _, e := range entries {
		w := e.word
		if len(w) == 3 && w[1] == w[2] && w[0] != w[1] && slices.Contains(descriptive, e.tag) {
			heads[string(w[1:])]++
		}
	}
	var suffixes []string
	for bb, n := range heads {
		if _, word := entries[bb]; n >= 2 && !word {
			suffixes = append(suffixes, bb)
		}
	}
	slices.Sort(suffixes)
	return suffixes
}

// nameEndings are the characters that end at least min place or
// organisation names (tagged ns, nt): 县, 区, 村, 局, 委.
func nameEndings(entries map[string]entry, min int) []rune {
	count := map[rune]int{}
	for _, e := range entries {
		if len(e.word) > 1 && (e.tag == "ns" || e.tag == "nt") {
			count[e.word[len(e.word)-1]]++
		}
	}
	var endings []rune
	for r, n := range count {
		if n >= min {
			endings = append(endings, r)
		}
	}
	slices.Sort(endings)
	return endings
}

// surnameChars are the characters that begin at least min three-character
// personal names (tagged nr): a surname and a given name of two
// characters, or of one doubled (黄依依). The dictionary's names count
// foreign ones and nicknames too (阿, 小), so the set holds characters that
// are no surname; the check asks for a name only beside a role word
// (记者, 书记) or in a byline.
func surnameChars(entries map[string]entry, min int) []rune {
	count := map[rune]int{}
	for _, e := range entries {
		if len(e.word) == 3 && e.tag == "nr" {
			count[e.word[0]]++
		}
	}
	var surnames []rune
	for r, n := range count {
		if n >= min {
			surnames = append(surnames, r)
		}
	}
	slices.Sort(surnames)
	return surnames
}

// boundChars reads the HMM's emission log-probabilities, P(char | state),
// and keeps the Han characters whose P(S | char) is below min. The states'
// shares of running text are the stationary distribution of the model's
// transitions (B→E .60, B→M .40, E→B .555, E→S .445, M→E .716,
// M→M .284, S→B .486, S→S .514).
func boundChars(path string, min float64) ([]rune, error) {
	emit, err := emissions(path)
	if err != nil {
		return nil, err
	}
	share := stationary()
	var bound []rune
	for _, probs := range emit {
		for r := range probs {
			if slices.Contains(bound, r) || !unicode.Is(unicode.Han, r) {
				continue
			}
			all, alone := 0.0, 0.0
			for state, probs := range emit {
				if p, ok := probs[r]; ok {
					all += math.Exp(p) * share[state]
				}
			}
			if p, ok := emit['S'][r]; ok {
				alone = math.Exp(p) * share['S']
			}
			if alone/all < min {
				bound = append(bound, r)
			}
		}
	}
	slices.Sort(bound)
	return bound, nil
}

func stationary() map[byte]float64 {
	trans := map[byte]map[byte]float64{
		'B': {'E': -0.510825623765990, 'M': -0.916290731874155},
		'E': {'B': -0.5897149736854513, 'S': -0.8085250474669937},
		'M': {'E': -0.33344856811948514, 'M': -1.2603623820268226},
		'S': {'B': -0.7211965654669841, 'S': -0.6658631448798212},
	}
	p := map[byte]float64{'B': .25, 'E': .25, 'M': .25, 'S': .25}
	for range 200 {
		q := map[byte]float64{}
		for from, to := range trans {
			for s, lp := range to {
				q[s] += p[from] * math.Exp(lp)
			}
		}
		p = q
	}
	return p
}

// emissions parses prob_emit.go's assignments probEmit['X'] =
// map[rune]float64{'\u4e00': -3.65, ...}.
func emissions(path string) (map[byte]map[rune]float64, error) {
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	emit := map[byte]map[rune]float64{}
	ast.Inspect(file, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		idx, ok1 := as.Lhs[0].(*ast.IndexExpr)
		lit, ok2 := as.Rhs[0].(*ast.CompositeLit)
		if !ok1 || !ok2 {
			return true
		}
		key, ok := idx.Index.(*ast.BasicLit)
		if !ok || key.Kind != token.CHAR {
			return true
		}
		state, _, _, _ := strconv.UnquoteChar(strings.Trim(key.Value, "'"), '\'')
		probs := map[rune]float64{}
		for _, e := range lit.Elts {
			kv := e.(*ast.KeyValueExpr)
			r, _, _, _ := strconv.UnquoteChar(strings.Trim(kv.Key.(*ast.BasicLit).Value, "'"), '\'')
			p, err := strconv.ParseFloat(literal(kv.Value), 64)
			if err == nil {
				probs[r] = p
			}
		}
		emit[byte(state)] = probs
		return false
	})
	if len(emit) != 4 {
		return nil, fmt.Errorf("%s: found %d of the HMM's 4 states", path, len(emit))
	}
	return emit, nil
}

func literal(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value
	case *ast.UnaryExpr:
		return e.Op.String() + literal(e.X)
	}
	return ""
}

func allHan(w []rune) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(w) > 0
}

// hasDoubling: a character or two written twice in a row inside the word.
func hasDoubling(w []rune) bool {
	for n := 1; n <= 2; n++ {
		for i := 0; i+2*n <= len(w); i++ {
			if slices.Equal(w[i:i+n], w[i+n:i+2*n]) {
				return true
			}
		}
	}
	return false
}

func write(p, data string) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
