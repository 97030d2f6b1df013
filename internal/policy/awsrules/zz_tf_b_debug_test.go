package awsrules

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/hoist-dev/hoist/internal/importer/terraform"
	"github.com/hoist-dev/hoist/internal/ir"
)

func TestTFDebugB(t *testing.T) {
	path := os.Getenv("TFB")
	data, _ := os.ReadFile(path)
	g, probs, err := terraform.ImportFiles(map[string][]byte{"main.tf": data}, terraform.Options{})
	t.Log(err, probs)
	for _, r := range g.Resources {
		b, _ := json.Marshal(ir.Plain(r.Properties))
		t.Logf("%s %s %v %s", r.ID, r.Type, r.Loc, b)
	}
}
