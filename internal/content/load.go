package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/frontmatter"
	"folio/internal/msg"
	"folio/internal/par"
)

// Publication is the whole content of a site, in reading order.
type Publication struct {
	Config   *config.Publication
	Cover    *Page   // from index.md; never nil
	Chapters []*Page // ordered by weight
	Pages    []*Page // ordered by weight, then title
	// Dir is the content folder on disk; Display is how it is named in
	// diagnostics (e.g. "content").
	Dir, Display string

	byPath map[string]*Page
}

// All returns the cover, chapters and pages, in that order.
func (p *Publication) All() []*Page {
	all := []*Page{p.Cover}
	all = append(all, p.Chapters...)
	return append(all, p.Pages...)
}

// ByURL returns the content-relative path of the page at a site path.
func (p *Publication) ByURL(url string) string {
	for _, pg := range p.All() {
		if pg.URL == url {
			return pg.RelPath
		}
	}
	return ""
}

// ByPath returns the page read from a content-relative slash path.
func (p *Publication) ByPath(rel string) *Page {
	if p.byPath == nil {
		p.byPath = map[string]*Page{}
		for _, pg := range p.All() {
			p.byPath[pg.RelPath] = pg
		}
	}
	return p.byPath[rel]
}

// ReservedSlugs are top-level output names a page's slug must not take:
// the bundles' folder and the cover's name, and those each output format
// reserves for itself (Reserve).
var ReservedSlugs = []string{"assets", "index"}

// Reserve adds names to ReservedSlugs; the output formats call it as
// they register, before anything is loaded.
func Reserve(names ...string) {
	for _, n := range names {
		if !slices.Contains(ReservedSlugs, n) {
			ReservedSlugs = append(ReservedSlugs, n)
		}
	}
}

// Load reads the publication from contentDir. display names contentDir in
// diagnostics. Drafts are left out unless drafts is true.
func Load(contentDir, display string, drafts bool, diags *diag.List) *Publication {
	return LoadCached(contentDir, display, drafts, nil, diags)
}

// LoadCached is Load with the chapters and pages read through files (nil:
// read every file): the dev server's rebuilds decode again only the files
// whose size or modification time changed.
func LoadCached(contentDir, display string, drafts bool, files *FileCache, diags *diag.List) *Publication {
	pub := &Publication{Dir: contentDir, Display: display}
	pub.Config = config.Load(contentDir, path.Join(display, config.FileName), diags)
	return loadPages(pub, []string{"chapters", "pages"}, drafts, files, diags)
}

// LoadSeriesHome reads what a series' own content folder holds beside its
// installments, as a publication of cfg (made from series.yaml): its
// home's text (index.md, optional) and its pages (pages/, such as an
// about page). It has no chapters: those are the installments'.
func LoadSeriesHome(contentDir, display string, cfg *config.Publication, drafts bool, files *FileCache, diags *diag.List) *Publication {
	pub := &Publication{Dir: contentDir, Display: display, Config: cfg}
	return loadPages(pub, []string{"pages"}, drafts, files, diags)
}

func loadPages(pub *Publication, dirs []string, drafts bool, files *FileCache, diags *diag.List) *Publication {
	contentDir, display := pub.Dir, pub.Display
	if pub.Config.Cover != "" {
		checkImage(contentDir, "", pub.Config.Cover, pub.Config.CoverPos, diags)
	}

	cover := readPage(contentDir, display, "index.md", KindCover, diags)
	if cover == nil {
		cover = &Page{Kind: KindCover, RelPath: "index.md", Source: diag.NewSource(path.Join(display, "index.md"), nil)}
	}
	if cover.Front.Title == "" {
		cover.Front.Title = pub.Config.Title
	}
	pub.Cover = cover

	type file struct {
		rel   string
		kind  Kind
		page  *Page
		diags diag.List
	}
	var found []*file
	for _, dir := range []struct {
		name string
		kind Kind
	}{{"chapters", KindChapter}, {"pages", KindPage}} {
		if !slices.Contains(dirs, dir.name) {
			continue
		}
		names, err := markdownFiles(filepath.Join(contentDir, dir.name), path.Join(display, dir.name), diags)
		if err != nil {
			diags.Errorf(diag.Position{File: path.Join(display, dir.name)}, "read-error", "%v", err)
			continue
		}
		for _, name := range names {
			found = append(found, &file{rel: dir.name + "/" + name, kind: dir.kind})
		}
	}
	// Reading and decoding every file is most of a rebuild's floor in the
	// dev server: files are read in parallel, their diagnostics kept in
	// file order.
	files.begin()
	par.Do(len(found), func(i int) {
		f := found[i]
		f.page = files.read(contentDir, display, f.rel, f.kind, &f.diags)
		// The cover image is checked on every load: it is another file,
		// whose changes do not show in the page's.
		if p := f.page; p != nil && p.Front.Cover != "" {
			checkImage(contentDir, path.Dir(p.RelPath), p.Front.Cover, p.Front.CoverPos, &f.diags)
		}
	})
	files.end()
	for _, f := range found {
		diags.Merge(&f.diags)
		p := f.page
		if p == nil || (p.Front.Draft && !drafts) {
			continue
		}
		if f.kind == KindChapter {
			pub.Chapters = append(pub.Chapters, p)
		} else {
			pub.Pages = append(pub.Pages, p)
		}
	}
	SortPages(pub.Chapters)
	SortPages(pub.Pages)
	checkSlugs(pub, diags)
	return pub
}

// markdownFiles lists the .md files directly in dir, sorted; a missing dir
// has none. Symbolic links are skipped with a warning: they could lead
// outside the source folder.
func markdownFiles(dir, display string, diags *diag.List) ([]string, error) {
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		diags.Warnf(diag.Position{File: display}, "symlink-skipped", "%s is a symbolic link and was left out: folio reads nothing through links; move or copy the folder here", path.Base(display))
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			diags.Warnf(diag.Position{File: path.Join(display, e.Name())}, "symlink-skipped",
				"%s is a symbolic link and was left out: folio reads nothing through links; move or copy the file here", e.Name())
		case e.Type().IsRegular():
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// MaxMarkdownBytes bounds a Markdown file: a chapter is tens of
// kilobytes, and every stage's time and memory grow with the largest file.
const MaxMarkdownBytes = 8_000_000

// tooLargeError is a file over the size limit, left unread.
type tooLargeError struct{ size int64 }

func (e tooLargeError) Error() string { return fmt.Sprintf("file of %d bytes", e.size) }

// readLimited reads the file at name unless it is larger than limit.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, tooLargeError{info.Size()}
	}
	// Sized from the stat, as os.ReadFile does, with the room ReadFrom
	// asks for before its last read (with one byte to spare it doubled
	// the buffer: a third of the text a large build read was that
	// spare room); a file that grows while it is read is cut at the limit.
	var b bytes.Buffer
	b.Grow(int(info.Size()) + bytes.MinRead)
	_, err = b.ReadFrom(io.LimitReader(f, limit))
	return b.Bytes(), err
}

// readPage reads and decodes one Markdown file; it returns nil when the file
// cannot be read (a missing index.md is not an error).
func readPage(contentDir, display, rel string, kind Kind, diags *diag.List) *Page {
	shown := path.Join(display, rel)
	data, err := readLimited(filepath.Join(contentDir, filepath.FromSlash(rel)), MaxMarkdownBytes)
	if tl, ok := err.(tooLargeError); ok {
		diags.Errorf(diag.Position{File: shown}, "file-too-large",
			"the file is %.1f MB; folio reads Markdown files up to %d MB: split the chapter", float64(tl.size)/1e6, MaxMarkdownBytes/1_000_000)
		return nil
	}
	if err != nil {
		if !(kind == KindCover && errors.Is(err, fs.ErrNotExist)) {
			diags.Errorf(diag.Position{File: shown}, "read-error", "%v", err)
		}
		return nil
	}
	diag.LoneCRToLF(data)
	p := &Page{Kind: kind, RelPath: rel, Source: diag.NewSource(shown, data)}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		diags.Errorf(p.Source.Pos(off), "invalid-utf8", "the file is not valid UTF-8 text: save it as UTF-8")
		return nil
	}
	yamlText, yamlLine, body, bodyOffset, closed := frontmatter.Split(data)
	p.Body, p.BodyOffset = body, bodyOffset
	if !closed {
		diags.Errorf(diag.Position{File: shown, Line: 1, Col: 1}, "frontmatter-unclosed",
			"front matter opened with --- on line 1 is never closed: add a line --- after its last key")
		return nil
	}
	f := &p.Front
	fields := f.fields()
	// A page whose front matter cannot be parsed stays in the model, so
	// links to it are not reported as broken too: one mistake, one error.
	parsed := yamlText == nil || frontmatter.Decode(shown, yamlText, yamlLine, fields, "frontmatter-unknown-key", diags)
	if parsed && kind != KindCover && f.Title == "" {
		pos := diag.Position{File: shown, Line: 1, Col: 1}
		if f.TitlePos.Line > 0 {
			pos = f.TitlePos
		}
		diags.Errorf(pos, "frontmatter-title", "missing title: add a line \"title: …\" to the front matter between the --- lines")
	}
	base := strings.TrimSuffix(path.Base(rel), ".md")
	prefix, rest := splitNumberPrefix(base)
	p.Weight = prefix
	if f.HasWeight {
		p.Weight = f.Weight
	}
	if kind == KindCover {
		p.URL = ""
		return p
	}
	// A file name may hold spaces ("02 产业 篇.md"): they become hyphens
	// in the address. An explicit slug is the editor's choice and is
	// checked as written.
	p.Slug = strings.Join(strings.Fields(rest), "-")
	if f.Slug != "" {
		p.Slug = f.Slug
	}
	// One address however the file system spelled its name: macOS writes
	// decomposed (NFD) names, so two files can differ only in the form of
	// the same characters; in NFC they collide and are reported.
	p.Slug = norm.NFC.String(p.Slug)
	p.URL = p.Slug + "/"
	return p
}

// fields are the front matter's keys and where each value goes.
func (f *FrontMatter) fields() []frontmatter.Field {
	return []frontmatter.Field{
		{Key: "title", Target: &f.Title, Pos: &f.TitlePos},
		{Key: "subtitle", Target: &f.Subtitle},
		{Key: "label", Target: &f.Label},
		{Key: "weight", Target: &f.Weight, Set: &f.HasWeight},
		{Key: "slug", Target: &f.Slug, Pos: &f.SlugPos},
		{Key: "summary", Target: &f.Summary},
		{Key: "author", Target: &f.Author},
		{Key: "date", Target: &f.Date},
		{Key: "cover", Target: &f.Cover, Pos: &f.CoverPos},
		{Key: "cover_alt", Target: &f.CoverAlt},
		{Key: "draft", Target: &f.Draft},
	}
}

// FrontMatterKeys are the keys the front matter of index.md, a chapter or
// a page may hold.
func FrontMatterKeys() []string { return frontmatter.Keys(new(FrontMatter).fields()) }

var numberPrefix = regexp.MustCompile(`^(\d+)[-_.\s]+(.+)$`)

// splitNumberPrefix splits "01-reform" into 1 and "reform". A name without a
// number prefix sorts after the numbered ones.
func splitNumberPrefix(name string) (int, string) {
	m := numberPrefix.FindStringSubmatch(name)
	if m == nil {
		return 1 << 30, name
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 1 << 30, name
	}
	return n, m[2]
}

// SortPages orders pages by weight, then file path.
func SortPages(pages []*Page) {
	slices.SortStableFunc(pages, func(a, b *Page) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return strings.Compare(a.RelPath, b.RelPath)
	})
}

// checkSlugs reports slugs that cannot be folder names of a static site or
// that two pages share.
func checkSlugs(pub *Publication, diags *diag.List) {
	seen := map[string]*Page{}
	for _, p := range append(slices.Clone(pub.Chapters), pub.Pages...) {
		pos := p.Front.SlugPos
		if pos.Line == 0 {
			pos = diag.Position{File: p.Source.Name, Line: 1, Col: 1}
		}
		if why := ValidateSlug(p.Slug); why != nil {
			diags.Errorf(pos, "slug-invalid", "slug %q %v", p.Slug, why)
			continue
		}
		key := strings.ToLower(p.Slug)
		if other, ok := seen[key]; ok {
			diags.Errorf(pos, "slug-duplicate", "slug %q is already used by %s: give one of them another slug in its front matter", p.Slug, other.Source.Name)
			continue
		}
		seen[key] = p
	}
}

// ValidateSlug returns why s cannot be a slug (the predicate of
// "slug x …"), or nil.
func ValidateSlug(s string) error {
	switch {
	case s == "":
		return msg.Errorf("is empty: give the page a slug or a file name")
	case slices.Contains(ReservedSlugs, strings.ToLower(s)):
		return msg.Errorf("is reserved for folio's own output (%s): choose another", strings.Join(ReservedSlugs, ", "))
	case s == "." || s == ".." || strings.HasPrefix(s, "."):
		return msg.Errorf("must not start with a dot")
	}
	for _, r := range s {
		if r == '/' || r == '\\' || r == '?' || r == '#' || r == '%' || unicode.IsSpace(r) || unicode.IsControl(r) {
			return msg.Errorf("contains %q: use letters, digits and hyphens", r)
		}
	}
	return nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// FileCache keeps the pages read from Markdown files between loads, with
// their diagnostics, by path, size and modification time (nanoseconds).
type FileCache struct {
	mu         sync.Mutex
	last, next map[string]cachedFile
	// known, when set for the next load, holds the content-relative
	// paths of every file changed since the last: the cache's other files
	// are taken as they were, without a stat each.
	known   bool
	changed map[string]bool
}

// Assume tells the next load which files changed since the last one, as
// a watcher of the folder saw them (content-relative slash paths): every
// other file the cache holds is taken as unchanged, neither read nor
// stat'ed. A file the cache does not hold is read whatever the list
// says. Without a call before it, a load checks every file's size and
// time.
func (c *FileCache) Assume(changed []string) {
	c.known = true
	c.changed = make(map[string]bool, len(changed))
	for _, rel := range changed {
		c.changed[rel] = true
	}
}

type cachedFile struct {
	stamp fileStamp
	page  *Page // as read; callers get copies
	diags []diag.Diagnostic
}

type fileStamp struct{ size, mtime int64 }

func stampOf(info fs.FileInfo) fileStamp {
	return fileStamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
}

func (c *FileCache) begin() {
	if c != nil {
		c.next = make(map[string]cachedFile, len(c.last))
	}
}

// end forgets the files the load did not see, and what Assume said.
func (c *FileCache) end() {
	if c != nil {
		c.last, c.next = c.next, nil
		c.known, c.changed = false, nil
	}
}

// read is readPage through the cache. It is safe for concurrent use.
func (c *FileCache) read(contentDir, display, rel string, kind Kind, diags *diag.List) *Page {
	if c == nil {
		return readPage(contentDir, display, rel, kind, diags)
	}
	if c.known && !c.changed[rel] {
		c.mu.Lock()
		e, ok := c.last[rel]
		if ok {
			c.next[rel] = e
		}
		c.mu.Unlock()
		if ok {
			return e.use(diags)
		}
	}
	info, err := os.Stat(filepath.Join(contentDir, filepath.FromSlash(rel)))
	if err != nil {
		return readPage(contentDir, display, rel, kind, diags)
	}
	stamp := stampOf(info)
	c.mu.Lock()
	e, ok := c.last[rel]
	c.mu.Unlock()
	if !ok || e.stamp != stamp {
		var read diag.List
		e = cachedFile{stamp: stamp, page: readPage(contentDir, display, rel, kind, &read), diags: read.Items()}
	}
	// A file modified in the last two seconds is read again next time:
	// on file systems that keep coarse times, a second save of the same
	// size within the same tick would otherwise look unchanged.
	if time.Since(info.ModTime()) >= 2*time.Second {
		c.mu.Lock()
		c.next[rel] = e
		c.mu.Unlock()
	}
	return e.use(diags)
}

// use reports e's diagnostics and returns a copy of its page.
func (e cachedFile) use(diags *diag.List) *Page {
	for _, d := range e.diags {
		diags.Add(d)
	}
	if e.page == nil {
		return nil
	}
	p := *e.page
	return &p
}
