package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/cost"
	policyschema "github.com/hoist-dev/hoist/internal/policy/schema"
	"github.com/hoist-dev/hoist/internal/spec"
	"github.com/spf13/cobra"
)

// jsonSchemas are the published JSON Schemas: hoist.yaml and each JSON
// output. Each is a func so that nothing is built unless asked for.
func jsonSchemas() map[string]func() ([]byte, error) {
	return map[string]func() ([]byte, error){
		"analyze":  embedded("analyze"),
		"init":     embedded("init"),
		"generate": embedded("generate"),
		"version":  embedded("version"),
		"validate": embedded("validate"),
		"spec":     func() ([]byte, error) { return spec.JSONSchema(), nil },
		"cost":     func() ([]byte, error) { return cost.Schema(), nil },
		"check":    func() ([]byte, error) { return policyschema.Check, nil },
		"new":      embedded("intent"),
		"change":   embedded("intent"),
		"prices":   embedded("prices"),
	}
}

func embedded(name string) func() ([]byte, error) {
	return func() ([]byte, error) { return schemaFiles.ReadFile("schemas/" + name + ".json") }
}

func newSchemaCmd(deps *Deps) *cobra.Command {
	names := func() []string {
		var n []string
		for k := range jsonSchemas() {
			n = append(n, k)
		}
		sort.Strings(n)
		return n
	}
	return &cobra.Command{
		Use:   "schema NAME",
		Short: "Print the JSON Schema of hoist.yaml or of a command's JSON output",
		Long:  "Print a JSON Schema (draft 2020-12). NAME is one of: " + strings.Join(names(), ", ") + ".",
		Example: `  $ hoist schema spec > hoist.schema.json
  $ hoist schema analyze`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			get, ok := jsonSchemas()[args[0]]
			if !ok {
				return usageErrorf("unknown schema %q; known: %s", args[0], strings.Join(names(), ", "))
			}
			data, err := get()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(deps.IO.Out, "%s\n", strings.TrimRight(string(data), "\n"))
			return err
		},
	}
}
