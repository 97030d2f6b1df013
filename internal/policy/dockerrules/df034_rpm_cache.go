package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func rpmCacheCleanup() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-034",
			Title:    "dnf or yum install without cleaning the cache",
			Severity: rule.Low,
			Rationale: "dnf and yum keep metadata and downloaded packages in /var/cache; unless the same RUN cleans " +
				"them they stay in the layer and bloat the image.",
			Remediation:   "End the RUN with dnf clean all (yum clean all), or mount a cache on /var/cache/dnf (/var/cache/yum).",
			FixDockerfile: "RUN dnf install -y shadow-utils && dnf clean all",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				installer := ""
				for _, c := range r.cmds {
					if in, ok := classify(c); ok && in.mgr.name == mgrDnf.name {
						installer = c.name()
						break
					}
				}
				if installer == "" || r.cacheMounted(mgrDnf, nil) || removesPath(r, "/var/cache/dnf") || removesPath(r, "/var/cache/yum") || cleansRPMCache(r) {
					continue
				}
				out = append(out, d.finding(r.line, "%s install without %s clean all leaves its cache in the layer", installer, installer))
			}
			return out
		},
	}
}

func cleansRPMCache(r *run) bool {
	for _, c := range r.cmds {
		switch c.name() {
		case "dnf", "yum", "microdnf", "tdnf":
			pos, _ := cli(c.args(), rpmValueFlags)
			if len(pos) >= 2 && pos[0] == "clean" && (pos[1] == "all" || pos[1] == "packages") {
				return true
			}
		}
	}
	return false
}
