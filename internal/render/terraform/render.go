// Package terraform renders the IR as a Terraform configuration for the
// AWS provider 6.x: versions.tf, variables.tf, outputs.tf, main.tf (shared
// data sources and locals) and one file per concern (network.tf,
// security.tf, data.tf, messaging.tf, compute.tf, edge.tf, pipeline.tf,
// monitoring.tf).
//
// Each CloudFormation type maps through one entry of an explicit, ordered
// registry of type families (one file per family) onto one or more aws_*
// resources; references become HCL traversals (aws_vpc.vpc.id), Fn::Sub
// becomes a template string, pseudo parameters become data sources. What
// the renderer cannot translate is an error naming the resource and
// property, never dropped. Output is deterministic and terraform fmt
// clean. The package reads only the IR; package hclcheck (under
// internal/schema/tf) checks the output.
package terraform

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hoist-dev/hoist/internal/ir"
)

// Render returns the configuration for g as file name -> contents. g is
// not modified.
func Render(g *ir.Graph) (map[string][]byte, error) {
	files, err := layout(g)
	if err != nil {
		return nil, err
	}
	// Files are independent: write them concurrently.
	out := make(map[string][]byte, len(files))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, blocks := range files {
		wg.Go(func() {
			data := writeFile(blocks)
			mu.Lock()
			out[name] = data
			mu.Unlock()
		})
	}
	wg.Wait()
	return out, nil
}

// layout maps g to blocks by file name, each file's blocks in the order
// they are written.
func layout(g *ir.Graph) (map[string][]*block, error) {
	c := &conv{g: g, names: map[string]string{}, vars: map[string]string{}, uses: map[string]bool{}}
	var errs []string
	taken := map[string]string{"name": "(the stack name variable)", "region": "(the region variable)"}
	params := append([]ir.Parameter(nil), g.Parameters...)
	sort.Slice(params, func(i, j int) bool { return params[i].Name < params[j].Name })
	for _, p := range params {
		n := snake(p.Name)
		if other, dup := taken[n]; dup {
			errs = append(errs, fmt.Sprintf("parameter %s: terraform variable name %q is taken by %s", p.Name, n, other))
		}
		taken[n] = "parameter " + p.Name
		c.vars[p.Name] = n
	}
	resources := append([]*ir.Resource(nil), g.Resources...)
	sort.SliceStable(resources, func(i, j int) bool { return resources[i].ID < resources[j].ID })
	owners := map[string]string{}
	for _, r := range resources {
		n := snake(r.ID)
		if other, dup := owners[n]; dup {
			errs = append(errs, fmt.Sprintf("%s: terraform name %q is taken by %s", r.ID, n, other))
		}
		owners[n] = r.ID
		c.names[r.ID] = n
	}
	for _, r := range resources {
		if err := c.resourceBlocks(r); err != nil {
			errs = append(errs, err.Error())
		}
	}
	vars, err := c.variables(params)
	if err != nil {
		errs = append(errs, err.Error())
	}
	outs, err := c.outputs()
	if err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("terraform: %s", strings.Join(errs, "\n"))
	}
	files := map[string][]*block{
		"versions.tf":  versions(),
		"variables.tf": vars,
	}
	if len(outs) > 0 {
		files["outputs.tf"] = outs
	}
	if m := c.shared(); len(m) > 0 {
		files["main.tf"] = m
	}
	for _, b := range c.blocks {
		files[b.file] = append(files[b.file], b)
	}
	for _, blocks := range files {
		sort.SliceStable(blocks, func(i, j int) bool {
			if blocks[i].order != blocks[j].order {
				return blocks[i].order < blocks[j].order
			}
			return blocks[i].seq < blocks[j].seq
		})
	}
	return files, nil
}

// resourceBlocks maps one IR resource and adds what every resource may
// carry: a comment, depends_on and a deletion policy.
func (c *conv) resourceBlocks(r *ir.Resource) error {
	m := lookupResource(r)
	if m == nil {
		return fmt.Errorf("%s: CloudFormation type %s has no terraform mapping", r.ID, r.Type)
	}
	if r.Condition != "" {
		return fmt.Errorf("%s (%s): Condition %q has no terraform mapping", r.ID, r.Type, r.Condition)
	}
	c.cur = r
	first := len(c.blocks)
	if err := m.conv(c, r); err != nil {
		return err
	}
	if len(c.blocks) == first || c.blocks[first].labels[0] != m.tf {
		return fmt.Errorf("%s (%s): internal error: the mapper did not write its %s block first", r.ID, r.Type, m.tf)
	}
	primary := c.blocks[first]
	comment := r.Comment
	if len(r.DependsOn) > 0 {
		deps := eTuple{}
		for _, d := range r.DependsOn {
			_, dm, err := c.target(d)
			if err != nil {
				return fmt.Errorf("%s (%s): DependsOn: %w", r.ID, r.Type, err)
			}
			deps = append(deps, trav(dm.tf, c.name(d)))
		}
		primary.body.set("depends_on", deps)
	}
	if skipArg, ok := finalSnapshot[m.tf]; ok && snapshot(r) {
		if skipArg {
			primary.body.set("skip_final_snapshot", eRaw("false"))
		}
		primary.body.set("final_snapshot_identifier", tmpl(c.use(localName), eStr("-"+dashed(primary.labels[1])+"-final")))
		comment = strings.TrimSpace(comment + "\nSnapshotted when destroyed, as CloudFormation's DeletionPolicy Snapshot does.")
	} else if keep(r) {
		if skipDestroy[m.tf] {
			primary.body.set("skip_destroy", eRaw("true"))
			comment = strings.TrimSpace(comment + "\nKept when destroyed, as CloudFormation's DeletionPolicy Retain keeps it.")
		} else {
			primary.body.child("lifecycle").set("prevent_destroy", eRaw("true"))
			comment = strings.TrimSpace(comment + "\nProtected from destroy and replacement, as CloudFormation's DeletionPolicy Retain protects it.")
		}
	}
	primary.comment = comment
	return nil
}

// keep reports a resource CloudFormation would keep on delete or replace.
func keep(r *ir.Resource) bool {
	for _, p := range []string{r.DeletionPolicy, r.UpdateReplacePolicy} {
		switch p {
		case "Retain", "RetainExceptOnCreate", "Snapshot":
			return true
		}
	}
	return false
}

// snapshot reports a resource CloudFormation snapshots on delete.
func snapshot(r *ir.Resource) bool { return r.DeletionPolicy == "Snapshot" }

// finalSnapshot lists the Terraform types with final_snapshot_identifier;
// the value says whether the type also has skip_final_snapshot, which
// defaults to skipping.
var finalSnapshot = map[string]bool{
	"aws_db_instance":                   true,
	"aws_rds_cluster":                   true,
	"aws_elasticache_replication_group": false,
}

// skipDestroy lists the Terraform types with a skip_destroy argument: the
// exact equivalent of DeletionPolicy Retain.
var skipDestroy = map[string]bool{
	"aws_cloudwatch_log_group": true,
}

func versions() []*block {
	tfb := &body{}
	tfb.set("required_version", eStr(">= 1.6"))
	tfb.block("required_providers").set("aws", eObj{{"source", eStr("hashicorp/aws")}, {"version", eStr("~> 6.0")}})
	prov := &body{}
	prov.set("region", trav("var", "region"))
	return []*block{
		{kind: "terraform", body: tfb, order: "0"},
		{kind: "provider", labels: []string{"aws"}, body: prov, order: "1"},
	}
}

// stackName is the default of the name variable: the graph's name as the
// expansion writes it at the start of the description ("vault: ...").
func stackName(g *ir.Graph) string {
	name, _, ok := strings.Cut(g.Description, ":")
	if !ok || name == "" || strings.ContainsAny(name, " \t\n\"") {
		return ""
	}
	return name
}

func (c *conv) variables(params []ir.Parameter) ([]*block, error) {
	name := &body{}
	name.set("description", eStr("Name of the stack: prefixes resource names and tags (CloudFormation's stack name)."))
	name.set("type", trav("string"))
	if s := stackName(c.g); s != "" {
		name.set("default", eStr(s))
	}
	region := &body{}
	region.set("description", eStr("AWS region to deploy to."))
	region.set("type", trav("string"))
	out := []*block{
		{kind: "variable", labels: []string{"name"}, body: name, order: "name"},
		{kind: "variable", labels: []string{"region"}, body: region, order: "region"},
	}
	var errs []string
	for _, p := range params {
		b, err := c.variable(p)
		if err != nil {
			errs = append(errs, fmt.Sprintf("parameter %s: %v", p.Name, err))
			continue
		}
		out = append(out, &block{kind: "variable", labels: []string{c.vars[p.Name]}, body: b, order: c.vars[p.Name]})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return out, nil
}

// variable maps a template parameter to a variable block.
func (c *conv) variable(p ir.Parameter) (*body, error) {
	b := &body{}
	if p.Description != "" {
		b.set("description", eStr(p.Description))
	}
	var typ string
	list := false
	switch {
	case p.Type == "String" || (strings.HasPrefix(p.Type, "AWS::") && !strings.Contains(p.Type, "::SSM::")):
		typ = "string"
	case p.Type == "Number":
		typ = "number"
	case p.Type == "CommaDelimitedList" || p.Type == "List<String>" || (strings.HasPrefix(p.Type, "List<AWS::") && !strings.Contains(p.Type, "SSM")):
		typ, list = "list(string)", true
	case p.Type == "List<Number>":
		typ, list = "list(number)", true
	default:
		return nil, fmt.Errorf("type %s has no terraform mapping", p.Type)
	}
	if list {
		b.set("type", eCall{"list", []expr{trav(strings.TrimSuffix(strings.TrimPrefix(typ, "list("), ")"))}})
	} else {
		b.set("type", trav(typ))
	}
	if p.Default != nil {
		d := p.Default
		if s, ok := ir.AsString(d); ok && list {
			d = ir.Strings(strings.Split(s, ",")...)
			if s == "" {
				d = &ir.List{}
			}
		}
		if !ir.IsLiteral(d) {
			return nil, fmt.Errorf("default must be a literal")
		}
		e, err := c.value(d)
		if err != nil {
			return nil, fmt.Errorf("default: %w", err)
		}
		if typ == "number" {
			if s, ok := e.(eStr); ok {
				e = eRaw(s)
			}
		}
		b.set("default", e)
	}
	if p.NoEcho {
		b.set("sensitive", eRaw("true"))
	}
	if len(p.AllowedValues) > 0 {
		allowed := eTuple{}
		for _, v := range p.AllowedValues {
			allowed = append(allowed, eStr(v))
		}
		val := b.block("validation")
		self := trav("var", c.vars[p.Name])
		if list {
			val.set("condition", eSrc("alltrue([for v in var."+c.vars[p.Name]+" : contains("+tupleSource(allowed)+", v)])"))
		} else {
			val.set("condition", eCall{"contains", []expr{allowed, self}})
		}
		val.set("error_message", eStr(fmt.Sprintf("%s must be one of: %s.", c.vars[p.Name], strings.Join(p.AllowedValues, ", "))))
	}
	return b, nil
}

// tupleSource writes a tuple of strings as HCL source.
func tupleSource(t eTuple) string {
	return strings.TrimSpace(string(hclwrite.Format(tokens(t).Bytes())))
}

func (c *conv) outputs() ([]*block, error) {
	outs := append([]ir.Output(nil), c.g.Outputs...)
	sort.Slice(outs, func(i, j int) bool { return outs[i].Name < outs[j].Name })
	var blocks []*block
	var errs []string
	seen := map[string]string{}
	for _, o := range outs {
		n := snake(o.Name)
		if other, dup := seen[n]; dup {
			errs = append(errs, fmt.Sprintf("output %s: terraform name %q is taken by output %s", o.Name, n, other))
		}
		seen[n] = o.Name
		b := &body{}
		if o.Description != "" {
			b.set("description", eStr(o.Description))
		}
		e, err := c.value(o.Value)
		if err != nil {
			errs = append(errs, fmt.Sprintf("output %s: %v", o.Name, err))
			continue
		}
		b.set("value", e)
		for _, ref := range ir.References(o.Value) {
			if p := c.g.Parameter(ref.Target); p != nil && p.NoEcho {
				b.set("sensitive", eRaw("true"))
				break
			}
		}
		comment := ""
		if o.ExportName != nil {
			// Terraform has no stack exports: other configurations read
			// outputs through remote state instead.
			if s, ok := ir.AsString(o.ExportName); ok {
				comment = fmt.Sprintf("CloudFormation exports this as %q; read it through terraform_remote_state instead.", s)
			} else {
				comment = "CloudFormation exports this; read it through terraform_remote_state instead."
			}
		}
		blocks = append(blocks, &block{kind: "output", labels: []string{n}, body: b, comment: comment, order: n})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return blocks, nil
}

// shared returns the locals and data sources the expressions used.
func (c *conv) shared() []*block {
	var out []*block
	if c.uses[localName] {
		l := &body{}
		l.set("name", trav("var", "name"))
		out = append(out, &block{kind: "locals", body: l, order: "0"})
	}
	for _, d := range []struct{ addr, comment string }{
		{dataPartition, "The partition (aws, aws-us-gov, aws-cn) for ARNs."},
		{dataRegion, ""},
		{dataCaller, "The account deployed to."},
		{dataAZs, "Availability zones open in the region."},
	} {
		if !c.uses[d.addr] {
			continue
		}
		parts := strings.Split(d.addr, ".")
		b := &body{}
		if d.addr == dataAZs {
			b.set("state", eStr("available"))
		}
		out = append(out, &block{kind: "data", labels: parts[1:], body: b, comment: d.comment, order: "1" + d.addr})
	}
	return out
}

// writeFile writes blocks as terraform fmt formats them: directly when
// the writer can (hclfmt.go), through hclwrite otherwise.
func writeFile(blocks []*block) []byte {
	w := &hclWriter{}
	w.file(blocks)
	if !w.bad {
		return w.format()
	}
	return writeFileHCL(blocks)
}

// writeFileHCL writes blocks with hclwrite and formats them with
// hclwrite.Format.
func writeFileHCL(blocks []*block) []byte {
	f := hclwrite.NewEmptyFile()
	root := f.Body()
	for i, b := range blocks {
		if i > 0 {
			root.AppendNewline()
		}
		if b.comment != "" {
			root.AppendUnstructuredTokens(commentTokens(b.comment))
		}
		write(root.AppendNewBlock(b.kind, b.labels).Body(), b.body)
	}
	return hclwrite.Format(f.Bytes())
}
