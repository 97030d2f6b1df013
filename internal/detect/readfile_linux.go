//go:build linux

package detect

import (
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// readFileLimited reads at most limit+1 bytes of a file with plain system
// calls. os.Open also registers every file with the runtime poller (fcntl,
// epoll_ctl), which doubles the cost of reading the thousands of small
// files a source scan touches.
func readFileLimited(path string, limit int) ([]byte, error) {
	fd, err := openNoatime(func(flags int) (int, error) { return syscall.Open(path, flags, 0) }, 0)
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

// noatimeDenied is set once opening with O_NOATIME has failed with EPERM:
// only the owner of a file may ask not to update its access time.
var noatimeDenied atomic.Bool

// openFlags are the flags to open a file or folder for reading. A file read
// for the first time since it was written has its access time updated (a
// write to the inode, even under relatime); O_NOATIME spares analyze that
// on a fresh checkout.
func openFlags(extra int) int {
	flags := syscall.O_RDONLY | syscall.O_CLOEXEC | extra
	if !noatimeDenied.Load() {
		flags |= syscall.O_NOATIME
	}
	return flags
}

// openNoatime opens with openFlags, and again without O_NOATIME when the
// caller does not own the file (EPERM), which later opens then skip.
func openNoatime(open func(flags int) (int, error), extra int) (int, error) {
	flags := openFlags(extra)
	fd, err := openRetry(func() (int, error) { return open(flags) })
	if err == syscall.EPERM && flags&syscall.O_NOATIME != 0 {
		noatimeDenied.Store(true)
		flags &^= syscall.O_NOATIME
		fd, err = openRetry(func() (int, error) { return open(flags) })
	}
	return fd, err
}

// readBufs are scratch buffers: most source files fit in one, so a file
// costs open, one read, close; the data is then copied out at its size.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// readFD reads an open file to EOF or limit+1 bytes.
func readFD(fd int, path string, limit int) ([]byte, error) {
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	data, err := readFDInto(fd, limit, *bp)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return copyOut(data, *bp), nil
}

// copyOut returns data, copied when it lies in the scratch buffer buf.
func copyOut(data, buf []byte) []byte {
	if unsafe.SliceData(data) != unsafe.SliceData(buf) {
		return data
	}
	out := make([]byte, len(data))
	copy(out, data)
	return out
}

// readFDInto reads an open file to EOF or limit+1 bytes into buf when the
// file is smaller than buf (the result is then a prefix of buf), else into
// a new slice. The error is the read's, without the path.
func readFDInto(fd int, limit int, buf []byte) ([]byte, error) {
	n, err := readFull(fd, buf)
	if err != nil {
		return nil, err
	}
	if n < len(buf) { // a short read of a regular file is its end
		return buf[:n], nil
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
			return nil, err
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
	name   []byte // the NUL-terminated name of the file being opened
}

func newDirReader(path string) *dirReader { return &dirReader{path: path} }

// read returns the contents of the named file of the folder, at most
// limit+1 bytes.
func (d *dirReader) read(name string, limit int) ([]byte, error) {
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	data, err := d.readInto(name, limit, *bp)
	if err != nil {
		return nil, err
	}
	return copyOut(data, *bp), nil
}

// readInto is read into buf when the file fits (see readFDInto).
func (d *dirReader) readInto(name string, limit int, buf []byte) ([]byte, error) {
	if !d.opened && !d.failed {
		fd, err := openNoatime(func(flags int) (int, error) { return syscall.Open(d.path, flags, 0) }, syscall.O_DIRECTORY)
		if err != nil {
			d.failed = true
		} else {
			d.fd, d.opened = fd, true
		}
	}
	if !d.opened || strings.IndexByte(name, 0) >= 0 {
		return readFileLimited(d.path+"/"+name, limit)
	}
	d.name = append(append(d.name[:0], name...), 0)
	fd, err := openNoatime(d.openat, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: d.path + "/" + name, Err: err}
	}
	defer syscall.Close(fd)
	data, err := readFDInto(fd, limit, buf)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: d.path + "/" + name, Err: err}
	}
	return data, nil
}

// openat opens the file of the folder named in d.name. It is
// syscall.Openat without the allocation of the name's C string, once per
// file of a scan.
func (d *dirReader) openat(flags int) (int, error) {
	fd, _, errno := syscall.Syscall6(syscall.SYS_OPENAT, uintptr(d.fd), uintptr(unsafe.Pointer(&d.name[0])),
		uintptr(flags), 0, 0, 0)
	if errno != 0 {
		return -1, errno
	}
	return int(fd), nil
}

func (d *dirReader) close() {
	if d.opened {
		syscall.Close(d.fd)
		d.opened = false
	}
}
