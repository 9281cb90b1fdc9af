package content

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"folio/internal/config"
	"folio/internal/diag"
)

// InstallmentsDir is the folder of a series' installments inside
// content/: one folder each, named by the installment's slug, laid out as
// a publication (publication.yaml, index.md, chapters/, pages/, data/,
// images/).
const InstallmentsDir = "installments"

// Series is a series as its files describe it.
type Series struct {
	Config *config.Series
	// Installments are every installment found, in reading order:
	// by weight, then publication date, then slug. Those this build
	// leaves out say why in Held.
	Installments []*Installment
	// Dir is the content folder on disk; Display is how it is named in
	// diagnostics (e.g. "content").
	Dir, Display string
}

// Installment is one installment of a series.
type Installment struct {
	Slug string
	// Dir is its folder on disk; Display is how it is named in
	// diagnostics (content/installments/<slug>).
	Dir, Display string
	Config       *config.Publication
	Held         Hold
}

// Hold is why a build leaves an installment out.
type Hold int

const (
	Published Hold = iota // not held: the build publishes it
	HeldDraft             // marked draft: true
	Scheduled             // dated after the build's day
)

// Schedule is what decides which installments a build publishes.
type Schedule struct {
	// Now is the build's time: an installment dated after its day is
	// held until that day.
	Now time.Time
	// Drafts and Future publish the installments held as drafts and
	// those dated later.
	Drafts, Future bool
}

// IsSeries reports whether the content folder holds a series.
func IsSeries(contentDir string) bool {
	_, err := os.Stat(filepath.Join(contentDir, config.SeriesFileName))
	return err == nil
}

// LoadSeries reads the series in contentDir and the settings of each of
// its installments; the installments' pages are read as publications
// (Load, with the installment's folder).
func LoadSeries(contentDir, display string, sched Schedule, diags *diag.List) *Series {
	s := &Series{Config: config.LoadSeries(contentDir, path.Join(display, config.SeriesFileName), diags), Dir: contentDir, Display: display}
	dir := filepath.Join(contentDir, InstallmentsDir)
	shown := path.Join(display, InstallmentsDir)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Position{File: shown}, "read-error", "%v", err)
		return s
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue // a note or a stray file beside the installments
		}
		slug := e.Name()
		at := path.Join(shown, slug)
		if why := ValidateSlug(slug); why != nil {
			diags.Errorf(diag.Position{File: at}, "installment-slug", "installment folder %q %v", slug, why)
			continue
		}
		in := &Installment{Slug: slug, Dir: filepath.Join(dir, slug), Display: at}
		in.Config = config.Load(in.Dir, path.Join(at, config.FileName), diags)
		if in.Config.BaseURL != "" || in.Config.BasePath != "" {
			diags.Warnf(diag.Position{File: in.Config.File}, "installment-base-url",
				"an installment is served at the series' base_url followed by its slug (%s/): remove its own base_url", slug)
		}
		in.Held = sched.hold(in.Config)
		s.Installments = append(s.Installments, in)
	}
	if len(s.Installments) == 0 {
		diags.Errorf(diag.Position{File: shown}, "series-empty",
			"the series has no installment: create %s/<slug>/%s with the installment's title", shown, config.FileName)
	}
	slices.SortStableFunc(s.Installments, func(a, b *Installment) int {
		return cmp.Or(cmp.Compare(a.Config.Weight, b.Config.Weight),
			a.Config.Published.Compare(b.Config.Published), strings.Compare(a.Slug, b.Slug))
	})
	return s
}

// hold is why the schedule leaves out an installment of these settings.
func (sc Schedule) hold(c *config.Publication) Hold {
	switch {
	case c.Draft && !sc.Drafts:
		return HeldDraft
	case !sc.Future && !c.Published.IsZero() && dayOf(c.Published) > dayOf(sc.Now):
		return Scheduled
	}
	return Published
}

// dayOf numbers t's calendar day as its date reads, whatever its zone:
// an installment dated 2021-07-01 is published on that day.
func dayOf(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// Published returns the installments the build publishes, in order.
func (s *Series) Published() []*Installment {
	var out []*Installment
	for _, in := range s.Installments {
		if in.Held == Published {
			out = append(out, in)
		}
	}
	return out
}
