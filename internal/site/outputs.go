package site

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"

	"folio/internal/output"
)

// outputs passes a build's files to its sink as they are made and keeps
// only their names: a build does not hold the site it has written. (The
// dev server's render cache keeps pages between rebuilds; folio build's
// sink compares each file with the last build as it arrives.) It is safe
// for concurrent use.
//
// Files given to add may be written behind (writeBehind): a few
// goroutines of their own write them while the goroutines that made them
// go on to the next. The stages make files on one goroutine per core, and
// creating a file can wait on the file system (its journal, a folder's
// lock), most of all on a busy disk: written by the stage's goroutines,
// the core waited with them.
type outputs struct {
	*outputState
	// unit, when set, records what is given, for the memo of the unit
	// being made (produce).
	unit *unitEntry
}

// outputState is what the views of one build's outputs share.
type outputState struct {
	sink  Sink
	mu    sync.Mutex
	names map[string]bool
	err   error // the sink's first error

	queue   chan outputFile // to the writers; nil once closed
	writing sync.WaitGroup
}

type outputFile struct {
	name string
	data []byte
}

// writers write the files given to add; the queue holds a few files for
// each, so the stages rarely wait for it.
const writers = 4

// newOutputs returns outputs writing each file as it is given, on the
// goroutine that gives it.
func newOutputs(sink Sink) *outputs {
	return &outputs{outputState: &outputState{sink: sink, names: map[string]bool{}}}
}

// writeBehind returns outputs writing behind, to a sink safe for
// concurrent use; wait must be called before the sink is read.
func writeBehind(sink Sink) *outputs {
	queue := make(chan outputFile, 4*writers)
	o := &outputs{outputState: &outputState{sink: sink, names: map[string]bool{}, queue: queue}}
	for range writers {
		o.writing.Go(func() {
			for f := range queue {
				o.write(f.name, f.data)
			}
		})
	}
	return o
}

// wait waits until every file given to add is written, and returns the
// sink's first error. Nothing may be added after it.
func (o *outputs) wait() error {
	o.mu.Lock()
	queue := o.queue
	o.queue = nil
	o.mu.Unlock()
	if queue != nil {
		close(queue)
		o.writing.Wait()
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

// add writes one file, or gives it to the writers: data must not change
// after it.
func (o *outputs) add(name string, data []byte) {
	o.unit.record(name, data)
	o.mu.Lock()
	o.names[name] = true
	failed := o.err != nil
	queue := o.queue
	o.mu.Unlock()
	if failed {
		return // the build fails: nothing more is written
	}
	if queue != nil {
		queue <- outputFile{name, data}
		return
	}
	o.write(name, data)
}

func (o *outputState) write(name string, data []byte) {
	o.mu.Lock()
	failed := o.err != nil
	o.mu.Unlock()
	if failed {
		return
	}
	if err := o.sink.WriteFile(name, data); err != nil {
		o.fail(name, err)
	}
}

// addStream writes one file as write writes it: a piece at a time when
// the sink takes files so (StreamSink), else whole.
func (o *outputs) addStream(name string, write func(w io.Writer) error) {
	if o.unit.keepsBytes() {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			o.fail(name, err)
			return
		}
		o.add(name, buf.Bytes())
		return
	}
	o.unit.record(name, nil)
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

// wantsMore says whether files are still written: not after the sink's
// first error.
func (o *outputs) wantsMore() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err == nil
}

// fail keeps the sink's first error: the build fails, and nothing more is
// written.
func (o *outputState) fail(name string, err error) {
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

// keep passes on the output folder's file name as the last build left
// it, unread, when the sink can (output.Update) and the file still has
// stamp.
func (o *outputs) keep(name string, stamp output.Stamp) bool {
	k, ok := o.sink.(Keeper)
	if !ok || !o.wantsMore() || !k.Keep(name, stamp) {
		return false
	}
	o.unit.record(name, nil)
	o.mu.Lock()
	o.names[name] = true
	o.mu.Unlock()
	return true
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
