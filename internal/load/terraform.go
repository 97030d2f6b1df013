package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	tf "github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/importer/tfplan"
	"github.com/hoist-dev/hoist/internal/ir"
)

// readTerraform imports the configuration in dir (its *.tf files, tfvars
// and local modules).
func readTerraform(dir string, o Options) Input {
	in := Input{Kind: Terraform, Path: dir, Sources: map[string][]byte{}}
	ents, err := os.ReadDir(dir)
	if err != nil {
		in.Err = err
		return in
	}
	raw := map[string]any{}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tf") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			in.Err = err
			return in
		}
		in.Sources[p] = data
		if o.Raw {
			raw[p] = rawHCL(p, data)
		}
	}
	if o.Raw {
		in.Raw = raw
	}
	g, probs, err := tf.ImportDir(dir, tf.Options{})
	if err != nil {
		in.Err = err
		return in
	}
	in.Graphs = []*ir.Graph{g}
	in.Notes = tfNotes(probs)
	return in
}

func tfNotes(probs []tf.Problem) []Note {
	var out []Note
	for _, p := range probs {
		out = append(out, Note{Severity: p.Severity, Message: p.Message, File: p.Loc.File, Line: p.Loc.Line, Column: p.Loc.Column})
	}
	return out
}

// readPlan imports a `terraform show -json` plan.
func readPlan(path string, o Options) Input {
	in := Input{Kind: Plan, Path: path}
	data, err := os.ReadFile(path)
	if err != nil {
		in.Err = err
		return in
	}
	in.Sources = map[string][]byte{path: data}
	g, probs, err := tfplan.Import(path, data)
	if err != nil {
		in.Err = err
		return in
	}
	in.Graphs = []*ir.Graph{g}
	in.Notes = tfNotes(probs)
	var raw any
	if o.Raw && json.Unmarshal(data, &raw) == nil {
		in.Raw = raw
	}
	return in
}

// rawHCL turns a Terraform file into generic data shaped like Terraform's
// JSON configuration syntax: {"resource": {"aws_s3_bucket": {"b": {...}}}}.
// An attribute whose value needs evaluation (a reference, a function call)
// is its source text. A file that does not parse is nil.
func rawHCL(file string, data []byte) any {
	f, diags := hclsyntax.ParseConfig(data, file, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return nil
	}
	return rawBody(f.Body.(*hclsyntax.Body), data, 0)
}

func rawBody(b *hclsyntax.Body, src []byte, depth int) map[string]any {
	out := map[string]any{}
	if depth > 50 {
		return out
	}
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out[n] = rawExpr(b.Attributes[n].Expr, src)
	}
	for _, blk := range b.Blocks {
		body := rawBody(blk.Body, src, depth+1)
		// Nest by type and labels: resource "aws_s3_bucket" "b" becomes
		// out["resource"]["aws_s3_bucket"]["b"]; repeated unlabeled blocks
		// (ingress) become a list.
		keys := append([]string{blk.Type}, blk.Labels...)
		cur := out
		for _, k := range keys[:len(keys)-1] {
			next, ok := cur[k].(map[string]any)
			if !ok {
				next = map[string]any{}
				cur[k] = next
			}
			cur = next
		}
		last := keys[len(keys)-1]
		switch prev := cur[last].(type) {
		case nil:
			if len(blk.Labels) == 0 {
				cur[last] = []any{body}
			} else {
				cur[last] = body
			}
		case []any:
			cur[last] = append(prev, body)
		default:
			cur[last] = body
		}
	}
	return out
}

func rawExpr(e hclsyntax.Expression, src []byte) any {
	if v, diags := e.Value(nil); !diags.HasErrors() && v.IsWhollyKnown() {
		if j, err := ctyJSON(v); err == nil {
			return j
		}
	}
	r := e.Range()
	if r.End.Byte <= len(src) && r.Start.Byte <= r.End.Byte {
		return string(src[r.Start.Byte:r.End.Byte])
	}
	return nil
}
