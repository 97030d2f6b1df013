package artifact

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

func rubyDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "3.4")
	image := "ruby:" + ver + "-slim-bookworm"
	port := listenPort(s, 3000)
	rails := strings.EqualFold(s.Framework, "rails")

	summary := "Ruby " + ver + ", bundler"
	if s.Framework != "" {
		summary += ", " + s.Framework
	}
	d := newDockerfile(s, summary)

	d.stage("settings shared by the build and the runtime.\nGems install to /usr/local/bundle without the development and test groups.", image, "base")
	d.line("WORKDIR /app")
	envs := []string{"BUNDLE_DEPLOYMENT=1", "BUNDLE_PATH=/usr/local/bundle", "BUNDLE_WITHOUT=development:test"}
	if rails {
		envs = append(envs, "RAILS_ENV=production", "RAILS_LOG_TO_STDOUT=1", "RAILS_SERVE_STATIC_FILES=1")
	} else {
		envs = append(envs, "RACK_ENV=production")
	}
	d.line("ENV %s", strings.Join(envs, " "))

	buildPkgs := []string{"build-essential", "git", "pkg-config"}
	runPkgs := []string{}
	if hasBacking(s, "postgres") {
		buildPkgs = append(buildPkgs, "libpq-dev")
		runPkgs = append(runPkgs, "libpq5")
	}
	if hasBacking(s, "mysql") {
		buildPkgs = append(buildPkgs, "default-libmysqlclient-dev")
		runPkgs = append(runPkgs, "libmariadb3")
	}
	d.stage("installs gems, with compilers for native extensions.", "base", "build")
	d.line("%s", aptInstallCached(buildPkgs...))
	d.copyManifests(manifestsOr(s, "Gemfile", "Gemfile.lock"))
	d.comment("Gems first, so a code edit does not reinstall them. Downloads are cached\noutside the image; the installed gems are not.")
	d.line("RUN --mount=type=cache,target=/root/.cache/bundle \\")
	d.line("    BUNDLE_USER_CACHE=/root/.cache/bundle BUNDLE_GLOBAL_GEM_CACHE=true bundle install \\")
	d.line("    && rm -rf /usr/local/bundle/cache")
	d.line("COPY . .")
	if rails {
		d.comment("Precompile assets; Rails needs some secret_key_base to boot, and a dummy\none (set only for this command) is enough. The real one comes at run time.")
		d.line("RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile")
	}
	if s.BuildCommand != "" {
		d.line("RUN %s", s.BuildCommand)
	}

	d.stage("the gems and the code, no compilers.", "base", "runtime")
	if len(runPkgs) > 0 {
		d.line("%s", aptInstallRuntime(runPkgs...))
	}
	d.line("%s", addUserCmd())
	d.line("COPY --from=build /usr/local/bundle /usr/local/bundle")
	d.line("COPY --from=build /app /app")
	if rails {
		d.comment("Rails writes to tmp/ and log/; nothing else is writable.")
		d.line("RUN mkdir -p tmp log && chown -R %s:%s tmp log", appUID, appUID)
	}
	if s.Kind != detect.KindWorker {
		d.line("ENV PORT=%d", port)
	}
	d.user(appUID)
	d.expose(s, port)
	d.healthcheck(s, []string{"ruby", "-rsocket", "-e", fmt.Sprintf("TCPSocket.new('127.0.0.1', %d).close", port)})
	switch {
	case s.StartCommand != "":
		d.cmd(execForm(s.StartCommand))
	case rails:
		d.cmd([]string{"./bin/rails", "server", "-b", "0.0.0.0", "-p", fmt.Sprint(port)})
	default:
		d.cmd([]string{"bundle", "exec", "rackup", "--host", "0.0.0.0", "--port", fmt.Sprint(port)})
	}
	return d, nil
}
