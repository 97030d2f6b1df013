package artifact

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

func rustDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "1.91")
	image := "rust:" + ver + "-slim-bookworm"
	port := listenPort(s, 8080)
	bin := s.Build.Entrypoint
	if bin == "" {
		bin = s.Name
	}
	if !safePath.MatchString(bin) {
		return nil, fmt.Errorf("rust binary name %q has unsupported characters", bin)
	}
	member := memberDir(s)

	d := newDockerfile(s, "Rust "+ver+", binary "+bin)
	d.stage("compiles the release binary.", image, "build")
	d.line("WORKDIR /src")
	manifests := manifestsOr(s, "Cargo.toml", "Cargo.lock")
	d.copyManifests(manifests)
	d.comment("Crates first (into the registry cache), so a code edit does not fetch them\nagain. Cargo reads a manifest only if its crate has a target, so stub ones\nstand in for the fetch and are removed before the real source arrives.")
	d.line("RUN --mount=type=cache,target=/usr/local/cargo/registry \\")
	d.line("    for dir in %s; do mkdir -p \"$dir/src\" && echo 'fn main() {}' > \"$dir/src/main.rs\" && touch \"$dir/src/lib.rs\"; done \\", strings.Join(crateDirs(manifests), " "))
	d.line("    && cargo fetch%s \\", cargoLocked(s))
	d.line("    && for dir in %s; do rm -r \"$dir/src\"; done", strings.Join(crateDirs(manifests), " "))
	d.line("COPY . .")
	if member != "." {
		d.line("WORKDIR /src/%s", member)
	}
	d.comment("target/ is a cache mount, so the binary is copied out of it in the same step.")
	d.line("RUN --mount=type=cache,target=/usr/local/cargo/registry \\")
	d.line("    --mount=type=cache,target=/src/target \\")
	d.line("    cargo build --release%s --bin %s \\", cargoLocked(s), bin)
	d.line("    && install -D /src/target/release/%s /out/%s", bin, bin)

	d.stage("distroless with glibc (cc), as the image's nonroot user (65532).\nNo shell, so no HEALTHCHECK here: the load balancer checks the HTTP path.", "gcr.io/distroless/cc-debian12:nonroot", "runtime")
	d.line("COPY --from=build /out/%s /%s", bin, bin)
	if s.Kind != detect.KindWorker {
		d.line("ENV PORT=%d", port)
	}
	d.user("65532:65532")
	d.expose(s, port)
	d.entrypoint([]string{"/" + bin})
	return d, nil
}

func cargoLocked(s detect.Service) string {
	if hasManifest(s, "Cargo.lock") {
		return " --locked"
	}
	return ""
}

// crateDirs are the folders holding a Cargo.toml among the manifests.
func crateDirs(manifests []string) []string {
	var dirs []string
	for _, m := range manifests {
		if path.Base(m) == "Cargo.toml" {
			dirs = append(dirs, path.Dir(m))
		}
	}
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	sort.Strings(dirs)
	return dirs
}
