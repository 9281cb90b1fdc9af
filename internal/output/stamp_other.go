//go:build !unix

package output

import "io/fs"

// fileNumber is 0 where the file system has no inode numbers: the size
// and time stand alone.
func fileNumber(fs.FileInfo) uint64 { return 0 }
