package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// jsiiAssembly is the subset of a jsii assembly the generator reads.
type jsiiAssembly struct {
	Schema      string              `json:"schema"`
	Compression string              `json:"compression"`
	Filename    string              `json:"filename"`
	Name        string              `json:"name"`
	Version     string              `json:"version"`
	Types       map[string]jsiiType `json:"types"`
}

type jsiiType struct {
	Kind             string         `json:"kind"`
	Name             string         `json:"name"`
	Datatype         bool           `json:"datatype"`
	LocationInModule jsiiLocation   `json:"locationInModule"`
	Properties       []jsiiProperty `json:"properties"`
}

type jsiiLocation struct {
	Filename string `json:"filename"`
}

type jsiiProperty struct {
	Name     string   `json:"name"`
	Optional bool     `json:"optional"`
	Docs     jsiiDocs `json:"docs"`
}

type jsiiDocs struct {
	Summary string `json:"summary"`
	Remarks string `json:"remarks"`
}

// structKey names a config struct: the module folder under lib/ and the
// struct's name (e.g. "lb-listener", "LbListenerDefaultAction").
type structKey struct{ module, name string }

// structDocs records, per config struct, which Terraform names are nested
// blocks (their jsii docs read "<name> block.") and which are attributes.
type structDocs map[structKey]map[string]bool

// registryLink matches the Terraform Registry link every generated config
// property carries: {@link https://.../lb_listener#default_action LbListener#default_action}.
var registryLink = regexp.MustCompile(`#([A-Za-z0-9_]+) [A-Za-z0-9_]+#([A-Za-z0-9_]+)\}`)

// readAssembly loads the package's jsii assembly, following a
// file-redirect to a gzip-compressed assembly when there is one.
func readAssembly(pkgDir string) (*jsiiAssembly, error) {
	path := filepath.Join(pkgDir, ".jsii")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a jsiiAssembly
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if a.Schema == "jsii/file-redirect" {
		target := filepath.Join(pkgDir, a.Filename)
		raw, err := os.ReadFile(target)
		if err != nil {
			return nil, err
		}
		if a.Compression == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", target, err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				return nil, fmt.Errorf("%s: %w", target, err)
			}
		}
		a = jsiiAssembly{}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", target, err)
		}
	}
	return &a, nil
}

// blockDocs extracts, for every config struct, each property's Terraform
// name and whether the generated docs call it a block.
func blockDocs(a *jsiiAssembly) (structDocs, error) {
	out := structDocs{}
	for fqn, t := range a.Types {
		if t.Kind != "interface" || !t.Datatype {
			continue
		}
		module, ok := moduleOf(t.LocationInModule.Filename)
		if !ok {
			continue
		}
		props := map[string]bool{}
		for _, p := range t.Properties {
			m := registryLink.FindStringSubmatch(p.Docs.Summary + " " + p.Docs.Remarks)
			if m == nil || m[1] != m[2] {
				return nil, fmt.Errorf("%s.%s: no terraform registry link in docs", fqn, p.Name)
			}
			props[m[1]] = p.Docs.Summary == m[1]+" block."
		}
		out[structKey{module, t.Name}] = props
	}
	return out, nil
}

// moduleOf turns "src/lb-listener/index.ts" (or a split module's
// "src/lexv2models-intent/index-structs/structs0.ts") into the module
// folder name, "lb-listener".
func moduleOf(filename string) (string, bool) {
	rest, ok := strings.CutPrefix(filename, "src/")
	if !ok {
		return "", false
	}
	module, _, ok := strings.Cut(rest, "/")
	if !ok || module == "" {
		return "", false
	}
	return module, true
}
