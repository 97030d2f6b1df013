package dockerrules

import (
	"fmt"
	"strings"
	"testing"
)

// describe renders commands as "words|flags" lines: > marks a command
// piping out, P one with pipefail in effect, S one run through sudo.
func describe(cmds []shCmd) string {
	var lines []string
	for _, c := range cmds {
		mark := ""
		if c.pipeOut {
			mark += ">"
		}
		if c.pipefail {
			mark += "P"
		}
		if c.sudo {
			mark += "S"
		}
		lines = append(lines, fmt.Sprintf("%s|%s", strings.Join(c.words, " "), mark))
	}
	return strings.Join(lines, "\n")
}

func TestSplitScript(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"and-chain", "apt-get update && apt-get install -y curl", "apt-get update|\napt-get install -y curl|"},
		{"quotes", `echo "a && b" 'c | d'`, "echo a && b c | d|"},
		{"pipe", "curl -fsSL x | tar -xz", "curl -fsSL x|>\ntar -xz|"},
		{"pipefail", "set -euo pipefail; curl x | sh", "set -euo pipefail|P\ncurl x|>P\nsh|P"},
		{"assignments and sudo", "FOO=1 sudo -u root env BAR=2 apt-get install x", "apt-get install x|S"},
		{"redirections", "cmd >/dev/null 2>&1 arg < in", "cmd arg|"},
		{"comment", "a # b && c\nd", "a|\nd|"},
		{"subshell", "(cd /tmp && make) || true", "cd /tmp|\nmake|\ntrue|"},
		{"substitution kept in word", `echo "$(uname -m | tr a b)" x`, "echo $(uname -m | tr a b) x|"},
		{"sh -c", `sh -c "apt-get update && apt-get install -y git"`, "sh -c apt-get update && apt-get install -y git|\napt-get update|\napt-get install -y git|"},
		{"case patterns are not pipes", `case "$a" in x|y) echo 1 ;; *) exit 1 ;; esac && make`, "echo 1|\nexit 1|\nmake|"},
		{"if", "if [ -f x ]; then rm x; fi", "[ -f x ]|\nrm x|"},
		{"continuation", "a \\\n b", "a b|"},
		{"unterminated quote", `echo "abc`, "echo abc|"},
	}
	for _, tc := range tests {
		if got := describe(splitScript(tc.script)); got != tc.want {
			t.Errorf("%s: splitScript(%q): got\n%s\nwant\n%s", tc.name, tc.script, got, tc.want)
		}
	}
}

func TestHasFlag(t *testing.T) {
	tests := []struct {
		flags []string
		names []string
		want  bool
	}{
		{[]string{"-qy"}, []string{"-y"}, true},
		{[]string{"--yes"}, []string{"-y", "--yes"}, true},
		{[]string{"--no-cache=true"}, []string{"--no-cache"}, true},
		{[]string{"--no-cache-dir"}, []string{"--no-cache"}, false},
		{[]string{"--yesterday"}, []string{"-y"}, false},
	}
	for _, tc := range tests {
		if got := hasFlag(tc.flags, tc.names...); got != tc.want {
			t.Errorf("hasFlag(%v, %v): got %v, want %v", tc.flags, tc.names, got, tc.want)
		}
	}
}

func TestIgnored(t *testing.T) {
	tests := []struct {
		patterns, path string
		want           bool
	}{
		{".git", ".git", true},
		{"**/.git", ".git", true},
		{"/.git/", ".git", true},
		{".git*", ".git", true},
		{".git/objects", ".git", false},
		{"*", ".git", true},
		{"*\n!.git", ".git", false},
		{"node_modules\n!node_modules", "node_modules", false},
		{"**/node_modules", "node_modules", true},
		{"apps/*/node_modules", "node_modules", false},
		{"[n]ode_modules", "node_modules", true},
		{"# .git", ".git", false},
	}
	for _, tc := range tests {
		d := &Dockerfile{Dockerignore: parseDockerignore([]byte(tc.patterns))}
		if got := d.ignored(tc.path); got != tc.want {
			t.Errorf("ignored(%q) with .dockerignore %q: got %v, want %v", tc.path, tc.patterns, got, tc.want)
		}
	}
}

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"PASSWORD": true, "DB_PASSWORD": true, "GITHUB_TOKEN": true, "API_KEY": true, "apiKey": true,
		"AWS_SECRET_ACCESS_KEY": true, "PRIVATE_KEY": true, "SSH_PRIVATE_KEY": true, "NPM_TOKEN": true,
		"DB_PASSWORD_FILE": false, "GPG_KEY": false, "AWS_ACCESS_KEY_ID": false, "TOKEN_URL": false,
		"PORT": false, "KEYCLOAK_REALM": false, "SECRET_KEY_BASE_DUMMY": false, "PWD": false,
	} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%q): got %v, want %v", name, got, want)
		}
	}
}
