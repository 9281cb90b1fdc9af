//go:build unix

package output

import (
	"io/fs"
	"syscall"
)

func fileNumber(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
