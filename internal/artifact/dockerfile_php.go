package artifact

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// PHP runs on FrankenPHP: one process (Caddy with PHP built in) that serves
// HTTP itself, so there is no php-fpm + nginx pair to supervise, it listens
// on any port, and it runs as a non-root user once its file capability to
// bind low ports is dropped. php:<ver>-apache needs root for port 80 and
// php-fpm needs a separate web server.
const (
	frankenPHPTag = "1" // dunglas/frankenphp:1-php<ver>-bookworm
	composerImage = "composer:2.8"
)

func phpDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "8.4")
	image := "dunglas/frankenphp:" + frankenPHPTag + "-php" + ver + "-bookworm"
	port := listenPort(s, 8080)
	fw := strings.ToLower(s.Framework)

	summary := "PHP " + ver + " on FrankenPHP, composer"
	if s.Framework != "" {
		summary += ", " + s.Framework
	}
	d := newDockerfile(s, summary)

	exts := []string{"intl", "opcache", "zip"}
	if hasBacking(s, "postgres") {
		exts = append(exts, "pdo_pgsql")
	}
	if hasBacking(s, "mysql") {
		exts = append(exts, "pdo_mysql")
	}
	if hasBacking(s, "redis") {
		exts = append(exts, "redis")
	}
	d.stage("FrankenPHP with the PHP extensions the app needs.\ninstall-php-extensions ships with the image.", image, "base")
	d.line("WORKDIR /app")
	d.line("RUN install-php-extensions %s", strings.Join(exts, " "))

	d.stage("Composer installs production dependencies.", "base", "build")
	d.line("COPY --from=%s /usr/bin/composer /usr/bin/composer", composerImage)
	d.line("ENV COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_NO_INTERACTION=1")
	d.copyManifests(manifestsOr(s, "composer.json", "composer.lock"))
	d.comment("Packages first, without scripts or autoloader (the code is not here yet).")
	d.line("RUN --mount=type=cache,target=/tmp/composer-cache \\")
	d.line("    COMPOSER_CACHE_DIR=/tmp/composer-cache composer install --no-dev --no-scripts --no-autoloader --prefer-dist")
	d.line("COPY . .")
	d.line("RUN composer dump-autoload --no-dev --optimize --classmap-authoritative")
	if s.BuildCommand != "" {
		d.line("RUN %s", s.BuildCommand)
	}

	d.stage("what runs in production.", "base", "runtime")
	envs := []string{fmt.Sprintf("PORT=%d", port)}
	root := "public/"
	switch fw {
	case "laravel":
		envs = append(envs, "APP_ENV=production", "LOG_CHANNEL=stderr")
	case "symfony":
		envs = append(envs, "APP_ENV=prod")
	default:
		root = "./"
	}
	d.line("ENV %s", strings.Join(envs, " "))
	d.line("%s", addUserCmd())
	d.comment("Run as the app user: drop FrankenPHP's capability to bind ports below 1024\n(we listen on " + fmt.Sprint(port) + ") and let it write Caddy's state folders.")
	d.line("RUN setcap -r /usr/local/bin/frankenphp \\")
	d.line("    && mkdir -p /data/caddy /config/caddy \\")
	d.line("    && chown -R %s:%s /data/caddy /config/caddy", appUID, appUID)
	d.line("COPY --from=build /app /app")
	switch fw {
	case "laravel":
		d.comment("Laravel writes to storage/ and bootstrap/cache/ only.")
		d.line("RUN mkdir -p storage bootstrap/cache && chown -R %s:%s storage bootstrap/cache", appUID, appUID)
	case "symfony":
		d.comment("Symfony writes to var/ only.")
		d.line("RUN mkdir -p var && chown -R %s:%s var", appUID, appUID)
	}
	d.user(appUID)
	d.expose(s, port)
	d.healthcheck(s, []string{"php", "-r", fmt.Sprintf("exit(@fsockopen('127.0.0.1', %d) ? 0 : 1);", port)})
	if s.StartCommand != "" && !strings.Contains(s.StartCommand, "artisan serve") && !strings.HasPrefix(s.StartCommand, "php -S") {
		d.cmd(execForm(s.StartCommand))
	} else {
		d.comment("Plain HTTP on the port; TLS ends at the load balancer.")
		d.cmd([]string{"frankenphp", "php-server", "--listen", fmt.Sprintf(":%d", port), "--root", root})
	}
	return d, nil
}
