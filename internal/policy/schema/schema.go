// Package schema embeds the JSON Schema of `hoist check -o json`
// (check.json, draft 2020-12), for `hoist schema` and for tests that
// validate the output. It holds data only.
package schema

import _ "embed"

// Check is the JSON Schema of the policy check's JSON output.
//
//go:embed check.json
var Check []byte
