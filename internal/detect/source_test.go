package detect

import (
	"regexp"
	"strings"
	"testing"
)

func TestPlausibleEnvName(t *testing.T) {
	re := regexp.MustCompile(`^[A-Z][A-Z0-9_]+$`)
	for _, s := range []string{
		"", "A", "AB", "A1", "A_", "_A", "1A", "DATABASE_URL", "Database", "A-B", "A B",
		"AB\n", "ÄB", "A\u00c4", strings.Repeat("A", 64), strings.Repeat("A", 65),
	} {
		want := len(s) <= 64 && re.MatchString(s)
		if got := plausibleEnvName(s); got != want {
			t.Errorf("plausibleEnvName(%q): got %v, want %v", s, got, want)
		}
	}
}
