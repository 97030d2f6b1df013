package cli

import "github.com/hoist-dev/hoist/internal/golden"

// updateScripts lets `go test -update` rewrite testscript expectations too.
func updateScripts() bool { return golden.Update() }
