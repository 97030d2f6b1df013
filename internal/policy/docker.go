package policy

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/policy/dockerrules"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// builtinDocker wraps the Dockerfile rules of internal/policy/dockerrules
// (BuildKit's own checks included, as HOIST-DF-BUILDKIT).
func builtinDocker() dockerEngine {
	rules := dockerrules.Rules()
	metas := make([]rule.Meta, len(rules))
	for i, r := range rules {
		metas[i] = r.Meta
	}
	return dockerEngine{
		rules: metas,
		check: func(file string, data, dockerignore []byte, enabled func(string) bool) (out []dockerHit, err error) {
			d, err := dockerrules.Parse(file, data, dockerignore)
			if err != nil {
				return nil, err
			}
			for _, r := range rules {
				if !enabled(r.ID) {
					continue
				}
				fs, err := runDockerRule(r, d)
				if err != nil {
					return nil, err
				}
				for _, f := range fs {
					out = append(out, dockerHit{rule: r.ID, message: f.Message, line: f.Line, column: f.Column})
				}
			}
			return out, nil
		},
	}
}

// runDockerRule runs one rule, turning a panic into an error that names
// the rule and the file.
func runDockerRule(r dockerrules.Rule, d *dockerrules.Dockerfile) (fs []dockerrules.Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rule %s failed on %s: %v", r.ID, d.File, p)
		}
	}()
	return r.Check(d), nil
}
