package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func dockerignoreIncomplete() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-030",
			Title:    ".dockerignore does not exclude .git or node_modules",
			Severity: rule.Low,
			Rationale: ".git holds the whole history (including anything ever committed by mistake) and changes on " +
				"every commit, busting the layer cache; a host node_modules overwrites the one installed in the image " +
				"with binaries built for another platform.",
			Remediation:   "Add .git (and node_modules for JavaScript projects, as **/node_modules in monorepos) to .dockerignore.",
			FixDockerfile: "# .dockerignore\n.git\n**/node_modules",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			if !d.HasDockerignore {
				return nil
			}
			line := firstBroadCopy(d)
			if line == 0 {
				return nil
			}
			var missing []string
			if !d.ignored(".git") {
				missing = append(missing, ".git")
			}
			if usesNodeModules(d) && !d.ignored("node_modules") {
				missing = append(missing, "node_modules")
			}
			if len(missing) == 0 {
				return nil
			}
			return []Finding{d.finding(line, "the whole build context is copied and .dockerignore does not exclude %s", strings.Join(missing, " or "))}
		},
	}
}

// usesNodeModules reports whether the build installs JavaScript packages.
func usesNodeModules(d *Dockerfile) bool {
	for _, r := range d.runs {
		for _, c := range r.cmds {
			if in, ok := classify(c); ok {
				switch in.mgr.name {
				case mgrNpm.name, mgrYarn.name, mgrPnpm.name, mgrBun.name:
					return true
				}
			}
		}
	}
	return false
}
