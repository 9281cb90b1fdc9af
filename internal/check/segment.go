package check

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// The repeated-word check segments the text around a doubling into words
// with gse (github.com/go-ego/gse), jieba's method: of all the ways to cut
// the text into dictionary words, the one whose words are likeliest
// together.
//
// gse's own zh dictionary takes two seconds to load into its trie, longer
// than checking a whole book, and a publication may have a doubling in its
// first paragraph. So the dictionary is words/dict.txt, derived from gse's
// by tools/wordlists (its header says how), sorted, and read in place by
// binary search: nothing is loaded. For each window gse gets a trie of
// only the words found in that window, a few dozen, and cuts it as it
// would with all of dict.txt loaded (TestSegmentMatchesWholeDictionary),
// in some 40 µs (BenchmarkRepeatedWord).
// Every window has its own segmenter, so pages checked in parallel share
// nothing but the read-only text.
var (
	//go:embed words/dict.txt
	dictText string
	//go:embed words/chars.txt
	charsText string

	dictOnce sync.Once
	dictBody string          // the sorted "word frequency [class]" lines after the header
	dictSum  float64         // the frequencies of the whole dictionary gse's comes from, added up
	minFreq  float64         // the lowest frequency of a word dict.txt keeps but for its exceptions (量量)
	bound    map[rune]bool   // characters rarely a word alone (委, 们)
	abb      map[string]bool // the productive BB of ABB adjectives (乎乎)
	nameEnd  map[rune]bool   // characters that end many place and organisation names (村, 局)
	surname  map[rune]bool   // characters that begin many personal names (杨, 王)
)

func loadDict() {
	dictOnce.Do(func() {
		body := dictText
		for strings.HasPrefix(body, "#") {
			line, rest, _ := strings.Cut(body, "\n")
			if total, ok := strings.CutPrefix(line, "# total "); ok {
				dictSum, _ = strconv.ParseFloat(total, 64)
			}
			if min, ok := strings.CutPrefix(line, "# min-freq "); ok {
				minFreq, _ = strconv.ParseFloat(min, 64)
			}
			body = rest
		}
		dictBody = body
		bound, abb, nameEnd, surname = map[rune]bool{}, map[string]bool{}, map[rune]bool{}, map[rune]bool{}
		for line := range strings.Lines(charsText) {
			key, set, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
			rs := []rune(set)
			switch key {
			case "bound":
				for _, r := range rs {
					bound[r] = true
				}
			case "name":
				for _, r := range rs {
					nameEnd[r] = true
				}
			case "surname":
				for _, r := range rs {
					surname[r] = true
				}
			case "abb":
				for ; len(rs) >= 2; rs = rs[2:] {
					abb[string(rs[:2])] = true
				}
			}
		}
	})
}

// wordEntry is what the dictionary says of a word.
type wordEntry struct {
	freq   float64
	class  string // "v" a verb, "m" a numeral with its measure word, "o" a sound, "f" a preposition or particle, "p" a personal name, "" anything else
	found  bool   // the word is in the dictionary
	longer bool   // some longer word starts with it
}

// lookup finds w in the dictionary: a word of two characters or more, or
// a character listed for its class (说, 把).
func lookup(w string) wordEntry {
	loadDict()
	var e wordEntry
	at := searchDict(w)
	word, rest := dictLine(at)
	if word == w {
		e.found = true
		freq, class, _ := strings.Cut(rest, " ")
		e.freq, _ = strconv.ParseFloat(freq, 64)
		e.class = class
		at += strings.IndexByte(dictBody[at:], '\n') + 1
		word, _ = dictLine(at)
	}
	e.longer = len(word) > len(w) && strings.HasPrefix(word, w)
	return e
}

// searchDict returns the offset of the first line whose word is not
// below w. The lines are sorted by their bytes; a space sorts before any
// Han character, so the order of the lines is the order of their words.
func searchDict(w string) int {
	lo, hi := 0, len(dictBody) // line starts: the lines before lo are below w, those from hi on are not
	for lo < hi {
		m := lo + (hi-lo)/2
		m = lo + strings.LastIndexByte(dictBody[lo:m], '\n') + 1
		if word, _ := dictLine(m); word < w {
			lo = m + strings.IndexByte(dictBody[m:], '\n') + 1
		} else {
			hi = m
		}
	}
	return lo
}

// dictLine splits the line at offset at into its word and the rest.
func dictLine(at int) (word, rest string) {
	if at >= len(dictBody) {
		return "", ""
	}
	line := dictBody[at:]
	line = line[:strings.IndexByte(line, '\n')]
	word, rest, _ = strings.Cut(line, " ")
	return word, rest
}

// windowSegmenter is gse with a trie of the dictionary's words found in
// one window of text.
func windowSegmenter(window []rune) *gse.Segmenter {
	loadDict()
	seg := &gse.Segmenter{Dict: gse.NewDict()}
	for k := range window {
		// Every character is a word too, of frequency 2 as gse's loader
		// counts one; without it gse could not cut a character alone
		// where it begins a longer word (的|哥哥, not 的哥|哥).
		seg.AddToken(string(window[k]), 2)
		for l := 2; k+l <= len(window); l++ {
			w := string(window[k : k+l])
			e := lookup(w)
			if e.found {
				seg.AddToken(w, e.freq, e.class)
			}
			if !e.longer {
				break
			}
		}
	}
	// gse scores a cut by the log of each word's frequency over the
	// dictionary's total: a word in a cut costs the log of the total. The
	// window's few words would make words cheap and favour cuts into many;
	// a word no text contains (a private-use character) brings the total
	// up to the whole dictionary's.
	if rest := dictSum - seg.Dict.TotalFreq(); rest > 0 {
		seg.AddToken("\uE000", rest)
	}
	return seg
}

// segmentWindow is how the repeated-word check segments: segment, or in a
// test a stand-in that shows the check's decisions come from it.
var segmentWindow = segment

// segment cuts window (Han characters only) into words and returns where
// each word ends, in runes: a set of cut positions, with the window's end.
// A character in no dictionary word is a word of its own.
func segment(window []rune) []bool {
	words := windowSegmenter(window).CutDAGNoHMM(string(window))
	cuts := make([]bool, len(window)+1)
	cuts[0] = true
	at := 0
	for _, w := range words {
		at += utf8.RuneCountInString(w)
		cuts[at] = true
	}
	return cuts
}

// isBound: the character is rarely a word on its own (委, 部, 们).
func isBound(r rune) bool {
	loadDict()
	return bound[r]
}

// endsNames: the character ends many place or organisation names (村,
// 区, 局).
func endsNames(r rune) bool {
	loadDict()
	return nameEnd[r]
}

// isSurname: the character begins many personal names (杨, 王; and 阿,
// 小, which begin nicknames and foreign names).
func isSurname(r rune) bool {
	loadDict()
	return surname[r]
}

// isABBEnding: the doubled character makes the productive end of ABB
// adjectives (乎乎 of 黑乎乎, 嫩乎乎).
func isABBEnding(bb []rune) bool {
	loadDict()
	return abb[string(bb)]
}
