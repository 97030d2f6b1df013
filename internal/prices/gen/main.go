// Command gen writes internal/prices/snapshot.json, the price catalog
// embedded in the hoist binary, from the project's curated price file
// (shared/data/aws-prices.json, kept beside the repository).
//
// It is run by `go generate ./internal/prices` and is never imported by the
// binary. The output is the input parsed and written back by
// prices.Normalize: validated, rows sorted, numbers as exact decimals, every
// row's source, as_of and confidence kept. The same input always gives the
// same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hoist-dev/hoist/internal/filewrite"
	"github.com/hoist-dev/hoist/internal/prices"
)

func main() {
	in := flag.String("in", "../../../shared/data/aws-prices.json", "curated price file (the default is relative to internal/prices, where go generate runs)")
	out := flag.String("out", "snapshot.json", "output file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	norm, err := prices.Normalize(data)
	if err != nil {
		return fmt.Errorf("%s:%w", in, err)
	}
	return filewrite.WriteAtomic(out, norm, 0o644)
}
