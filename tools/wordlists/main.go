// Command wordlists derives the word lists folio's repeated-word check
// embeds from a Chinese dictionary with frequencies (one "word frequency
// tag" a line, as jieba's and gse's dictionaries are): the reduplicated
// words (常常, 高高兴兴, 研究研究 when listed) and the common two-character
// words. The lists shipped were made from the zh dictionary of
// github.com/go-ego/gse v0.80.3 (data/dict/zh/s_1.txt, from jieba; MIT and
// Apache-2.0):
//
//	go run ./tools/wordlists -dict "$(go env GOMODCACHE)/github.com/go-ego/gse@v0.80.3/data/dict/zh/s_1.txt" -out internal/check/words
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	dict := flag.String("dict", "", "the dictionary file")
	out := flag.String("out", "internal/check/words", "the folder to write the lists to")
	minRedup := flag.Int("min-redup", 10, "lowest frequency of a reduplicated word kept")
	minTwo := flag.Int("min-two", 100, "lowest frequency of a two-character word kept")
	flag.Parse()
	f, err := os.Open(*dict)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	var redup, two []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		w := []rune(fields[0])
		freq, _ := strconv.Atoi(fields[1])
		if !allHan(w) {
			continue
		}
		if reduplicated(w) && freq >= *minRedup {
			redup = append(redup, string(w))
		}
		if len(w) == 2 && freq >= *minTwo {
			two = append(two, string(w))
		}
	}
	slices.Sort(redup)
	slices.Sort(two)
	header := "# Derived by tools/wordlists from the zh dictionary of github.com/go-ego/gse v0.80.3\n# (data/dict/zh/s_1.txt, from jieba; MIT and Apache-2.0 licences).\n"
	write(filepath.Join(*out, "reduplications.txt"), header+"# Reduplicated words, frequency >= "+strconv.Itoa(*minRedup)+".\n"+strings.Join(redup, "\n")+"\n")
	write(filepath.Join(*out, "twochar.txt"), header+"# Two-character words, frequency >= "+strconv.Itoa(*minTwo)+".\n"+strings.Join(two, "\n")+"\n")
	fmt.Printf("%d reduplications, %d two-character words\n", len(redup), len(two))
}

func allHan(w []rune) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(w) > 0
}

// reduplicated: AA, AAB, ABB, AABB, ABAB.
func reduplicated(w []rune) bool {
	switch len(w) {
	case 2:
		return w[0] == w[1]
	case 3:
		return w[0] == w[1] || w[1] == w[2]
	case 4:
		return (w[0] == w[1] && w[2] == w[3]) || (w[0] == w[2] && w[1] == w[3])
	}
	return false
}

func write(p, data string) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
