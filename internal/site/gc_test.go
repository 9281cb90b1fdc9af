package site

import (
	"runtime/debug"
	"testing"
)

// A one-shot build collects sooner than Go's default, never later than
// the user asked (GOGC), and the setting is restored after it.
func TestCollectSoonerRestores(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct{ set, during int }{
		{100, buildGCPercent},
		{400, buildGCPercent},
		{50, 50},
		{-1, -1}, // GOGC=off
	} {
		debug.SetGCPercent(c.set)
		restore := collectSooner()
		if got := debug.SetGCPercent(c.during); got != c.during {
			t.Errorf("GOGC=%d: %d during the build, want %d", c.set, got, c.during)
		}
		restore()
		if got := debug.SetGCPercent(c.set); got != c.set {
			t.Errorf("GOGC=%d: %d after the build", c.set, got)
		}
	}
}

// Builds at once share the lowering: the first to finish does not restore
// GOGC under the others, and the last restores what the first found.
func TestCollectSoonerOverlapping(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	first := collectSooner()
	second := collectSooner()
	first()
	first() // a second call changes nothing
	if got := debug.SetGCPercent(buildGCPercent); got != buildGCPercent {
		t.Errorf("GOGC %d while a build still runs, want %d", got, buildGCPercent)
	}
	second()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC %d after both builds, want 100", got)
	}
}
