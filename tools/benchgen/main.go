// Command benchgen writes a generated publication for benchmarks, as a
// folio site and, with -hugo, the same Markdown as a Hugo site:
//
//	go run ./tools/benchgen -n 1000 -out /tmp/bench-1000
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"folio/internal/benchgen"
)

func main() {
	n := flag.Int("n", 1000, "number of chapters")
	out := flag.String("out", "", "the folder to write (folio site in OUT/folio, Hugo site in OUT/hugo)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchgen: -out is required")
		os.Exit(2)
	}
	if err := benchgen.Generate(filepath.Join(*out, "folio"), *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := benchgen.GenerateHugo(filepath.Join(*out, "hugo"), *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
