package awsrules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/hoist-dev/hoist/internal/spec"
)

// groupARe matches the IDs of the group A rules (S3, IAM, security
// groups, RDS, ECS, ECS Express Mode, App Runner, ELB).
var groupARe = regexp.MustCompile(`^HOIST-(S3|IAM|SG|RDS|ECS|ECSX|APPRUNNER|ELB)-\d{3}$`)

// TestGeneratedInfraGroupA expands every example spec of internal/expand
// and runs the group A rules over the IR, as a development and as a
// production stack: what Hoist generates must have no high or critical
// finding. Lower findings are logged.
func TestGeneratedInfraGroupA(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "expand", "testdata", "specs", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no example specs found under internal/expand/testdata/specs")
	}
	var rules []rule.AWS
	for _, r := range Rules() {
		if groupARe.MatchString(r.ID) {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		t.Fatal("no group A rules in the registry")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		doc, err := spec.Load(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		res, err := expand.Expand(doc.Spec)
		if err != nil {
			t.Fatalf("%s: expand: %v", p, err)
		}
		for _, prod := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/production=%v", name, prod), func(t *testing.T) {
				c := rule.NewContext(res.Graph, prod)
				for _, r := range rules {
					for _, res := range res.Graph.Resources {
						if !typeIn(r.Types, res.Type) {
							continue
						}
						for _, v := range r.Check(c, res) {
							msg := fmt.Sprintf("%s %s: %s (%s): %s: %s", r.Severity, r.ID, res.ID, res.Type, v.Path, v.Message)
							if r.Severity >= rule.High {
								t.Error(msg)
							} else {
								t.Log(msg)
							}
						}
					}
				}
			})
		}
	}
}

func typeIn(types []string, typ string) bool {
	for _, t := range types {
		if t == typ {
			return true
		}
	}
	return false
}
