package site

// OmitFromKeysForTest makes the keys leave out the input name (see
// omitFromKeys) until restore is called.
func OmitFromKeysForTest(name string) (restore func()) {
	omitFromKeys[name] = true
	return func() { delete(omitFromKeys, name) }
}
