package dockerrules

import (
	"strings"
	"unicode"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func secretInArgEnv() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-005",
			Title:    "Secret in ARG or ENV",
			Severity: rule.High,
			Rationale: "ENV values are stored in the image config and ARG values in the image history: anyone who can " +
				"pull the image can read them (docker history, docker inspect). A secret passed this way leaks with every copy of the image.",
			Remediation: "Pass build-time secrets with a secret mount (RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN ...) " +
				"and give runtime secrets to the container from AWS Secrets Manager or SSM Parameter Store, never through the Dockerfile.",
			FixDockerfile: "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci",
			NIST:          []string{"IA-5", "IA-5(7)", "SC-28"},
			CIS:           []string{"4.10"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			checkArgs := func(a *instructions.ArgCommand) {
				for _, kv := range a.Args {
					if !secretName(kv.Key) {
						continue
					}
					if kv.Value != nil && *kv.Value != "" {
						out = append(out, d.finding(lineOf(a), "ARG %s has a default value that looks like a secret; build arguments are kept in the image history", kv.Key))
					} else {
						out = append(out, d.finding(lineOf(a), "ARG %s looks like a secret; build arguments are kept in the image history", kv.Key))
					}
				}
			}
			for i := range d.MetaArgs {
				checkArgs(&d.MetaArgs[i])
			}
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					switch c := c.(type) {
					case *instructions.ArgCommand:
						checkArgs(c)
					case *instructions.EnvCommand:
						for _, kv := range c.Env {
							if secretName(kv.Key) {
								out = append(out, d.finding(lineOf(c), "ENV %s looks like a secret; environment variables are stored in the image config", kv.Key))
							}
						}
					}
				}
			}
			return out
		},
	}
}

// secretWords are the words that make a variable name a secret on their own.
var secretWords = map[string]bool{
	"PASSWORD": true, "PASSWD": true, "PASSPHRASE": true, "SECRET": true, "SECRETS": true, "TOKEN": true,
	"APIKEY": true, "CREDENTIAL": true, "CREDENTIALS": true, "PRIVATEKEY": true,
}

// keyQualifiers are the words that, right before KEY, make it a secret key
// (API_KEY, PRIVATE_KEY) rather than an identifier (GPG_KEY, a public key
// fingerprint in many official images).
var keyQualifiers = map[string]bool{
	"API": true, "PRIVATE": true, "SECRET": true, "ACCESS": true, "MASTER": true, "ENCRYPTION": true,
	"SIGNING": true, "CLIENT": true, "LICENSE": true, "AUTH": true,
}

// notSecretSuffixes end names that point at a secret rather than hold one
// (DB_PASSWORD_FILE, TOKEN_URL, SECRET_ARN).
var notSecretSuffixes = map[string]bool{
	"FILE": true, "PATH": true, "DIR": true, "URL": true, "URI": true, "ENDPOINT": true, "ARN": true,
	"NAME": true, "ID": true, "HEADER": true, "LENGTH": true, "TTL": true, "EXPIRY": true, "EXPIRES": true,
	"TYPE": true, "REGION": true, "ENABLED": true, "DUMMY": true,
}

// secretName reports whether a variable name says it holds a secret.
func secretName(name string) bool {
	words := nameWords(name)
	if len(words) == 0 || notSecretSuffixes[words[len(words)-1]] {
		return false
	}
	for i, w := range words {
		if secretWords[w] {
			return true
		}
		if (w == "KEY" || w == "KEYS") && i > 0 && keyQualifiers[words[i-1]] {
			return true
		}
	}
	return false
}

// nameWords splits FOO_BAR, foo-bar and fooBar into upper-case words.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToUpper(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.':
			flush()
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}
