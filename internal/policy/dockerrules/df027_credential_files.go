package dockerrules

import (
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func credentialFilesCopied() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-027",
			Title:    "Private keys or credential files copied into the image",
			Severity: rule.High,
			Rationale: "An SSH key, cloud credentials file or .env file copied into a layer stays in the image even if " +
				"a later step deletes it; anyone who can pull the image can extract it.",
			Remediation: "Do not copy credentials: use RUN --mount=type=ssh for Git over SSH, RUN --mount=type=secret for " +
				"tokens, and inject runtime secrets from AWS Secrets Manager. Keep these files out of the context with .dockerignore.",
			FixDockerfile: "RUN --mount=type=ssh git clone git@github.com:example/private.git",
			NIST:          []string{"IA-5", "IA-5(7)", "SC-28"},
			CIS:           []string{"4.10"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					var srcs []string
					switch c := c.(type) {
					case *instructions.CopyCommand:
						if c.From != "" {
							continue
						}
						srcs = c.SourcePaths
					case *instructions.AddCommand:
						srcs = c.SourcePaths
					default:
						continue
					}
					for _, src := range srcs {
						if isURL(src) {
							continue
						}
						if what := credentialFile(src); what != "" {
							out = append(out, d.finding(lineOf(c), "%s copies %s (%s) into the image", c.Name(), src, what))
							break
						}
					}
				}
			}
			return out
		},
	}
}

// credentialFile says what kind of secret a source path looks like, or "".
func credentialFile(src string) string {
	p := strings.Trim(path.Clean(strings.ReplaceAll(src, `\`, "/")), "/")
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case ".ssh":
			return "an SSH directory"
		case ".aws":
			return "AWS credentials"
		case ".gnupg":
			return "a GnuPG keyring"
		}
	}
	base := path.Base(p)
	switch {
	case strings.HasPrefix(base, "id_rsa"), strings.HasPrefix(base, "id_dsa"), strings.HasPrefix(base, "id_ecdsa"), strings.HasPrefix(base, "id_ed25519"):
		if !strings.HasSuffix(base, ".pub") {
			return "an SSH private key"
		}
	case base == ".netrc", base == ".pypirc", base == ".git-credentials":
		return "a credentials file"
	case base == ".env" || (strings.HasPrefix(base, ".env.") && !envTemplate(base)):
		return "an environment file"
	case strings.HasSuffix(base, ".key"), strings.HasSuffix(base, ".p12"), strings.HasSuffix(base, ".pfx"), strings.HasSuffix(base, ".jks"), strings.HasSuffix(base, ".keystore"):
		return "a private key or key store"
	case base == "config.json" && strings.Contains(p, ".docker/"):
		return "Docker registry credentials"
	}
	return ""
}

func envTemplate(base string) bool {
	for _, s := range []string{".example", ".sample", ".template", ".dist", ".defaults"} {
		if strings.HasSuffix(base, s) {
			return true
		}
	}
	return false
}
