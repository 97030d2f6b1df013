package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func addURLChecksum() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-007",
			Title:    "ADD of a remote URL without --checksum",
			Severity: rule.Medium,
			Rationale: "A file downloaded at build time is whatever the server returns that day. Without a checksum a " +
				"compromised or changed download goes into the image unnoticed.",
			Remediation:   "Add --checksum=sha256:<hash> to the ADD (Dockerfile syntax 1.6 or later), or download with curl and verify with sha256sum.",
			FixDockerfile: "ADD --checksum=sha256:<hash> https://example.com/tool.tar.gz /tmp/tool.tar.gz",
			NIST:          []string{"SI-7", "SR-3", "SR-11"},
			CIS:           []string{"4.11"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					a, ok := c.(*instructions.AddCommand)
					if !ok || a.Checksum != "" {
						continue
					}
					for _, src := range a.SourcePaths {
						if isURL(src) && !isGitURL(src) {
							out = append(out, d.finding(lineOf(a), "ADD downloads %s without --checksum", src))
							break
						}
					}
				}
			}
			return out
		},
	}
}
