package dockerrules

import (
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func copyAllBeforeInstall() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-028",
			Title:    "Whole build context copied before the dependency install",
			Severity: rule.Low,
			Rationale: "COPY . . changes with every source edit, and every later layer is rebuilt when it changes: with " +
				"the dependency install after it, each code change downloads and installs all dependencies again.",
			Remediation:   "Copy only the manifests and lockfiles first, install dependencies, then copy the rest of the source.",
			FixDockerfile: "COPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . .",
			NIST:          []string{"CM-2"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for i := range d.Stages {
				s := &d.Stages[i]
				broad := 0
				// Managers whose dependencies were installed before the
				// broad copy: a later install by them only re-syncs.
				early := map[string]bool{}
				for _, c := range s.Commands {
					if line := broadCopyLine(c); line > 0 && broad == 0 {
						broad = line
						continue
					}
					rc, ok := c.(*instructions.RunCommand)
					if !ok {
						continue
					}
					what, mgr := dependencyInstall(d, rc)
					if broad == 0 {
						if mgr != "" {
							early[mgr] = true
						}
						continue
					}
					if what != "" && !early[mgr] {
						out = append(out, d.finding(broad, "the whole build context is copied before %s (line %d), so every source change reinstalls dependencies", what, lineOf(rc)))
						break
					}
				}
			}
			return out
		},
	}
}

// broadCopyLine returns the line of a COPY or ADD that copies the whole
// build context (., ./, *), or 0.
func broadCopyLine(c instructions.Command) int {
	var srcs []string
	switch c := c.(type) {
	case *instructions.CopyCommand:
		if c.From != "" {
			return 0
		}
		srcs = c.SourcePaths
	case *instructions.AddCommand:
		srcs = c.SourcePaths
	default:
		return 0
	}
	for _, s := range srcs {
		switch path.Clean(strings.ReplaceAll(s, `\`, "/")) {
		case ".", "*", "/", "./*":
			return lineOf(c)
		}
	}
	return 0
}

// dependencyInstall describes the dependency install in a RUN and names
// its package manager, or returns "", "".
func dependencyInstall(d *Dockerfile, rc *instructions.RunCommand) (what, mgr string) {
	for _, r := range d.runs {
		if r.cmd != rc {
			continue
		}
		for _, c := range r.cmds {
			if in, ok := classify(c); ok && in.deps && !in.offline {
				return strings.TrimSpace(c.name() + " " + in.sub), in.mgr.name
			}
		}
	}
	return "", ""
}
