package oracle

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// SynthCDKStacks runs `cdk synth` offline in dir, a CDK app whose cdk.json
// names the app command, and returns each stack's template JSON by stack
// name. It links dir/node_modules to test-tools/node_modules when dir has
// none, and turns off version reporting, path and asset metadata, notices
// and telemetry, so synthesis needs no network and no credentials.
func SynthCDKStacks(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	Require(t, "aws-cdk-lib", "aws-cdk", "constructs", "tsx")
	LinkNodeModules(t, dir)
	out := filepath.Join(dir, "cdk.out")
	cmd := exec.Command("node", filepath.Join(Tools(), "node_modules", "aws-cdk", "bin", "cdk"),
		"synth", "--quiet", "--no-version-reporting", "--no-path-metadata", "--no-asset-metadata",
		"--no-notices", "--output", out)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CDK_DISABLE_CLI_TELEMETRY=true", "CI=true")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("cdk synth in %s: %v\n%s%s", dir, err, stdout.String(), stderr.String())
	}
	files, err := filepath.Glob(filepath.Join(out, "*.template.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	stacks := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		stacks[strings.TrimSuffix(filepath.Base(f), ".template.json")] = data
	}
	if len(stacks) == 0 {
		t.Fatalf("cdk synth in %s wrote no template", dir)
	}
	return stacks
}

// LinkNodeModules makes dir/node_modules a link to test-tools/node_modules
// unless dir already has one, so a generated app resolves its packages.
func LinkNodeModules(t testing.TB, dir string) {
	t.Helper()
	nm := filepath.Join(dir, "node_modules")
	if _, err := os.Lstat(nm); os.IsNotExist(err) {
		if err := os.Symlink(filepath.Join(Tools(), "node_modules"), nm); err != nil {
			t.Fatal(err)
		}
	}
}

// SynthCDK is SynthCDKStacks for an app with exactly one stack: it returns
// that stack's template JSON.
func SynthCDK(t testing.TB, dir string) []byte {
	t.Helper()
	stacks := SynthCDKStacks(t, dir)
	if len(stacks) != 1 {
		names := make([]string, 0, len(stacks))
		for n := range stacks {
			names = append(names, n)
		}
		sort.Strings(names)
		t.Fatalf("cdk synth in %s: got stacks %v, want exactly one", dir, names)
	}
	for _, data := range stacks {
		return data
	}
	return nil
}

// TypeCheckTS runs the TypeScript compiler's type check (tsc --noEmit) on
// the project in dir, whose tsconfig.json it uses, and returns its report;
// ok is false when it found errors.
func TypeCheckTS(t testing.TB, dir string) (report string, ok bool) {
	t.Helper()
	Require(t, "typescript")
	LinkNodeModules(t, dir)
	cmd := exec.Command("node", filepath.Join(Tools(), "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", dir)
	cmd.Dir = dir
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		t.Fatalf("tsc in %s: %v\n%s", dir, err, buf.String())
	}
	return buf.String(), err == nil
}
