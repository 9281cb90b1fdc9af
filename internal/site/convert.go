package site

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"folio/internal/check"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/msg"
	"folio/internal/par"
	"folio/internal/suggest"
)

// resolver answers the Markdown extensions' questions about the publication.
type resolver struct {
	pub  *content.Publication
	urls map[string]string   // content-relative path → site path
	held map[string]msg.Text // ../<slug>/ → why that installment is left out
	*images
}

func newResolver(pub *content.Publication, im *images, part *partBuild) *resolver {
	r := &resolver{pub: pub, urls: map[string]string{}, images: im}
	for _, p := range pub.All() {
		r.urls[p.RelPath] = p.URL
	}
	if part != nil {
		// The other installments' pages, as ../<slug>/… from this one's
		// content folder and site root.
		maps.Copy(r.urls, part.siblings)
		r.held = part.held
	}
	return r
}

// Held implements xref.HeldResolver: a page of an installment of the
// series that this build leaves out.
func (r *resolver) Held(rel string) (msg.Text, bool) {
	for prefix, why := range r.held {
		if strings.HasPrefix(rel, prefix) {
			return why, true
		}
	}
	return msg.Text{}, false
}

func (r *resolver) PageURL(rel string) (string, bool) {
	u, ok := r.urls[rel]
	return u, ok
}

func (r *resolver) Image(fromDir, ref string) (string, error) {
	return content.ResolveImage(r.pub.Dir, fromDir, ref)
}

// convert turns every page's Markdown into HTML, checks each page, and
// checks what the pages link to, including heading anchors in other
// pages. A page whose conversion is kept (a rebuild's, or the memo's of
// the last build) is converted again only when something it was made
// from changed.
func (b *builder) convert() {
	b.conv = markdown.New(markdown.Options{AllowHTML: b.pub.Config.AllowHTML})
	res := newResolver(b.pub, b.images, b.opts.part)
	b.images.Begin()
	b.images.Prefetch(b.imageRefs())
	b.converted = map[*content.Page]*converted{}
	seen := map[string]bool{}
	for _, p := range b.pub.All() {
		seen[p.RelPath] = true
	}
	// Pages convert in parallel: the converter is safe for concurrent
	// use and each page has its own environment.
	world := b.worldKey(res)
	rules := b.checkOptions()
	rulesKey := fmt.Sprint(rules)
	figureData := check.NewFigureData(b.data)
	// A page's own checks run as soon as it is converted: a build that
	// compacts then drops the syntax tree at once, instead of holding
	// every page's until all are converted (the largest thing a build
	// held).
	pageCheck := func(p *content.Page, c *converted) {
		for _, u := range c.env.Uncredited { // off unless checks: turns it on
			b.diags.Warnf(p.Pos(u.Offset), "missing-credit", "photo %q has no credit: end its title with the photographer or the source, ![…](%s \"caption 摄影：name\") or 图片来源：…, or have the photographer's name written into the photo (EXIF Artist, IPTC By-line)", u.Dest, u.Dest)
		}
		e := c.entry
		if e != nil && e.check != nil && e.checkOpts == rulesKey && e.check.CurrentFor(figureData) {
			c.check = e.check
		} else {
			c.check = check.CheckPage(&check.Page{Doc: c.res.Doc, Source: c.res.Source, Pos: p.Pos, Title: p.Front.Title, Year: yearOf(p.Front.Date)}, rules)
			if e != nil {
				e.check, e.checkOpts = c.check, rulesKey // each entry is one page's: no race
			}
		}
		if c.linkPos == nil && len(c.env.Links) > 0 {
			c.linkPos = make([]diag.Position, len(c.env.Links))
			for i, l := range c.env.Links {
				c.linkPos[i] = p.Pos(l.Offset)
			}
		}
		if b.session.keep.compact {
			// Nothing reads the page's Markdown again but through
			// positions: those of its links are taken, the checks keep
			// theirs, and the text, the syntax tree and the blocks'
			// copies go, instead of every page's staying until all are
			// checked (the largest part of what a build held).
			c.check.Compact(figureData)
			c.res.Doc, c.res.Source = nil, nil
			p.DropText()
			if c.entry != nil {
				c.entry.src.body = nil // held only to know the same text again
			}
		}
		if e != nil {
			e.linkPos = c.linkPos
			b.session.keepConv(p.RelPath, e, figureData)
		}
	}
	var mu sync.Mutex // guards b.converted, b.convertedPaths and the session's conv
	one := func(p *content.Page) {
		mu.Lock()
		e := b.session.conv[p.RelPath]
		mu.Unlock()
		src := b.sourceKey(p, e)
		// A kept conversion without its syntax tree (the memo's) is used
		// only while its checks stand: they cannot run again on it.
		// Entries are each one page's: checking and updating one needs
		// no lock.
		if e != nil && e.src.key == src.key && (e.world == world || e.deps == b.depsKey(e.env, res)) && e.images == b.imagesKey(e.env) &&
			(e.res.Doc != nil || e.check != nil && e.checkOpts == rulesKey && e.check.CurrentFor(figureData)) {
			e.src, e.world = src, world
			for _, rel := range e.env.Images {
				_, _ = b.images.Picture(rel) // written by this build too
			}
			c := &converted{res: e.res, env: e.env, entry: e, linkPos: e.linkPos}
			pageCheck(p, c)
			mu.Lock()
			b.converted[p] = c
			mu.Unlock()
			return
		}
		b.session.changed()
		var pageDiags diag.List
		env := &mdenv.Env{RelPath: p.RelPath, URL: p.URL, Resolver: res, Data: b.data, Pos: p.Pos, Diags: &pageDiags}
		out, err := b.conv.Convert(p.Body, env)
		b.diags.Merge(&pageDiags)
		if err != nil {
			b.diags.Errorf(p.Pos(0), "markdown", "cannot render: %v", err)
		}
		var c *converted
		if err == nil {
			c = &converted{res: out, env: env}
			// A page is converted again while the data has an error:
			// its references to what the error left out were not
			// reported, and are checked once it is fixed.
			if pageDiags.Len() == 0 && b.data.Complete() {
				// Only a clean conversion is kept: one with problems is
				// redone, so its diagnostics are reported on every build.
				c.entry = &convEntry{src: src, world: world, deps: b.depsKey(env, res), images: b.imagesKey(env), res: out, env: env}
			}
			pageCheck(p, c)
		}
		mu.Lock()
		defer mu.Unlock()
		b.convertedPaths = append(b.convertedPaths, p.RelPath)
		if c == nil || c.entry == nil {
			delete(b.session.conv, p.RelPath)
		} else {
			b.session.conv[p.RelPath] = c.entry
		}
		if c != nil {
			b.converted[p] = c
		}
	}
	all := b.pub.All()
	par.Do(len(all), func(i int) { one(all[i]) })
	slices.Sort(b.convertedPaths)
	for rel := range b.session.conv {
		if !seen[rel] {
			delete(b.session.conv, rel)
			b.session.changed()
		}
	}
	// Anchors can only be checked once every page's ids are known.
	for _, p := range b.pub.All() {
		c := b.converted[p]
		if c == nil {
			continue
		}
		for i, l := range c.env.Links {
			target := b.converted[b.pub.ByPath(l.Target)]
			if target == nil || target.res.IDs[l.Fragment] {
				continue
			}
			b.diags.Errorf(c.linkPos[i], "broken-link", "link to %s#%s: that page has no such heading%s", l.Target, l.Fragment, anchorHint(l.Fragment, target.res))
		}
	}
}

// anchorHint suggests the heading ids of the target page, nearest first.
func anchorHint(fragment string, res *markdown.Result) any {
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	if near := suggest.Nearest(fragment, ids); near != "" {
		return msg.New("; did you mean #%s?", near)
	}
	if len(ids) > 8 {
		ids = append(ids[:8], "…")
	}
	if len(ids) > 0 {
		return msg.New("; its headings are #%s", strings.Join(ids, ", #"))
	}
	return ""
}

// imageRefs lists the images the publication shows, as far as a quick look
// at its Markdown and front matter tells, so they are processed in
// parallel before the pages are converted.
func (b *builder) imageRefs() []string {
	seen := map[string]bool{}
	var refs []string
	add := func(fromDir, ref string) {
		if ref == "" {
			return
		}
		if rel, why := content.ResolveImage(b.pub.Dir, fromDir, ref); why == nil && !seen[rel] {
			seen[rel] = true
			refs = append(refs, rel)
		}
	}
	add("", b.pub.Config.Cover)
	// A body is the same slice while its file is unchanged (the file
	// cache's): its references are looked for once.
	last := b.session.bodyImages
	next := make(map[string]bodyImages, len(last))
	for _, p := range b.pub.All() {
		dir := path.Dir(p.RelPath)
		add(dir, p.Front.Cover)
		e, ok := last[p.RelPath]
		if !ok || !sameBytes(e.body, p.Body) {
			e = bodyImages{body: p.Body}
			for _, m := range markdownImageRE.FindAllSubmatch(p.Body, -1) {
				e.refs = append(e.refs, string(m[1]))
			}
		}
		next[p.RelPath] = e
		for _, ref := range e.refs {
			add(dir, ref)
		}
	}
	if b.session.keep.files {
		// Kept with the file cache, whose bodies are the same slices
		// while their files are unchanged.
		b.session.bodyImages = next
	}
	return refs
}

// bodyImages are the image references found in a page's body.
type bodyImages struct {
	body []byte
	refs []string
}

// convEntry is a page's last clean conversion and what it was made from,
// with what the page's own checks found in it.
type convEntry struct {
	src    sourceKey
	world  string // the worldKey it was last checked against
	deps   string // depsKey
	images string // imagesKey
	// content is contentKey's, computed once.
	content string
	res     *markdown.Result
	env     *mdenv.Env
	check   *check.PageResult
	// checkOpts are the house rules check was run with.
	checkOpts string
	// linkPos are the positions of env.Links, taken while the page's
	// text was there.
	linkPos []diag.Position
	// bulk is where the memo's bulk file holds the conversion's HTML and
	// its checks' paragraphs and figures; unloaded while they are
	// still only there.
	bulk     *bulkRef
	unloaded bool
}

// contentKey digests the HTML of the conversion, which the render keys
// stand it for: computed once for the entry, and kept with it. The HTML,
// not what it was made from: a page whose Markdown moved in its file
// (its front matter grew) converts again to the same HTML, and the pages
// showing it need not be made again.
func (e *convEntry) contentKey() string {
	if e.content == "" {
		// In hexadecimal: render keys encode it as JSON, which would
		// replace the bytes of a raw digest that are not UTF-8.
		e.content = fmt.Sprintf("%x", sha256.Sum256([]byte(e.res.HTML)))
	}
	return e.content
}

// sourceKey identifies a page's own input to its conversion: key digests
// body, the text of its file, with the page's address and settings.
type sourceKey struct {
	key  string
	body []byte
	sourceMeta
}

// sourceMeta is what else than the body a sourceKey digests.
type sourceMeta struct {
	rel, url  string
	file      string // as diagnostics name it: the checks' positions kept name it so
	allowHTML bool
	offset    int
}

// sourceKey computes p's sourceKey. The file cache hands out the same
// bytes for an unchanged file, and read text is never changed: when p is
// the same slice with the same settings as last time, so is its key.
func (b *builder) sourceKey(p *content.Page, last *convEntry) sourceKey {
	// The body's offset too: diagnostics kept with the conversion carry
	// positions in the file, which move when the front matter grows.
	k := sourceKey{body: p.Body, sourceMeta: sourceMeta{rel: p.RelPath, url: p.URL, file: p.Source.Name, allowHTML: b.pub.Config.AllowHTML, offset: p.BodyOffset}}
	if last != nil && sameBytes(last.src.body, p.Body) && last.src.sourceMeta == k.sourceMeta {
		return last.src
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%v\x00%d\x00", k.rel, k.url, k.file, k.allowHTML, k.offset)
	h.Write(p.Body)
	k.key = string(h.Sum(nil))
	return k
}

// sameBytes reports whether a and b are the same slice of memory.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// worldKey identifies everything outside a page that depsKey can name:
// every indicator, the timeline and every page's address. While it is
// unchanged a page's deps are too, and need not be computed again.
func (b *builder) worldKey(r *resolver) string {
	var k keyWriter
	for _, ind := range b.data.Indicators {
		k.str(ind.ID)
		k.str(b.data.FingerprintOf(ind.ID))
	}
	k.str(b.data.EventsFingerprint())
	for _, rel := range slices.Sorted(maps.Keys(r.urls)) {
		k.str(rel)
		k.str(r.urls[rel])
	}
	return k.sum()
}

// depsKey identifies what else a conversion used: the indicators it shows,
// the timeline, the addresses of the pages it links to.
func (b *builder) depsKey(env *mdenv.Env, r *resolver) string {
	var parts []string
	for _, id := range slices.Sorted(maps.Keys(env.Indicators)) {
		fp := "missing"
		if b.data.Get(id) != nil {
			fp = b.data.FingerprintOf(id)
		}
		if omitFromKeys["indicator-values"] {
			fp = "omitted"
		}
		parts = append(parts, "i:"+fp)
	}
	if env.Timeline {
		parts = append(parts, "t:"+b.data.EventsFingerprint())
	}
	for _, rel := range slices.Sorted(maps.Keys(env.Linked)) {
		u, ok := r.PageURL(rel)
		parts = append(parts, fmt.Sprintf("l:%s=%s,%v", rel, u, ok))
	}
	return strings.Join(parts, "\n")
}

// imagesKey identifies the versions of the images a conversion shows,
// from their files' sizes and times, which no other key covers.
func (b *builder) imagesKey(env *mdenv.Env) string {
	if len(env.Images) == 0 {
		return ""
	}
	parts := make([]string, 0, len(env.Images)+1)
	for _, rel := range env.Images {
		parts = append(parts, b.images.Fingerprint(rel))
	}
	// The variants' names and widths come from the image settings.
	parts = append(parts, fmt.Sprint(b.images.opts))
	return strings.Join(parts, "\n")
}
