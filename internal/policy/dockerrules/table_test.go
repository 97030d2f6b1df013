package dockerrules

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDocTable keeps the rule table in doc.go in step with the registry.
func TestDocTable(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		row := fmt.Sprintf("//	%-17s  %-8s  %s", r.ID, r.Severity, r.Title)
		if !strings.Contains(string(doc), row+"\n") {
			t.Errorf("doc.go: got no row %q, want one per rule", row)
		}
	}
}
