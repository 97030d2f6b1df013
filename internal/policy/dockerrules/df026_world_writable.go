package dockerrules

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func worldWritable() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-026",
			Title:    "World-writable files or directories",
			Severity: rule.Medium,
			Rationale: "chmod 777 (or o+w) lets every user in the container, including a compromised unprivileged " +
				"process, rewrite code and configuration that should be read-only.",
			Remediation:   "Give write access only to the user that needs it (chown that user, chmod 750/640); keep code owned by root and read-only.",
			FixDockerfile: "RUN mkdir -p /app/tmp && chown 10001:10001 /app/tmp && chmod 750 /app/tmp",
			NIST:          []string{"AC-3", "AC-6", "CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					switch c := c.(type) {
					case *instructions.CopyCommand:
						if worldWritableMode(c.Chmod) {
							out = append(out, d.finding(lineOf(c), "COPY --chmod=%s makes the files world-writable", c.Chmod))
						}
					case *instructions.AddCommand:
						if worldWritableMode(c.Chmod) {
							out = append(out, d.finding(lineOf(c), "ADD --chmod=%s makes the files world-writable", c.Chmod))
						}
					}
				}
			}
			for _, r := range d.runs {
				for _, c := range r.cmds {
					if c.name() != "chmod" {
						continue
					}
					pos, _ := cli(c.args(), map[string]bool{"--reference": true})
					if len(pos) > 0 && worldWritableMode(pos[0]) {
						out = append(out, d.finding(r.line, "chmod %s makes files world-writable", pos[0]))
						break
					}
				}
			}
			sortFindings(out)
			return out
		},
	}
}

var (
	octalMode    = regexp.MustCompile(`^[0-7]{3,4}$`)
	symbolicMode = regexp.MustCompile(`^([ugoa]*)([-+=])([rwxXst]*)$`)
)

// worldWritableMode reports whether a chmod mode gives others write
// access. Sticky directories (1777, like /tmp) are left alone.
func worldWritableMode(m string) bool {
	if octalMode.MatchString(m) {
		if len(m) == 4 && (m[0]-'0')&1 != 0 {
			return false
		}
		return (m[len(m)-1]-'0')&2 != 0
	}
	for _, clause := range strings.Split(m, ",") {
		sm := symbolicMode.FindStringSubmatch(clause)
		if sm == nil {
			continue
		}
		who, op, perms := sm[1], sm[2], sm[3]
		if op != "-" && strings.ContainsAny(who, "oa") && strings.Contains(perms, "w") && !strings.Contains(perms, "t") {
			return true
		}
	}
	return false
}
