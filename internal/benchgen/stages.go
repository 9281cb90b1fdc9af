package benchgen

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"folio/internal/diag"
	"folio/internal/frontmatter"
	"folio/internal/indicator"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/picture"
)

// Chapter is a generated chapter ready for one stage of the pipeline: its
// Markdown body and what converting it gave, so each stage's benchmark
// measures that stage alone.
type Chapter struct {
	Title, URL string
	Body       []byte
	Result     *markdown.Result
	Env        *mdenv.Env
}

// Chapters generates n chapters and converts them as a build would, with
// the generated indicators and every link and image resolved.
func Chapters(n int, seed uint64) ([]Chapter, error) {
	dir, err := os.MkdirTemp("", "folio-stages-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := Generate(dir, n, seed); err != nil {
		return nil, err
	}
	var diags diag.List
	data := indicator.Load(filepath.Join(dir, "content"), "content", &diags)
	if diags.HasErrors() {
		return nil, fmt.Errorf("the generated data: %v", diags.Items())
	}
	conv := markdown.New(markdown.Options{})
	out := make([]Chapter, 0, n)
	for i := 1; i <= n; i++ {
		rel := fmt.Sprintf("chapters/%05d-chapter-%d.md", i, i)
		file, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		_, _, body, _, _ := frontmatter.Split(file)
		env := &mdenv.Env{RelPath: rel, URL: fmt.Sprintf("chapter-%d/", i), Resolver: resolver{}, Data: data, Diags: &diag.List{},
			Pos: diag.NewSource(rel, body).Pos}
		res, err := conv.Convert(body, env)
		if err != nil {
			return nil, err
		}
		if env.Diags.HasErrors() {
			return nil, fmt.Errorf("%s: %v", rel, env.Diags.Items())
		}
		out = append(out, Chapter{Title: fmt.Sprintf("第%d篇", i), URL: env.URL, Body: body, Result: res, Env: env})
	}
	return out, nil
}

// resolver resolves what generated chapters link to: other chapters and
// the illustrations, as already processed pictures.
type resolver struct{}

func (resolver) PageURL(rel string) (string, bool) {
	var i int
	if _, err := fmt.Sscanf(path.Base(rel), "%05d-chapter-", &i); err != nil {
		return "", false
	}
	return fmt.Sprintf("chapter-%d/", i), true
}

func (resolver) Image(fromDir, ref string) (string, error) {
	return path.Join(fromDir, ref), nil
}

func (resolver) Picture(rel string) (*picture.Picture, error) {
	name := strings.TrimSuffix(path.Base(rel), ".jpg")
	var fallback, webp []picture.Source
	for _, w := range []int{480, 960, 1200} {
		fallback = append(fallback, picture.Source{Path: fmt.Sprintf("images/%s.0123abcd-%d.jpg", name, w), Width: w})
		webp = append(webp, picture.Source{Path: fmt.Sprintf("images/%s.0123abcd-%d.webp", name, w), Width: w})
	}
	return &picture.Picture{Width: 1200, Height: 800, Type: "image/jpeg", Fallback: fallback, WebP: webp}, nil
}
