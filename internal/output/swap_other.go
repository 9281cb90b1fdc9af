//go:build !linux

package output

import "os"

// flushInBackground: syncFolder here opens every file below the folder,
// too much to do more than once.
const flushInBackground = false

// syncFolder syncs every file below dir.
func syncFolder(dir string) error {
	return filepathWalkSync(dir)
}

func filepathWalkSync(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := dir + string(os.PathSeparator) + e.Name()
		if e.IsDir() {
			if err := filepathWalkSync(p); err != nil {
				return err
			}
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// exchange is not available here: the caller renames in two steps.
func exchange(a, b string) (bool, error) { return false, nil }

// lockFolder is not available here: builds of one output folder must not
// overlap.
func lockFolder(string) (func(), error) { return func() {}, nil }
