package artifact

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
)

// Pinned versions of Python tools installed into the builder stage when the
// repository does not pin them itself.
const (
	uvImage       = "ghcr.io/astral-sh/uv:0.9.5"
	poetryVersion = "2.2.1"
	pipenvVersion = "2025.0.4"
	pdmVersion    = "2.24.2"
)

func pythonDockerfile(s detect.Service) (*dockerfile, error) {
	ver := majorMinor(s.LanguageVersion, "3.13")
	image := "python:" + ver + "-slim-bookworm"
	port := listenPort(s, 8000)
	pm := s.PackageManager
	if pm == "" {
		pm = "pip"
	}

	summary := "Python " + ver + ", " + pm
	if s.Framework != "" {
		summary += ", " + s.Framework
	}
	d := newDockerfile(s, summary)

	d.stage("installs dependencies into a virtual environment.\nThe runtime copies the venv whole; same base image, so its interpreter path\nmatches.", image, "build")
	d.line("WORKDIR /app")
	d.line("ENV PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1")
	if hasBacking(s, "postgres") || hasBacking(s, "mysql") {
		d.comment("Compilers and client headers for database drivers without wheels.")
		pkgs := []string{"build-essential"}
		if hasBacking(s, "postgres") {
			pkgs = append(pkgs, "libpq-dev")
		}
		if hasBacking(s, "mysql") {
			pkgs = append(pkgs, "default-libmysqlclient-dev", "pkg-config")
		}
		d.line("%s", aptInstallCached(pkgs...))
	}

	venv := "/app/.venv"
	switch pm {
	case "uv":
		d.comment("uv, pinned, copied from its official image.")
		d.line("COPY --from=%s /uv /uvx /bin/", uvImage)
		d.line("ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never")
		d.copyManifests(manifestsOr(s, "pyproject.toml", "uv.lock"))
		d.comment("Dependencies first, without the project, so a code edit keeps this layer.")
		d.line("RUN --mount=type=cache,target=/root/.cache/uv uv sync %s--no-dev --no-install-project", uvFrozen(s))
		d.line("COPY . .")
		d.line("RUN --mount=type=cache,target=/root/.cache/uv uv sync %s--no-dev --no-editable", uvFrozen(s))
	case "poetry":
		d.line("ENV POETRY_VIRTUALENVS_IN_PROJECT=true POETRY_NO_INTERACTION=1")
		d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install poetry==%s", toolVersion(s, poetryVersion))
		d.copyManifests(manifestsOr(s, "pyproject.toml", "poetry.lock"))
		d.line("RUN --mount=type=cache,target=/root/.cache/pypoetry poetry install --only main --no-root")
		d.line("COPY . .")
	case "pipenv":
		d.line("ENV PIPENV_VENV_IN_PROJECT=1")
		d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install pipenv==%s", toolVersion(s, pipenvVersion))
		d.copyManifests(manifestsOr(s, "Pipfile", "Pipfile.lock"))
		deploy := ""
		if hasManifest(s, "Pipfile.lock") {
			deploy = " --deploy"
		}
		d.comment("Installs [packages] only; [dev-packages] stay out of the image.")
		d.line("RUN --mount=type=cache,target=/root/.cache/pipenv pipenv install%s", deploy)
		d.line("COPY . .")
	case "pdm":
		d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install pdm==%s", toolVersion(s, pdmVersion))
		d.copyManifests(manifestsOr(s, "pyproject.toml", "pdm.lock"))
		d.line("RUN --mount=type=cache,target=/root/.cache/pdm pdm sync --prod --no-self")
		d.line("COPY . .")
	default: // pip
		d.line("RUN python -m venv %s", venv)
		d.line("ENV PATH=%s/bin:$PATH", venv)
		d.copyManifests(manifestsOr(s, "requirements.txt"))
		if hasManifest(s, "requirements.txt") {
			d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt")
		} else {
			d.comment("No requirements.txt: the project installs itself from pyproject.toml/setup.py below.")
		}
		d.line("COPY . .")
		if !hasManifest(s, "requirements.txt") {
			d.line("RUN --mount=type=cache,target=/root/.cache/pip pip install .")
		}
	}
	if s.BuildCommand != "" {
		d.line("RUN %s", s.BuildCommand)
	}

	d.stage("slim Python, the venv and the code.\nNo compilers and no package manager.", image, "runtime")
	d.line("WORKDIR /app")
	envs := []string{"PYTHONUNBUFFERED=1", "PYTHONDONTWRITEBYTECODE=1", "PATH=" + venv + "/bin:$PATH"}
	if s.Kind != detect.KindWorker {
		envs = append(envs, fmt.Sprintf("PORT=%d", port))
	}
	d.line("ENV %s", strings.Join(envs, " "))
	var libs []string
	if hasBacking(s, "postgres") {
		libs = append(libs, "libpq5")
	}
	if hasBacking(s, "mysql") {
		libs = append(libs, "libmariadb3")
	}
	if len(libs) > 0 {
		d.comment("Shared libraries the database drivers link against.")
		d.line("%s", aptInstallRuntime(libs...))
	}
	d.line("%s", addUserCmd())
	d.comment("The venv and code stay owned by root: the app user can read, not rewrite them.")
	d.line("COPY --from=build /app /app")
	d.user(appUID)
	d.expose(s, port)
	d.healthcheck(s, []string{"python", "-c", fmt.Sprintf("import socket; socket.create_connection(('127.0.0.1', %d), timeout=3).close()", port)})
	d.cmd(pythonStart(s, port))
	return d, nil
}

func uvFrozen(s detect.Service) string {
	if hasManifest(s, "uv.lock") {
		return "--frozen "
	}
	return ""
}

// toolVersion is the package manager version the repository pins, or def.
func toolVersion(s detect.Service, def string) string {
	if p := versionParts(s.Build.PackageManagerVersion); len(p) > 0 {
		return strings.Join(p, ".")
	}
	return def
}

// pythonStart is the start command: the detected one, or a production server
// for the framework's ASGI/WSGI entrypoint.
func pythonStart(s detect.Service, port int) []string {
	if s.StartCommand != "" {
		return execForm(s.StartCommand)
	}
	bind := fmt.Sprintf("0.0.0.0:%d", port)
	entry := s.Build.Entrypoint
	switch strings.ToLower(s.Framework) {
	case "fastapi", "starlette", "litestar":
		if entry == "" {
			entry = "main:app"
		}
		return []string{"uvicorn", entry, "--host", "0.0.0.0", "--port", fmt.Sprint(port), "--proxy-headers"}
	case "django", "flask":
		if entry == "" {
			entry = "app:app"
		}
		return []string{"gunicorn", entry, "--bind", bind, "--access-logfile", "-"}
	}
	if entry != "" && strings.Contains(entry, ":") {
		return []string{"gunicorn", entry, "--bind", bind, "--access-logfile", "-"}
	}
	if entry == "" {
		entry = "main.py"
	}
	return []string{"python", entry}
}
