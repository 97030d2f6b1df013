// Package oracle runs the offline validation oracles installed under
// test-tools/ (AWS's CloudFormation validator, the CDK CLI) for tests. It is
// used only by tests: the hoist binary never runs Node.
//
// When the npm packages are missing, Require skips the test locally and
// fails it in CI (CI=true), so a CI run never passes without the oracles.
package oracle

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the repository's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Tools is the test-tools folder.
func Tools() string { return filepath.Join(Root(), "test-tools") }

// Require skips t (or fails it in CI) unless node and the named npm packages
// are installed under test-tools/node_modules.
func Require(t testing.TB, packages ...string) {
	t.Helper()
	missing := ""
	if _, err := exec.LookPath("node"); err != nil {
		missing = "node is not on PATH"
	}
	for _, p := range packages {
		if _, err := os.Stat(filepath.Join(Tools(), "node_modules", filepath.FromSlash(p), "package.json")); err != nil && missing == "" {
			missing = p + " is not installed (run: cd test-tools && npm ci)"
		}
	}
	if missing == "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("oracle unavailable in CI: %s", missing)
	}
	t.Skipf("oracle unavailable: %s", missing)
}

// Finding is one result of AWS's CloudFormation validator.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Level    string `json:"level"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Resource string `json:"resource"`
	Path     string `json:"path"`
}

// IsError reports whether the finding fails validation.
func (f Finding) IsError() bool { return f.Level == "ERROR" || f.Level == "FATAL" }

// ValidateCloudFormation runs @aws/cloudformation-validate over template
// files in one Node process (its WASM start-up is the slow part) and
// returns every finding.
func ValidateCloudFormation(t testing.TB, files ...string) []Finding {
	t.Helper()
	Require(t, "@aws/cloudformation-validate")
	args := append([]string{filepath.Join(Tools(), "cfn-validate.mjs")}, files...)
	cmd := exec.Command("node", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // findings with errors: reported below
	}
	if err != nil {
		t.Fatalf("cfn-validate: %v\n%s", err, stderr.String())
	}
	var out []Finding
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var f Finding
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("cfn-validate printed a line that is not JSON: %q", sc.Text())
		}
		out = append(out, f)
	}
	return out
}
