package content

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"folio/internal/diag"
	"folio/internal/msg"
)

// ResolveImage finds an image referenced from a file in content folder
// fromDir (slash, relative to content/): first relative to that folder, then
// relative to content/. It returns the image's slash path relative to
// content/, or "" and a reason (the predicate of "image x …") when it
// is not there or lies outside content/.
func ResolveImage(contentDir, fromDir, ref string) (string, error) {
	if strings.HasPrefix(ref, "/") || filepath.IsAbs(ref) || strings.Contains(ref, `\`) {
		return "", msg.Errorf("is an absolute path: write it relative to the Markdown file or to content/")
	}
	var candidates []string
	if fromDir != "" && fromDir != "." {
		candidates = append(candidates, path.Join(fromDir, ref))
	}
	candidates = append(candidates, path.Clean(ref))
	var inside []string
	for _, c := range candidates {
		if c == ".." || strings.HasPrefix(c, "../") {
			continue
		}
		inside = append(inside, c)
		fi, err := os.Lstat(filepath.Join(contentDir, filepath.FromSlash(c)))
		if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return "", msg.Errorf("is a symbolic link (%s): folio reads nothing through links; copy the file into content/", c)
		}
		if err == nil && fi.Mode().IsRegular() {
			return c, nil
		}
	}
	if len(inside) == 0 {
		return "", msg.Errorf("points outside content/: keep images inside the content folder")
	}
	return "", msg.Errorf("not found (looked in %s under content/)", msg.Join(" and ", inside))
}

func checkImage(contentDir, fromDir, ref string, pos diag.Position, diags *diag.List) {
	if _, why := ResolveImage(contentDir, fromDir, ref); why != nil {
		diags.Errorf(pos, "image-missing", "image %q %v", ref, why)
	}
}
