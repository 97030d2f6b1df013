// Package load turns a path a user names (a CloudFormation template, a
// Terraform folder, a Terraform plan JSON, a cdk.out folder, a hoist.yaml, a
// Dockerfile, or a folder holding any of them) into inputs for cost and
// policy: for each unit found, its kind, its IR graph (through the importers
// and expansion), its raw parsed form, and its source text.
//
// A file that cannot be read or parsed does not stop the walk: it is an
// Input with Err set (positioned where the parser says), so policy can report
// it as a finding of its own and go on. load reads files and nothing else; it
// prints nothing.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/importer/cdkout"
	cfn "github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// Kinds of input.
const (
	CloudFormation = "cloudformation"
	Terraform      = "terraform"
	Plan           = "terraform-plan"
	CDK            = "cdk"
	Spec           = "spec"
	Dockerfile     = "dockerfile"
)

// Input is one unit found under a path.
type Input struct {
	Kind string
	// Path is the file (or, for Terraform and cdk.out, the folder) as
	// found under the path the user named.
	Path string
	// Graphs are the stacks the unit describes: one, except for a cdk.out
	// holding several stacks. Empty for Dockerfiles and for units that did
	// not parse.
	Graphs []*ir.Graph
	// Raw is the unit's parsed form as generic data (maps, lists, strings,
	// numbers, bools), as a custom policy sees it.
	Raw any
	// Sources holds the text of every file of the unit, by path.
	Sources map[string][]byte
	// Dockerignore is the .dockerignore beside a Dockerfile, nil when
	// there is none.
	Dockerignore []byte
	// Notes are problems that did not stop the import, positioned.
	Notes []Note
	// Region is the region a hoist.yaml names, "" for other kinds.
	Region string
	// Err is why the unit could not be read, when it could not.
	Err error
}

// Note is a non-fatal problem of an input.
type Note struct {
	Severity, Message, File string
	Line, Column            int
}

// Options tune loading.
type Options struct {
	// Dockerfiles includes Dockerfiles found in folders (policy wants
	// them; cost does not).
	Dockerfiles bool
	// Region is the region conditions are evaluated for; empty when unknown.
	Region string
	// Raw fills Input.Raw. Parsing a second time into generic data costs
	// as much as importing; only custom policies read it.
	Raw bool
}

// Errors Path returns when a path gives nothing to work on.
var (
	ErrNotFound = errors.New("no such file or folder")
	ErrNothing  = errors.New("nothing Hoist can read")
)

// maxFileSize skips files no template reaches.
const maxFileSize = 16 << 20

// skipDirs are folders a walk never enters.
var skipDirs = map[string]bool{"node_modules": true, "vendor": true, "__pycache__": true, ".terraform": true, ".git": true}

// kind is one way of reading a file or folder. kinds is the registry, in
// order of precedence: the first that claims a file gets it.
type kind struct {
	name string
	// claimDir reports whether a whole folder is one unit of this kind
	// (cdk.out, a Terraform configuration).
	claimDir func(dir string, names []string) bool
	// claimFile reports whether a file is of this kind; explicit is true
	// when the user named the file, so weaker evidence (the extension) is
	// enough.
	claimFile func(name string, data []byte, explicit bool) bool
	read      func(path string, o Options) Input
}

var kinds = []kind{
	{name: CDK, claimDir: isCDKOut, read: readCDK},
	{name: Terraform, claimDir: hasTF, claimFile: func(name string, _ []byte, _ bool) bool { return strings.HasSuffix(name, ".tf") }, read: readTerraform},
	{name: Plan, claimFile: func(name string, data []byte, _ bool) bool { return strings.HasSuffix(name, ".json") && isPlan(data) }, read: readPlan},
	{name: Spec, claimFile: isSpec, read: readSpec},
	{name: CloudFormation, claimFile: isTemplate, read: readCloudFormation},
	{name: Dockerfile, claimFile: func(name string, _ []byte, _ bool) bool { return isDockerfile(name) }, read: readDockerfile},
}

// Path loads what path holds. A file named explicitly must be of a known
// kind; a folder is walked (skipping hidden folders, node_modules, vendor
// and .terraform) and every unit found is loaded, in path order.
func Path(path string, o Options) ([]Input, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, ErrNotFound)
	}
	if !st.IsDir() {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		for _, k := range kinds {
			if k.claimFile != nil && k.claimFile(filepath.Base(path), data, true) {
				if k.name == Terraform {
					return []Input{k.read(filepath.Dir(path), o)}, nil
				}
				return []Input{k.read(path, o)}, nil
			}
		}
		return nil, fmt.Errorf("%s: %w (want a CloudFormation template, a Terraform .tf file or plan JSON, a cdk.out folder, a hoist.yaml or a Dockerfile)", path, ErrNothing)
	}
	path = filepath.Clean(path)
	var out []Input
	err = walk(path, o, &out)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w (looked for CloudFormation templates, Terraform files and plans, cdk.out folders, hoist.yaml and Dockerfiles)", path, ErrNothing)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// walk loads the units of dir and its subfolders.
func walk(dir string, o Options, out *[]Input) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	for _, k := range kinds {
		if k.claimDir != nil && k.claimDir(dir, names) {
			*out = append(*out, k.read(dir, o))
			if k.name == CDK {
				return nil // an assembly is one unit, subfolders included
			}
			break // a Terraform folder may hold other files too
		}
	}
	tfDir := hasTF(dir, names)
	for _, e := range ents {
		name := e.Name()
		p := filepath.Join(dir, name)
		if e.IsDir() {
			if strings.HasPrefix(name, ".") || skipDirs[name] {
				continue
			}
			if err := walk(p, o, out); err != nil {
				return err
			}
			continue
		}
		if !e.Type().IsRegular() || (tfDir && strings.HasSuffix(name, ".tf")) {
			continue
		}
		if isDockerfile(name) && !o.Dockerfiles {
			continue
		}
		if !interesting(name) {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() > maxFileSize {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, k := range kinds {
			if k.claimFile != nil && k.name != Terraform && k.claimFile(name, data, false) {
				*out = append(*out, k.read(p, o))
				break
			}
		}
	}
	return nil
}

// interesting is a cheap filter on names before a file is read.
func interesting(name string) bool {
	if isDockerfile(name) {
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".template":
		return name != "package.json" && name != "package-lock.json" && name != "tsconfig.json"
	}
	return false
}

func isCDKOut(dir string, names []string) bool {
	return slices.Contains(names, cdkout.ManifestFile) && (filepath.Base(dir) == "cdk.out" || slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, ".template.json") }))
}

func hasTF(_ string, names []string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, ".tf") })
}

// isPlan sniffs `terraform show -json` output.
func isPlan(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")) && bytes.Contains(head, []byte(`"format_version"`)) &&
		(bytes.Contains(data, []byte(`"planned_values"`)) || bytes.Contains(data, []byte(`"resource_changes"`)))
}

func isSpec(name string, data []byte, explicit bool) bool {
	switch name {
	case "hoist.yaml", "hoist.yml":
		return true
	}
	if !explicit {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	// A named YAML file that starts "version: 1" and has services or
	// databases rather than Resources is a spec under another name.
	return bytes.Contains(data, []byte("version:")) && !bytes.Contains(data, []byte("Resources:")) &&
		(bytes.Contains(data, []byte("services:")) || bytes.Contains(data, []byte("databases:")) || bytes.Contains(data, []byte("static_sites:")))
}

// isTemplate: in a folder, a file whose content says it is a template; a
// file named explicitly may say less, but must have a Resources key.
func isTemplate(name string, data []byte, explicit bool) bool {
	switch cfn.Sniff(name, data) {
	case cfn.ByContent:
		return true
	case cfn.ByName:
		return explicit && bytes.Contains(data, []byte("Resources"))
	}
	return false
}

// isDockerfile matches Dockerfile, Dockerfile.prod, api.Dockerfile and
// Containerfile.
func isDockerfile(name string) bool {
	l := strings.ToLower(name)
	return l == "dockerfile" || l == "containerfile" || strings.HasPrefix(l, "dockerfile.") || strings.HasSuffix(l, ".dockerfile")
}

func readCloudFormation(path string, o Options) Input {
	in := Input{Kind: CloudFormation, Path: path}
	data, err := os.ReadFile(path)
	if err != nil {
		in.Err = err
		return in
	}
	in.Sources = map[string][]byte{path: data}
	g, probs, err := cfn.Import(path, data, cfn.Options{Region: o.Region})
	if err != nil {
		in.Err = err
		return in
	}
	in.Graphs = []*ir.Graph{g}
	in.Notes = cfnNotes(probs)
	if o.Raw {
		in.Raw, _ = rawYAML(data)
	}
	return in
}

func cfnNotes(probs []cfn.Problem) []Note {
	var out []Note
	for _, p := range probs {
		out = append(out, Note{Severity: p.Severity, Message: p.Message, File: p.Loc.File, Line: p.Loc.Line, Column: p.Loc.Column})
	}
	return out
}

func readCDK(dir string, o Options) Input {
	in := Input{Kind: CDK, Path: dir, Sources: map[string][]byte{}}
	stacks, err := cdkout.Import(dir)
	if err != nil {
		in.Err = err
		return in
	}
	raw := map[string]any{}
	for _, s := range stacks {
		s.Graph.Name = s.Name
		in.Graphs = append(in.Graphs, s.Graph)
		in.Notes = append(in.Notes, cfnNotes(s.Problems)...)
		if data, err := os.ReadFile(s.TemplateFile); err == nil {
			in.Sources[s.TemplateFile] = data
			if o.Raw {
				raw[s.Name], _ = rawYAML(data)
			}
		}
	}
	if o.Raw {
		in.Raw = raw
	}
	return in
}

func readSpec(path string, o Options) Input {
	in := Input{Kind: Spec, Path: path}
	data, err := os.ReadFile(path)
	if err != nil {
		in.Err = err
		return in
	}
	in.Sources = map[string][]byte{path: data}
	doc, err := spec.Parse(path, data)
	if err != nil {
		in.Err = err
		return in
	}
	if errs := doc.Validate(); len(errs) > 0 {
		in.Err = errs
		return in
	}
	res, err := expand.Expand(doc.Spec)
	if err != nil {
		in.Err = fmt.Errorf("%s: %w", path, err)
		return in
	}
	g := res.Graph
	g.Source = path
	for _, r := range g.Resources {
		if r.Loc.File != "" {
			continue
		}
		r.Loc.File = path
		field, _, _ := strings.Cut(r.Origin.Source, " ")
		if line, col, ok := doc.Position(field); ok {
			r.Loc.Line, r.Loc.Column = line, col
		}
	}
	in.Graphs = []*ir.Graph{g}
	in.Region = doc.Spec.Region
	if o.Raw {
		in.Raw, _ = rawYAML(data)
	}
	return in
}

func readDockerfile(path string, o Options) Input {
	in := Input{Kind: Dockerfile, Path: path}
	data, err := os.ReadFile(path)
	if err != nil {
		in.Err = err
		return in
	}
	in.Sources = map[string][]byte{path: data}
	if ig, err := os.ReadFile(filepath.Join(filepath.Dir(path), ".dockerignore")); err == nil {
		in.Dockerignore = ig
	}
	if o.Raw {
		var lines []any
		for _, l := range strings.Split(string(data), "\n") {
			lines = append(lines, l)
		}
		in.Raw = map[string]any{"lines": lines}
	}
	return in
}

// rawYAML decodes YAML or JSON into generic data. CloudFormation's short
// forms (!Ref x, !GetAtt a.b, !Sub ...) become their long forms so that a
// policy sees one shape.
func rawYAML(data []byte) (any, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, err
	}
	if len(n.Content) == 0 {
		return nil, nil
	}
	return plainNode(n.Content[0], 0), nil
}

func plainNode(n *yaml.Node, depth int) any {
	if depth > 200 {
		return nil
	}
	var v any
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			return plainNode(n.Alias, depth+1)
		}
		return nil
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plainNode(n.Content[i+1], depth+1)
		}
		v = m
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			l = append(l, plainNode(c, depth+1))
		}
		v = l
	default:
		var x any
		if err := n.Decode(&x); err != nil || strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
			x = n.Value
		}
		v = x
	}
	if tag := n.Tag; strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		name := tag[1:]
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		if name == "Fn::GetAtt" {
			if s, ok := v.(string); ok {
				a, b, _ := strings.Cut(s, ".")
				v = []any{a, b}
			}
		}
		return map[string]any{name: v}
	}
	return v
}

// Problems returns where and why the unit could not be read: each error
// of Err with the file, line and column its parser gave (a hoist.yaml may
// have several), then the notes of error severity. A problem without a
// position names the unit's path.
func (in Input) Problems() []Note {
	var out []Note
	var cerr *cfn.Error
	var aerr *cdkout.Error
	var serrs spec.Errors
	switch {
	case in.Err == nil:
	case errors.As(in.Err, &cerr):
		out = append(out, Note{Severity: "error", Message: cerr.Message, File: cerr.Loc.File, Line: cerr.Loc.Line, Column: cerr.Loc.Column})
	case errors.As(in.Err, &aerr):
		out = append(out, Note{Severity: "error", Message: aerr.Message, File: aerr.Loc.File, Line: aerr.Loc.Line, Column: aerr.Loc.Column})
	case errors.As(in.Err, &serrs):
		for _, e := range serrs {
			msg := e.Message
			if e.Path != "" {
				msg = e.Path + ": " + msg
			}
			out = append(out, Note{Severity: "error", Message: msg, File: e.File, Line: e.Line, Column: e.Column})
		}
	default:
		out = append(out, Note{Severity: "error", Message: in.Err.Error()})
	}
	for _, n := range in.Notes {
		if n.Severity == "error" {
			out = append(out, n)
		}
	}
	for i := range out {
		if out[i].File == "" {
			out[i].File = in.Path
		}
	}
	return out
}
