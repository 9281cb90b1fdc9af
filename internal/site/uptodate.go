package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/par"
)

// The memo of the whole build: the digest of every file a build reads
// (content/, layouts/ and assets/, byte for byte) and of the options
// that change its output, with the stamps of the files it wrote and the
// problems it reported. A build whose inputs have that digest, onto an
// output folder holding exactly those files unchanged, is up to date:
// it reports the same problems and makes nothing, without loading the
// publication. (Nothing a build writes depends on the day it runs; a
// build date would be one more input here.)
const (
	wholeName  = "memo-whole"
	wholeMagic = "folio build whole 2\n"
)

// wholeBuild is what the whole-build memo keeps.
type wholeBuild struct {
	Inputs string
	// Files are the site's files as digested, with their stamps;
	// DigestedAt is when (Unix nanoseconds).
	Files      []inputFile
	DigestedAt int64
	Outputs    map[string]output.Stamp
	Diags      []diag.Diagnostic
}

// inputFile is one file a build reads, and the digest of its bytes.
type inputFile struct {
	Rel   string
	Stamp output.Stamp
	Sum   [sha256.Size]byte
}

// WholeKeeper is a Keeper that can take the whole output folder as the
// last build left it (output.Update).
type WholeKeeper interface {
	Keeper
	HoldsExactly(stamps map[string]output.Stamp) bool
	KeepAll(stamps map[string]output.Stamp) bool
}

// digestInputs digests every file of the site a build reads, and the
// options that change what it writes. A file whose stamp is the one the
// last build digested is not read again, unless it changed within two
// seconds of that digest (a file system's times can be that coarse, and
// a save in the same tick keeps the time). The key is "" when the site's
// files cannot all be read (the build then reports why).
func digestInputs(opts Options, last *wholeBuild) (key string, files []inputFile, at int64) {
	at = time.Now().UnixNano()
	known := map[string]inputFile{}
	if last != nil {
		for _, f := range last.Files {
			if f.Stamp.ModNs < last.DigestedAt-int64(2*time.Second) {
				known[f.Rel] = f
			}
		}
	}
	for _, dir := range []string{"content", "layouts", "assets"} {
		root := filepath.Join(opts.Src, dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if !d.IsDir() {
				rel, _ := filepath.Rel(opts.Src, p)
				files = append(files, inputFile{Rel: filepath.ToSlash(rel)})
			}
			return nil
		})
		if err != nil {
			return "", nil, at
		}
	}
	var failed atomic.Bool
	// Each file's stamp is taken here, on every core: a stat each was
	// most of a build with nothing changed.
	par.Do(len(files), func(i int) {
		f := &files[i]
		st, ok := output.StampOf(filepath.Join(opts.Src, filepath.FromSlash(f.Rel)))
		if !ok {
			failed.Store(true)
			return
		}
		f.Stamp = st
		if k, ok := known[f.Rel]; ok && k.Stamp == f.Stamp {
			f.Sum = k.Sum
			return
		}
		data, err := os.ReadFile(filepath.Join(opts.Src, filepath.FromSlash(f.Rel)))
		if err != nil {
			failed.Store(true)
			return
		}
		f.Sum = sha256.Sum256(data)
	})
	if failed.Load() {
		return "", nil, at
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %v %v %v %v %q\n", opts.BaseURL, opts.Out, opts.Drafts, opts.Sourcemap, opts.Dev, opts.NoEditions, opts.schedule)
	for _, f := range files {
		fmt.Fprintf(h, "%q %x\n", f.Rel, f.Sum)
	}
	return hex.EncodeToString(h.Sum(nil)), files, at
}

// upToDate reports, when sink can keep the whole output folder and the
// last build's inputs are these, the files it keeps; the last build's
// problems go to diags.
// The output folder is walked while the inputs are digested: both wait
// on the file system, each on a core.
func upToDate(opts Options, last *wholeBuild, sink Sink, diags *diag.List) (digest wholeBuild, files []string, ok bool) {
	k, keeps := sink.(WholeKeeper)
	var holds bool
	var walking sync.WaitGroup
	if keeps && last != nil {
		walking.Go(func() { holds = k.HoldsExactly(last.Outputs) })
	}
	digest.Inputs, digest.Files, digest.DigestedAt = digestInputs(opts, last)
	walking.Wait()
	if !keeps || !holds || digest.Inputs == "" || last.Inputs != digest.Inputs || !k.KeepAll(last.Outputs) {
		return digest, nil, false
	}
	for _, d := range last.Diags {
		diags.Add(d)
	}
	return digest, slices.Sorted(maps.Keys(last.Outputs)), true
}

func readWhole(path string) (*wholeBuild, error) {
	body, err := readSealed(path, wholeMagic)
	if err != nil {
		return nil, err
	}
	var w wholeBuild
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&w); err != nil {
		return nil, err
	}
	return &w, nil
}

// keepWhole writes the whole-build memo of a build that succeeded, the
// stamps of its files as sink holds them.
func keepWhole(path string, w wholeBuild, outputs []string, sink Sink) {
	k, ok := sink.(Keeper)
	if !ok || w.Inputs == "" {
		return
	}
	w.Outputs = make(map[string]output.Stamp, len(outputs))
	for _, name := range outputs {
		st, ok := k.Stamp(name)
		if !ok {
			return
		}
		w.Outputs[name] = st
	}
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(&w); err == nil {
		_ = writeSealed(path, wholeMagic, body.Bytes()) // a memo not written costs time, not correctness
	}
}
