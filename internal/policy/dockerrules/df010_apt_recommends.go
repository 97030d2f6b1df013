package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func aptRecommends() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-010",
			Title:    "apt-get install without --no-install-recommends",
			Severity: rule.Low,
			Rationale: "By default apt also installs every recommended package: often hundreds of megabytes of tools " +
				"the application never uses, each one more thing to patch and more attack surface.",
			Remediation:   "Add --no-install-recommends and name the packages you need.",
			FixDockerfile: "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends ca-certificates \\\n    && rm -rf /var/lib/apt/lists/*",
			NIST:          []string{"CM-7"},
			CIS:           []string{"4.3"},
		},
		Check: func(d *Dockerfile) []Finding {
			// apt.conf may turn recommends off for the whole build.
			src := string(d.Source)
			if strings.Contains(src, `Install-Recommends "false"`) || strings.Contains(src, `Install-Recommends "0"`) || strings.Contains(src, `Install-Recommends=false`) {
				return nil
			}
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					sub, _, flags, ok := aptSub(c)
					if !ok || sub != "install" {
						continue
					}
					if hasFlag(flags, "--no-install-recommends") || strings.Contains(strings.Join(c.args(), " "), "Install-Recommends=") {
						continue
					}
					out = append(out, d.finding(r.line, "%s install without --no-install-recommends", c.name()))
					break
				}
			}
			return out
		},
	}
}
