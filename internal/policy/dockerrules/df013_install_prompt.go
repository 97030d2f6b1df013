package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func installPrompt() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-013",
			Title:    "Package manager may prompt for confirmation",
			Severity: rule.Low,
			Rationale: "A build has no terminal: apt-get, dnf, yum and zypper ask before installing or removing and, " +
				"reading no answer, abort the build (or, for some versions and packages, behave differently than on a workstation).",
			Remediation:   "Pass -y (apt-get, dnf, yum) or --non-interactive (zypper).",
			FixDockerfile: "RUN apt-get install -y --no-install-recommends curl",
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					if what := promptingCommand(c); what != "" {
						out = append(out, d.finding(r.line, "%s without -y", what))
						break
					}
				}
			}
			return out
		},
	}
}

// promptingCommand names a package command that asks for confirmation, or
// returns "".
func promptingCommand(c shCmd) string {
	if sub, _, flags, ok := aptSub(c); ok {
		switch sub {
		case "install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "reinstall":
			if !hasFlag(flags, "-y", "--yes", "--assume-yes", "-qq", "--quiet=2", "-q=2") {
				return c.name() + " " + sub
			}
		}
		return ""
	}
	switch c.name() {
	case "dnf", "yum":
		pos, flags := cli(c.args(), rpmValueFlags)
		if len(pos) == 0 {
			return ""
		}
		switch pos[0] {
		case "install", "update", "upgrade", "remove", "erase", "reinstall", "downgrade", "groupinstall", "autoremove":
			if !hasFlag(flags, "-y", "--assumeyes") {
				return c.name() + " " + pos[0]
			}
		}
	case "zypper":
		pos, flags := cli(c.args(), map[string]bool{"--root": true, "-R": true})
		if len(pos) == 0 {
			return ""
		}
		switch pos[0] {
		case "install", "in", "update", "up", "remove", "rm", "dist-upgrade", "dup", "patch":
			if !hasFlag(flags, "-n", "--non-interactive", "-y", "--no-confirm") {
				return "zypper " + pos[0]
			}
		}
	}
	return ""
}
