package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sizeResult holds the medians measured at one chapter count. The Hugo
// figures and ratios are zero when there is no Hugo to compare with.
type sizeResult struct {
	n                                 int
	wall, cpu, rssMiB, outputMB       float64 // the cold build
	devNoChangeMs, upToDate, reloadMs float64
	editBuild, check                  float64
	hugoWall, hugoRSS                 float64 // Hugo's full build, beside the cold build
	wallRatio, rssRatio               float64 // cold build / Hugo, per pair
	upToDateRatio, editRatio          float64 // / Hugo's full build, per pair
	hasHugo                           bool
}

const mainHeader = "| chapters | build wall s | build CPU s | peak RSS MiB | output MB | no-change rebuild ms (dev server) | `folio build`, nothing changed, s | edit → reload ms | check s | Hugo wall s | Hugo peak MiB | wall folio/Hugo | RSS folio/Hugo |\n" +
	"|---|---|---|---|---|---|---|---|---|---|---|---|---|"

func (r sizeResult) mainRow() string {
	row := fmt.Sprintf("| %d | %.2f | %.2f | %.0f | %.1f | %.0f | %.2f | %.0f | %.2f |", r.n,
		r.wall, r.cpu, r.rssMiB, r.outputMB, r.devNoChangeMs, r.upToDate, r.reloadMs, r.check)
	if !r.hasHugo {
		return row + " – | – | – | – |"
	}
	return row + fmt.Sprintf(" %.2f | %.0f | %.2f | %.2f |", r.hugoWall, r.hugoRSS, r.wallRatio, r.rssRatio)
}

// The targets of issue 22, each ratio against Hugo's full build with its
// bound in the header.
const targetsHeader = "| chapters | cold build s | Hugo s | cold/Hugo (≤ 1) | cold peak RSS MiB | Hugo peak MiB | RSS/Hugo (≤ 0.35) | `folio build` after a one-chapter edit, s | edit/Hugo (≤ 0.10) | `folio build`, nothing changed, s | nothing changed/Hugo (≤ 0.05) | edit → reload ms |\n" +
	"|---|---|---|---|---|---|---|---|---|---|---|---|"

func (r sizeResult) targetsRow() string {
	hugo := func(format string, x float64) string {
		if !r.hasHugo {
			return "–"
		}
		return fmt.Sprintf(format, x)
	}
	return fmt.Sprintf("| %d | %.2f | %s | %s | %.0f | %s | %s | %.2f | %s | %.2f | %s | %.0f |", r.n,
		r.wall, hugo("%.2f", r.hugoWall), hugo("%.2f", r.wallRatio),
		r.rssMiB, hugo("%.0f", r.hugoRSS), hugo("%.2f", r.rssRatio),
		r.editBuild, hugo("%.3f", r.editRatio),
		r.upToDate, hugo("%.3f", r.upToDateRatio),
		r.reloadMs)
}

// pairs runs a measured folio command runs times, each followed by a full
// Hugo build when hugoRun is not nil: the two builds of a pair see the
// machine in the same state, so the figure to compare is each pair's
// ratio (see ratios), not the ratio of two medians taken minutes apart.
func pairs(runs int, folioRun, hugoRun func(i int) (figures, error)) (folio, hugo []figures, err error) {
	for i := 1; i <= runs; i++ {
		f, err := folioRun(i)
		if err != nil {
			return nil, nil, err
		}
		folio = append(folio, f)
		if hugoRun != nil {
			h, err := hugoRun(i)
			if err != nil {
				return nil, nil, err
			}
			hugo = append(hugo, h)
		}
	}
	return folio, hugo, nil
}

// each returns one figure of every run.
func each(fs []figures, of func(figures) float64) []float64 {
	xs := make([]float64, len(fs))
	for i, f := range fs {
		xs[i] = of(f)
	}
	return xs
}

// ratios returns folio's figure over Hugo's, pair by pair (none without
// Hugo).
func ratios(folio, hugo []figures, of func(figures) float64) []float64 {
	var xs []float64
	for i := range hugo {
		xs = append(xs, of(folio[i])/of(hugo[i]))
	}
	return xs
}

func wallOf(f figures) float64 { return f.wall }
func rssOf(f figures) float64  { return f.rssMiB }

// clearMemo removes from the cache folder what a build remembered of the
// publication, every entry but the processed images and bundles (the
// cache kinds "images" and "bundles"). The table's cold build is a first
// build of the text, which a memo persisted there by an earlier build
// would skip, while its images come from the cache, as Hugo's from
// resources/_gen; `--no-cache` would process the photos afresh too. What
// it removes is the build's memo (memo, memo-bulk-…, memo-whole).
func clearMemo(cacheDir string) error {
	entries, err := os.ReadDir(cacheDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == "images" || e.Name() == "bundles" {
			continue
		}
		if err := os.RemoveAll(filepath.Join(cacheDir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// chapterFile is the path of generated chapter i.
func chapterFile(src string, i int) string {
	return filepath.Join(src, "content", "chapters", fmt.Sprintf("%05d-chapter-%d.md", i, i))
}

// withEdit returns a chapter with i%7+1 characters added to its last
// paragraph: text the search index and the checks read, and different
// from the edit before (i-1) and from the original.
func withEdit(original []byte, i int) []byte {
	text := string(original)
	at := strings.LastIndex(text, "。")
	return []byte(text[:at] + strings.Repeat("新", i%7+1) + text[at:])
}
