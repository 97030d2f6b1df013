package dockerrules

import "github.com/hoist-dev/hoist/internal/policy/rule"

func baseImageDigest() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-002",
			Title:    "Base image is not pinned by digest",
			Severity: rule.Info,
			Rationale: "A tag can be re-pushed to point at other content; only a digest names exactly one image. " +
				"Pinning the digest makes the build reproducible and shows base image updates as reviewable changes.",
			Remediation:   "Add the digest after the tag (docker buildx imagetools inspect <image> prints it) and let a bot such as Renovate or Dependabot update it.",
			FixDockerfile: "FROM node:22-bookworm-slim@sha256:<digest>",
			NIST:          []string{"CM-2", "SR-3", "SR-11"},
			CIS:           []string{"4.2"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for i := range d.Stages {
				s := &d.Stages[i]
				if ref, ok := externalBase(s); ok && ref.digest == "" {
					out = append(out, d.finding(s.Line, "base image %q is not pinned by digest", s.Base))
				}
			}
			return out
		},
	}
}
