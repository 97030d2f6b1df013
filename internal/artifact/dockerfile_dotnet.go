package artifact

import (
	"fmt"
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

func dotnetDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "")
	if ver == "" {
		ver = major(s.LanguageVersion, "8") + ".0"
	}
	port := listenPort(s, 8080)
	project, assembly := dotnetProject(s)
	if !safePath.MatchString(assembly) {
		return nil, fmt.Errorf(".NET assembly name %q has unsupported characters", assembly)
	}
	// Debian images up to .NET 9; .NET 10 publishes Ubuntu (noble) images.
	distro := "bookworm-slim"
	if atLeast(ver, 10) {
		distro = "noble"
	}
	runtimeRepo := "aspnet"
	if s.Kind == detect.KindWorker {
		runtimeRepo = "runtime"
	}

	d := newDockerfile(s, ".NET "+ver+", "+assembly)
	d.stage("the .NET SDK restores and publishes the app.", "mcr.microsoft.com/dotnet/sdk:"+ver, "build")
	d.line("WORKDIR /src")
	d.copyManifests(manifestsOr(s, project))
	d.comment("Restore first, so a code edit does not download NuGet packages again.")
	d.line("RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore %s", project)
	d.line("COPY . .")
	d.line("RUN --mount=type=cache,target=/root/.nuget/packages \\")
	d.line("    dotnet publish %s --configuration Release --no-restore --output /out /p:UseAppHost=false", project)

	d.stage("the "+runtimeRepo+" runtime only, no SDK.\nThe image's app user is uid 1654.", "mcr.microsoft.com/dotnet/"+runtimeRepo+":"+ver+"-"+distro, "runtime")
	d.line("WORKDIR /app")
	if s.Kind != detect.KindWorker {
		d.line("ENV ASPNETCORE_HTTP_PORTS=%d DOTNET_RUNNING_IN_CONTAINER=true", port)
	}
	d.line("COPY --from=build /out /app")
	d.user("1654")
	d.expose(s, port)
	d.healthcheck(s, tcpCheckBash(port))
	d.entrypoint([]string{"dotnet", assembly + ".dll"})
	return d, nil
}

// dotnetProject finds the project file to restore and publish, and the
// assembly it produces.
func dotnetProject(s detect.Service) (project, assembly string) {
	for _, m := range s.Build.Manifests {
		if ext := path.Ext(m); ext == ".csproj" || ext == ".fsproj" || ext == ".vbproj" {
			project = m
			break
		}
	}
	assembly = strings.TrimSuffix(s.Build.Entrypoint, ".dll")
	if project == "" {
		name := assembly
		if name == "" {
			name = s.Name
		}
		project = name + ".csproj"
	}
	if assembly == "" {
		assembly = strings.TrimSuffix(path.Base(project), path.Ext(project))
	}
	return project, assembly
}
