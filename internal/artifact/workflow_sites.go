package artifact

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/spec"
)

// siteCondition is the `if:` of a step that only some sites need: "" when
// every site needs it, else a test of matrix.tool over the tools that do.
// ok is false when no site needs the step at all.
func siteCondition(sites []spec.StaticSite, need func(tool string) bool) (cond string, ok bool) {
	set := map[string]bool{}
	all := true
	for _, st := range sites {
		t := siteTool(st.BuildCommand)
		if need(t) {
			set[t] = true
		} else {
			all = false
		}
	}
	if len(set) == 0 {
		return "", false
	}
	if all {
		return "", true
	}
	tools := make([]string, 0, len(set))
	for t := range set {
		tools = append(tools, t)
	}
	sort.Strings(tools)
	var terms []string
	for _, t := range tools {
		terms = append(terms, fmt.Sprintf("matrix.tool == '%s'", t))
	}
	return strings.Join(terms, " || "), true
}

// step starts a workflow step: its name, and its condition when it has one.
func step(y *yamlDoc, name, cond string) {
	y.line(3, "- name: %s", name) // names are this file's constants, plain-safe
	if cond != "" {
		y.line(4, "if: %s", cond)
	}
}

func is(tools ...string) func(string) bool {
	return func(t string) bool {
		for _, x := range tools {
			if t == x {
				return true
			}
		}
		return false
	}
}

// script writes a run: block.
func script(y *yamlDoc, lines ...string) {
	y.line(4, "run: |")
	for _, l := range lines {
		if l == "" {
			y.blank()
			continue
		}
		y.line(5, "%s", l)
	}
}

// workflowSites writes the job that builds and publishes the static sites,
// one matrix entry per site. Every value reaches the scripts through env:
// the bucket and distribution from the variables SITE_BUCKET_<SITE> and
// DISTRIBUTION_ID_<SITE>, the build command from hoist.yaml.
func workflowSites(y *yamlDoc, sp *spec.Spec, env string) {
	sites := sp.StaticSites
	tools := siteTools(sites)
	anyNode := tools[toolNPM] || tools[toolPNPM] || tools[toolYarn] || tools[toolBun]
	y.line(1, "sites:")
	y.line(2, "name: site ${{ matrix.site }}")
	y.line(2, "runs-on: ubuntu-latest")
	y.line(2, "environment: %s", scalar(env))
	y.line(2, "strategy:")
	y.line(3, "fail-fast: false")
	y.line(3, "matrix:")
	y.line(4, "include:")
	for _, st := range sites {
		tool := siteTool(st.BuildCommand)
		y.line(5, "- site: %s", scalar(st.Name))
		y.line(6, "path: %s", scalar(sitePath(st)))
		y.line(6, "build-dir: %s", scalar(siteBuildDir(st)))
		y.line(6, "output: %s", scalar(siteOutput(st)))
		y.line(6, "build: %s", quoted(st.BuildCommand))
		y.line(6, "tool: %s", tool)
		// Every entry has every key (empty when it does not apply), so that
		// each matrix.<key> the steps read is defined.
		var fingerprinted, exclude []string
		if isNodeTool(tool) {
			fingerprinted = nodeFingerprinted
		}
		if tool == toolNone {
			exclude = rawExcludes
		}
		if anyNode {
			y.line(6, "lockfiles: %s", quoted(strings.Join(lockfiles(tool), " ")))
		}
		y.line(6, "fingerprinted: %s", quoted(strings.Join(fingerprinted, " ")))
		y.line(6, "exclude: %s", quoted(strings.Join(exclude, " ")))
		y.line(6, "bucket-var: %s", siteBucketVar(st))
		y.line(6, "bucket: ${{ vars.%s }}", siteBucketVar(st))
		y.line(6, "distribution-var: %s", siteDistributionVar(st))
		y.line(6, "distribution: ${{ vars.%s }}", siteDistributionVar(st))
	}
	if tools[toolHugo] || tools[toolPNPM] || tools[toolYarn] {
		y.line(2, "env:")
		if tools[toolHugo] {
			y.line(3, "HUGO_VERSION: %s", quoted(hugoVersion))
		}
		if tools[toolPNPM] || tools[toolYarn] {
			y.line(3, "COREPACK_ENABLE_DOWNLOAD_PROMPT: \"0\"")
		}
	}
	y.line(2, "steps:")
	y.line(3, "- uses: %s", actionCheckout)

	step(y, "Check the site's variables", "")
	y.comment(4, "Values reach the scripts through env, never pasted into them.")
	y.line(4, "env:")
	y.line(5, "BUCKET: ${{ matrix.bucket }}")
	y.line(5, "BUCKET_VAR: ${{ matrix.bucket-var }}")
	y.line(5, "DISTRIBUTION: ${{ matrix.distribution }}")
	y.line(5, "DISTRIBUTION_VAR: ${{ matrix.distribution-var }}")
	script(y,
		`test -n "$BUCKET" || { echo "::error::variable $BUCKET_VAR is not set: the S3 bucket of this site (an output of the IaC stack)"; exit 1; }`,
		`test -n "$DISTRIBUTION" || { echo "::error::variable $DISTRIBUTION_VAR is not set: the CloudFront distribution id of this site (an output of the IaC stack)"; exit 1; }`,
	)

	if cond, ok := siteCondition(sites, isNodeTool); ok {
		step(y, "Find the lockfile", cond)
		y.comment(4, "The nearest lockfile at or above the site's folder: a workspace installs at\nits root. Without one there is no dependency cache and no frozen install.")
		y.line(4, "id: deps")
		y.line(4, "env:")
		y.line(5, "SITE_PATH: ${{ matrix.path }}")
		y.line(5, "LOCKFILES: ${{ matrix.lockfiles }}")
		y.line(5, "TOOL: ${{ matrix.tool }}")
		script(y,
			`d="$SITE_PATH"`,
			`while :; do`,
			`  for l in $LOCKFILES; do`,
			`    if [ -f "$d/$l" ]; then`,
			`      { echo "dir=$d"; echo "lockfile=$d/$l"; } >> "$GITHUB_OUTPUT"`,
			`      # setup-node caches npm, pnpm and Yarn downloads; not Bun's.`,
			`      if [ "$TOOL" != bun ]; then echo "cache=$TOOL" >> "$GITHUB_OUTPUT"; fi`,
			`      exit 0`,
			`    fi`,
			`  done`,
			`  if [ "$d" = . ]; then break; fi`,
			`  d="$(dirname "$d")"`,
			`done`,
			`echo "dir=$SITE_PATH" >> "$GITHUB_OUTPUT"`,
		)
		if c, ok := siteCondition(sites, is(toolPNPM, toolYarn)); ok {
			step(y, "Enable Corepack (pnpm, Yarn)", c)
			y.comment(4, "Before setup-node, whose cache asks pnpm or Yarn for its store folder. The\nshims run on whichever Node is first on PATH, and fetch the version that\npackage.json's packageManager field names.")
			script(y,
				`mkdir -p "$RUNNER_TEMP/corepack"`,
				`corepack enable --install-directory "$RUNNER_TEMP/corepack"`,
				`echo "$RUNNER_TEMP/corepack" >> "$GITHUB_PATH"`,
			)
		}
		y.line(3, "- uses: %s", actionSetupNode)
		if cond != "" {
			y.line(4, "if: %s", cond)
		}
		y.line(4, "with:")
		y.line(5, "node-version: %s", quoted(siteNodeVersion))
		y.comment(5, "Empty (no cache) when the site has no lockfile.")
		y.line(5, "cache: ${{ steps.deps.outputs.cache }}")
		y.line(5, "cache-dependency-path: ${{ steps.deps.outputs.lockfile }}")
		if c, ok := siteCondition(sites, is(toolBun)); ok {
			step(y, "Install Bun", c)
			y.line(4, "run: npm install --global bun@1")
		}
	}
	if c, ok := siteCondition(sites, is(toolHugo)); ok {
		step(y, "Install Hugo", c)
		y.comment(4, "Hugo extended "+hugoVersion+" (HUGO_VERSION above) from its GitHub release, checked\nagainst the release's SHA-256 checksums: the same download as buildspec.yml,\nso both pipelines build with the same Hugo and no third-party action.")
		lines := hugoInstall(`"$RUNNER_TEMP/hugo"`)
		lines = append(lines, `echo "$RUNNER_TEMP/hugo" >> "$GITHUB_PATH"`)
		script(y, lines...)
	}
	if c, ok := siteCondition(sites, is(toolMkDocs)); ok {
		y.line(3, "- uses: %s", actionSetupPython)
		if c != "" {
			y.line(4, "if: %s", c)
		}
		y.line(4, "with:")
		y.line(5, "python-version: %s", quoted(sitePythonVersion))
	}
	if c, ok := siteCondition(sites, is(toolJekyll)); ok {
		y.line(3, "- uses: %s", actionSetupRuby)
		if c != "" {
			y.line(4, "if: %s", c)
		}
		y.line(4, "with:")
		y.line(5, "ruby-version: %s", quoted(siteRubyVersion))
	}
	if c, ok := siteCondition(sites, func(t string) bool { return isNodeTool(t) || t == toolMkDocs || t == toolJekyll }); ok {
		step(y, "Install dependencies", c)
		y.line(4, "env:")
		y.line(5, "TOOL: ${{ matrix.tool }}")
		y.line(5, "SITE_PATH: ${{ matrix.path }}")
		if tools[toolNPM] || tools[toolPNPM] || tools[toolYarn] || tools[toolBun] {
			y.line(5, "DEPS_DIR: ${{ steps.deps.outputs.dir }}")
			y.line(5, "LOCKFILE: ${{ steps.deps.outputs.lockfile }}")
		}
		lines := []string{`case "$TOOL" in`}
		for _, t := range []string{toolNPM, toolPNPM, toolYarn, toolBun} {
			if !tools[t] {
				continue
			}
			locked, unlocked := installCommands(t)
			lines = append(lines,
				t+")",
				`  cd "$DEPS_DIR"`,
				fmt.Sprintf(`  if [ -n "$LOCKFILE" ]; then %s; else %s; fi ;;`, strings.TrimSuffix(locked, ";"), unlocked))
		}
		if tools[toolMkDocs] {
			lines = append(lines,
				"mkdocs)",
				fmt.Sprintf(`  if [ -f "$SITE_PATH/requirements.txt" ]; then pip install -r "$SITE_PATH/requirements.txt"; else pip install mkdocs==%s; fi ;;`, mkdocsVersion))
		}
		if tools[toolJekyll] {
			lines = append(lines,
				"jekyll)",
				fmt.Sprintf(`  if [ -f "$SITE_PATH/Gemfile" ]; then cd "$SITE_PATH" && bundle install; else gem install jekyll -v %s; fi ;;`, jekyllVersion))
		}
		lines = append(lines, "esac")
		script(y, lines...)
	}
	if c, ok := siteCondition(sites, func(t string) bool { return t != toolNone }); ok {
		step(y, "Build", c)
		y.line(4, "env:")
		y.line(5, "BUILD_DIR: ${{ matrix.build-dir }}")
		y.line(5, "BUILD_COMMAND: ${{ matrix.build }}")
		script(y,
			`cd "$BUILD_DIR"`,
			`bash -eo pipefail -c "$BUILD_COMMAND"`,
		)
	}

	y.line(3, "- name: AWS credentials (OIDC)")
	y.line(4, "uses: %s", actionAWSCreds)
	y.line(4, "with:")
	y.line(5, "role-to-assume: ${{ vars.AWS_ROLE_ARN }}")
	y.line(5, "aws-region: ${{ env.AWS_REGION }}")

	step(y, "Publish to S3 and invalidate CloudFront", "")
	y.comment(4, fmt.Sprintf("Assets first, then HTML, then a pass that only deletes, so no page is\never served without its assets. Cache-Control: fingerprinted assets a year\n(%s), other files five minutes, HTML no-cache.", cacheImmutable))
	y.line(4, "env:")
	y.line(5, "SITE: ${{ matrix.site }}")
	y.line(5, "OUTPUT: ${{ matrix.output }}")
	y.line(5, "SITE_BUCKET: ${{ matrix.bucket }}")
	y.line(5, "DISTRIBUTION_ID: ${{ matrix.distribution }}")
	y.line(5, "FINGERPRINTED: ${{ matrix.fingerprinted }}")
	y.line(5, "EXCLUDE: ${{ matrix.exclude }}")
	script(y,
		`set -f # the patterns below are for aws s3, not the shell`,
		`assets=() others=() excludes=()`,
		`for p in $FINGERPRINTED; do assets+=(--include "$p"); others+=(--exclude "$p"); done`,
		`for p in $EXCLUDE; do excludes+=(--exclude "$p"); done`,
		`dest="s3://$SITE_BUCKET"`,
		`if [ ${#assets[@]} -gt 0 ]; then`,
		fmt.Sprintf(`  aws s3 sync "$OUTPUT" "$dest" --no-progress --exclude "*" "${assets[@]}" --cache-control "%s"`, cacheImmutable),
		`fi`,
		fmt.Sprintf(`aws s3 sync "$OUTPUT" "$dest" --no-progress --exclude "*.html" "${others[@]}" "${excludes[@]}" --cache-control "%s"`, cacheShort),
		fmt.Sprintf(`aws s3 sync "$OUTPUT" "$dest" --no-progress --exclude "*" --include "*.html" "${excludes[@]}" --cache-control "%s"`, cacheHTML),
		`aws s3 sync "$OUTPUT" "$dest" --no-progress --delete "${excludes[@]}"`,
		`id="$(aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths "/*" --query Invalidation.Id --output text)"`,
		`echo "### Site $SITE" >> "$GITHUB_STEP_SUMMARY"`,
		"echo \"Published \\`$OUTPUT\\` to \\`$dest\\` (commit \\`$GITHUB_SHA\\`); CloudFront invalidation \\`$id\\` on \\`$DISTRIBUTION_ID\\`.\" >> \"$GITHUB_STEP_SUMMARY\"",
	)
}
