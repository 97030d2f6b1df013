package artifact

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

func denoDockerfile(s detect.Service) (*dockerfile, error) {
	// Deno publishes full-version tags only.
	ver := "2.4.5"
	if p := versionParts(s.LanguageVersion); len(p) == 3 {
		ver = strings.Join(p, ".")
	}
	image := "denoland/deno:debian-" + ver
	port := listenPort(s, 8000)
	entry := s.Build.Entrypoint
	if entry == "" {
		entry = "main.ts"
	}
	if !safePath.MatchString(entry) {
		return nil, fmt.Errorf("deno entrypoint %q has unsupported characters", entry)
	}

	d := newDockerfile(s, "Deno "+ver+", entrypoint "+entry)
	d.stage("downloads and caches every module the app imports.\nDENO_DIR (/deno-dir) is also the runtime's module cache, so it is an image\nlayer here, not a BuildKit cache mount.", image, "build")
	d.line("WORKDIR /app")
	manifests := manifestsOr(s)
	if len(manifests) > 0 {
		d.copyManifests(manifests)
		d.comment("Dependencies listed in deno.json/package.json, before the source.")
		d.line("RUN deno install%s", denoFrozen(s))
	}
	d.line("COPY . .")
	if s.BuildCommand != "" {
		d.line("RUN %s", s.BuildCommand)
	}
	d.line("RUN deno cache%s %s", denoFrozen(s), entry)

	d.stage("the same image with the module cache and the code.\nRuns as the image's deno user.", image, "runtime")
	d.line("WORKDIR /app")
	if s.Kind != detect.KindWorker {
		d.line("ENV PORT=%d", port)
	}
	d.line("COPY --from=build --chown=deno:deno /deno-dir /deno-dir")
	d.line("COPY --from=build /app /app")
	d.user("deno")
	d.expose(s, port)
	d.healthcheck(s, []string{"deno", "eval", fmt.Sprintf("try { (await Deno.connect({ hostname: '127.0.0.1', port: %d })).close() } catch { Deno.exit(1) }", port)})
	if s.StartCommand != "" {
		d.cmd(execForm(s.StartCommand))
	} else {
		d.cmd([]string{"deno", "run", "--allow-net", "--allow-env", "--allow-read", entry})
	}
	return d, nil
}

func denoFrozen(s detect.Service) string {
	if hasManifest(s, "deno.lock") {
		return " --frozen"
	}
	return ""
}
