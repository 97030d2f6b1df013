package dockerrules

import (
	"sort"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// Rule is one Dockerfile rule: its metadata and its check.
type Rule struct {
	rule.Meta
	// Check returns the rule's findings in d, in file order.
	Check func(d *Dockerfile) []Finding
}

// Finding is one place in a Dockerfile where a rule is broken.
type Finding struct {
	Message string
	// Line is the 1-based line of the instruction the finding is about,
	// Column the 1-based column where that instruction starts.
	Line, Column int
}

// Rules returns the built-in Dockerfile rules in ID order. Each rule lives
// in its own file; this slice is the only registry.
func Rules() []Rule {
	rules := []Rule{
		baseImageTag(),           // HOIST-DF-001
		baseImageDigest(),        // HOIST-DF-002
		finalStageRoot(),         // HOIST-DF-003
		sudoInRun(),              // HOIST-DF-004
		secretInArgEnv(),         // HOIST-DF-005
		addForLocalFiles(),       // HOIST-DF-006
		addURLChecksum(),         // HOIST-DF-007
		shellFormCmd(),           // HOIST-DF-008
		repeatedCmd(),            // HOIST-DF-009
		aptRecommends(),          // HOIST-DF-010
		aptListsCleanup(),        // HOIST-DF-011
		aptUpgrade(),             // HOIST-DF-012
		installPrompt(),          // HOIST-DF-013
		osPackagePins(),          // HOIST-DF-014
		apkNoCache(),             // HOIST-DF-015
		pipNoCacheDir(),          // HOIST-DF-016
		npmInstallLockfile(),     // HOIST-DF-017
		pipeWithoutPipefail(),    // HOIST-DF-018
		remoteScriptToShell(),    // HOIST-DF-019
		workdirRelative(),        // HOIST-DF-020
		cdInRun(),                // HOIST-DF-021
		exposeInvalidPort(),      // HOIST-DF-022
		healthcheckMissing(),     // HOIST-DF-023
		copyFromUndefined(),      // HOIST-DF-024
		maintainerDeprecated(),   // HOIST-DF-025
		worldWritable(),          // HOIST-DF-026
		credentialFilesCopied(),  // HOIST-DF-027
		copyAllBeforeInstall(),   // HOIST-DF-028
		dockerignoreMissing(),    // HOIST-DF-029
		dockerignoreIncomplete(), // HOIST-DF-030
		noCacheMount(),           // HOIST-DF-031
		aptUpdateAlone(),         // HOIST-DF-032
		verificationDisabled(),   // HOIST-DF-033
		rpmCacheCleanup(),        // HOIST-DF-034
		aptInScripts(),           // HOIST-DF-035
		debianFrontendEnv(),      // HOIST-DF-036
		buildKitRule(),           // HOIST-DF-BUILDKIT
	}
	for i := range rules {
		rules[i].FedRAMP = baselines(rules[i].NIST)
	}
	return rules
}

// controlBaselines lists, for each NIST SP 800-53 rev5 control the rules
// cite, the FedRAMP rev5 baselines that select it.
var controlBaselines = []struct {
	control   string
	baselines []string
}{
	{"AC-3", []string{"low", "moderate", "high"}},
	{"AC-6", []string{"moderate", "high"}},
	{"CM-2", []string{"low", "moderate", "high"}},
	{"CM-6", []string{"low", "moderate", "high"}},
	{"CM-7", []string{"low", "moderate", "high"}},
	{"CM-8", []string{"low", "moderate", "high"}},
	{"CM-11", []string{"low", "moderate", "high"}},
	{"CP-10", []string{"low", "moderate", "high"}},
	{"IA-5", []string{"low", "moderate", "high"}},
	{"IA-5(7)", []string{"moderate", "high"}},
	{"SA-8", []string{"low", "moderate", "high"}},
	{"SC-8", []string{"moderate", "high"}},
	{"SC-28", []string{"moderate", "high"}},
	{"SI-2", []string{"low", "moderate", "high"}},
	{"SI-4", []string{"low", "moderate", "high"}},
	{"SI-7", []string{"moderate", "high"}},
	{"SR-3", []string{"low", "moderate", "high"}},
	{"SR-11", []string{"low", "moderate", "high"}},
}

// baselines returns the FedRAMP baselines that include at least one of
// controls, lowest first.
func baselines(controls []string) []string {
	order := map[string]int{"low": 0, "moderate": 1, "high": 2}
	seen := map[string]bool{}
	var out []string
	for _, c := range controls {
		for _, cb := range controlBaselines {
			if cb.control != c {
				continue
			}
			for _, b := range cb.baselines {
				if !seen[b] {
					seen[b] = true
					out = append(out, b)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out
}

// sortFindings orders findings by line, then column, then message.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		if fs[i].Column != fs[j].Column {
			return fs[i].Column < fs[j].Column
		}
		return fs[i].Message < fs[j].Message
	})
}
