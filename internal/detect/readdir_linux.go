//go:build linux

package detect

import (
	"encoding/binary"
	"io/fs"
	"sync"
	"syscall"
)

// direntBufs are getdents buffers, reused across folders.
var direntBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// readDirents returns a folder's entries, unsorted, without "." and "..".
// It reads them with getdents64 into a reused buffer: os.ReadDir costs an
// os.File, a DirEntry per entry and a sort, which the walk of a
// 20,000-file repository notices. An entry whose type the file system does
// not report is looked up with lstat.
func readDirents(path string) ([]dirent, error) {
	fd, err := openNoatime(func(flags int) (int, error) { return syscall.Open(path, flags, 0) }, syscall.O_DIRECTORY)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	buf := *bp
	var out []dirent
	for {
		n, err := syscall.ReadDirent(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			return out, nil
		}
		out = parseDirents(buf[:n], path, out)
	}
}

// parseDirents appends the linux_dirent64 records of b to out.
func parseDirents(b []byte, dir string, out []dirent) []dirent {
	const nameOff = 19 // d_ino 8, d_off 8, d_reclen 2, d_type 1
	for len(b) >= nameOff {
		reclen := int(binary.NativeEndian.Uint16(b[16:18]))
		if reclen < nameOff || reclen > len(b) {
			break // malformed: stop rather than read past the record
		}
		rec := b[:reclen]
		b = b[reclen:]
		if binary.NativeEndian.Uint64(rec[0:8]) == 0 {
			continue // a deleted entry
		}
		name := rec[nameOff:]
		for i, c := range name {
			if c == 0 {
				name = name[:i]
				break
			}
		}
		if len(name) == 0 || (name[0] == '.' && (len(name) == 1 || len(name) == 2 && name[1] == '.')) {
			continue
		}
		e := dirent{name: string(name)}
		switch rec[18] {
		case syscall.DT_REG:
		case syscall.DT_DIR:
			e.typ = fs.ModeDir
		case syscall.DT_LNK:
			e.typ = fs.ModeSymlink
		case syscall.DT_UNKNOWN:
			e.typ = lstatType(dir + "/" + e.name)
		default:
			e.typ = fs.ModeIrregular
		}
		out = append(out, e)
	}
	return out
}

// lstatType returns the type bits of a path, not following a symlink;
// ModeIrregular when it cannot be read.
func lstatType(path string) fs.FileMode {
	var st syscall.Stat_t
	if err := syscall.Lstat(path, &st); err != nil {
		return fs.ModeIrregular
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}
