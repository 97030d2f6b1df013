package detect

import "testing"

func FuzzParseMixExs(f *testing.F) {
	f.Add([]byte("def project, do: [app: :a, elixir: \"~> 1.17\"]\ndefp deps do\n  [{:phoenix, \"~> 1.7\"}, {:credo, \"~> 1.7\", only: :dev}]\nend\n"))
	f.Add([]byte("defp deps do\n  [{:x,\n"))
	f.Add([]byte("# defp deps do\n\"#{\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := parseMixExs(data)
		n := lineCount(data)
		for _, d := range p.Deps {
			if d.Name == "" || d.Line < 1 || d.Line > n {
				t.Fatalf("bad dependency %+v", d)
			}
		}
		if p.AppLine > n || p.ElixirLine > n {
			t.Fatalf("lines beyond the input: %+v", p)
		}
	})
}
