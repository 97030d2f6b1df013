// Package cdkout imports a CDK cloud assembly, the cdk.out folder that
// `cdk synth` writes: it reads manifest.json, follows nested assemblies
// (CDK stages) one level down, and imports every stack's template with the
// CloudFormation importer, so that every node of every graph keeps the
// file, line and column of its template.
//
// It reads the manifests and templates of the assembly and nothing else
// (no asset, no tree.json); it prints nothing and never panics on a
// malformed manifest. What the manifest means is AWS CDK's cloud assembly
// format; only the parts Hoist needs are read.
package cdkout

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	cfn "github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
)

// ManifestFile is the name of a cloud assembly's manifest.
const ManifestFile = "manifest.json"

// Artifact types the importer reads; others (asset manifests, tree.json)
// are skipped.
const (
	TypeStack    = "aws:cloudformation:stack"
	TypeAssembly = "cdk:cloud-assembly"
)

// Error is a manifest that is not a cloud assembly manifest, or a stack
// whose template cannot be read.
type Error struct {
	Loc     ir.Location
	Message string
}

func (e *Error) Error() string {
	if s := e.Loc.String(); s != "" {
		return s + ": " + e.Message
	}
	return e.Message
}

// Manifest is what Hoist reads of a cloud assembly manifest.
type Manifest struct {
	// File is the manifest's path as given.
	File    string
	Version string
	// Stacks are the stack artifacts, sorted by name.
	Stacks []StackArtifact
	// Assemblies are the nested assemblies, sorted by ID.
	Assemblies []AssemblyArtifact
}

// StackArtifact is an artifact of type aws:cloudformation:stack.
type StackArtifact struct {
	// ID is the artifact's key in the manifest.
	ID string
	// Name is its displayName ("Stage/App"), or the ID.
	Name string
	// TemplateFile is the template's path relative to the manifest's
	// folder, as written.
	TemplateFile string
}

// AssemblyArtifact is a nested assembly (a CDK stage).
type AssemblyArtifact struct {
	ID   string
	Name string
	// Directory is the nested assembly's folder relative to the manifest's
	// folder, as written.
	Directory string
}

type rawManifest struct {
	Version   *string                    `json:"version"`
	Artifacts map[string]json.RawMessage `json:"artifacts"`
}

type rawArtifact struct {
	Type        string          `json:"type"`
	DisplayName string          `json:"displayName"`
	Properties  json.RawMessage `json:"properties"`
}

type rawProperties struct {
	TemplateFile  string `json:"templateFile"`
	DirectoryName string `json:"directoryName"`
	DisplayName   string `json:"displayName"`
}

// ParseManifest reads a cloud assembly manifest. file names it in errors,
// which are *Error values with a line and column where the JSON is broken.
func ParseManifest(file string, data []byte) (*Manifest, error) {
	bad := func(loc ir.Location, format string, args ...any) error {
		return &Error{Loc: loc, Message: "not a cloud assembly manifest: " + fmt.Sprintf(format, args...)}
	}
	at := ir.Location{File: file}
	var raw rawManifest
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, bad(jsonLocation(file, data, err), "%s", jsonMessage(err))
	}
	if raw.Version == nil {
		return nil, bad(at, `no "version" key`)
	}
	m := &Manifest{File: file, Version: *raw.Version}
	for _, id := range sortedKeys(raw.Artifacts) {
		body := raw.Artifacts[id]
		var a rawArtifact
		if err := json.Unmarshal(body, &a); err != nil {
			return nil, bad(at, "artifact %q: %s", id, jsonMessage(err))
		}
		if a.Type != TypeStack && a.Type != TypeAssembly {
			continue
		}
		var p rawProperties
		if len(a.Properties) > 0 {
			if err := json.Unmarshal(a.Properties, &p); err != nil {
				return nil, bad(at, "artifact %q: properties: %s", id, jsonMessage(err))
			}
		}
		switch a.Type {
		case TypeStack:
			if err := checkPath(p.TemplateFile); err != nil {
				return nil, bad(at, "stack %q: properties.templateFile %s", id, err)
			}
			m.Stacks = append(m.Stacks, StackArtifact{ID: id, Name: cmp.Or(a.DisplayName, id), TemplateFile: p.TemplateFile})
		case TypeAssembly:
			if err := checkPath(p.DirectoryName); err != nil {
				return nil, bad(at, "nested assembly %q: properties.directoryName %s", id, err)
			}
			m.Assemblies = append(m.Assemblies, AssemblyArtifact{ID: id, Name: cmp.Or(p.DisplayName, a.DisplayName, id), Directory: p.DirectoryName})
		}
	}
	slices.SortFunc(m.Stacks, func(a, b StackArtifact) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return m, nil
}

// checkPath accepts a non-empty path inside the assembly's folder.
func checkPath(p string) error {
	switch {
	case p == "":
		return errors.New("is missing")
	case !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, `\`):
		return fmt.Errorf("%q is outside the assembly's folder", p)
	}
	return nil
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// jsonMessage says what encoding/json found wrong, without its "json: "
// prefix and Go type names.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := te.Type.Kind().String()
		switch want {
		case "struct", "map":
			want = "an object"
		case "slice":
			want = "a list"
		case "ptr":
			want = te.Type.Elem().Kind().String()
		}
		if te.Field != "" {
			return fmt.Sprintf("%s: got %s, want %s", te.Field, te.Value, want)
		}
		return fmt.Sprintf("got %s, want %s", te.Value, want)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "invalid JSON: " + strings.TrimPrefix(se.Error(), "json: ")
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonLocation turns the offset of a JSON error into a line and column.
func jsonLocation(file string, data []byte, err error) ir.Location {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return ir.Location{File: file}
	}
	// The offset is just past the offending byte; point at that byte.
	off = min(max(off-1, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return ir.Location{File: file, Line: line, Column: col}
}

// Stack is one stack of the assembly, imported.
type Stack struct {
	// Name is the stack's display name: "App", or "Stage/App" in a nested
	// assembly.
	Name string
	// TemplateFile is the template's path (the folder given to Import
	// joined with the manifest's templateFile); positions in Graph and
	// Problems name it.
	TemplateFile string
	Graph        *ir.Graph
	Problems     []cfn.Problem
}

// Import reads the cloud assembly in dir (a cdk.out folder) and its nested
// assemblies one level down, and imports every stack's template. Stacks
// are sorted by name. A missing or malformed manifest, a missing template
// or one that is not a template is an error naming the file.
func Import(dir string) ([]Stack, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	stacks, err := importStacks(dir, m)
	if err != nil {
		return nil, err
	}
	for _, a := range m.Assemblies {
		sub := filepath.Join(dir, filepath.FromSlash(a.Directory))
		nm, err := ReadManifest(sub)
		if err != nil {
			return nil, err
		}
		more, err := importStacks(sub, nm)
		if err != nil {
			return nil, err
		}
		stacks = append(stacks, more...)
	}
	slices.SortStableFunc(stacks, func(a, b Stack) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.TemplateFile, b.TemplateFile))
	})
	return stacks, nil
}

// ReadManifest reads and parses dir/manifest.json.
func ReadManifest(dir string) (*Manifest, error) {
	file := filepath.Join(dir, ManifestFile)
	data, err := os.ReadFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Loc: ir.Location{File: file}, Message: "no such file: not a cloud assembly (the output folder of cdk synth)"}
		}
		return nil, &Error{Loc: ir.Location{File: file}, Message: "cannot read: " + pathErr(err)}
	}
	return ParseManifest(file, data)
}

func importStacks(dir string, m *Manifest) ([]Stack, error) {
	var out []Stack
	for _, s := range m.Stacks {
		file := filepath.Join(dir, filepath.FromSlash(s.TemplateFile))
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, &Error{Loc: ir.Location{File: m.File}, Message: fmt.Sprintf("stack %q: cannot read template %s: %s", s.Name, file, pathErr(err))}
		}
		g, problems, err := cfn.Import(file, data, cfn.Options{})
		if err != nil {
			return nil, err
		}
		out = append(out, Stack{Name: s.Name, TemplateFile: file, Graph: g, Problems: problems})
	}
	return out, nil
}

// pathErr drops the path an *fs.PathError repeats.
func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
