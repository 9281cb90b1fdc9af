// Package folio holds the default theme: the layouts/ and assets/ folders at
// the repository root, embedded in the binary so that folio builds a folder
// holding only content/. A site's own layouts/ and assets/ override these
// file by file.
package folio

import "embed"

// Theme holds layouts/ and assets/.
//
//go:embed layouts assets
var Theme embed.FS
