package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// configAnnotation marks a flag whose default may come from the environment
// (HOIST_<FLAG>) or the config file (<flag> with dashes as underscores).
const configAnnotation = "hoist_config"

// markConfigurable lets a flag take its value from env or config file.
func markConfigurable(fs *pflag.FlagSet, names ...string) {
	for _, n := range names {
		if err := fs.SetAnnotation(n, configAnnotation, []string{"true"}); err != nil {
			panic(err) // a programming error: the flag does not exist
		}
	}
}

// hoistDir returns Hoist's folder under an XDG base directory: $env/hoist,
// or ~/<fallback>/hoist when env is unset; "" when HOME is unset too.
func hoistDir(getenv func(string) string, env, fallback string) string {
	dir := getenv(env)
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, fallback)
	}
	return filepath.Join(dir, "hoist")
}

// configPath returns $XDG_CONFIG_HOME/hoist/config.yaml (or
// ~/.config/hoist/config.yaml); "" when neither is set.
func configPath(getenv func(string) string) string {
	dir := hoistDir(getenv, "XDG_CONFIG_HOME", ".config")
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "config.yaml")
}

// userCacheDir is $XDG_CACHE_HOME/hoist (or ~/.cache/hoist): refreshed
// prices and LLM answers live there.
func userCacheDir(getenv func(string) string) string {
	return hoistDir(getenv, "XDG_CACHE_HOME", ".cache")
}

// userStateDir is $XDG_STATE_HOME/hoist (or ~/.local/state/hoist): the
// LLM audit log lives there.
func userStateDir(getenv func(string) string) string {
	return hoistDir(getenv, "XDG_STATE_HOME", filepath.Join(".local", "state"))
}

// configFile is the parsed config file: flag name (underscored) to value,
// with the line each came from.
type configFile struct {
	path   string
	values map[string]configValue
}

type configValue struct {
	value string
	line  int
}

// loadConfig reads the config file. A missing file is an empty config.
func loadConfig(path string) (*configFile, error) {
	cf := &configFile{path: path, values: map[string]configValue{}}
	if path == "" {
		return cf, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return cf, nil
	}
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return cf, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &UsageError{Err: fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if len(doc.Content) == 0 {
		return cf, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, usageErrorf("%s:%d:%d: the config file must be a mapping of setting: value", path, root.Line, root.Column)
	}
	flatten(cf, "", root)
	return cf, nil
}

// flatten turns nested mappings into underscored keys: llm: {provider: x}
// becomes llm_provider.
func flatten(cf *configFile, prefix string, n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := prefix + strings.ReplaceAll(k.Value, "-", "_")
		switch v.Kind {
		case yaml.MappingNode:
			flatten(cf, key+"_", v)
		case yaml.SequenceNode:
			var parts []string
			for _, c := range v.Content {
				parts = append(parts, c.Value)
			}
			cf.values[key] = configValue{strings.Join(parts, ","), k.Line}
		default:
			cf.values[key] = configValue{v.Value, k.Line}
		}
	}
}

// applyConfig fills every configurable flag the user did not set on the
// command line from HOIST_* env, then from the config file. It reports keys
// in the config file that no flag of any command knows.
func applyConfig(cmd *cobra.Command, getenv func(string) string, cf *configFile) error {
	var errs []error
	apply := func(f *pflag.Flag) {
		if f.Changed || f.Annotations[configAnnotation] == nil {
			return
		}
		key := strings.ReplaceAll(f.Name, "-", "_")
		if v := getenv("HOIST_" + strings.ToUpper(key)); v != "" {
			if err := f.Value.Set(v); err != nil {
				errs = append(errs, usageErrorf("HOIST_%s: %v", strings.ToUpper(key), err))
			}
			return
		}
		if cv, ok := cf.values[key]; ok {
			if err := f.Value.Set(cv.value); err != nil {
				errs = append(errs, usageErrorf("%s:%d: %s: %v", cf.path, cv.line, key, err))
			}
		}
	}
	cmd.Flags().VisitAll(apply)
	cmd.InheritedFlags().VisitAll(apply)
	return errors.Join(errs...)
}

// unknownConfigKeys lists config keys no configurable flag of the tree knows.
func unknownConfigKeys(root *cobra.Command, cf *configFile) []string {
	known := map[string]bool{}
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		mark := func(f *pflag.Flag) {
			if f.Annotations[configAnnotation] != nil {
				known[strings.ReplaceAll(f.Name, "-", "_")] = true
			}
		}
		c.Flags().VisitAll(mark)
		c.PersistentFlags().VisitAll(mark)
		for _, s := range c.Commands() {
			visit(s)
		}
	}
	visit(root)
	var out []string
	for k, v := range cf.values {
		if !known[k] {
			out = append(out, fmt.Sprintf("%s:%d: unknown setting %q", cf.path, v.line, k))
		}
	}
	sort.Strings(out)
	return out
}
