//go:build !unix

package detect

import (
	"io"
	"os"
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
