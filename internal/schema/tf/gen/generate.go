package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hoist-dev/hoist/internal/schema/tf"
)

type genStats struct {
	pkg, pkgVersion, providerVersion string
	resources, dataSources           int
}

// packageJSON is the part of the npm package.json the generator reads.
type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Cdktn   *struct {
		Provider struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"provider"`
	} `json:"cdktn"`
	Cdktf *struct {
		Provider struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"provider"`
	} `json:"cdktf"`
}

// Build reads the package folder and returns the schema file contents.
func Build(pkgDir string) (*tf.File, error) {
	pj := filepath.Join(pkgDir, "package.json")
	raw, err := os.ReadFile(pj)
	if err != nil {
		return nil, err
	}
	var meta packageJSON
	if err := json.Unmarshal(raw, &meta); err != nil {
		return nil, fmt.Errorf("%s: %w", pj, err)
	}
	f := &tf.File{Package: meta.Name, PackageVersion: meta.Version,
		Resources: []*tf.Resource{}, DataSources: []*tf.Resource{}}
	switch {
	case meta.Cdktn != nil:
		f.Provider, f.ProviderVersion = meta.Cdktn.Provider.Name, meta.Cdktn.Provider.Version
	case meta.Cdktf != nil:
		f.Provider, f.ProviderVersion = meta.Cdktf.Provider.Name, meta.Cdktf.Provider.Version
	default:
		return nil, fmt.Errorf("%s: no cdktn.provider entry: not a prebuilt provider package", pj)
	}

	asm, err := readAssembly(pkgDir)
	if err != nil {
		return nil, err
	}
	if asm.Version != meta.Version {
		return nil, fmt.Errorf("%s: jsii assembly version %s, package.json says %s", pkgDir, asm.Version, meta.Version)
	}
	docs, err := blockDocs(asm)
	if err != nil {
		return nil, err
	}
	asm = nil // the assembly is large; only docs are needed from here on

	entries, err := os.ReadDir(filepath.Join(pkgDir, "lib"))
	if err != nil {
		return nil, err
	}
	for _, e := range entries { // ReadDir sorts by name
		if !e.IsDir() {
			continue
		}
		file := filepath.Join(pkgDir, "lib", e.Name(), "index.js")
		if _, err := os.Stat(file); os.IsNotExist(err) {
			continue
		}
		// Large modules keep their structs in index-structs/structsN.js.
		extra, err := filepath.Glob(filepath.Join(pkgDir, "lib", e.Name(), "index-structs", "*.js"))
		if err != nil {
			return nil, err
		}
		sort.Strings(extra)
		mod := newModule(e.Name())
		for _, f := range append([]string{file}, extra...) {
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if err := mod.parseJS(f, src); err != nil {
				return nil, err
			}
		}
		b := &builder{mod: mod, file: file, docs: docs}
		names := make([]string, 0, len(mod.classes))
		for n := range mod.classes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			c := mod.classes[n]
			var list *[]*tf.Resource
			switch c.base {
			case "TerraformResource":
				list = &f.Resources
			case "TerraformDataSource":
				list = &f.DataSources
			default:
				continue
			}
			if c.tfType == "" {
				return nil, fmt.Errorf("%s:%d: class %s has no tfResourceType", file, c.line, c.name)
			}
			r, err := b.resource(c)
			if err != nil {
				return nil, err
			}
			*list = append(*list, r)
		}
	}
	for _, list := range [][]*tf.Resource{f.Resources, f.DataSources} {
		sort.Slice(list, func(i, j int) bool { return list[i].Type < list[j].Type })
		for i := 1; i < len(list); i++ {
			if list[i].Type == list[i-1].Type {
				return nil, fmt.Errorf("%s: type %s defined twice", pkgDir, list[i].Type)
			}
		}
	}
	if len(f.Resources) == 0 {
		return nil, fmt.Errorf("%s: no resources found", pkgDir)
	}
	return f, nil
}

// Generate builds and encodes the schema of the package in pkgDir.
func Generate(pkgDir string) ([]byte, genStats, error) {
	f, err := Build(pkgDir)
	if err != nil {
		return nil, genStats{}, err
	}
	data, err := tf.Encode(f)
	if err != nil {
		return nil, genStats{}, err
	}
	return data, genStats{pkg: f.Package, pkgVersion: f.PackageVersion, providerVersion: f.ProviderVersion,
		resources: len(f.Resources), dataSources: len(f.DataSources)}, nil
}
