package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/spf13/cobra"
)

// TestHelp keeps every command's --help in a golden file, and requires every
// runnable command to show examples.
func TestHelp(t *testing.T) {
	root := NewRootCmd(&Deps{})
	var walk func(c *cobra.Command)
	var cmds []*cobra.Command
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		cmds = append(cmds, c)
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	for _, c := range cmds {
		path := strings.TrimPrefix(c.CommandPath(), "hoist")
		args := append(strings.Fields(path), "--help")
		name := strings.ReplaceAll(strings.TrimSpace(path), " ", "_")
		if name == "" {
			name = "hoist"
		}
		t.Run(name, func(t *testing.T) {
			if c.Runnable() && c.Name() != "completion" && c.Example == "" && c.Parent() != nil && c.Parent().Name() != "completion" {
				t.Errorf("%s has no examples in its help", c.CommandPath())
			}
			out, _, code := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			golden.Assert(t, filepath.Join("testdata", "help", name+".txt"), []byte(out))
		})
	}
}

func TestExitCodesDocumented(t *testing.T) {
	out, _, _ := run(t, "help", "exit-codes")
	for _, code := range []int{ExitOK, ExitError, ExitFindings, ExitUsage} {
		found := false
		for _, e := range exitCodeDocs {
			found = found || e.Code == code
		}
		if !found {
			t.Errorf("exit code %d is not documented", code)
		}
	}
	for _, e := range exitCodeDocs {
		if !strings.Contains(out, e.Text) {
			t.Errorf("hoist help exit-codes lacks %q", e.Text)
		}
	}
}
