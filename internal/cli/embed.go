package cli

import "embed"

//go:embed schemas/*.json
var schemaFiles embed.FS
