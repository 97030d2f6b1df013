package detect

import (
	"fmt"
	"reflect"
	"testing"
)

func TestParseMixExs(t *testing.T) {
	data := `defmodule Demo.MixProject do
  use Mix.Project

  def project do
    [app: :demo, elixir: "~> 1.16", deps: deps(), releases: [demo_rel: []]]
  end

  def application, do: [mod: {Demo.Application, []}]

  defp deps do
    [
      # {:commented, "~> 1.0"},
      {:phoenix, "~> 1.7"},
      {:credo, "~> 1.7", only: [:dev, :test], runtime: false},
      {:dotenv, "~> 3.0", only: [:dev, :prod]},
      {:local, path: "../local"},
      {:multi,
       "~> 2.0",
       only: :test}
    ]
  end

  defp aliases, do: [{:not_a_dep, "x"}]
end
`
	p := parseMixExs([]byte(data))
	if p.App != "demo" || p.AppLine != 5 || p.Elixir != "~> 1.16" || !p.HasMod || p.Release != "demo_rel" {
		t.Errorf("parseMixExs: got app %q@%d elixir %q mod %v release %q, want demo@5 ~> 1.16 true demo_rel", p.App, p.AppLine, p.Elixir, p.HasMod, p.Release)
	}
	got := fmt.Sprint(p.Deps)
	want := "[{phoenix 13 false} {credo 14 true} {dotenv 15 false} {local 16 false} {multi 17 true}]"
	if got != want {
		t.Errorf("parseMixExs deps: got %s, want %s", got, want)
	}
}

func TestElixirDetect(t *testing.T) {
	umbrella := map[string]string{
		"mix.exs":               `defmodule U.MixProject do` + "\n  def project, do: [apps_path: \"apps\", releases: [shop: []], deps: deps()]\n  defp deps, do: []\nend\n",
		"apps/core/mix.exs":     "def project, do: [app: :core]\ndef application, do: [mod: {Core.App, []}]\ndefp deps do\n  [{:postgrex, \">= 0.0.0\"}]\nend\n",
		"apps/web/mix.exs":      "def project, do: [app: :web]\ndefp deps do\n  [{:phoenix, \"~> 1.7\"}]\nend\n",
		"apps/web/lib/web.ex":   `System.get_env("WEB_HOST")`,
		"apps/core/lib/core.ex": `System.fetch_env!("DATABASE_URL")`,
	}
	library := map[string]string{"mix.exs": "def project, do: [app: :lib]\ndefp deps, do: []\n"}
	tests := []struct {
		name                          string
		files                         map[string]string
		framework, start, kind, name2 string
		env                           []string
		backing                       string
	}{
		{"umbrella is one phoenix release", umbrella, "phoenix", "/app/bin/shop start", "web", "", []string{"DATABASE_URL", "WEB_HOST"}, "postgres"},
		{"library has nothing to start", library, "", "", "worker", "lib", []string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyzeOnly(t, elixirDetector{}, tt.files)
			if len(a.Services) != 1 {
				t.Fatalf("got %d services, want 1: %+v", len(a.Services), a.Services)
			}
			s := a.Services[0]
			if s.Framework != tt.framework || s.StartCommand != tt.start || s.Kind != tt.kind || !reflect.DeepEqual(s.Env, tt.env) {
				t.Errorf("framework, start, kind, env: got %q %q %q %v, want %q %q %q %v", s.Framework, s.StartCommand, s.Kind, s.Env, tt.framework, tt.start, tt.kind, tt.env)
			}
			if tt.name2 != "" && s.Name != tt.name2 {
				t.Errorf("name: got %q, want %q", s.Name, tt.name2)
			}
			if tt.backing != "" && (len(s.BackingServices) != 1 || s.BackingServices[0].Kind != tt.backing) {
				t.Errorf("backing: got %+v, want one %s", s.BackingServices, tt.backing)
			}
		})
	}
}
