package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func maintainerDeprecated() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:            "HOIST-DF-025",
			Title:         "MAINTAINER is deprecated",
			Severity:      rule.Info,
			Rationale:     "MAINTAINER was deprecated in Docker 1.13; labels carry the same information in a form tools read.",
			Remediation:   "Replace it with LABEL org.opencontainers.image.authors=\"...\".",
			FixDockerfile: `LABEL org.opencontainers.image.authors="ops@example.com"`,
			NIST:          []string{"CM-8"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					if m, ok := c.(*instructions.MaintainerCommand); ok {
						out = append(out, d.finding(lineOf(m), "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors"))
					}
				}
			}
			return out
		},
	}
}
