package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func apkNoCache() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-015",
			Title:    "apk add without --no-cache",
			Severity: rule.Low,
			Rationale: "apk keeps its package index in /var/cache/apk; without --no-cache (or a cache mount) it stays " +
				"in the layer, adding size and a stale index to the image.",
			Remediation:   "Use apk add --no-cache, or mount a cache (RUN --mount=type=cache,target=/var/cache/apk apk add ...), which also speeds up rebuilds.",
			FixDockerfile: "RUN apk add --no-cache ca-certificates",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					in, ok := classify(c)
					if !ok || in.mgr.name != mgrApk.name || in.noCache {
						continue
					}
					if r.cacheMounted(mgrApk, c.env) || removesPath(r, "/var/cache/apk") {
						continue
					}
					out = append(out, d.finding(r.line, "apk add without --no-cache leaves the package index in the layer"))
					break
				}
			}
			return out
		},
	}
}
