package artifact

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// ErrExistingDockerfile is returned by Dockerfile for a service that already
// has a Dockerfile: hoist keeps the user's file and never overwrites it.
var ErrExistingDockerfile = errors.New("existing Dockerfile is kept")

// dockerfileGenerator renders the Dockerfile for one language.
type dockerfileGenerator struct {
	language string
	render   func(s detect.Service) (*dockerfile, error)
}

// dockerfileGenerators is the registry, in a fixed order; Dockerfile picks
// the entry whose language matches s.Language.
var dockerfileGenerators = []dockerfileGenerator{
	{"node", nodeDockerfile},
	{"deno", denoDockerfile},
	{"python", pythonDockerfile},
	{"go", goDockerfile},
	{"java", javaDockerfile},
	{"ruby", rubyDockerfile},
	{"php", phpDockerfile},
	{"rust", rustDockerfile},
	{"dotnet", dotnetDockerfile},
	{"elixir", elixirDockerfile},
	{"static", staticDockerfile},
}

// Dockerfile renders a production Dockerfile for one detected service.
//
// A service whose language is "docker", or that already has a Dockerfile,
// gets an error wrapping ErrExistingDockerfile: the existing file is kept.
func Dockerfile(s detect.Service) ([]byte, error) {
	if s.Language == "docker" || s.Build.Dockerfile != "" {
		file := s.Build.Dockerfile
		if file == "" {
			file = path.Join(s.Path, "Dockerfile")
		}
		return nil, fmt.Errorf("service %q: %s: %w; hoist does not generate one", s.Name, file, ErrExistingDockerfile)
	}
	if err := checkService(s); err != nil {
		return nil, err
	}
	for _, g := range dockerfileGenerators {
		if g.language != s.Language {
			continue
		}
		d, err := g.render(s)
		if err != nil {
			return nil, fmt.Errorf("service %q: %w", s.Name, err)
		}
		return d.bytes(), nil
	}
	return nil, fmt.Errorf("service %q: no Dockerfile generator for language %q", s.Name, s.Language)
}

// DockerfileLanguages lists the languages Dockerfile can render, in registry
// order.
func DockerfileLanguages() []string {
	out := make([]string, len(dockerfileGenerators))
	for i, g := range dockerfileGenerators {
		out[i] = g.language
	}
	return out
}

// safePath matches the relative paths we are willing to put in COPY and
// WORKDIR lines: no spaces, quotes, variables or globs beyond '*'.
var safePath = regexp.MustCompile(`^[A-Za-z0-9._@+/*-]+$`)

// checkService rejects input that could not be rendered safely: control
// characters that would start a new Dockerfile instruction, paths that
// escape the build context, and commands that carry a secret inline.
func checkService(s detect.Service) error {
	fields := []struct{ name, v string }{
		{"name", s.Name}, {"language version", s.LanguageVersion}, {"package manager", s.PackageManager},
		{"framework", s.Framework}, {"build command", s.BuildCommand}, {"start command", s.StartCommand},
		{"entrypoint", s.Build.Entrypoint}, {"output dir", s.Build.OutputDir}, {"workspace", s.Build.Workspace},
		{"package manager version", s.Build.PackageManagerVersion}, {"path", s.Path}, {"context", s.Build.Context},
	}
	for _, f := range fields {
		if strings.ContainsAny(f.v, "\n\r\x00\\") {
			return fmt.Errorf("service %q: %s %q contains a newline, NUL or backslash", s.Name, f.name, f.v)
		}
	}
	// OutputDir is relative to the service folder and may climb out of it
	// (an nx app builds into the workspace's dist/): what must stay inside
	// is where it lands.
	paths := append([]string{s.Path, s.Build.Context, path.Join(s.Path, s.Build.OutputDir), s.Build.Workspace}, s.Build.Manifests...)
	for _, p := range paths {
		if p == "" || p == "." {
			continue
		}
		if !safePath.MatchString(p) || path.IsAbs(p) || hasDotDot(p) {
			return fmt.Errorf("service %q: path %q must be relative, inside the build context, without spaces or quotes", s.Name, p)
		}
	}
	for _, c := range []string{s.BuildCommand, s.StartCommand} {
		if name, ok := inlineSecret(c); ok {
			return fmt.Errorf("service %q: command %q sets %s inline; pass secrets at run time, never in the image", s.Name, redact(c), name)
		}
	}
	if s.Port < 0 || s.Port > 65535 {
		return fmt.Errorf("service %q: port %d out of range", s.Name, s.Port)
	}
	return nil
}

func hasDotDot(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

var (
	inlineAssign = regexp.MustCompile(`(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=(\S+)`)
	secretName   = regexp.MustCompile(`(?i)(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL)`)
	awsKeyID     = regexp.MustCompile(`\b(AKIA|ASIA)[0-9A-Z]{16}\b`)
)

// inlineSecret reports a NAME=value assignment of a secret-looking name, or
// an AWS access key id, in a command.
func inlineSecret(cmd string) (string, bool) {
	if awsKeyID.MatchString(cmd) {
		return "an AWS access key id", true
	}
	for _, m := range inlineAssign.FindAllStringSubmatch(cmd, -1) {
		if secretName.MatchString(m[1]) && !strings.HasPrefix(m[2], "$") {
			return m[1], true
		}
	}
	return "", false
}

// redact hides the values of NAME=value pairs and key ids in an error message.
func redact(cmd string) string {
	cmd = awsKeyID.ReplaceAllString(cmd, "<redacted>")
	return inlineAssign.ReplaceAllString(cmd, " $1=<redacted>")
}

// dockerfile accumulates Dockerfile text.
type dockerfile struct {
	b bytes.Buffer
}

// newDockerfile starts a file with the syntax directive and a header.
func newDockerfile(s detect.Service, summary string) *dockerfile {
	d := &dockerfile{}
	d.line("# syntax=docker/dockerfile:1")
	d.comment(fmt.Sprintf("Generated by hoist for service %q: %s.", s.Name, summary))
	d.comment("Build from the repository root: docker build -f <path of this file> " + contextOf(s))
	return d
}

func (d *dockerfile) line(format string, a ...any) {
	fmt.Fprintf(&d.b, format, a...)
	d.b.WriteByte('\n')
}

// raw writes text as one line, verbatim.
func (d *dockerfile) raw(text string) {
	d.b.WriteString(text)
	d.b.WriteByte('\n')
}

func (d *dockerfile) blank() { d.b.WriteByte('\n') }

// comment writes one or more "# " lines.
func (d *dockerfile) comment(text string) {
	for _, l := range strings.Split(text, "\n") {
		d.raw(strings.TrimRight("# "+l, " "))
	}
}

// stage starts a build stage. The comment's first line becomes the stage's
// description ("# <name> stage: ...", the form BuildKit's
// InvalidDefinitionDescription rule asks for); further lines follow FROM.
func (d *dockerfile) stage(comment, image, name string) {
	lines := strings.Split(comment, "\n")
	d.blank()
	d.comment(name + " stage: " + lines[0])
	d.line("FROM %s AS %s", image, name)
	if len(lines) > 1 {
		d.comment(strings.Join(lines[1:], "\n"))
	}
}

// copyManifests copies dependency manifests to the same relative paths
// under the WORKDIR, one COPY per folder so each lands where it belongs.
func (d *dockerfile) copyManifests(manifests []string) {
	byDir := map[string][]string{}
	for _, m := range manifests {
		if m == "" || m == "." {
			continue
		}
		dir := path.Dir(m)
		byDir[dir] = append(byDir[dir], m)
	}
	dirs := make([]string, 0, len(byDir))
	for dir := range byDir {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		files := byDir[dir]
		sort.Strings(files)
		dest := "./"
		if dir != "." {
			dest = dir + "/"
		}
		d.line("COPY %s %s", strings.Join(files, " "), dest)
	}
}

// user switches to a non-root user.
func (d *dockerfile) user(u string) { d.line("USER %s", u) }

// expose writes EXPOSE for web services.
func (d *dockerfile) expose(s detect.Service, port int) {
	if s.Kind != detect.KindWorker && port > 0 {
		d.line("EXPOSE %d", port)
	}
}

// healthcheck writes a HEALTHCHECK for web services. test is the exec-form
// command; it must only use tools the runtime image has.
func (d *dockerfile) healthcheck(s detect.Service, test []string) {
	if s.Kind == detect.KindWorker {
		return
	}
	d.comment("Liveness probe with a tool the runtime image has. The load balancer checks\nthe HTTP health path from hoist.yaml; this catches a wedged process.")
	d.line("HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD %s", jsonArgs(test))
}

// cmd writes an exec-form CMD.
func (d *dockerfile) cmd(args []string) { d.line("CMD %s", jsonArgs(args)) }

// entrypoint writes an exec-form ENTRYPOINT.
func (d *dockerfile) entrypoint(args []string) { d.line("ENTRYPOINT %s", jsonArgs(args)) }

func (d *dockerfile) bytes() []byte { return d.b.Bytes() }

// jsonArgs renders exec-form arguments: a JSON array of strings.
func jsonArgs(args []string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	parts := make([]string, len(args))
	for i, a := range args {
		b.Reset()
		_ = enc.Encode(a) // encoding a string cannot fail
		parts[i] = strings.TrimSuffix(b.String(), "\n")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// execForm turns a start command into exec-form arguments. A command that
// needs a shell (variables, operators, quotes) runs under /bin/sh -c, with
// exec so that the app, not the shell, receives SIGTERM.
func execForm(command string) []string {
	command = strings.TrimSpace(command)
	if strings.ContainsAny(command, "$&|;<>()`'\"*?~{}") {
		if !strings.ContainsAny(command, "&|;") {
			command = "exec " + command
		}
		return []string{"/bin/sh", "-c", command}
	}
	return strings.Fields(command)
}

// contextOf is the build context of a service, relative to the repository.
func contextOf(s detect.Service) string {
	switch {
	case s.Build.Context != "":
		return s.Build.Context
	case s.Path != "":
		return s.Path
	}
	return "."
}

// memberDir is the service folder relative to the build context: "." for a
// single-project repository, "apps/api" for a workspace member.
func memberDir(s detect.Service) string {
	ctx, p := contextOf(s), s.Path
	if p == "" || p == ctx {
		return "."
	}
	if ctx == "." {
		return p
	}
	if strings.HasPrefix(p, ctx+"/") {
		return strings.TrimPrefix(p, ctx+"/")
	}
	return "."
}

// appDir is the absolute folder in the image the service runs from.
func appDir(s detect.Service) string {
	if m := memberDir(s); m != "." {
		return "/app/" + m
	}
	return "/app"
}

// listenPort is the port the container listens on: the detected one, or
// def. Ports below 1024 need root, so they move to def.
func listenPort(s detect.Service, def int) int {
	if s.Port >= 1024 {
		return s.Port
	}
	return def
}

var versionRE = regexp.MustCompile(`\d+(?:\.\d+)*`)

// versionParts returns the numeric parts of the first version in raw
// (">=20.1" -> [20 1]), or nil.
func versionParts(raw string) []string {
	v := versionRE.FindString(raw)
	if v == "" {
		return nil
	}
	return strings.Split(v, ".")
}

// major returns the major version in raw, or def.
func major(raw, def string) string {
	if p := versionParts(raw); len(p) > 0 {
		return trimZeros(p[0])
	}
	return def
}

// majorMinor returns "major.minor" from raw, or def when raw has no minor.
func majorMinor(raw, def string) string {
	p := versionParts(raw)
	if len(p) < 2 {
		return def
	}
	return trimZeros(p[0]) + "." + trimZeros(p[1])
}

func trimZeros(n string) string {
	i, err := strconv.Atoi(n)
	if err != nil {
		return n
	}
	return strconv.Itoa(i)
}

// atLeast reports whether version v (a major or major.minor) is >= min.
func atLeast(v string, min int) bool {
	p := versionParts(v)
	if len(p) == 0 {
		return false
	}
	n, err := strconv.Atoi(p[0])
	return err == nil && n >= min
}

// hasBacking reports whether the service uses a backing service of kind.
func hasBacking(s detect.Service, kind string) bool {
	for _, b := range s.BackingServices {
		if b.Kind == kind {
			return true
		}
	}
	return false
}

// manifestsOr returns the service's manifests, or def when detection found
// none.
func manifestsOr(s detect.Service, def ...string) []string {
	var out []string
	for _, m := range s.Build.Manifests {
		if m != "" && m != "." {
			out = append(out, m)
		}
	}
	if len(out) > 0 {
		return out
	}
	return def
}

func hasManifest(s detect.Service, name string) bool {
	for _, m := range s.Build.Manifests {
		if path.Base(m) == name {
			return true
		}
	}
	return false
}

// aptInstall renders an apt-get install with BuildKit caches for the
// package lists and archives (builder stages only: the cache mount keeps
// them out of the image).
func aptInstallCached(pkgs ...string) string {
	return "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n" +
		"    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n" +
		"    rm -f /etc/apt/apt.conf.d/docker-clean \\\n" +
		"    && apt-get update \\\n" +
		"    && apt-get install -y --no-install-recommends " + strings.Join(pkgs, " ")
}

// aptInstallRuntime installs packages into a runtime image and removes the
// package lists in the same layer.
func aptInstallRuntime(pkgs ...string) string {
	return "RUN apt-get update \\\n" +
		"    && apt-get install -y --no-install-recommends " + strings.Join(pkgs, " ") + " \\\n" +
		"    && rm -rf /var/lib/apt/lists/*"
}

// addUser creates an unprivileged system user with a fixed uid on Debian
// or Ubuntu images.
const appUID = "10001"

func addUserCmd() string {
	return "RUN groupadd --system --gid " + appUID + " app \\\n" +
		"    && useradd --system --uid " + appUID + " --gid app --no-create-home --shell /usr/sbin/nologin app"
}

// tcpCheckBash is a port probe for images that have bash but no HTTP client.
func tcpCheckBash(port int) []string {
	return []string{"bash", "-c", fmt.Sprintf("exec 3<>/dev/tcp/127.0.0.1/%d", port)}
}

// withFiles adds files that are missing from list.
func withFiles(list []string, files ...string) []string {
	out := append([]string(nil), list...)
	for _, f := range files {
		found := false
		for _, l := range list {
			if l == f {
				found = true
				break
			}
		}
		if !found {
			out = append(out, f)
		}
	}
	return out
}
