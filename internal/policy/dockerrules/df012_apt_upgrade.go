package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func aptUpgrade() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-012",
			Title:    "Distribution upgrade during the build",
			Severity: rule.Low,
			Rationale: "apt-get upgrade (or apk upgrade, dnf upgrade) makes the image depend on the day it was built " +
				"and hides the real fix: a base image that is out of date. Builds stop being reproducible.",
			Remediation:   "Use a current base image tag (and rebuild when it is updated) instead of upgrading packages inside the build; install only named packages.",
			FixDockerfile: "FROM debian:bookworm-20250113-slim",
			NIST:          []string{"CM-2", "SI-2"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					if what := upgradeCommand(c); what != "" {
						out = append(out, d.finding(r.line, "%s upgrades every package during the build", what))
						break
					}
				}
			}
			return out
		},
	}
}

// upgradeCommand names a whole-system upgrade command, or returns "".
func upgradeCommand(c shCmd) string {
	if sub, _, _, ok := aptSub(c); ok {
		switch sub {
		case "upgrade", "dist-upgrade", "full-upgrade":
			return c.name() + " " + sub
		}
		return ""
	}
	pos, _ := cli(c.args(), rpmValueFlags)
	if len(pos) == 0 {
		return ""
	}
	switch c.name() {
	case "apk":
		if pos[0] == "upgrade" {
			return "apk upgrade"
		}
	case "dnf", "yum", "microdnf":
		if (pos[0] == "upgrade" || pos[0] == "update" || pos[0] == "distro-sync") && len(pos) == 1 {
			return c.name() + " " + pos[0]
		}
	}
	return ""
}
