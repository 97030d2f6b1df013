package artifact

import (
	"fmt"
	"path"

	"github.com/hoist-dev/hoist/internal/detect"
)

// Build images used when the repository has no Maven or Gradle wrapper.
const (
	mavenImageTag  = "3.9"  // maven:3.9-eclipse-temurin-<java>
	gradleImageTag = "8.14" // gradle:8.14-jdk<java>
)

func javaDockerfile(s detect.Service) (*dockerfile, error) {
	ver := major(s.LanguageVersion, "21")
	port := listenPort(s, 8080)
	gradle := s.PackageManager == "gradle"
	wrapper := hasManifest(s, "mvnw") || hasManifest(s, "gradlew")
	tool := "maven"
	if gradle {
		tool = "gradle"
	}
	summary := fmt.Sprintf("Java %s, %s", ver, tool)
	if wrapper {
		summary += " (wrapper)"
	}
	if s.Framework != "" {
		summary += ", " + s.Framework
	}
	d := newDockerfile(s, summary)

	var image, cache, fetch, build, out string
	switch {
	case gradle && wrapper:
		image, cache = "eclipse-temurin:"+ver+"-jdk", "/root/.gradle"
		fetch = "./gradlew --no-daemon dependencies > /dev/null"
		build = "./gradlew --no-daemon assemble -x test"
		out = "build/libs"
	case gradle:
		image, cache = "gradle:"+gradleImageTag+"-jdk"+ver, "/root/.gradle"
		fetch = "gradle --no-daemon dependencies > /dev/null"
		build = "gradle --no-daemon assemble -x test"
		out = "build/libs"
	case wrapper:
		image, cache = "eclipse-temurin:"+ver+"-jdk", "/root/.m2"
		fetch = "./mvnw -B -q dependency:go-offline"
		build = "./mvnw -B -q package -DskipTests"
		out = "target"
	default:
		image, cache = "maven:"+mavenImageTag+"-eclipse-temurin-"+ver, "/root/.m2"
		fetch = "mvn -B -q dependency:go-offline"
		build = "mvn -B -q package -DskipTests"
		out = "target"
	}
	if s.BuildCommand != "" {
		build = s.BuildCommand
	}

	d.stage("the JDK and the build tool produce the jar.", image, "build")
	d.line("WORKDIR /src")
	if gradle {
		d.comment("Gradle's caches live in a BuildKit cache mount, outside the image.")
		d.line("ENV GRADLE_USER_HOME=%s", cache)
	}
	var def []string
	if gradle {
		def = []string{"build.gradle", "settings.gradle"}
	} else {
		def = []string{"pom.xml"}
	}
	manifests := manifestsOr(s, def...)
	if wrapper && gradle {
		manifests = withFiles(manifests, "gradlew", "gradle/wrapper/gradle-wrapper.jar", "gradle/wrapper/gradle-wrapper.properties")
	} else if wrapper {
		manifests = withFiles(manifests, "mvnw", ".mvn/wrapper/maven-wrapper.properties")
	}
	d.copyManifests(manifests)
	d.comment("Dependencies first, so a code edit does not download them again.")
	d.line("RUN --mount=type=cache,target=%s %s", cache, fetch)
	d.line("COPY . .")
	jar := s.Build.Entrypoint
	if jar != "" && path.Ext(jar) == ".jar" && safePath.MatchString(jar) {
		d.line("RUN --mount=type=cache,target=%s %s \\", cache, build)
		d.line("    && cp %s /app.jar", jar)
	} else {
		d.comment("Build, then keep the runnable jar: not Gradle's -plain.jar nor the\noriginal-*.jar that Maven's shade and Spring Boot plugins leave beside it.")
		d.line("RUN --mount=type=cache,target=%s %s \\", cache, build)
		d.line("    && find %s -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name 'original-*' | head -n 1 | xargs -I{} cp {} /app.jar \\", out)
		d.line("    && test -f /app.jar")
	}

	d.stage("the JRE only.", "eclipse-temurin:"+ver+"-jre", "runtime")
	d.line("WORKDIR /app")
	if s.Kind != detect.KindWorker {
		d.line("ENV PORT=%d SERVER_PORT=%d", port, port)
	}
	d.line("%s", addUserCmd())
	d.line("COPY --from=build /app.jar /app/app.jar")
	d.user(appUID)
	d.expose(s, port)
	d.healthcheck(s, tcpCheckBash(port))
	if s.StartCommand != "" && !isBuildToolRun(s.StartCommand) {
		d.cmd(execForm(s.StartCommand))
	} else {
		d.comment("Size the heap from the container's memory limit.")
		d.entrypoint([]string{"java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"})
	}
	return d, nil
}

// isBuildToolRun reports a start command that runs the app through the
// build tool (mvn spring-boot:run, gradle bootRun), which the JRE image lacks.
func isBuildToolRun(cmd string) bool {
	for _, p := range []string{"mvn", "./mvnw", "gradle", "./gradlew"} {
		if len(cmd) >= len(p) && cmd[:len(p)] == p {
			return true
		}
	}
	return false
}
