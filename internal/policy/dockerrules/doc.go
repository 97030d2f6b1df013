// Package dockerrules holds Hoist's Dockerfile policy rules: the parsed
// Dockerfile they read (Parse, Dockerfile, Stage), the rules themselves
// (Rules, one file per rule, df<NNN>_*.go) and a wrapper around BuildKit's
// own linter (BuildKitLint, rule HOIST-DF-BUILDKIT).
//
// It does not run rules over a repository, apply inline suppressions,
// change severities or render findings: that is the policy engine's job
// (internal/policy). It reads no files, prints nothing and never goes to
// the network; the caller hands Parse the Dockerfile and .dockerignore
// bytes.
//
// # Reading Dockerfiles
//
// Parse uses BuildKit's parser and instruction parser, so a file is read
// exactly as `docker build` reads it (escape directive, heredocs,
// continuation lines, --mount flags). On top of that it links stages to
// the stages they are built FROM (USER, ENV, SHELL and HEALTHCHECK carry
// over), expands FROM arguments from their defaults, and splits each RUN
// into simple commands with a small shell reader (quotes, escapes,
// operators, redirections, case patterns, sh -c scripts, heredoc scripts).
// Rules look at commands, not at text, so "sudo" in an echo is not sudo.
//
// # Cache mounts
//
// The rules know BuildKit cache mounts. A RUN whose --mount=type=cache
// covers the package manager's cache (its default directory, a directory
// named by the variable that moves it such as PIP_CACHE_DIR, or a target
// named after the manager) needs no --no-cache flag, no cache cleanup and
// no list removal: HOIST-DF-011, -015, -016 and -034 accept it, and
// HOIST-DF-031 asks for it on every download that has none.
//
// # BuildKit's linter
//
// BuildKitLint runs internal/dockerlint (BuildKit's dockerfile2llb lint,
// offline, with the experimental rules) and returns every warning as a
// finding whose message starts with BuildKit's rule name
// ("UndefinedVar: ..."). The registry exposes them under one ID,
// HOIST-DF-BUILDKIT, at low severity, rather than one ID per BuildKit
// rule: BuildKit adds rules between releases and one ID keeps Hoist's rule
// list stable; the rule name in the message says which check fired, and
// suppressions can match on it. BuildKit rules that a Hoist rule already
// reports (JSONArgsRecommended, MaintainerDeprecated,
// MultipleInstructionsDisallowed, SecretsUsedInArgOrEnv,
// WorkdirRelativePath) are left out of HOIST-DF-BUILDKIT so a problem is
// reported once. A Dockerfile BuildKit cannot convert becomes one
// HOIST-DF-BUILDKIT finding.
//
// # Rules
//
// Severities: a root final stage, secrets and disabled verification are
// high; moving base tags, unverified downloads and world-writable files
// medium; build hygiene and slow-build patterns low or info. NIST SP 800-53
// rev5 controls are on each rule; the FedRAMP baselines are derived from
// them (controlBaselines). CIS entries are CIS Docker Benchmark section 4
// recommendations.
//
//	HOIST-DF-001       medium    Base image has no tag or uses latest
//	HOIST-DF-002       info      Base image is not pinned by digest
//	HOIST-DF-003       high      Final stage runs as root
//	HOIST-DF-004       medium    sudo used in RUN
//	HOIST-DF-005       high      Secret in ARG or ENV
//	HOIST-DF-006       low       ADD used where COPY does
//	HOIST-DF-007       medium    ADD of a remote URL without --checksum
//	HOIST-DF-008       low       CMD or ENTRYPOINT in shell form
//	HOIST-DF-009       low       More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage
//	HOIST-DF-010       low       apt-get install without --no-install-recommends
//	HOIST-DF-011       low       apt-get update without removing the package lists
//	HOIST-DF-012       low       Distribution upgrade during the build
//	HOIST-DF-013       low       Package manager may prompt for confirmation
//	HOIST-DF-014       low       OS packages installed without version pins
//	HOIST-DF-015       low       apk add without --no-cache
//	HOIST-DF-016       low       pip install without --no-cache-dir
//	HOIST-DF-017       low       npm install used although a lockfile is copied
//	HOIST-DF-018       low       Pipe in RUN without pipefail
//	HOIST-DF-019       medium    Remote script piped into a shell
//	HOIST-DF-020       low       WORKDIR with a relative path
//	HOIST-DF-021       info      cd in RUN instead of WORKDIR
//	HOIST-DF-022       low       EXPOSE with an invalid port
//	HOIST-DF-023       info      No HEALTHCHECK in the final stage
//	HOIST-DF-024       medium    COPY --from names no earlier stage
//	HOIST-DF-025       info      MAINTAINER is deprecated
//	HOIST-DF-026       medium    World-writable files or directories
//	HOIST-DF-027       high      Private keys or credential files copied into the image
//	HOIST-DF-028       low       Whole build context copied before the dependency install
//	HOIST-DF-029       low       No .dockerignore beside a Dockerfile that copies the whole context
//	HOIST-DF-030       low       .dockerignore does not exclude .git or node_modules
//	HOIST-DF-031       info      Package download without a BuildKit cache mount
//	HOIST-DF-032       low       apt-get update in a RUN of its own
//	HOIST-DF-033       high      TLS or package signature verification turned off
//	HOIST-DF-034       low       dnf or yum install without cleaning the cache
//	HOIST-DF-035       info      apt used instead of apt-get
//	HOIST-DF-036       info      DEBIAN_FRONTEND set with ENV
//	HOIST-DF-BUILDKIT  low       BuildKit's own Dockerfile checks
//
// Each rule has a fixture folder, testdata/<ID>/, with fail.Dockerfile
// (a "# want: <ID>" comment line directly above each instruction that must
// be reported) and pass.Dockerfile (nothing reported), plus
// fail.dockerignore / pass.dockerignore where the rule reads one.
package dockerrules
