package site

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
)

// outputs passes a build's files to its sink as they are made and keeps
// only their names: a build does not hold the site it has written. (The
// dev server's render cache keeps pages between rebuilds; folio build's
// sink compares each file with the last build as it arrives.) It is safe
// for concurrent use.
type outputs struct {
	sink  Sink
	mu    sync.Mutex
	names map[string]bool
	err   error // the sink's first error
}

func newOutputs(sink Sink) *outputs {
	return &outputs{sink: sink, names: map[string]bool{}}
}

// add writes one file.
func (o *outputs) add(name string, data []byte) {
	o.mu.Lock()
	o.names[name] = true
	failed := o.err != nil
	o.mu.Unlock()
	if failed {
		return // the build fails: nothing more is written
	}
	if err := o.sink.WriteFile(name, data); err != nil {
		o.fail(name, err)
	}
}

// addStream writes one file as write writes it: a piece at a time when
// the sink takes files so (StreamSink), else whole.
func (o *outputs) addStream(name string, write func(w io.Writer) error) {
	o.mu.Lock()
	o.names[name] = true
	failed := o.err != nil
	o.mu.Unlock()
	if failed {
		return
	}
	var err error
	if s, ok := o.sink.(StreamSink); ok {
		err = s.WriteFileFrom(name, write)
	} else {
		var buf bytes.Buffer
		if err = write(&buf); err == nil {
			err = o.sink.WriteFile(name, buf.Bytes())
		}
	}
	if err != nil {
		o.fail(name, err)
	}
}

// fail keeps the sink's first error: the build fails, and nothing more is
// written.
func (o *outputs) fail(name string, err error) {
	o.mu.Lock()
	if o.err == nil {
		o.err = fmt.Errorf("writing %s: %w", name, err)
	}
	o.mu.Unlock()
}

// addAll writes every file of files.
func (o *outputs) addAll(files map[string][]byte) {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		o.add(name, files[name])
	}
}

// has says whether a file of that name was written.
func (o *outputs) has(name string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.names[name]
}

// sorted lists the names written.
func (o *outputs) sorted() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Sorted(maps.Keys(o.names))
}

// fileMap is a Sink keeping the files in a map, for outputs a session
// keeps between builds. It is not safe for concurrent use.
type fileMap map[string][]byte

func (m fileMap) WriteFile(name string, data []byte) error {
	m[name] = data
	return nil
}
