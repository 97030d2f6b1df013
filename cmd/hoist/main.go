// Command hoist reads a repository or a description and writes the
// Dockerfile, pipeline and infrastructure code to deploy it on AWS.
package main

import (
	"os"

	"github.com/hoist-dev/hoist/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System(), os.Getenv))
}
