// Package tfplan imports `terraform show -json` plan output into Hoist's
// IR through the same aws_* -> CloudFormation mapping as the HCL importer
// (package terraform): planned values become CloudFormation-typed
// resources, and each resource's Metadata records the planned action
// ({"TerraformAction": "create"}) for cost diffs.
//
// A value known only after apply becomes the reference the plan's
// configuration section names for it (its expressions' references), as
// ir.Ref, ir.GetAtt or ir.Sub on the target's logical ID, when the
// expression refers to one attribute of one resource instance and to
// nothing else: the expression is taken to be that reference (a template
// around it, "${aws_s3_bucket.b.arn}/*", loses its text). So a split S3
// resource whose bucket name is not known yet still merges into its
// bucket. Any other unknown value becomes ir.Call{Fn: "Expr", Args:
// "(known after apply)"}.
//
// A plan carries no source positions: every location is the plan file.
// Resources being deleted are read from their prior values. The package
// reads no files and prints nothing; malformed input is an error, never a
// panic.
package tfplan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
)

// unknownValue is what a value known only after apply becomes.
var unknownValue = ir.Call{Fn: "Expr", Args: ir.String("(known after apply)")}

// IsPlan reports whether data looks like plan JSON: an object with
// format_version and planned_values or resource_changes.
func IsPlan(data []byte) bool {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(data, &probe) != nil {
		return false
	}
	_, fv := probe["format_version"]
	_, pv := probe["planned_values"]
	_, rc := probe["resource_changes"]
	return fv && (pv || rc)
}

// Import reads plan JSON. file names the plan in locations and is the
// graph's source.
func Import(file string, data []byte) (*ir.Graph, []terraform.Problem, error) {
	if !IsPlan(data) {
		return nil, nil, fmt.Errorf("%s: not a terraform plan (want `terraform show -json` output with format_version and planned_values)", file)
	}
	var plan tfjson.Plan
	plan.UseJSONNumber(true)
	if err := json.Unmarshal(data, &plan); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", file, err)
	}
	loc := ir.Location{File: file}
	changes := map[string]*tfjson.ResourceChange{}
	for _, rc := range plan.ResourceChanges {
		if rc != nil && rc.Address != "" {
			changes[rc.Address] = rc
		}
	}
	// The configuration's expressions name what values known only after
	// apply refer to.
	config := configIndex(plan.Config)
	rv := &resolver{instances: map[string][]string{}, types: map[string]string{}}
	eachPlanned(&plan, func(r *tfjson.StateResource) { rv.add(r.Address, r.Type) })
	var probs []terraform.Problem
	var insts []terraform.Instance
	seen := map[string]bool{}
	add := func(addr, typ string, values map[string]any, unknown any) {
		if seen[addr] {
			return
		}
		seen[addr] = true
		if !strings.HasPrefix(typ, "aws_") {
			probs = append(probs, terraform.Problem{Severity: terraform.SeverityInfo, Rule: terraform.RuleProvider,
				Message: fmt.Sprintf("%s: provider %q is not AWS; skipped", addr, strings.SplitN(typ, "_", 2)[0]), Loc: loc})
			return
		}
		attrs, _ := terraform.FromJSON(values, loc).(*ir.Map)
		if attrs == nil {
			attrs = &ir.Map{Loc: loc}
		}
		markUnknown(attrs, unknown, loc)
		if cr := config[configAddress(addr)]; cr != nil {
			rv.resolve(attrs, cr.Expressions, modulePart(addr), 0)
		}
		in := terraform.Instance{Address: addr, Type: typ, Attrs: attrs, Loc: loc}
		if rc := changes[addr]; rc != nil && rc.Change != nil {
			in.Metadata = ir.M("TerraformAction", action(rc.Change.Actions))
		}
		insts = append(insts, in)
	}
	eachPlanned(&plan, func(r *tfjson.StateResource) {
		var unknown any
		if rc := changes[r.Address]; rc != nil && rc.Change != nil {
			unknown = rc.Change.AfterUnknown
		}
		add(r.Address, r.Type, r.AttributeValues, unknown)
	})
	// Resources being deleted are not in the planned values.
	for _, rc := range plan.ResourceChanges {
		if rc == nil || rc.Mode != tfjson.ManagedResourceMode || rc.Change == nil || !rc.Change.Actions.Delete() {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		add(rc.Address, rc.Type, before, nil)
	}
	sort.SliceStable(insts, func(i, j int) bool { return insts[i].Address < insts[j].Address })
	g, more := terraform.Build(file, ir.FromPlan, insts)
	return g, append(probs, more...), nil
}

// eachPlanned calls fn for every managed resource of the planned values,
// root module first, then child modules depth first.
func eachPlanned(plan *tfjson.Plan, fn func(r *tfjson.StateResource)) {
	if plan.PlannedValues == nil {
		return
	}
	var walk func(m *tfjson.StateModule, depth int)
	walk = func(m *tfjson.StateModule, depth int) {
		if m == nil || depth > 50 {
			return
		}
		for _, r := range m.Resources {
			if r != nil && r.Mode == tfjson.ManagedResourceMode {
				fn(r)
			}
		}
		for _, c := range m.ChildModules {
			walk(c, depth+1)
		}
	}
	walk(plan.PlannedValues.RootModule, 0)
}

// action names a planned change: create, update, delete, replace, read or
// no-op.
func action(a tfjson.Actions) string {
	switch {
	case a.Replace():
		return "replace"
	case a.Create():
		return "create"
	case a.Update():
		return "update"
	case a.Delete():
		return "delete"
	case a.Read():
		return "read"
	}
	return "no-op"
}

// markUnknown sets the attributes after_unknown marks as unknown.
func markUnknown(m *ir.Map, unknown any, loc ir.Location) {
	u, ok := unknown.(map[string]any)
	if !ok {
		return
	}
	for _, k := range ir.SortedKeys(u) {
		switch x := u[k].(type) {
		case bool:
			if x && m.Get(k) == nil {
				m.Entries = append(m.Entries, ir.Entry{Key: k, Value: unknownValue, Loc: loc})
			}
		case map[string]any:
			if sub, ok := m.Get(k).(*ir.Map); ok {
				markUnknown(sub, x, loc)
			}
		case []any:
			if l, ok := m.Get(k).(*ir.List); ok {
				for i, it := range x {
					if i < len(l.Items) {
						if sub, ok := l.Items[i].(*ir.Map); ok {
							markUnknown(sub, it, loc)
						}
					}
				}
			}
		}
	}
}
