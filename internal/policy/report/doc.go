// Package report renders a policy.Report: text for people (grouped by
// file), JSON (format_version 1, schema in internal/policy/schema), SARIF
// 2.1.0 for code scanning, JUnit XML for CI test views, and Markdown (the
// findings, and the compliance view). Every renderer is deterministic:
// the same report gives the same bytes.
//
// The package writes only to the io.Writer it is given; it reads no files
// and decides no exit codes.
package report
