package dockerrules

import (
	"path"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func npmInstallLockfile() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-017",
			Title:    "npm install used although a lockfile is copied",
			Severity: rule.Low,
			Rationale: "npm install may update package-lock.json and resolve newer versions than the ones reviewed; " +
				"npm ci installs exactly the lockfile and fails when it does not match package.json.",
			Remediation:   "Use npm ci (with --omit=dev for production dependencies).",
			FixDockerfile: "COPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev",
			NIST:          []string{"CM-2", "SR-3"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for i := range d.Stages {
				s := &d.Stages[i]
				lock := false
				for _, c := range s.Commands {
					switch c := c.(type) {
					case *instructions.CopyCommand:
						if c.From == "" && copiesNpmLockfile(c.SourcePaths) {
							lock = true
						}
					case *instructions.AddCommand:
						if copiesNpmLockfile(c.SourcePaths) {
							lock = true
						}
					case *instructions.RunCommand:
						if !lock {
							continue
						}
						for _, r := range d.runsOf(s) {
							if r.cmd != c {
								continue
							}
							for _, sc := range r.cmds {
								if in, ok := classify(sc); ok && in.mgr.name == mgrNpm.name && in.deps && (in.sub == "install" || in.sub == "i") {
									out = append(out, d.finding(r.line, "npm %s with a copied lockfile; use npm ci", in.sub))
									break
								}
							}
						}
					}
				}
			}
			return out
		},
	}
}

func copiesNpmLockfile(srcs []string) bool {
	for _, s := range srcs {
		b := path.Base(s)
		for _, lock := range []string{"package-lock.json", "npm-shrinkwrap.json"} {
			if ok, _ := path.Match(b, lock); ok {
				return true
			}
		}
	}
	return false
}
