package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func pipNoCacheDir() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-016",
			Title:    "pip install without --no-cache-dir",
			Severity: rule.Low,
			Rationale: "pip keeps every downloaded wheel in ~/.cache/pip; in an image that cache is never used again " +
				"and can be larger than the installed packages.",
			Remediation:   "Add --no-cache-dir (or set PIP_NO_CACHE_DIR=1), or mount the cache (RUN --mount=type=cache,target=/root/.cache/pip pip install ...), which also speeds up rebuilds.",
			FixDockerfile: "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					in, ok := classify(c)
					if !ok || in.mgr.name != mgrPip.name || in.noCache {
						continue
					}
					if _, set := r.envSet(c, "PIP_NO_CACHE_DIR"); set || r.cacheMounted(mgrPip, c.env) {
						continue
					}
					out = append(out, d.finding(r.line, "pip install without --no-cache-dir keeps the download cache in the layer"))
					break
				}
			}
			return out
		},
	}
}
