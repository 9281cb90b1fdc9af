//go:build !linux

package output

// exchange is not available here: the caller renames in two steps.
func exchange(a, b string) (bool, error) { return false, nil }
