package dockerrules

import "github.com/hoist-dev/hoist/internal/policy/rule"

func baseImageTag() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-001",
			Title:    "Base image has no tag or uses latest",
			Severity: rule.Medium,
			Rationale: "An image without a tag means :latest, which moves whenever the publisher pushes: the same Dockerfile " +
				"builds a different image next week, and a breaking or compromised release arrives unreviewed.",
			Remediation:   "Name an explicit version tag (node:22-bookworm-slim), and pin the digest where you can.",
			FixDockerfile: "FROM node:22-bookworm-slim",
			NIST:          []string{"CM-2", "SR-3"},
			CIS:           []string{"4.2"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for i := range d.Stages {
				s := &d.Stages[i]
				ref, ok := externalBase(s)
				if !ok || ref.digest != "" {
					continue
				}
				switch ref.tag {
				case "":
					out = append(out, d.finding(s.Line, "base image %q has no tag, so it means %s:latest", s.Base, ref.name))
				case "latest":
					out = append(out, d.finding(s.Line, "base image %q uses the moving latest tag", s.Base))
				}
			}
			return out
		},
	}
}
