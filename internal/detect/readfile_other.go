//go:build !linux

package detect

import (
	"io"
	"os"
	"path/filepath"
)

// readFileLimited reads at most limit+1 bytes of a file.
func readFileLimited(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)+1))
}

// dirReader reads the files of one folder.
type dirReader struct{ path string }

func newDirReader(path string) *dirReader { return &dirReader{path: path} }

func (d *dirReader) read(name string, limit int) ([]byte, error) {
	return readFileLimited(filepath.Join(d.path, name), limit)
}

// readInto is read; buf is not used.
func (d *dirReader) readInto(name string, limit int, buf []byte) ([]byte, error) {
	return d.read(name, limit)
}

func (d *dirReader) close() {}
