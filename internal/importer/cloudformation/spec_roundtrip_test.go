package cloudformation_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
	render "github.com/hoist-dev/hoist/internal/render/cloudformation"
	"github.com/hoist-dev/hoist/internal/spec"
)

// TestSpecRoundTrip: for every expansion test spec, spec -> IR -> template
// -> import gives the same graph as spec -> IR, apart from where each node
// came from (locations and origins).
func TestSpecRoundTrip(t *testing.T) {
	specs, err := filepath.Glob("../../expand/testdata/specs/*.yaml")
	if err != nil || len(specs) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	for _, p := range specs {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		t.Run(name, func(t *testing.T) {
			doc, err := spec.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := expand.Expand(doc.Spec)
			if err != nil {
				t.Fatal(err)
			}
			tmpl, err := render.Render(res.Graph)
			if err != nil {
				t.Fatal(err)
			}
			back, probs, err := cloudformation.Import(name+".yaml", tmpl, cloudformation.Options{KeepConditions: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range probs {
				t.Errorf("import problem: %v", pr)
			}
			if diff := cmp.Diff(comparable(res.Graph), comparable(back)); diff != "" {
				t.Errorf("spec -> IR and spec -> CloudFormation -> IR differ (-spec +imported):\n%s", diff)
			}
		})
	}
}

// comparable strips what legitimately differs (source positions, origins,
// the graph's source) and turns values into plain data.
func comparable(g *ir.Graph) map[string]any {
	out := map[string]any{"description": g.Description}
	var res []any
	sorted := &ir.Graph{Resources: append([]*ir.Resource(nil), g.Resources...), Parameters: append([]ir.Parameter(nil), g.Parameters...), Outputs: append([]ir.Output(nil), g.Outputs...)}
	sorted.Sort()
	for _, r := range sorted.Resources {
		res = append(res, map[string]any{
			"id": r.ID, "type": r.Type, "depends_on": r.DependsOn, "condition": r.Condition,
			"deletion": r.DeletionPolicy, "replace": r.UpdateReplacePolicy,
			"properties": ir.Plain(r.Properties), "metadata": ir.Plain(r.Metadata),
		})
	}
	out["resources"] = res
	var params []any
	for _, p := range sorted.Parameters {
		params = append(params, map[string]any{"name": p.Name, "type": p.Type, "default": ir.Plain(p.Default), "description": p.Description, "allowed": p.AllowedValues, "noecho": p.NoEcho})
	}
	out["parameters"] = params
	var outs []any
	for _, o := range sorted.Outputs {
		outs = append(outs, map[string]any{"name": o.Name, "value": ir.Plain(o.Value), "description": o.Description, "export": ir.Plain(o.ExportName)})
	}
	out["outputs"] = outs
	return out
}
