package artifact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/spec"
)

// yamlDoc accumulates YAML text written line by line, so the output keeps
// its comments and a fixed key order.
type yamlDoc struct {
	b bytes.Buffer
}

func (y *yamlDoc) line(indent int, format string, a ...any) {
	y.b.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&y.b, format, a...)
	y.b.WriteByte('\n')
}

func (y *yamlDoc) comment(indent int, text string) {
	for _, l := range strings.Split(text, "\n") {
		y.b.WriteString(strings.TrimRight(strings.Repeat("  ", indent)+"# "+l, " "))
		y.b.WriteByte('\n')
	}
}

func (y *yamlDoc) blank() { y.b.WriteByte('\n') }

func (y *yamlDoc) bytes() []byte { return y.b.Bytes() }

var (
	plainScalar = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`)
	yamlSpecial = regexp.MustCompile(`^(?i:y|n|yes|no|on|off|true|false|null|~|\.inf|\.nan)$|^[-+]?(\.[0-9]|[0-9])[0-9_.:eE+-]*$`)
)

// scalar renders a YAML string: plain when that is unambiguous, otherwise
// double-quoted (a JSON string is a valid YAML double-quoted scalar).
func scalar(s string) string {
	if plainScalar.MatchString(s) && !yamlSpecial.MatchString(s) {
		return s
	}
	return quoted(s)
}

// quoted always double-quotes.
func quoted(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return strings.TrimSuffix(b.String(), "\n")
}

var (
	nameRE   = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62}$`)
	envRE    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	regionRE = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d$`)
)

// checkSpec validates what the renderers put into YAML and shell lines:
// resource names, env var names, paths and commands.
func checkSpec(sp *spec.Spec) error {
	if sp == nil {
		return fmt.Errorf("no spec")
	}
	if !nameRE.MatchString(sp.Name) {
		return fmt.Errorf("spec name %q: want lowercase letters, digits and dashes, starting with a letter", sp.Name)
	}
	if sp.Region != "" && !regionRE.MatchString(sp.Region) {
		return fmt.Errorf("region %q is not an AWS region name", sp.Region)
	}
	if sp.Environment != "" && !nameRE.MatchString(sp.Environment) {
		return fmt.Errorf("environment %q: want lowercase letters, digits and dashes", sp.Environment)
	}
	seen := map[string]string{}
	claim := func(kind, name string) error {
		if !nameRE.MatchString(name) {
			return fmt.Errorf("%s name %q: want lowercase letters, digits and dashes, starting with a letter", kind, name)
		}
		if other, ok := seen[name]; ok {
			return fmt.Errorf("%s name %q is also used by a %s", kind, name, other)
		}
		seen[name] = kind
		return nil
	}
	for _, s := range sp.Services {
		if err := claim("service", s.Name); err != nil {
			return err
		}
		for _, p := range []string{s.Path, s.Build.Context, s.Build.Dockerfile} {
			if p != "" && p != "." && (!safePath.MatchString(p) || strings.Contains(p, "*") || path.IsAbs(p) || hasDotDot(p)) {
				return fmt.Errorf("service %q: path %q must be relative, inside the repository, without spaces or quotes", s.Name, p)
			}
		}
		for _, e := range s.Env {
			if !envRE.MatchString(e) {
				return fmt.Errorf("service %q: env entry %q is not a variable name (hoist.yaml lists names; values are supplied at deploy time)", s.Name, redactEnv(e))
			}
		}
		for _, e := range s.Secrets {
			if !envRE.MatchString(e) {
				return fmt.Errorf("service %q: secret %q is not a variable name", s.Name, redactEnv(e))
			}
		}
		if strings.ContainsAny(s.Command, "\n\r\x00") {
			return fmt.Errorf("service %q: command contains a line break", s.Name)
		}
		if name, ok := inlineSecret(s.Command); ok {
			return fmt.Errorf("service %q: command sets %s inline; use secrets in hoist.yaml", s.Name, name)
		}
		if s.Port < 0 || s.Port > 65535 {
			return fmt.Errorf("service %q: port %d out of range", s.Name, s.Port)
		}
	}
	for _, d := range sp.Databases {
		if err := claim("database", d.Name); err != nil {
			return err
		}
	}
	for _, c := range sp.Caches {
		if err := claim("cache", c.Name); err != nil {
			return err
		}
	}
	for _, q := range sp.Queues {
		if err := claim("queue", q.Name); err != nil {
			return err
		}
	}
	for _, b := range sp.Buckets {
		if err := claim("bucket", b.Name); err != nil {
			return err
		}
	}
	for _, st := range sp.StaticSites {
		if err := claim("static site", st.Name); err != nil {
			return err
		}
		if path.IsAbs(st.OutputDir) {
			return fmt.Errorf("static site %q: output_dir %q must be relative to the site's folder", st.Name, st.OutputDir)
		}
		// output_dir is relative to the site's folder and may climb out of
		// it (nx builds into the workspace's dist/); where it lands must be
		// inside the repository.
		for _, p := range []string{st.Path, path.Join(sitePath(st), st.OutputDir)} {
			if p != "" && p != "." && (!safePath.MatchString(p) || strings.Contains(p, "*") || path.IsAbs(p) || hasDotDot(p)) {
				return fmt.Errorf("static site %q: path %q must be relative, inside the repository, without spaces or quotes", st.Name, p)
			}
		}
		if strings.ContainsAny(st.BuildCommand, "\n\r\x00") {
			return fmt.Errorf("static site %q: build command contains a line break", st.Name)
		}
		if name, ok := inlineSecret(st.BuildCommand); ok {
			return fmt.Errorf("static site %q: build command sets %s inline; a static site's files are public, so it must not be built with a secret", st.Name, name)
		}
	}
	return nil
}

// redactEnv shows the name of a NAME=value entry and hides the value.
func redactEnv(e string) string {
	if i := strings.Index(e, "="); i >= 0 {
		return e[:i] + "=<redacted>"
	}
	if awsKeyID.MatchString(e) {
		return "<redacted>"
	}
	return e
}

// envName turns a resource name into an environment variable prefix:
// "jobs-dlq" -> "JOBS_DLQ".
func envName(name string) string {
	return strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// serviceContext is a spec service's build context.
func serviceContext(s spec.Service) string {
	switch {
	case s.Build.Context != "":
		return s.Build.Context
	case s.Path != "":
		return s.Path
	}
	return "."
}

// serviceDockerfile is the repository-relative path of a spec service's
// Dockerfile: the one the spec names, or Dockerfile in the service folder.
func serviceDockerfile(s spec.Service) string {
	if s.Build.Dockerfile != "" {
		return s.Build.Dockerfile
	}
	p := s.Path
	if p == "" {
		p = serviceContext(s)
	}
	return path.Join(p, "Dockerfile")
}

// relTo expresses a repository-relative path relative to dir.
func relTo(dir, p string) string {
	dir, p = path.Clean(dir), path.Clean(p)
	if dir == "." {
		return p
	}
	if strings.HasPrefix(p, dir+"/") {
		return strings.TrimPrefix(p, dir+"/")
	}
	up := strings.Repeat("../", len(strings.Split(dir, "/")))
	return up + p
}

// platformOf maps a spec architecture to a Docker platform.
func platformOf(arch string) string {
	if arch == "arm64" {
		return "linux/arm64"
	}
	return "linux/amd64"
}

// environmentOf is the deployment environment name.
func environmentOf(sp *spec.Spec) string {
	if sp.Environment != "" {
		return sp.Environment
	}
	return "production"
}

// regionOf is the spec's region or the default.
func regionOf(sp *spec.Spec) string {
	if sp.Region != "" {
		return sp.Region
	}
	return spec.DefaultRegion
}

// command renders a shell command as a YAML scalar: plain when YAML reads
// it back unchanged, otherwise single-quoted (only ' needs escaping, as ”).
func command(s string) string {
	plain := s != "" && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		strings.TrimSpace(s) == s && !yamlSpecial.MatchString(s)
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
