package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func dockerignoreMissing() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-029",
			Title:    "No .dockerignore beside a Dockerfile that copies the whole context",
			Severity: rule.Low,
			Rationale: "Without a .dockerignore, COPY . sends and copies everything: .git, local .env files and keys, " +
				"node_modules and build output. Builds get slow, every file change busts the cache, and secrets end up in the image.",
			Remediation:   "Add a .dockerignore that excludes version control, secrets, dependencies and build output (hoist generate dockerignore writes one).",
			FixDockerfile: "# .dockerignore\n.git\n**/.env\n**/node_modules\n**/dist",
			NIST:          []string{"CM-7", "SC-28"},
		},
		Check: func(d *Dockerfile) []Finding {
			if d.HasDockerignore {
				return nil
			}
			if line := firstBroadCopy(d); line > 0 {
				return []Finding{d.finding(line, "the whole build context is copied and there is no .dockerignore")}
			}
			return nil
		},
	}
}

// firstBroadCopy is the line of the first COPY/ADD of the whole context.
func firstBroadCopy(d *Dockerfile) int {
	for _, s := range d.Stages {
		for _, c := range s.Commands {
			if line := broadCopyLine(c); line > 0 {
				return line
			}
		}
	}
	return 0
}
