package detect

import (
	"bytes"
	"errors"
	"testing"
)

func FuzzParseCargoToml(f *testing.F) {
	f.Add([]byte("[package]\nname = \"x\"\nrust-version = \"1.80\"\n[dependencies]\naxum = \"0.8\"\nsqlx = { version = \"0.8\", features = [\"postgres\"] }\n"))
	f.Add([]byte("[workspace]\nmembers = [\"crates/*\"]\n[workspace.dependencies]\nredis = \"0.27\"\n"))
	f.Add([]byte("[package]\nname = \"x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseCargoToml(data)
		if err != nil {
			var se *cargoSyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("parseCargoToml(%q): got %T, want a cargoSyntaxError", data, err)
			}
			if lines := bytes.Count(data, []byte{'\n'}) + 2; se.Line < 0 || se.Line > lines {
				t.Errorf("parseCargoToml(%q): got error line %d, want within 0..%d", data, se.Line, lines)
			}
			return
		}
		_ = rustBacking("Cargo.toml", c.Deps)
		_ = rustMajorMinor(c.RustVersion)
	})
}
