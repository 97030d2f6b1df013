package terraform_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
	render "github.com/hoist-dev/hoist/internal/render/terraform"
	"github.com/hoist-dev/hoist/internal/spec"
)

// lost lists the properties that do not survive spec -> IR -> Terraform ->
// IR, as "Type.Path" (path with list indexes as *), with the reason.
var lost = map[string]string{
	"AWS::CloudFront::Distribution.DistributionConfig.Origins.*.S3OriginConfig": "an empty OriginAccessIdentity (the origin access control signs instead) has no s3_origin_config in Terraform",
}

// TestSpecRoundTrip: for every expansion test spec, the graph imported from
// the rendered Terraform has the same resource types with the same counts
// as the expanded graph, and every literal property of an expanded
// resource has the same value on the imported one, apart from the
// allow-listed losses above.
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
			files, err := render.Render(res.Graph)
			if err != nil {
				t.Fatal(err)
			}
			back, probs, err := terraform.ImportFiles(files, terraform.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range probs {
				if pr.Severity != terraform.SeverityInfo {
					t.Errorf("import problem: %v", pr)
				}
			}
			want := normalize(res.Graph)
			got := normalize(back)
			if diff := cmp.Diff(counts(want), counts(got)); diff != "" {
				t.Errorf("resource types differ (-expanded +imported):\n%s", diff)
			}
			byName := map[string]*ir.Resource{}
			for _, r := range got {
				_, n, _ := strings.Cut(r.Origin.Source, ".")
				byName[r.Type+" "+n] = r
			}
			for _, r := range want {
				imp := byName[r.Type+" "+snake(r.ID)]
				if imp == nil {
					t.Errorf("%s (%s): no imported resource %s", r.ID, r.Type, snake(r.ID))
					continue
				}
				for _, d := range literalDiffs(r.Type, "", ir.Plain(r.Properties), ir.Plain(imp.Properties)) {
					t.Errorf("%s (%s): %s", r.ID, r.Type, d)
				}
			}
		})
	}
}

// normalize folds what the renderer splits out differently: standalone
// security group rules into their group's lists (the renderer writes every
// rule standalone, plus the default allow-all egress rule).
func normalize(g *ir.Graph) []*ir.Resource {
	var out []*ir.Resource
	groups := map[string]*ir.Resource{}
	for _, r := range g.Resources {
		if r.Type == "AWS::EC2::SecurityGroup" {
			groups[r.ID] = r
		}
	}
	for _, r := range g.Resources {
		if r.Type == "AWS::EC2::SecurityGroupIngress" || r.Type == "AWS::EC2::SecurityGroupEgress" {
			if ref, ok := r.Properties.Get("GroupId").(ir.Ref); ok && groups[ref.Target] != nil {
				key := "SecurityGroupIngress"
				if r.Type == "AWS::EC2::SecurityGroupEgress" {
					key = "SecurityGroupEgress"
				}
				rule := &ir.Map{}
				for _, e := range r.Properties.Entries {
					if e.Key != "GroupId" {
						rule.Entries = append(rule.Entries, e)
					}
				}
				grp := groups[ref.Target]
				l, _ := grp.Properties.Get(key).(*ir.List)
				if l == nil {
					l = &ir.List{}
					grp.Properties.Set(key, l)
				}
				l.Items = append(l.Items, rule)
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func counts(rs []*ir.Resource) map[string]int {
	out := map[string]int{}
	for _, r := range rs {
		out[r.Type]++
	}
	return out
}

// literalDiffs compares every literal leaf of want with got at the same
// path.
func literalDiffs(typ, path string, want, got any) []string {
	if reason, ok := lost[typ+"."+strings.TrimPrefix(wildcard(path), ".")]; ok && reason != "" {
		return nil
	}
	switch w := want.(type) {
	case map[string]any:
		if isIntrinsic(w) {
			return nil
		}
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want a map", path, got)}
		}
		var out []string
		for _, k := range sortedKeys(w) {
			out = append(out, literalDiffs(typ, path+"."+k, w[k], g[k])...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: got %v, want %v", path, got, want)}
		}
		var out []string
		for i := range w {
			out = append(out, literalDiffs(typ, fmt.Sprintf("%s.%d", path, i), w[i], g[i])...)
		}
		return out
	}
	if fmt.Sprint(want) != fmt.Sprint(got) {
		return []string{fmt.Sprintf("%s: got %#v, want %#v", path, got, want)}
	}
	return nil
}

func isIntrinsic(m map[string]any) bool {
	if len(m) != 1 {
		return false
	}
	for k := range m {
		return k == "Ref" || strings.HasPrefix(k, "Fn::") || k == "Expr"
	}
	return false
}

func wildcard(path string) string {
	parts := strings.Split(path, ".")
	for i, p := range parts {
		if p != "" && strings.Trim(p, "0123456789") == "" {
			parts[i] = "*"
		}
	}
	return strings.Join(parts, ".")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// snake is the renderer's naming of a logical ID: ApiService ->
// api_service, VPCFlowLog -> vpc_flow_log, PublicSubnet1 -> public_subnet1.
func snake(id string) string {
	rs := []rune(id)
	var sb strings.Builder
	isUpper := func(r rune) bool { return r >= 'A' && r <= 'Z' }
	isLower := func(r rune) bool { return r >= 'a' && r <= 'z' }
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	for i, r := range rs {
		if !isUpper(r) && !isLower(r) && !isDigit(r) {
			if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "_") {
				sb.WriteByte('_')
			}
			continue
		}
		if isUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && isLower(rs[i+1])
			if isLower(prev) || isDigit(prev) || (isUpper(prev) && nextLower) {
				if !strings.HasSuffix(sb.String(), "_") {
					sb.WriteByte('_')
				}
			}
		}
		sb.WriteString(strings.ToLower(string(r)))
	}
	s := strings.Trim(sb.String(), "_")
	if s == "" || isDigit(rune(s[0])) {
		s = "r_" + s
	}
	return s
}
