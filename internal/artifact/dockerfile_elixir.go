package artifact

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// elixirDebian is the Debian release of the runtime stage; the builder must
// be the same release so the release's ERTS links against the same glibc
// and OpenSSL.
const elixirDebian = "bookworm"

func elixirDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "1.18")
	image := "elixir:" + ver + "-slim"
	port := listenPort(s, 4000)
	app := s.Build.Entrypoint
	if app == "" {
		app = strings.ReplaceAll(s.Name, "-", "_")
	}
	if !safePath.MatchString(app) || strings.Contains(app, "/") {
		return nil, fmt.Errorf("elixir release name %q has unsupported characters", app)
	}
	phoenix := strings.EqualFold(s.Framework, "phoenix")

	summary := "Elixir " + ver + ", mix release " + app
	if s.Framework != "" {
		summary += ", " + s.Framework
	}
	d := newDockerfile(s, summary)

	d.stage("compiles a release that carries its own Erlang runtime.", image, "build")
	d.comment("Fail early if the builder's Debian is not the runtime's, rather than at boot.")
	d.line("RUN grep -q 'VERSION_CODENAME=%s' /etc/os-release \\", elixirDebian)
	d.line("    || (echo 'builder is not Debian %s: change the runtime stage to match' >&2 && exit 1)", elixirDebian)
	d.line("%s", aptInstallCached("build-essential", "git"))
	d.line("WORKDIR /app")
	d.line("ENV MIX_ENV=prod")
	d.line("RUN mix local.hex --force && mix local.rebar --force")
	d.copyManifests(manifestsOr(s, "mix.exs", "mix.lock"))
	d.comment("Dependencies first, so a code edit does not fetch them again.")
	d.line("RUN --mount=type=cache,target=/root/.hex mix deps.get --only prod")
	d.line("COPY . .")
	d.line("RUN mix deps.compile && mix compile")
	if phoenix {
		d.line("RUN mix assets.deploy")
	}
	if s.BuildCommand != "" {
		d.line("RUN %s", s.BuildCommand)
	}
	d.line("RUN mix release %s", app)

	d.stage("plain Debian with the few libraries ERTS needs.", "debian:"+elixirDebian+"-slim", "runtime")
	d.line("%s", aptInstallRuntime("ca-certificates", "libncurses6", "libstdc++6", "locales", "openssl"))
	d.line("WORKDIR /app")
	envs := []string{"LANG=C.UTF-8", "MIX_ENV=prod"}
	if s.Kind != detect.KindWorker {
		envs = append(envs, fmt.Sprintf("PORT=%d", port))
	}
	if phoenix {
		// Releases do not start the Phoenix endpoint unless told to.
		envs = append(envs, "PHX_SERVER=true")
	}
	d.line("ENV %s", strings.Join(envs, " "))
	d.line("%s", addUserCmd())
	d.line("COPY --from=build /app/_build/prod/rel/%s /app", app)
	d.user(appUID)
	d.expose(s, port)
	d.healthcheck(s, tcpCheckBash(port))
	d.cmd([]string{"/app/bin/" + app, "start"})
	return d, nil
}
