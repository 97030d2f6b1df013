// Command gen derives Hoist's embedded Terraform AWS provider schema from
// the npm package @cdktn/provider-aws (prebuilt CDK Terrain bindings).
// It is run by go generate in internal/schema/tf and is never part of the
// hoist binary.
//
// Where each fact comes from:
//   - resource and data source type names: the static tfResourceType of
//     each class in lib/<module>/index.js;
//   - attribute names (snake_case) and required/optional/computed flags:
//     the "// name - computed: x, optional: y, required: z" comment the
//     cdktn code generator writes above every getter;
//   - types: the synthesizeHclAttributes / *ToHclTerraform tables
//     (type list|set|map|simple, storageClassType) for configurable
//     attributes, the getter (getStringAttribute, Fn.tolist, new XList(...))
//     for computed-only ones; an XOutputReference getter means at most one;
//   - block or attribute: the jsii assembly docs, which summarise every
//     nested block as "<name> block." and every attribute with its
//     registry link only.
//
// Usage:
//
//	go run ./gen -pkg test-tools/node_modules/@cdktn/provider-aws -out provider.json.gz
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pkg := fs.String("pkg", "test-tools/node_modules/@cdktn/provider-aws", "folder of the installed @cdktn/provider-aws npm package")
	out := fs.String("out", "provider.json.gz", "file to write")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	data, stats, err := Generate(*pkg)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "gen: %s %s (provider %s): %d resources, %d data sources, %d bytes -> %s\n",
		stats.pkg, stats.pkgVersion, stats.providerVersion, stats.resources, stats.dataSources, len(data), *out)
	return 0
}
