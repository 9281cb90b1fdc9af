package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps two existing folders in one step (renameat2 with
// RENAME_EXCHANGE), so a web server reading the output folder during a
// build never finds it missing. It reports false when the file system
// cannot do that, and the caller falls back to two renames.
func exchange(a, b string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EXDEV) {
		return false, nil
	}
	if err != nil {
		return false, &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return true, nil
}

// flushInBackground: syncFolder is one call for the whole file system, so
// the staging folder may call it while the build writes.
const flushInBackground = true

// syncFolder flushes the file system holding dir to disk: one call for all
// the files a build wrote, instead of one per file.
func syncFolder(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// lockFolder takes an exclusive lock on the folder dir, waiting for
// another build that holds it. Locking the folder itself rather than a
// lock file beside the output leaves nothing behind in the editor's tree.
func lockFolder(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}
