package cdk

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/oracle"
	"github.com/hoist-dev/hoist/internal/spec"
	"github.com/hoist-dev/hoist/internal/validate"
)

type specGraph struct {
	name string // spec file name without .yaml
	app  string // the spec's own name
	g    *ir.Graph
}

func loadSpecs(t *testing.T) []specGraph {
	t.Helper()
	paths, err := filepath.Glob("../../expand/testdata/specs/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	var out []specGraph
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		doc, err := spec.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := expand.Expand(doc.Spec)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, specGraph{name, doc.Spec.Name, res.Graph})
	}
	return out
}

// txtar joins files into one golden text, a header line per file.
func txtar(files []File) []byte {
	var b bytes.Buffer
	for _, f := range files {
		b.WriteString("-- " + f.Path + " --\n")
		b.Write(f.Content)
		if len(f.Content) > 0 && f.Content[len(f.Content)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// TestBlueprintsRender keeps the rendered app of every expansion test spec
// as a golden txtar file and checks that rendering is deterministic.
func TestBlueprintsRender(t *testing.T) {
	for _, s := range loadSpecs(t) {
		files, err := Render(s.g, Options{Name: s.app})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		again, _ := Render(s.g, Options{Name: s.app})
		if !bytes.Equal(txtar(files), txtar(again)) {
			t.Errorf("%s: two renders differ", s.name)
		}
		golden.Assert(t, filepath.Join("testdata", s.name+".txtar"), txtar(files))
	}
}

// TestBlueprintsSynthesize renders every expansion test spec as one stack
// of a single CDK app (one synth: it is the slow part), type-checks it with
// tsc, synthesizes it offline with the CDK CLI, and checks each stack's
// template: the same resources, properties, policies, parameters and
// outputs as Hoist's own CloudFormation for the spec, and zero errors from
// AWS's validator and from hoist validate.
func TestBlueprintsSynthesize(t *testing.T) {
	oracle.Require(t, "aws-cdk-lib", "aws-cdk", "constructs", "tsx", "typescript")
	specs := loadSpecs(t)
	dir := t.TempDir()
	base, err := Render(&ir.Graph{}, Options{Name: "blueprints"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range base {
		if f.Path == "cdk.json" || f.Path == "tsconfig.json" || f.Path == "package.json" {
			write(t, filepath.Join(dir, f.Path), f.Content)
		}
	}
	var refs []StackRef
	for _, s := range specs {
		n := newNames(s.name)
		stack, err := RenderStack(s.g, n.class)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		write(t, filepath.Join(dir, "lib", n.file+".ts"), stack)
		refs = append(refs, StackRef{Class: n.class, File: n.file, StackName: s.name})
	}
	// The demo graph of the unit tests exercises parameters, conditions,
	// raw property overrides and CfnResource; it is compared, not validated
	// (it holds a deliberately unknown property).
	demoStack, err := RenderStack(demo(), "DemoStack")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "lib", "demo-stack.ts"), demoStack)
	refs = append(refs, StackRef{Class: "DemoStack", File: "demo-stack", StackName: "demo"})
	write(t, filepath.Join(dir, "bin", "app.ts"), AppFile(refs))

	if report, ok := oracle.TypeCheckTS(t, dir); !ok {
		t.Errorf("tsc --noEmit found type errors in the generated TypeScript:\n%s", report)
	}
	stacks := oracle.SynthCDKStacks(t, dir)

	var files []string
	byFile := map[string]string{}
	compared := append([]specGraph{{name: "demo", g: demo()}}, specs...)
	for _, s := range compared {
		data, ok := stacks[s.name]
		if !ok {
			t.Errorf("%s: cdk synth wrote no template for the stack", s.name)
			continue
		}
		got := synthesized(t, s.name, data)
		want := expected(s.g)
		for _, id := range unionKeys(got.Resources, want.Resources) {
			if d := cmp.Diff(want.Resources[id], got.Resources[id]); d != "" {
				t.Errorf("%s: resource %s: synthesized differs from Hoist's CloudFormation (-want +got):\n%s", s.name, id, d)
			}
		}
		for _, part := range []struct {
			name      string
			got, want any
		}{
			{"Description", got.Description, want.Description},
			{"Parameters", got.Parameters, want.Parameters},
			{"Conditions", got.Conditions, want.Conditions},
			{"Outputs", got.Outputs, want.Outputs},
		} {
			if d := cmp.Diff(part.want, part.got); d != "" {
				t.Errorf("%s: %s differ from Hoist's CloudFormation (-want +got):\n%s", s.name, part.name, d)
			}
		}
		if s.name == "demo" {
			continue
		}
		for _, f := range validate.CloudFormation(s.name+".template.json", withoutBootstrapRule(t, data), validate.Options{}) {
			if f.Severity == validate.SeverityError {
				t.Errorf("%s: hoist validate: %s", s.name, f)
			}
		}
		f := filepath.Join(dir, "cdk.out", s.name+".template.json")
		files = append(files, f)
		byFile[f] = s.name
	}
	for _, f := range oracle.ValidateCloudFormation(t, files...) {
		msg := byFile[f.File] + ":" + strconv.Itoa(f.Line) + ": " + f.Level + " " + f.Rule + " " + f.Resource + " " + f.Path + ": " + f.Message
		if f.IsError() {
			t.Error(msg)
		}
	}
}

// withoutBootstrapRule drops the BootstrapVersion parameter and the
// CheckBootstrapVersion rule CDK's default synthesizer adds: hoist validate
// does not yet know Fn::Contains, which is valid only in Rules, and the
// rule is CDK's, not the renderer's. AWS's validator sees them unchanged.
func withoutBootstrapRule(t *testing.T, data []byte) []byte {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for _, section := range []string{"Parameters", "Rules"} {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw[section], &m); err != nil || m == nil {
			continue
		}
		delete(m, "BootstrapVersion")
		delete(m, "CheckBootstrapVersion")
		if len(m) == 0 {
			delete(raw, section)
			continue
		}
		raw[section], _ = json.Marshal(m)
	}
	out, err := json.MarshalIndent(raw, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// template is the part of a CloudFormation template the test compares, in
// a normal form (see normal).
type template struct {
	Description any
	Parameters  map[string]any
	Conditions  map[string]any
	Resources   map[string]any
	Outputs     map[string]any
}

// synthesized reads a cdk synth template, dropping what CDK adds on its
// own: the CDKMetadata resource and condition, the BootstrapVersion
// parameter and its rule.
func synthesized(t *testing.T, name string, data []byte) template {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil {
		t.Fatalf("%s: synthesized template: %v", name, err)
	}
	obj := func(k string) map[string]any {
		m, _ := raw[k].(map[string]any)
		if m == nil {
			m = map[string]any{}
		}
		return m
	}
	tp := template{Description: raw["Description"], Parameters: obj("Parameters"), Conditions: obj("Conditions"), Resources: obj("Resources"), Outputs: obj("Outputs")}
	delete(tp.Resources, "CDKMetadata")
	delete(tp.Conditions, "CDKMetadataAvailable")
	delete(tp.Parameters, "BootstrapVersion")
	for k, v := range tp.Resources {
		tp.Resources[k] = normal(v)
		if m, ok := tp.Resources[k].(map[string]any); ok {
			if d, ok := m["DependsOn"].(string); ok {
				m["DependsOn"] = []any{d}
			}
		}
	}
	tp.Description = normal(tp.Description)
	tp.Parameters = normal(tp.Parameters).(map[string]any)
	tp.Conditions = normal(tp.Conditions).(map[string]any)
	tp.Outputs = normal(tp.Outputs).(map[string]any)
	return tp
}

// expected is Hoist's CloudFormation for the graph (what the CloudFormation
// renderer writes, as plain data) in the same normal form.
func expected(g *ir.Graph) template {
	tp := template{Parameters: map[string]any{}, Conditions: map[string]any{}, Resources: map[string]any{}, Outputs: map[string]any{}}
	if g.Description != "" {
		tp.Description = g.Description
	}
	for _, p := range g.Parameters {
		m := map[string]any{"Type": p.Type}
		if p.Description != "" {
			m["Description"] = p.Description
		}
		if p.Default != nil {
			m["Default"] = ir.Plain(p.Default)
		}
		if len(p.AllowedValues) > 0 {
			var l []any
			for _, a := range p.AllowedValues {
				l = append(l, a)
			}
			m["AllowedValues"] = l
		}
		if p.NoEcho {
			m["NoEcho"] = true
		}
		tp.Parameters[p.Name] = normal(m)
	}
	if g.Conditions != nil {
		for _, e := range g.Conditions.Entries {
			tp.Conditions[e.Key] = normal(ir.Plain(e.Value))
		}
	}
	for _, r := range g.Resources {
		m := map[string]any{"Type": r.Type}
		if r.Properties.Len() > 0 {
			m["Properties"] = ir.Plain(r.Properties)
		}
		if len(r.DependsOn) > 0 {
			var l []any
			for _, d := range r.DependsOn {
				l = append(l, d)
			}
			m["DependsOn"] = l
		}
		for k, v := range map[string]string{"Condition": r.Condition, "DeletionPolicy": r.DeletionPolicy, "UpdateReplacePolicy": r.UpdateReplacePolicy} {
			if v != "" {
				m[k] = v
			}
		}
		if r.Metadata.Len() > 0 {
			m["Metadata"] = ir.Plain(r.Metadata)
		}
		tp.Resources[r.ID] = normal(m)
	}
	for _, o := range g.Outputs {
		m := map[string]any{"Value": ir.Plain(o.Value)}
		if o.Description != "" {
			m["Description"] = o.Description
		}
		if o.ExportName != nil {
			m["Export"] = map[string]any{"Name": ir.Plain(o.ExportName)}
		}
		tp.Outputs[o.Name] = normal(m)
	}
	return tp
}

// normal puts plain template data in a form where equal CloudFormation
// compares equal: scalars as strings (CloudFormation reads 3 and "3"
// alike), DependsOn sorted, and Fn::Join in CDK's minimal form (adjacent
// literals merged, a join of one literal is that literal).
func normal(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normal(e)
		}
		if d, ok := out["DependsOn"].([]any); ok {
			sort.Slice(d, func(i, j int) bool { return d[i].(string) < d[j].(string) })
		}
		if j, ok := out["Fn::Join"].([]any); ok && len(out) == 1 && len(j) == 2 {
			if sep, ok := j[0].(string); ok {
				if items, ok := j[1].([]any); ok {
					return minimalJoin(sep, items)
				}
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normal(e)
		}
		return out
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return v
}

func minimalJoin(sep string, items []any) any {
	var flat []any
	for _, it := range items {
		if m, ok := it.(map[string]any); ok && len(m) == 1 {
			if j, ok := m["Fn::Join"].([]any); ok && len(j) == 2 && j[0] == sep {
				if inner, ok := j[1].([]any); ok {
					flat = append(flat, inner...)
					continue
				}
			}
		}
		flat = append(flat, it)
	}
	var merged []any
	for _, it := range flat {
		s, ok := it.(string)
		if n := len(merged); ok && n > 0 {
			if prev, ok := merged[n-1].(string); ok {
				merged[n-1] = prev + sep + s
				continue
			}
		}
		merged = append(merged, it)
	}
	if len(merged) == 1 {
		if s, ok := merged[0].(string); ok {
			return s
		}
	}
	return map[string]any{"Fn::Join": []any{sep, merged}}
}

func unionKeys(a, b map[string]any) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	return ir.SortedKeys(seen)
}
