package site

import (
	"maps"
	"slices"
	"sync"

	"folio/internal/output"
)

// Keeper is a Sink that can pass on the last build's files unread
// (output.Update): a unit of output whose inputs are unchanged is then
// neither made nor compared, and the memo records where each file is.
type Keeper interface {
	Sink
	// Keep takes the last build's file name into this build when it
	// still has stamp, and reports whether it did.
	Keep(name string, stamp output.Stamp) bool
	// Stamp is the stamp of this build's file name.
	Stamp(name string) (output.Stamp, bool)
}

// unitEntry is one unit of output (a page, the search index, the feeds,
// the EPUB) as last made: the key of what it was made from and its
// files, their bytes when the session keeps outputs (the dev server
// serves from memory), else their stamps in the output folder.
type unitEntry struct {
	key       string
	keepBytes bool

	mu     sync.Mutex
	names  []string
	bytes  map[string][]byte
	stamps map[string]output.Stamp // of names; filled when the memo is written
}

// record notes a file the unit wrote.
func (u *unitEntry) record(name string, data []byte) {
	if u == nil {
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	u.names = append(u.names, name)
	if u.keepBytes {
		u.bytes[name] = data
	}
}

func (u *unitEntry) keepsBytes() bool { return u != nil && u.keepBytes }

// produce gives unit's files to files: the last build's when key is
// unchanged and they can be passed on, else what make writes. make
// reports whether the unit was made whole: one that failed is made again
// by the next build. produce reports whether make ran. It is safe for
// concurrent use.
func (b *builder) produce(files *outputs, unit, key string, make func(files *outputs) bool) (made bool) {
	s := b.session
	s.unitsMu.Lock()
	last := s.units[unit]
	s.unitsMu.Unlock()
	if last != nil && last.key == key && passOn(files, last) {
		s.unitsMu.Lock()
		s.nextUnits[unit] = last
		s.unitsMu.Unlock()
		return false
	}
	e := &unitEntry{key: key, keepBytes: s.keep.outputs}
	if e.keepBytes {
		e.bytes = map[string][]byte{}
	}
	if make(&outputs{outputState: files.outputState, unit: e}) {
		s.unitsMu.Lock()
		s.nextUnits[unit] = e
		s.unitsMu.Unlock()
	}
	return true
}

// passOn gives files the unit's files as last made, and reports whether
// it could: from memory, or kept in the output folder.
func passOn(files *outputs, u *unitEntry) bool {
	if u.bytes != nil {
		files.addAll(u.bytes)
		return true
	}
	if u.stamps == nil {
		return false // made by this process and not yet stamped
	}
	for _, name := range slices.Sorted(maps.Keys(u.stamps)) {
		if !files.keep(name, u.stamps[name]) {
			return false
		}
	}
	return true
}

// stampUnits fills in the stamps of the units this build made, as the
// sink holds their files; a unit whose files cannot all be stamped is
// left out of the memo.
func stampUnits(units map[string]*unitEntry, sink Keeper) []unitRecord {
	var out []unitRecord
	for _, name := range slices.Sorted(maps.Keys(units)) {
		u := units[name]
		if u.stamps == nil {
			u.stamps = map[string]output.Stamp{}
			for _, f := range u.names {
				st, ok := sink.Stamp(f)
				if !ok {
					u.stamps = nil
					break
				}
				u.stamps[f] = st
			}
		}
		if u.stamps != nil {
			out = append(out, unitRecord{Name: name, Key: u.key, Files: u.stamps})
		}
	}
	return out
}
