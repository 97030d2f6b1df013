package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func aptListsCleanup() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-011",
			Title:    "apt-get update without removing the package lists",
			Severity: rule.Low,
			Rationale: "apt-get update downloads tens of megabytes of package lists into /var/lib/apt/lists; unless " +
				"the same RUN deletes them they stay in the layer for good, and stale lists invite a later install from an outdated index.",
			Remediation: "End the RUN with rm -rf /var/lib/apt/lists/*, or keep the lists out of the image with a cache mount " +
				"(RUN --mount=type=cache,target=/var/lib/apt,sharing=locked ...).",
			FixDockerfile: "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			lists := manager{name: "apt lists", cacheDirs: []string{"/var/lib/apt/lists"}}
			var out []Finding
			for _, r := range d.runs {
				updated := ""
				for _, c := range r.cmds {
					if sub, _, _, ok := aptSub(c); ok && sub == "update" {
						updated = c.name()
					}
				}
				if updated == "" || r.cacheMounted(lists, nil) || removesPath(r, "/var/lib/apt/lists") {
					continue
				}
				out = append(out, d.finding(r.line, "%s update leaves its package lists in the layer; remove /var/lib/apt/lists/* in the same RUN or use a cache mount on /var/lib/apt", updated))
			}
			return out
		},
	}
}

// removesPath reports whether the run deletes dir (or everything in it)
// with rm.
func removesPath(r *run, dir string) bool {
	for _, c := range r.cmds {
		if c.name() != "rm" {
			continue
		}
		for _, a := range c.args() {
			if strings.HasPrefix(a, "-") {
				continue
			}
			a = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(a, "*"), "/"), "/")
			if a == dir || (strings.HasPrefix(dir, a+"/") && strings.Count(a, "/") >= 3) {
				return true
			}
		}
	}
	return false
}
