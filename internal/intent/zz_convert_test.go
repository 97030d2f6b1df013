package intent

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hoist-dev/hoist/internal/spec"
)

func TestZZConvert(t *testing.T) {
	srcs, _ := filepath.Glob("/tmp/corpus/*.src")
	for _, src := range srcs {
		data, _ := os.ReadFile(src)
		for _, block := range strings.Split(string(data), "\n=== ")[1:] {
			name, rest, _ := strings.Cut(block, "\n")
			name = strings.TrimSpace(name)
			sections := map[string]string{}
			parts := strings.Split("\n"+rest, "\n--- ")
			desc := strings.TrimPrefix(parts[0], "\n")
			for _, p := range parts[1:] {
				k, v, _ := strings.Cut(p, "\n")
				sections[strings.TrimSpace(k)] = strings.TrimRight(v, "\n")
			}
			var m map[string]any
			if err := yaml.Unmarshal([]byte(sections["spec"]), &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if m == nil {
				m = map[string]any{}
			}
			m["version"] = 1
			b, _ := yaml.Marshal(m)
			doc, err := spec.Parse(name, b)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if errs := spec.Validate(doc.Spec); len(errs) > 0 {
				t.Errorf("%s: expected spec invalid: %v", name, errs)
			}
			out, _ := spec.Marshal(doc.Spec)
			g := golden{Spec: string(out)}
			lines := func(k string) []string {
				var out []string
				for _, l := range strings.Split(sections[k], "\n") {
					if strings.TrimSpace(l) != "" {
						out = append(out, strings.TrimSpace(l))
					}
				}
				if out == nil {
					out = []string{}
				}
				return out
			}
			g.Assumptions, g.Unrecognized, g.Warnings = lines("assume"), lines("unrec"), lines("warn")
			gb, _ := yaml.Marshal(g)
			dir := "testdata/corpus"
			os.WriteFile(filepath.Join(dir, name+".txt"), []byte(strings.TrimRight(desc, "\n")+"\n"), 0o644)
			os.WriteFile(filepath.Join(dir, name+".golden.yaml"), gb, 0o644)
			fmt.Println("wrote", name)
		}
	}
}
