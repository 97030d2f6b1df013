// Package awsrules holds Hoist's built-in AWS policy rules, written in Go
// against the IR: CloudFormation resource types and property names, so one
// rule covers CloudFormation, Terraform, plan JSON, cdk.out and hoist.yaml.
// Each rule is one file; Rules is the ordered registry. Every rule has a
// fixture folder under testdata/<ID> with failing and passing cases in
// CloudFormation and Terraform; lines that must carry a finding end with a
// "# want: <ID>" comment.
//
// The package only inspects the IR it is given: it reads no files (except
// in tests) and prints nothing. Running rules, suppressions and reports are
// internal/policy's.
package awsrules
