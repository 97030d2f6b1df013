package artifact

import (
	"fmt"
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

func goDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "1.25")
	image := "golang:" + ver + "-bookworm"
	port := listenPort(s, 8080)
	pkg := s.Build.Entrypoint
	if pkg == "" {
		pkg = "."
	}
	if !safePath.MatchString(strings.TrimPrefix(pkg, "./")) && pkg != "." {
		return nil, fmt.Errorf("go main package %q has unsupported characters", pkg)
	}
	if pkg != "." && !strings.HasPrefix(pkg, "./") {
		pkg = "./" + pkg
	}
	member := memberDir(s)

	d := newDockerfile(s, "Go "+ver+", main package "+pkg)
	d.stage("compiles a static binary (no cgo), so the runtime needs no libc.", image, "build")
	d.line("WORKDIR /src")
	d.copyManifests(manifestsOr(s, "go.mod", "go.sum"))
	if member != "." {
		d.line("WORKDIR /src/%s", member)
	}
	d.comment("Modules first: editing code does not download them again.")
	d.line("RUN --mount=type=cache,target=/go/pkg/mod go mod download")
	d.line("WORKDIR /src")
	d.line("COPY . .")
	if member != "." {
		d.line("WORKDIR /src/%s", member)
	}
	if s.BuildCommand != "" && !strings.HasPrefix(strings.TrimSpace(s.BuildCommand), "go build") {
		// A generate step or similar; the binary is built below either way.
		d.line("RUN %s", s.BuildCommand)
	}
	d.line("RUN --mount=type=cache,target=/go/pkg/mod \\")
	d.line("    --mount=type=cache,target=/root/.cache/go-build \\")
	d.line("    CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o /out/%s %s", binName(s, pkg), pkg)

	d.stage("distroless static, as the image's nonroot user (65532).\nNo shell, so no HEALTHCHECK here: the load balancer checks the HTTP path.", "gcr.io/distroless/static-debian12:nonroot", "runtime")
	d.line("COPY --from=build /out/%s /%s", binName(s, pkg), binName(s, pkg))
	if s.Kind != detect.KindWorker {
		d.line("ENV PORT=%d", port)
	}
	d.user("65532:65532")
	d.expose(s, port)
	d.entrypoint([]string{"/" + binName(s, pkg)})
	return d, nil
}

// binName is the binary's file name: the main package's folder, or the
// service name for the module root.
func binName(s detect.Service, pkg string) string {
	if b := path.Base(pkg); b != "." && b != "/" && safePath.MatchString(b) && !strings.Contains(b, "*") {
		return b
	}
	if s.Name != "" && safePath.MatchString(s.Name) {
		return s.Name
	}
	return "app"
}
