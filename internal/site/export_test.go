package site

// OmitFromKeysForTest makes the keys leave out the input name (see
// omitFromKeys) until restore is called.
func OmitFromKeysForTest(name string) (restore func()) {
	omitFromKeys[name] = true
	return func() { delete(omitFromKeys, name) }
}

// PrintReused is how many of the print page's sections the build copied
// from the last build's page.
func PrintReused(r *Result) int { return int(r.printReused) }

// EPUBReused is how many of the EPUB's sections the build copied from the
// last build's book.
func EPUBReused(r *Result) int { return int(r.epubReused) }
