package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func finalStageRoot() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-003",
			Title:    "Final stage runs as root",
			Severity: rule.High,
			Rationale: "Without a USER the container's process runs as root (uid 0). A flaw in the application then " +
				"gives an attacker root inside the container, write access to the code, and a much shorter path out " +
				"of the container through kernel or runtime bugs.",
			Remediation: "Create an unprivileged user in the final stage and switch to it with USER before CMD; " +
				"keep the application files owned by root so the process cannot rewrite them.",
			FixDockerfile: "RUN groupadd --system --gid 10001 app \\\n    && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001",
			NIST:          []string{"AC-6", "CM-6"},
			CIS:           []string{"4.1"},
		},
		Check: func(d *Dockerfile) []Finding {
			final := d.Final()
			for _, s := range d.chain(final) {
				for i := len(s.Commands) - 1; i >= 0; i-- {
					u, ok := s.Commands[i].(*instructions.UserCommand)
					if !ok {
						continue
					}
					if isRootUser(u.User) {
						return []Finding{d.finding(lineOf(u), "the final stage runs as root (USER %s)", u.User)}
					}
					return nil
				}
			}
			chain := d.chain(final)
			root := chain[len(chain)-1]
			if nonRootImage(root.Base) {
				return nil
			}
			return []Finding{d.finding(final.Line, "the final stage sets no USER, so the container runs as the base image's user, root by default")}
		},
	}
}

// isRootUser reports whether a USER value names root: root or uid 0,
// with or without a group.
func isRootUser(u string) bool {
	user, _, _ := strings.Cut(strings.TrimSpace(u), ":")
	return user == "root" || user == "0" || user == ""
}

// nonRootImage reports whether an image is published to run as a
// non-root user by default (distroless :nonroot, *-unprivileged, ...).
func nonRootImage(ref string) bool {
	l := strings.ToLower(ref)
	for _, s := range []string{"nonroot", "non-root", "unprivileged", "rootless"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
