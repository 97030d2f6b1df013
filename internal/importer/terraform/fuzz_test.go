package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzImportFiles feeds arbitrary .tf content to the importer: it must
// never panic, and every resource must be located in the file.
func FuzzImportFiles(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.tf")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		`resource "aws_s3_bucket" "b" { count = -1 }`,
		`resource "aws_s3_bucket" "b" { for_each = "x" }`,
		`locals { a = local.b
b = local.a }
resource "aws_sqs_queue" "q" { name = local.a }`,
		`module "m" { source = "./" }`,
		`resource "aws_sqs_queue" "q" { name = aws_sqs_queue.q.name }`,
		`resource "aws_sqs_queue" "q" { count = length(aws_sqs_queue.q) }`,
		`resource "aws_security_group" "g" { dynamic "ingress" { for_each = {a = 1} content { from_port = ingress.value } } }`,
		`resource "aws_iam_role" "r" { assume_role_policy = "{\"a\": [" }`,
		"resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"\ue000999\ue001\"\n}",
		`data "aws_iam_policy_document" "d" { statement { principals { type = "*" } } }
resource "aws_iam_policy" "p" { policy = data.aws_iam_policy_document.d.json }`,
		"resource",
		"\x00{",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := ImportFiles(map[string][]byte{"main.tf": data}, Options{Vars: map[string]string{"x": "1"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range g.Resources {
			if r.Loc.File != "main.tf" || r.ID == "" || r.Type == "" || strings.ContainsAny(r.ID, ".[]\"") {
				t.Fatalf("bad resource %q %q at %v", r.ID, r.Type, r.Loc)
			}
		}
	})
}
