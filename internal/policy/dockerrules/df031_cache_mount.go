package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func noCacheMount() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-031",
			Title:    "Package download without a BuildKit cache mount",
			Severity: rule.Info,
			Rationale: "Whenever the layer is rebuilt, a package manager without a cache downloads everything again. " +
				"A cache mount keeps the download cache between builds and out of the image, so rebuilds are fast and " +
				"the image carries no cache (no --no-cache flags or cleanup needed).",
			Remediation:   "Mount the package manager's cache directory: RUN --mount=type=cache,target=<cache dir> <install command>.",
			FixDockerfile: "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				seen := map[string]bool{}
				for _, c := range r.cmds {
					in, ok := classify(c)
					if !ok || in.offline || seen[in.mgr.name] || r.cacheMounted(in.mgr, c.env) {
						continue
					}
					seen[in.mgr.name] = true
					out = append(out, d.finding(r.line, "%s downloads packages without a cache mount for %s (RUN --mount=type=cache,target=%s)", c.name(), in.mgr.name, strings.Replace(in.mgr.cacheDirs[0], "~", "/root", 1)))
				}
			}
			return out
		},
	}
}
