//go:build unix

package detect

import (
	"io/fs"
	"path/filepath"
	"sync"
	"syscall"
)

// readFileLimited reads at most limit+1 bytes of a file with plain system
// calls. os.Open also registers every file with the runtime poller (fcntl,
// epoll_ctl), which doubles the cost of reading the thousands of small
// files a source scan touches.
func readFileLimited(path string, limit int) ([]byte, error) {
	fd, err := openRetry(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	return readFD(fd, path, limit)
}

func openRetry(open func() (int, error)) (int, error) {
	for {
		fd, err := open()
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// readBufs are scratch buffers: most source files fit in one, so a file
// costs open, one read, close; the data is then copied out at its size.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// readFD reads an open file to EOF or limit+1 bytes.
func readFD(fd int, path string, limit int) ([]byte, error) {
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	buf := *bp
	n, err := readFull(fd, buf)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if n < len(buf) { // a short read of a regular file is its end
		out := make([]byte, n)
		copy(out, buf[:n])
		return out, nil
	}
	out := append(make([]byte, 0, 2*len(buf)), buf...)
	for len(out) <= limit {
		if len(out) == cap(out) {
			out = append(out, 0)[:len(out)]
		}
		m, err := syscall.Read(fd, out[len(out):cap(out)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break
		}
		out = out[:len(out)+m]
	}
	return out, nil
}

// readFull reads until buf is full or EOF. A read returning fewer bytes
// than asked is the end of a regular file, so small files cost one read.
func readFull(fd int, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		want := len(buf) - n
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, err
		}
		n += m
		if m == 0 || m < want {
			break
		}
	}
	return n, nil
}

// dirReader reads the files of one folder relative to an open handle of
// the folder, so the kernel resolves one name per file, not the whole path.
type dirReader struct {
	path   string
	fd     int
	opened bool
	failed bool
}

func newDirReader(path string) *dirReader { return &dirReader{path: path} }

func (d *dirReader) read(name string, limit int) ([]byte, error) {
	full := filepath.Join(d.path, name)
	if !d.opened && !d.failed {
		fd, err := openRetry(func() (int, error) {
			return syscall.Open(d.path, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		})
		if err != nil {
			d.failed = true
		} else {
			d.fd, d.opened = fd, true
		}
	}
	if !d.opened {
		return readFileLimited(full, limit)
	}
	fd, err := openRetry(func() (int, error) { return syscall.Openat(d.fd, name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: full, Err: err}
	}
	defer syscall.Close(fd)
	return readFD(fd, full, limit)
}

func (d *dirReader) close() {
	if d.opened {
		syscall.Close(d.fd)
		d.opened = false
	}
}
