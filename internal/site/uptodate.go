package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

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
	wholeMagic = "folio build whole 1\n"
)

// wholeBuild is what the whole-build memo keeps.
type wholeBuild struct {
	Inputs string
	Files  map[string]output.Stamp
	Diags  []diag.Diagnostic
}

// WholeKeeper is a Keeper that can take the whole output folder as the
// last build left it (output.Update).
type WholeKeeper interface {
	Keeper
	KeepAll(stamps map[string]output.Stamp) bool
}

// inputsKey digests every file of the site a build reads, and the
// options that change what it writes. It is "" when the site's files
// cannot all be read (the build then reports why).
func inputsKey(opts Options) string {
	var files []string
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
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return ""
		}
	}
	sums := make([][sha256.Size]byte, len(files))
	failed := false
	par.Do(len(files), func(i int) {
		data, err := os.ReadFile(files[i])
		if err != nil {
			failed = true // a race of writes of true: any failure counts
			return
		}
		sums[i] = sha256.Sum256(data)
	})
	if failed {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %v %v %v %v\n", opts.BaseURL, opts.Out, opts.Drafts, opts.Sourcemap, opts.Dev, opts.NoEditions)
	for i, p := range files {
		rel, _ := filepath.Rel(opts.Src, p)
		fmt.Fprintf(h, "%q %x\n", filepath.ToSlash(rel), sums[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// upToDate reports, when sink can keep the whole output folder and the
// last build's inputs are these, the files it keeps; the last build's
// problems go to diags.
func upToDate(path, inputs string, sink Sink, diags *diag.List) ([]string, bool) {
	k, ok := sink.(WholeKeeper)
	if !ok || inputs == "" {
		return nil, false
	}
	w, err := readWhole(path)
	if err != nil || w.Inputs != inputs || !k.KeepAll(w.Files) {
		return nil, false
	}
	for _, d := range w.Diags {
		diags.Add(d)
	}
	return slices.Sorted(mapsKeys(w.Files)), true
}

func readWhole(path string) (*wholeBuild, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(data, []byte(wholeMagic+memoIdentity()+"\n"))
	if !ok {
		return nil, errMemoAbsent
	}
	digest, body, _ := bytes.Cut(rest, []byte("\n"))
	if sum := sha256.Sum256(body); string(digest) != hex.EncodeToString(sum[:]) {
		return nil, errMemoAbsent
	}
	var w wholeBuild
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&w); err != nil {
		return nil, err
	}
	return &w, nil
}

// keepWhole writes the whole-build memo of a build that succeeded, the
// stamps of its files as sink holds them.
func keepWhole(path, inputs string, files []string, sink Sink, diags []diag.Diagnostic) {
	k, ok := sink.(Keeper)
	if !ok || inputs == "" {
		return
	}
	w := wholeBuild{Inputs: inputs, Files: make(map[string]output.Stamp, len(files)), Diags: diags}
	for _, name := range files {
		st, ok := k.Stamp(name)
		if !ok {
			return
		}
		w.Files[name] = st
	}
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(&w); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), memoName+"-*.tmp")
	if err != nil {
		return
	}
	sum := sha256.Sum256(body.Bytes())
	_, err = fmt.Fprintf(f, "%s%s\n%x\n", wholeMagic, memoIdentity(), sum)
	if err == nil {
		_, err = f.Write(body.Bytes())
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
}
