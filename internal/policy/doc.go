// Package policy is Hoist's policy engine: it runs the built-in AWS rules
// (internal/policy/awsrules) over IR graphs, the Dockerfile rules
// (internal/policy/dockerrules) over Dockerfiles, and custom Rego policies
// (embedded OPA, Rego v1) over both; it maps each finding back to a file,
// line and column, applies suppressions (inline comments, CloudFormation
// resource Metadata, the central .hoist/suppressions.yaml, and the
// suppression syntaxes of Checkov, tfsec, Trivy, cfn_nag and cfn-guard
// through an explicit mapping table), filters rules by compliance framework
// and builds the control-by-control compliance view.
//
// Check is the entry point: it takes targets the CLI's loader built (a
// graph or a Dockerfile, with the source text of every file) and returns a
// Report whose findings are sorted by file, line, column and rule. The
// renderers of a Report (text, JSON, SARIF, JUnit, Markdown) are in
// internal/policy/report; the JSON Schema of the JSON output is in
// internal/policy/schema.
//
// The package reads no files except the Rego policies Options.PolicyDirs
// names, prints nothing, reads no environment and never exits. It never
// imports an importer, a renderer or the spec: the IR is all it knows of
// infrastructure.
package policy
