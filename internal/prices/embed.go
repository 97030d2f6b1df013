package prices

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Regenerate snapshot.json from the curated price file beside the repository
// (shared/data/aws-prices.json); see README.md.
//go:generate go run ./gen

//go:embed snapshot.json
var snapshotJSON []byte

// CacheFile is the name of the refreshed catalog inside a cache folder.
const CacheFile = "prices.json"

var embedded = sync.OnceValue(func() *Catalog {
	c, err := Parse(snapshotJSON)
	if err != nil {
		// The snapshot is generated and tested; a bad one is a build defect.
		panic("prices: embedded snapshot.json: " + err.Error())
	}
	return c
})

// Embedded returns the catalog compiled into the binary. It is parsed once,
// on first use, and shared.
func Embedded() *Catalog { return embedded() }

// EmbeddedJSON returns a copy of the embedded snapshot file.
func EmbeddedJSON() []byte { return append([]byte(nil), snapshotJSON...) }

// Load returns the catalog cached in cacheDir/prices.json by an earlier
// refresh, or Embedded() when cacheDir is empty or holds no such file. A
// cache file that cannot be read or parsed is an error naming it: a stale
// or damaged cache should be fixed or removed, not silently ignored.
func Load(cacheDir string) (*Catalog, error) {
	if cacheDir == "" {
		return Embedded(), nil
	}
	path := filepath.Join(cacheDir, CacheFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Embedded(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the price cache: %w", err)
	}
	c, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return c, nil
}
