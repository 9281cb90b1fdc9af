package upload

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob" // s3:// URLs: AWS S3, Aliyun OSS, Tencent COS, self-hosted servers
	"gocloud.dev/gcerrors"

	"folio/internal/msg"
)

// Options configure a deploy.
type Options struct {
	Dir string // the built site
	// URL is the bucket's gocloud.dev URL, such as
	// s3://bucket?endpoint=…&region=…&use_path_style=true.
	URL        string
	DryRun     bool
	MaxDeletes int // a plan deleting more is refused
	Gzip       bool
	// Include and Exclude are glob patterns on the keys (** spans
	// folders): only the files and objects Include matches (all when it
	// is empty) and Exclude does not are uploaded or deleted; the rest of
	// the bucket is left as it is.
	Include, Exclude []string
	// Workers is how many requests are in flight at once (0: 8).
	Workers int
	// Progress, when set, is told of each file as it is stored or
	// deleted.
	Progress func(Step)
}

// Step is one upload or deletion done.
type Step struct {
	Key     string
	Deleted bool
	Bytes   int64
	// Done and Total count the steps; DoneBytes and TotalBytes the
	// bytes uploaded.
	Done, Total           int
	DoneBytes, TotalBytes int64
}

// Summary is what a deploy did, or, for a dry run, would do.
type Summary struct {
	Plan Plan
}

// secretParams are URL parameters that would put a credential into a
// URL, where it ends up in shell histories and configuration files.
var secretParams = []string{"secret", "secret_access_key", "secretaccesskey", "access_key_id", "accesskeyid", "session_token", "sessiontoken", "password", "token", "key"}

// CheckURL refuses a bucket URL that holds a secret: credentials come
// from the environment and the AWS configuration files only.
func CheckURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return msg.Errorf("%q is not a URL: write it as s3://bucket?endpoint=https://…&region=…", raw)
	}
	if u.User != nil {
		return msg.Errorf("the bucket URL holds a user name or password: remove it, and give the credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or in ~/.aws/credentials")
	}
	for name := range u.Query() {
		for _, s := range secretParams {
			if strings.EqualFold(name, s) {
				return msg.Errorf("the bucket URL holds a secret (%s=): remove it, and give the credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or in ~/.aws/credentials", name)
			}
		}
	}
	if u.Scheme != "s3" {
		return msg.Errorf("%q: folio deploys to S3-compatible storage, a URL starting s3://", raw)
	}
	if u.Host == "" {
		return msg.Errorf("%q names no bucket: write s3://BUCKET?…", raw)
	}
	return nil
}

// withPlainUploads asks the AWS SDK for checksums only where S3 requires
// them, unless the URL says otherwise. By default the SDK sends a CRC
// with every upload, streamed as aws-chunked over HTTPS, which Aliyun
// OSS, Tencent COS and Huawei OBS refuse. What arrived is checked
// instead against the MD5 the listing gives after the uploads.
func withPlainUploads(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	q := u.Query()
	for _, k := range []string{"request_checksum_calculation", "response_checksum_validation"} {
		if !q.Has(k) {
			q.Set(k, "when_required")
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Deploy stores the site in the bucket: uploads what is new or changed
// in Plan order, then records the manifest, then deletes what the site
// no longer has. Run again after it was stopped at any point, it does
// what is left.
func Deploy(ctx context.Context, opts Options) (Summary, error) {
	if err := CheckURL(opts.URL); err != nil {
		return Summary{}, err
	}
	keep, err := NewFilter(opts.Include, opts.Exclude)
	if err != nil {
		return Summary{}, err
	}
	local, err := Scan(opts.Dir, ScanOptions{Gzip: opts.Gzip})
	if err != nil {
		return Summary{}, err
	}
	local = slices.DeleteFunc(local, func(f Local) bool { return !keep.Match(f.Key) })
	b, err := blob.OpenBucket(ctx, withPlainUploads(opts.URL))
	if err != nil {
		return Summary{}, explain(opts.URL, err)
	}
	defer b.Close()
	if ok, err := b.IsAccessible(ctx); err != nil {
		return Summary{}, explain(opts.URL, err)
	} else if !ok {
		return Summary{}, missingBucket(opts.URL)
	}
	remote, err := list(ctx, b, keep.Match)
	if err != nil {
		return Summary{}, explain(opts.URL, err)
	}
	manifest := readManifest(ctx, b)
	plan := MakePlan(local, remote, manifest)
	sum := Summary{Plan: plan}
	if len(plan.Deletes) > opts.MaxDeletes {
		return sum, msg.Errorf("the deploy would delete %d objects, more than --max-deletes %d: check that %s is the site to deploy and the bucket its own, then give --max-deletes %d", len(plan.Deletes), opts.MaxDeletes, opts.Dir, len(plan.Deletes))
	}
	if opts.DryRun {
		return sum, nil
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	progress := &progress{report: opts.Progress, step: Step{Total: len(plan.Uploads) + len(plan.Deletes)}}
	for _, f := range plan.Uploads {
		progress.step.TotalBytes += f.Size
	}
	// Stage by stage, in order; the files of one stage go up several at
	// once, the next stage starting when the last is all stored.
	for _, stage := range plan.UploadStages() {
		err := parallel(ctx, len(stage), workers, func(ctx context.Context, i int) error {
			f := stage[i]
			body, err := f.Body()
			if err != nil {
				return err
			}
			if md5.Sum(body) != f.MD5 {
				return msg.Errorf("%s changed while it was deployed: build, then deploy again", f.Path)
			}
			err = b.WriteAll(ctx, f.Key, body, &blob.WriterOptions{
				ContentType: f.ContentType, CacheControl: f.CacheControl, ContentEncoding: f.ContentEncoding,
				DisableContentTypeDetection: true,
			})
			if err != nil {
				return explain(opts.URL, err)
			}
			progress.done(f.Key, false, f.Size)
			return nil
		})
		if err != nil {
			return sum, err
		}
	}
	if err := checkStored(ctx, b, plan.Uploads); err != nil {
		return sum, explain(opts.URL, err)
	}
	if err := writeManifest(ctx, b, manifest, keep, local); err != nil {
		return sum, explain(opts.URL, err)
	}
	for _, stage := range plan.DeleteStages() {
		err := parallel(ctx, len(stage), workers, func(ctx context.Context, i int) error {
			if err := b.Delete(ctx, stage[i]); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
				return explain(opts.URL, err)
			}
			progress.done(stage[i], true, 0)
			return nil
		})
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// DefaultWorkers is how many requests a deploy has in flight: object
// stores answer each in tens of milliseconds across a network, so one
// at a time would leave a deploy of thousands of files waiting minutes.
const DefaultWorkers = 8

// parallel calls do for 0..n-1, workers at a time, and returns the
// first error; the calls not yet made are not made, and those under way
// see their context cancelled.
func parallel(ctx context.Context, n, workers int, do func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				if err := do(ctx, i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					cancel()
				}
			}
		})
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if first == nil {
		first = ctx.Err() // the caller's context, stopped (cancel has not run yet)
	}
	return first
}

// progress counts the steps done and tells Options.Progress, one step
// at a time.
type progress struct {
	mu     sync.Mutex
	step   Step
	report func(Step)
}

func (p *progress) done(key string, deleted bool, size int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.step.Key, p.step.Deleted, p.step.Bytes = key, deleted, size
	p.step.Done++
	p.step.DoneBytes += size
	if p.report != nil {
		p.report(p.step)
	}
}

// checkStored lists the bucket once more and compares the MD5 of each
// object uploaded with the file's: a file altered on its way is an
// error before the manifest records it or anything is deleted (the
// next deploy uploads it again). Objects whose listing gives no MD5
// (uploaded in parts) are taken as stored.
func checkStored(ctx context.Context, b *blob.Bucket, uploads []Local) error {
	if len(uploads) == 0 {
		return nil
	}
	want := make(map[string][md5.Size]byte, len(uploads))
	for _, f := range uploads {
		want[f.Key] = f.MD5
	}
	stored, err := list(ctx, b, func(key string) bool { _, ok := want[key]; return ok })
	if err != nil {
		return err
	}
	for _, f := range uploads {
		o, ok := stored[f.Key]
		switch {
		case !ok:
			return msg.Errorf("%s was uploaded but is not in the bucket's listing: deploy again", f.Key)
		case len(o.MD5) == md5.Size && [md5.Size]byte(o.MD5) != f.MD5:
			return msg.Errorf("%s arrived altered (its MD5 in the bucket is %x, the file's %x): deploy again", f.Key, o.MD5, f.MD5[:])
		}
	}
	return nil
}

// list reads the bucket's listing: the objects whose key keep accepts.
func list(ctx context.Context, b *blob.Bucket, keep func(key string) bool) (map[string]Remote, error) {
	out := map[string]Remote{}
	it := b.List(nil)
	for {
		o, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if !o.IsDir && keep(o.Key) {
			out[o.Key] = Remote{Key: o.Key, MD5: o.MD5, Size: o.Size}
		}
	}
}

// readManifest reads the MD5 the last deploy stored for each key; none
// when it cannot (the objects whose listing gives no MD5 are uploaded).
func readManifest(ctx context.Context, b *blob.Bucket) map[string][md5.Size]byte {
	data, err := b.ReadAll(ctx, ManifestKey)
	if err != nil {
		return nil
	}
	var hexes map[string]string
	if json.Unmarshal(data, &hexes) != nil {
		return nil
	}
	out := make(map[string][md5.Size]byte, len(hexes))
	for k, h := range hexes {
		if sum, err := hex.DecodeString(h); err == nil && len(sum) == md5.Size {
			out[k] = [md5.Size]byte(sum)
		}
	}
	return out
}

// writeManifest records the MD5 of each file deployed, keeping what the
// last manifest knew of the keys outside this deploy's filter (another
// target's files in the same bucket).
func writeManifest(ctx context.Context, b *blob.Bucket, last map[string][md5.Size]byte, keep Filter, local []Local) error {
	hexes := make(map[string]string, len(local))
	for k, sum := range last {
		if !keep.Match(k) {
			hexes[k] = hex.EncodeToString(sum[:])
		}
	}
	for _, f := range local {
		hexes[f.Key] = hex.EncodeToString(f.MD5[:])
	}
	data, _ := json.Marshal(hexes)
	return b.WriteAll(ctx, ManifestKey, data, &blob.WriterOptions{ContentType: "application/json", CacheControl: "no-cache"})
}
