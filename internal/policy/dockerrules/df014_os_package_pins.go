package dockerrules

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func osPackagePins() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-014",
			Title:    "OS packages installed without version pins",
			Severity: rule.Low,
			Rationale: "Without a version, apt, apk and dnf install whatever the mirror has on build day, so two builds " +
				"of the same commit can differ. Pins make the package set reviewable; they also need upkeep, since " +
				"distributions drop superseded versions, which is why this rule is low.",
			Remediation:   "Pin the versions that matter (apt-get install curl=7.88.1-10+deb12u8, apk add curl=8.11.1-r0) or pin the base image by digest and rebuild on purpose.",
			FixDockerfile: "RUN apk add --no-cache curl=8.11.1-r0",
			NIST:          []string{"CM-2", "CM-8"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					in, ok := classify(c)
					if !ok {
						continue
					}
					var unpinned []string
					switch in.mgr.name {
					case mgrApt.name, mgrApk.name, mgrDnf.name, mgrZypper.name:
						for _, p := range in.pos {
							if isPackageName(p) && !pinned(in.mgr, p) {
								unpinned = append(unpinned, p)
							}
						}
					}
					if len(unpinned) > 0 {
						out = append(out, d.finding(r.line, "%s installs %s without a version", c.name(), listNames(unpinned, 4)))
						break
					}
				}
			}
			return out
		},
	}
}

var rpmVersion = regexp.MustCompile(`-[0-9]`)

// isPackageName is false for variables, files and URLs given to a package
// manager instead of names.
func isPackageName(p string) bool {
	return p != "" && !strings.ContainsAny(p, "$/`") && !strings.HasSuffix(p, ".deb") && !strings.HasSuffix(p, ".rpm") && !strings.HasSuffix(p, ".apk")
}

func pinned(m manager, p string) bool {
	switch m.name {
	case mgrApk.name:
		return strings.ContainsAny(p, "=~<>")
	case mgrDnf.name, mgrZypper.name:
		return rpmVersion.MatchString(p) || strings.ContainsAny(p, "=<>")
	}
	return strings.Contains(p, "=")
}

// listNames quotes up to n names and says how many more there are.
func listNames(names []string, n int) string {
	var b strings.Builder
	for i, s := range names {
		if i == n {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	return b.String()
}
