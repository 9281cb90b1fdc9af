package site

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// gateSink blocks every write until its gate opens.
type gateSink struct {
	gate    chan struct{}
	mu      sync.Mutex
	written map[string]string
	fail    string // a file whose write fails
}

func (s *gateSink) WriteFile(name string, data []byte) error {
	<-s.gate
	if name == s.fail {
		return errors.New("disk full")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.written[name] = string(data)
	return nil
}

// A file given to outputs that write behind is written while its maker
// goes on: add returns before the sink has it, and wait returns once the
// sink has every file.
func TestOutputsWriteBehind(t *testing.T) {
	sink := &gateSink{gate: make(chan struct{}), written: map[string]string{}}
	o := writeBehind(sink)
	added := make(chan struct{})
	go func() {
		for i := range writers {
			o.add(fmt.Sprintf("p%d/index.html", i), []byte(fmt.Sprint(i)))
		}
		close(added)
	}()
	select {
	case <-added:
	case <-time.After(10 * time.Second):
		t.Fatal("add waited for the sink to write")
	}
	close(sink.gate)
	if err := o.wait(); err != nil {
		t.Fatal(err)
	}
	if len(sink.written) != writers {
		t.Fatalf("after wait the sink has %d of %d files", len(sink.written), writers)
	}
	for i := range writers {
		if got := sink.written[fmt.Sprintf("p%d/index.html", i)]; got != fmt.Sprint(i) {
			t.Errorf("p%d/index.html holds %q", i, got)
		}
	}
	if !o.has("p0/index.html") || len(o.sorted()) != writers {
		t.Errorf("outputs lists %v", o.sorted())
	}
}

// A write that fails behind fails the wait with the file's name, and the
// files given after it are not written.
func TestOutputsWriteBehindFails(t *testing.T) {
	sink := &gateSink{gate: make(chan struct{}), written: map[string]string{}, fail: "bad.html"}
	close(sink.gate)
	o := writeBehind(sink)
	o.add("bad.html", []byte("x"))
	// Once the failure is known, nothing more goes to the sink.
	for o.wantsMore() {
		time.Sleep(time.Millisecond)
	}
	o.add("late.html", []byte("y"))
	err := o.wait()
	if err == nil || err.Error() != "writing bad.html: disk full" {
		t.Fatalf("wait = %v, want the failed file's error", err)
	}
	if _, ok := sink.written["late.html"]; ok {
		t.Error("a file given after the failure was written")
	}
}
