//go:build unix

package detect

import (
	"io/fs"
	"syscall"
)

// readFileLimited reads at most limit+1 bytes of a file with plain system
// calls: open, read until EOF or the limit, close. os.Open also registers
// every file with the runtime poller (fcntl, epoll_ctl), which doubles the
// cost of reading the thousands of small files a source scan touches.
func readFileLimited(path string, limit int) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	// Size the buffer from the file, so one read usually does: open, fstat,
	// read, close. A file that grew meanwhile is read up to limit+1.
	size := int(st.Size) + 1
	if size > limit+1 || size <= 0 {
		size = limit + 1
	}
	buf := make([]byte, 0, size)
	for len(buf) < cap(buf) && (len(buf) == 0 || len(buf) < int(st.Size)) {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}
