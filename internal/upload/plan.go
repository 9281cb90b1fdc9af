package upload

import (
	"cmp"
	"crypto/md5"
	"slices"
	"strings"
)

// Remote is an object of the bucket as its listing (and the manifest)
// tell it.
type Remote struct {
	Key string
	// MD5 is of the bytes stored; empty when the listing cannot tell (an
	// object uploaded in parts has an ETag that is not its MD5).
	MD5  []byte
	Size int64
}

// Plan is what a deploy does.
type Plan struct {
	Uploads   []Local  // in the order to upload them
	Deletes   []string // keys, deleted after every upload, in this order
	Unchanged int
}

// MakePlan compares the output folder's files with the bucket's
// objects. manifest holds the MD5 the last deploy stored for a key, for
// objects whose listing gives none. A file is uploaded when its key is
// new or its MD5 differs; an object no file has is deleted.
func MakePlan(local []Local, remote map[string]Remote, manifest map[string][md5.Size]byte) Plan {
	var p Plan
	have := make(map[string]bool, len(local))
	for _, f := range local {
		have[f.Key] = true
		r, ok := remote[f.Key]
		if ok && r.Size == f.Size && sameMD5(r, manifest, f.MD5) {
			p.Unchanged++
			continue
		}
		p.Uploads = append(p.Uploads, f)
	}
	slices.SortStableFunc(p.Uploads, func(a, b Local) int {
		if c := cmp.Compare(a.Class, b.Class); c != 0 {
			return c
		}
		if c := cmp.Compare(lastOfIndex(a.Key), lastOfIndex(b.Key)); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	for key := range remote {
		if !have[key] && key != ManifestKey {
			p.Deletes = append(p.Deletes, key)
		}
	}
	// Pages (and the lists of pages) go before the styles and images
	// they referred to: a page left over from the last deploy never
	// refers to an asset already deleted.
	slices.SortFunc(p.Deletes, func(a, b string) int {
		if c := cmp.Compare(ClassOf(b), ClassOf(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return p
}

func sameMD5(r Remote, manifest map[string][md5.Size]byte, want [md5.Size]byte) bool {
	if len(r.MD5) == md5.Size {
		return [md5.Size]byte(r.MD5) == want
	}
	m, ok := manifest[r.Key]
	return ok && m == want
}

// lastOfIndex orders within the index class: the search index's
// meta.json, which names how many fragments and shards there are, goes
// up after them.
func lastOfIndex(key string) int {
	if key == "search/index/meta.json" {
		return 1
	}
	return 0
}

// ManifestKey is the object where a deploy keeps the MD5 of each object
// it stored, for the objects whose listing does not give it.
const ManifestKey = ".folio-deploy.json"

// UploadStages are the uploads in groups to upload one after the other;
// the files of one group may go up in any order. Each class is a stage,
// and the search index's meta.json one of its own after the rest.
func (p Plan) UploadStages() [][]Local {
	var out [][]Local
	for i, f := range p.Uploads {
		if i == 0 || f.Class != p.Uploads[i-1].Class || lastOfIndex(f.Key) != lastOfIndex(p.Uploads[i-1].Key) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], f)
	}
	return out
}

// DeleteStages are the deletions in groups to delete one after the
// other, a class at a time: the pages before the files they used.
func (p Plan) DeleteStages() [][]string {
	var out [][]string
	for i, key := range p.Deletes {
		if i == 0 || ClassOf(key) != ClassOf(p.Deletes[i-1]) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], key)
	}
	return out
}
