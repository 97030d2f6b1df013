//go:build !linux

package detect

import "os"

// readDirents returns a folder's entries, through os.ReadDir.
func readDirents(path string) ([]dirent, error) {
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	out := make([]dirent, len(entries))
	for i, e := range entries {
		out[i] = dirent{name: e.Name(), typ: e.Type()}
	}
	return out, nil
}
