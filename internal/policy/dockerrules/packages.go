package dockerrules

import (
	"regexp"
	"strings"
)

// manager describes a package manager's download cache: where it lives by
// default ("~" is any home directory), the variables that move it, and
// words that, in a cache mount's target, show the mount is meant for it.
type manager struct {
	name      string
	cacheDirs []string
	envVars   []string
	hints     []string
}

var (
	mgrApt      = manager{"apt-get", []string{"/var/cache/apt", "/var/lib/apt"}, nil, []string{"apt"}}
	mgrApk      = manager{"apk", []string{"/var/cache/apk", "/etc/apk/cache"}, nil, []string{"apk"}}
	mgrDnf      = manager{"dnf/yum", []string{"/var/cache/dnf", "/var/cache/yum"}, nil, []string{"dnf", "yum"}}
	mgrZypper   = manager{"zypper", []string{"/var/cache/zypp"}, nil, []string{"zypp"}}
	mgrPip      = manager{"pip", []string{"~/.cache/pip"}, []string{"PIP_CACHE_DIR"}, []string{"pip"}}
	mgrUv       = manager{"uv", []string{"~/.cache/uv"}, []string{"UV_CACHE_DIR"}, []string{"uv"}}
	mgrPoetry   = manager{"poetry", []string{"~/.cache/pypoetry"}, []string{"POETRY_CACHE_DIR"}, []string{"poetry"}}
	mgrPipenv   = manager{"pipenv", []string{"~/.cache/pipenv", "~/.cache/pip"}, []string{"PIPENV_CACHE_DIR", "PIP_CACHE_DIR"}, []string{"pipenv", "pip"}}
	mgrPdm      = manager{"pdm", []string{"~/.cache/pdm"}, []string{"PDM_CACHE_DIR"}, []string{"pdm"}}
	mgrNpm      = manager{"npm", []string{"~/.npm"}, []string{"npm_config_cache", "NPM_CONFIG_CACHE"}, []string{"npm"}}
	mgrYarn     = manager{"yarn", []string{"~/.cache/yarn", "/usr/local/share/.cache/yarn", "~/.yarn/berry/cache"}, []string{"YARN_CACHE_FOLDER"}, []string{"yarn"}}
	mgrPnpm     = manager{"pnpm", []string{"~/.local/share/pnpm/store", "~/.cache/pnpm", "/pnpm/store"}, []string{"PNPM_STORE_DIR", "npm_config_store_dir", "PNPM_HOME"}, []string{"pnpm"}}
	mgrBun      = manager{"bun", []string{"~/.bun/install/cache"}, []string{"BUN_INSTALL_CACHE_DIR"}, []string{"bun"}}
	mgrGo       = manager{"go", []string{"/go/pkg/mod", "~/go/pkg/mod", "~/.cache/go-build"}, []string{"GOMODCACHE", "GOCACHE", "GOPATH"}, []string{"go-build", "pkg/mod", "gocache"}}
	mgrBundler  = manager{"bundler", []string{"~/.bundle/cache", "~/.cache/bundle", "/usr/local/bundle/cache"}, []string{"BUNDLE_USER_CACHE", "BUNDLE_CACHE_PATH"}, []string{"bundle", "gem"}}
	mgrGem      = manager{"gem", []string{"~/.gem", "/usr/local/bundle/cache"}, []string{"GEM_HOME"}, []string{"gem"}}
	mgrComposer = manager{"composer", []string{"~/.cache/composer", "~/.composer/cache"}, []string{"COMPOSER_CACHE_DIR", "COMPOSER_HOME"}, []string{"composer"}}
	mgrMaven    = manager{"maven", []string{"~/.m2"}, []string{"MAVEN_CONFIG"}, []string{".m2", "maven"}}
	mgrGradle   = manager{"gradle", []string{"~/.gradle"}, []string{"GRADLE_USER_HOME"}, []string{"gradle"}}
	mgrCargo    = manager{"cargo", []string{"~/.cargo/registry", "~/.cargo/git", "/usr/local/cargo/registry", "/usr/local/cargo/git"}, []string{"CARGO_HOME"}, []string{"cargo"}}
	mgrMix      = manager{"mix", []string{"~/.hex", "~/.mix", "~/.cache/rebar3"}, []string{"HEX_HOME", "MIX_HOME"}, []string{"hex", "mix", "rebar"}}
	mgrNuget    = manager{"nuget", []string{"~/.nuget/packages"}, []string{"NUGET_PACKAGES"}, []string{"nuget"}}
)

// install is a command that downloads packages.
type install struct {
	mgr   manager
	sub   string
	pos   []string // positional arguments after the sub-command (packages)
	flags []string
	// deps is true when the command installs the project's dependencies
	// from its manifest or lockfile (what a dependency layer caches).
	deps bool
	// noCache is true when the command itself turns the manager's cache off.
	noCache bool
	// offline is true when the command installs from an earlier download
	// (pnpm install --offline) and fetches nothing.
	offline bool
}

var (
	aptValueFlags = map[string]bool{"-o": true, "-c": true, "-t": true, "--option": true, "--config-file": true, "--target-release": true, "-a": true, "--host-architecture": true}
	apkValueFlags = map[string]bool{"-X": true, "--repository": true, "-t": true, "--virtual": true, "-p": true, "--root": true, "--arch": true, "--cache-dir": true, "--keys-dir": true, "--repositories-file": true}
	rpmValueFlags = map[string]bool{"-c": true, "--config": true, "--installroot": true, "--enablerepo": true, "--disablerepo": true, "--releasever": true, "-d": true, "-e": true, "--exclude": true, "-x": true, "--setopt": true, "--repo": true, "--repofrompath": true, "--nodocs": false}
	pipValueFlags = map[string]bool{"-r": true, "--requirement": true, "-c": true, "--constraint": true, "-i": true, "--index-url": true, "--extra-index-url": true, "-t": true, "--target": true, "--prefix": true, "--root": true, "-e": true, "--editable": true, "-f": true, "--find-links": true, "--trusted-host": true, "--cache-dir": true, "--src": true, "--platform": true, "--python-version": true, "--implementation": true, "--abi": true, "--progress-bar": true, "--log": true, "--proxy": true, "--retries": true, "--timeout": true, "--exists-action": true, "--cert": true, "--client-cert": true, "--upgrade-strategy": true, "--only-binary": true, "--no-binary": true, "--config-settings": true, "-C": true, "--python": true}
	jsValueFlags  = map[string]bool{"-w": true, "--workspace": true, "--prefix": true, "--registry": true, "--cache": true, "--omit": true, "--include": true, "--loglevel": true, "--filter": true, "-F": true, "--store-dir": true, "--cwd": true, "--modules-folder": true}

	pipName    = regexp.MustCompile(`^pip[0-9.]*$`)
	pythonName = regexp.MustCompile(`^python[0-9.]*$`)
)

// pipWords returns the arguments of a pip invocation (after "pip" or
// "python -m pip"); ok is false for anything else.
func pipWords(c shCmd) ([]string, bool) {
	n := c.name()
	if pipName.MatchString(n) {
		return c.args(), true
	}
	a := c.args()
	if pythonName.MatchString(n) && len(a) >= 2 && a[0] == "-m" && a[1] == "pip" {
		return a[2:], true
	}
	return nil, false
}

// classify recognises package downloads: OS packages, language packages
// and project dependency installs.
func classify(c shCmd) (install, bool) {
	n := c.name()
	args := c.args()
	first := func(valueFlags map[string]bool) (string, []string, []string) {
		pos, flags := cli(args, valueFlags)
		if len(pos) == 0 {
			return "", nil, flags
		}
		return pos[0], pos[1:], flags
	}
	switch n {
	case "apt-get", "apt":
		sub, pos, flags := first(aptValueFlags)
		if sub == "install" {
			return install{mgr: mgrApt, sub: sub, pos: pos, flags: flags}, true
		}
	case "apk":
		sub, pos, flags := first(apkValueFlags)
		if sub == "add" {
			return install{mgr: mgrApk, sub: sub, pos: pos, flags: flags, noCache: hasFlag(flags, "--no-cache")}, true
		}
	case "dnf", "yum", "microdnf", "tdnf":
		sub, pos, flags := first(rpmValueFlags)
		if sub == "install" {
			return install{mgr: mgrDnf, sub: sub, pos: pos, flags: flags}, true
		}
	case "zypper":
		sub, pos, flags := first(map[string]bool{"--root": true, "-R": true})
		if sub == "install" || sub == "in" {
			return install{mgr: mgrZypper, sub: sub, pos: pos, flags: flags}, true
		}
	case "uv":
		sub, pos, flags := first(pipValueFlags)
		noCache := hasFlag(flags, "--no-cache") || envTrue(c, "UV_NO_CACHE")
		if sub == "sync" {
			return install{mgr: mgrUv, sub: sub, flags: flags, deps: true, noCache: noCache, offline: hasFlag(flags, "--offline")}, true
		}
		if sub == "pip" && len(pos) > 0 && pos[0] == "install" {
			return install{mgr: mgrUv, sub: "pip install", pos: pos[1:], flags: flags, deps: hasFlag(flags, "-r", "--requirement"), noCache: noCache}, true
		}
	case "poetry":
		if sub, _, flags := first(nil); sub == "install" || sub == "sync" {
			return install{mgr: mgrPoetry, sub: sub, flags: flags, deps: true, noCache: hasFlag(flags, "--no-cache")}, true
		}
	case "pipenv":
		if sub, pos, flags := first(nil); sub == "install" || sub == "sync" {
			return install{mgr: mgrPipenv, sub: sub, pos: pos, flags: flags, deps: len(pos) == 0}, true
		}
	case "pdm":
		if sub, _, flags := first(nil); sub == "install" || sub == "sync" {
			return install{mgr: mgrPdm, sub: sub, flags: flags, deps: true}, true
		}
	case "npm":
		sub, pos, flags := first(jsValueFlags)
		switch sub {
		case "ci", "install", "i", "add", "install-clean", "clean-install":
			deps := sub == "ci" || sub == "install-clean" || sub == "clean-install" || ((sub == "install" || sub == "i") && len(pos) == 0 && !hasFlag(flags, "-g", "--global"))
			return install{mgr: mgrNpm, sub: sub, pos: pos, flags: flags, deps: deps, offline: hasFlag(flags, "--offline")}, true
		}
	case "yarn":
		sub, pos, flags := first(jsValueFlags)
		switch sub {
		case "", "install":
			return install{mgr: mgrYarn, sub: "install", flags: flags, deps: true, offline: hasFlag(flags, "--offline")}, true
		case "add":
			return install{mgr: mgrYarn, sub: sub, pos: pos, flags: flags}, true
		}
	case "pnpm":
		sub, pos, flags := first(jsValueFlags)
		switch sub {
		case "install", "i", "fetch":
			return install{mgr: mgrPnpm, sub: sub, flags: flags, deps: true, offline: hasFlag(flags, "--offline")}, true
		case "add":
			return install{mgr: mgrPnpm, sub: sub, pos: pos, flags: flags}, true
		}
	case "bun":
		sub, pos, flags := first(jsValueFlags)
		switch sub {
		case "install", "i":
			return install{mgr: mgrBun, sub: sub, flags: flags, deps: len(pos) == 0, noCache: hasFlag(flags, "--no-cache")}, true
		case "add":
			return install{mgr: mgrBun, sub: sub, pos: pos, flags: flags, noCache: hasFlag(flags, "--no-cache")}, true
		}
	case "go":
		sub, pos, flags := first(map[string]bool{"-C": true, "-o": true, "-tags": true, "-ldflags": true, "-gcflags": true, "-p": true})
		switch {
		case sub == "mod" && len(pos) > 0 && pos[0] == "download":
			return install{mgr: mgrGo, sub: "mod download", flags: flags, deps: true}, true
		case sub == "build" || sub == "install":
			return install{mgr: mgrGo, sub: sub, pos: pos, flags: flags}, true
		}
	case "bundle", "bundler":
		if sub, _, flags := first(map[string]bool{"--gemfile": true, "--jobs": true, "-j": true, "--retry": true, "--path": true}); sub == "install" || sub == "" {
			return install{mgr: mgrBundler, sub: "install", flags: flags, deps: true}, true
		}
	case "gem":
		if sub, pos, flags := first(map[string]bool{"-v": true, "--version": true, "-i": true, "--install-dir": true}); sub == "install" {
			return install{mgr: mgrGem, sub: sub, pos: pos, flags: flags}, true
		}
	case "composer", "composer.phar":
		if sub, pos, flags := first(nil); sub == "install" || sub == "require" || sub == "update" {
			return install{mgr: mgrComposer, sub: sub, pos: pos, flags: flags, deps: sub == "install", noCache: hasFlag(flags, "--no-cache")}, true
		}
	case "mvn", "mvnw", "./mvnw":
		pos, flags := cli(args, map[string]bool{"-f": true, "--file": true, "-s": true, "--settings": true, "-pl": true, "--projects": true, "-T": true})
		deps := false
		for _, p := range pos {
			if strings.HasPrefix(p, "dependency:") || strings.Contains(p, ":go-offline") {
				deps = true
			}
		}
		return install{mgr: mgrMaven, pos: pos, flags: flags, deps: deps, offline: hasFlag(flags, "-o", "--offline")}, true
	case "gradle", "gradlew", "./gradlew":
		pos, flags := cli(args, map[string]bool{"-p": true, "--project-dir": true, "-b": true, "-x": true, "--exclude-task": true})
		deps := false
		for _, p := range pos {
			if p == "dependencies" || strings.HasSuffix(p, ":dependencies") {
				deps = true
			}
		}
		return install{mgr: mgrGradle, pos: pos, flags: flags, deps: deps, offline: hasFlag(flags, "--offline")}, true
	case "cargo":
		sub, pos, flags := first(map[string]bool{"--manifest-path": true, "-p": true, "--package": true, "--target": true, "--bin": true, "-j": true, "--features": true, "-F": true, "--profile": true})
		switch sub {
		case "fetch":
			return install{mgr: mgrCargo, sub: sub, flags: flags, deps: true}, true
		case "build", "install":
			return install{mgr: mgrCargo, sub: sub, pos: pos, flags: flags, offline: hasFlag(flags, "--offline")}, true
		}
	case "mix":
		if sub, _, flags := first(nil); sub == "deps.get" {
			return install{mgr: mgrMix, sub: sub, flags: flags, deps: true}, true
		}
	case "dotnet":
		sub, pos, flags := first(map[string]bool{"-c": true, "--configuration": true, "-o": true, "--output": true, "-r": true, "--runtime": true, "-s": true, "--source": true})
		switch sub {
		case "restore":
			return install{mgr: mgrNuget, sub: sub, pos: pos, flags: flags, deps: true}, true
		case "publish", "build":
			return install{mgr: mgrNuget, sub: sub, pos: pos, flags: flags, offline: hasFlag(flags, "--no-restore")}, true
		}
	}
	if a, ok := pipWords(c); ok {
		pos, flags := cli(a, pipValueFlags)
		if len(pos) > 0 && pos[0] == "install" {
			return install{mgr: mgrPip, sub: "install", pos: pos[1:], flags: flags, deps: hasFlag(flags, "-r", "--requirement"), noCache: hasFlag(flags, "--no-cache-dir")}, true
		}
	}
	return install{}, false
}

// envTrue reports whether c sets k inline to something other than a false
// value.
func envTrue(c shCmd, k string) bool {
	v, ok := c.env[k]
	return ok && v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// aptSub returns an apt-get/apt command's sub-command, packages and flags.
func aptSub(c shCmd) (sub string, pos, flags []string, ok bool) {
	if n := c.name(); n != "apt-get" && n != "apt" {
		return "", nil, nil, false
	}
	p, f := cli(c.args(), aptValueFlags)
	if len(p) == 0 {
		return "", nil, f, true
	}
	return p[0], p[1:], f, true
}
