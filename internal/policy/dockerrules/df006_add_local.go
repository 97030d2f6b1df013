package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func addForLocalFiles() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-006",
			Title:    "ADD used where COPY does",
			Severity: rule.Low,
			Rationale: "ADD also fetches URLs and unpacks archives; for plain local files it does what COPY does but " +
				"hides that surprise behaviour from readers, and a file renamed to .tar.gz would suddenly be unpacked.",
			Remediation:   "Use COPY for local files and directories; keep ADD for remote sources with --checksum or local archives you mean to unpack.",
			FixDockerfile: "COPY requirements.txt ./",
			NIST:          []string{"CM-6"},
			CIS:           []string{"4.9"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					a, ok := c.(*instructions.AddCommand)
					if !ok {
						continue
					}
					local := true
					for _, src := range a.SourcePaths {
						if isURL(src) || isArchive(src) || strings.Contains(src, "$") {
							local = false
						}
					}
					if local {
						out = append(out, d.finding(lineOf(a), "ADD copies local files; use COPY"))
					}
				}
			}
			return out
		},
	}
}
