package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"

	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// InformationURI is where the SARIF driver points.
const InformationURI = "https://github.com/hoist-dev/hoist"

// SARIFSchema is the $schema of the SARIF output.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// SARIFOptions tune the SARIF output.
type SARIFOptions struct {
	// Version is Hoist's version, tool.driver.version ("" leaves it out).
	Version string
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	HelpURI              string          `json:"helpUri,omitempty"`
	Properties           sarifRuleProps  `json:"properties"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
}

type sarifRuleProps struct {
	SecuritySeverity string   `json:"security-severity"`
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Resource string `json:"resource,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

// securitySeverity is GitHub's numeric severity, as a string.
var securitySeverity = map[rule.Severity]string{
	rule.Critical: "9.5",
	rule.High:     "8.0",
	rule.Medium:   "5.5",
	rule.Low:      "3.0",
	rule.Info:     "0.0",
}

// level maps a severity to a SARIF level.
func level(s rule.Severity) string {
	switch {
	case s >= rule.High:
		return "error"
	case s == rule.Medium:
		return "warning"
	default:
		return "note"
	}
}

// SARIF writes the report as a SARIF 2.1.0 log with one run, in the shape
// GitHub code scanning accepts: every rule in tool.driver.rules once,
// every result pointing at its rule by ID and index, relative URIs under
// %SRCROOT%, and suppressed findings carrying a suppression.
func SARIF(w io.Writer, r *policy.Report, opts SARIFOptions) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "hoist",
			InformationURI: InformationURI,
			Version:        opts.Version,
			Rules:          []sarifRule{},
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	index := map[string]int{}
	addRule := func(m rule.Meta, doc string) {
		if _, ok := index[m.ID]; ok {
			return
		}
		index[m.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(m, doc))
	}
	for _, m := range r.Rules {
		addRule(m, docURL(m.ID, r.Findings))
	}
	// A finding whose rule is not listed (a Rego object overriding
	// nothing should not happen, but never emit a dangling ruleIndex).
	for _, f := range r.Findings {
		if _, ok := index[f.RuleID]; !ok {
			addRule(rule.Meta{ID: f.RuleID, Title: f.Title, Severity: f.Severity, Remediation: f.Remediation, NIST: f.Controls}, f.DocURL)
		}
	}
	occurrences := map[string]int{}
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: index[f.RuleID],
			Level:     level(f.Severity),
			Message:   sarifText{Text: resultMessage(f)},
		}
		if f.File != "" {
			res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: fileURI(f.File), URIBaseID: "%SRCROOT%"},
				Region:           sarifRegion{StartLine: max(1, f.Line), StartColumn: max(1, f.Column)},
			}}}
		}
		h := lineHash(f)
		occurrences[h]++
		res.PartialFingerprints = map[string]string{"primaryLocationLineHash": fmt.Sprintf("%s:%d", h, occurrences[h])}
		if f.Suppressed {
			kind := f.SuppressionKind
			if kind == "" {
				kind = policy.KindInSource
			}
			res.Suppressions = []sarifSuppression{{Kind: kind, Justification: f.SuppressionReason}}
		}
		if f.Resource != "" {
			res.Properties = &sarifResultProps{Resource: f.Resource}
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifRuleOf(m rule.Meta, doc string) sarifRule {
	full := m.Rationale
	if full == "" {
		full = m.Title
	}
	help := m.Remediation
	if help == "" {
		help = m.Title
	}
	md := "**" + m.Title + "**\n\n"
	if m.Rationale != "" {
		md += m.Rationale + "\n\n"
	}
	if m.Remediation != "" {
		md += "**Remediation:** " + m.Remediation + "\n"
	}
	if m.FixCloudFormation != "" {
		md += "\nCloudFormation:\n\n```yaml\n" + strings.TrimRight(m.FixCloudFormation, "\n") + "\n```\n"
	}
	if m.FixTerraform != "" {
		md += "\nTerraform:\n\n```hcl\n" + strings.TrimRight(m.FixTerraform, "\n") + "\n```\n"
	}
	if m.FixDockerfile != "" {
		md += "\nDockerfile:\n\n```dockerfile\n" + strings.TrimRight(m.FixDockerfile, "\n") + "\n```\n"
	}
	tags := []string{"security"}
	for _, c := range m.NIST {
		tags = append(tags, "NIST-800-53:"+c)
	}
	for _, c := range m.CIS {
		tags = append(tags, "CIS-AWS:"+c)
	}
	for _, b := range m.FedRAMP {
		tags = append(tags, "FedRAMP:"+b)
	}
	return sarifRule{
		ID:                   m.ID,
		Name:                 ruleName(m),
		ShortDescription:     sarifText{Text: cmpOr(m.Title, m.ID)},
		FullDescription:      sarifText{Text: cmpOr(full, m.ID)},
		Help:                 sarifHelp{Text: cmpOr(help, m.ID), Markdown: md},
		HelpURI:              doc,
		Properties:           sarifRuleProps{SecuritySeverity: securitySeverity[m.Severity], Tags: tags, Precision: "high"},
		DefaultConfiguration: sarifRuleConfig{Level: level(m.Severity)},
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// docURL is the rule's documentation: the engine's DocURL of any finding,
// else the Hoist rule page.
func docURL(id string, fs []policy.Finding) string {
	for _, f := range fs {
		if f.RuleID == id {
			return f.DocURL
		}
	}
	if strings.HasPrefix(id, "HOIST-") {
		return policy.DocURL(id)
	}
	return ""
}

// ruleName turns a title into an identifier: "S3 bucket is not
// encrypted" -> "S3BucketIsNotEncrypted".
func ruleName(m rule.Meta) string {
	var b strings.Builder
	upper := true
	for _, c := range m.Title {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			upper = true
			continue
		}
		if upper {
			c = unicode.ToUpper(c)
			upper = false
		}
		b.WriteRune(c)
	}
	if b.Len() == 0 {
		return strings.ReplaceAll(m.ID, "-", "")
	}
	return b.String()
}

func resultMessage(f policy.Finding) string {
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	if f.Resource != "" && !strings.Contains(msg, f.Resource) {
		msg = f.Resource + ": " + msg
	}
	return msg
}

// fileURI writes a relative path as a URI reference.
func fileURI(file string) string {
	u := &url.URL{Path: strings.TrimPrefix(file, "./")}
	return u.String()
}

// lineHash is a hash of the rule, the file and the finding's line text
// with runs of blanks collapsed, so that it survives lines moving.
func lineHash(f policy.Finding) string {
	text := strings.Join(strings.Fields(f.Snippet), " ")
	if text == "" {
		text = f.Resource + "\x00" + f.Message
	}
	sum := sha256.Sum256([]byte(f.RuleID + "\x00" + f.File + "\x00" + text))
	return hex.EncodeToString(sum[:16])
}
