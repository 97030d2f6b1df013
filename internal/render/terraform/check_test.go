package terraform

import (
	"strings"
	"testing"
)

func TestCheckReferences(t *testing.T) {
	decls := `
variable "env" {
  type = string
}
locals {
  name = "x"
}
data "aws_region" "current" {}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "${local.name}-${var.env}-${data.aws_region.current.region}" }
}
`
	for _, tc := range []struct {
		name, src, want string
	}{
		{"all declared", `resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
  lifecycle {
    ignore_changes = [tags]
  }
}`, ""},
		{"undeclared resource", `resource "aws_subnet" "a" {
  vpc_id = aws_vpc.other.id
}`, `b.tf:2:12: reference to undeclared resource "aws_vpc.other"`},
		{"undeclared variable", `output "x" {
  value = var.nope
}`, `b.tf:2:11: reference to undeclared variable "var.nope"`},
		{"undeclared local in a nested block", `resource "aws_s3_bucket_versioning" "v" {
  bucket = "b"
  versioning_configuration {
    status = local.status
  }
}`, `b.tf:4:14: reference to undeclared local value "local.status"`},
		{"undeclared data source", `output "x" {
  value = data.aws_partition.current.partition
}`, `b.tf:2:11: reference to undeclared data source "data.aws_partition.current"`},
		{"unknown attribute", `output "x" {
  value = aws_vpc.main.arnn
}`, `b.tf:2:11: resource type aws_vpc has no attribute "arnn"`},
		{"unknown data attribute", `output "x" {
  value = data.aws_region.current.nope
}`, `b.tf:2:11: data source type aws_region has no attribute "nope"`},
		{"syntax error", `output "x" {
  value = 
}`, `b.tf:2:11: invalid expression`},
	} {
		probs := CheckReferences(map[string][]byte{"a.tf": []byte(decls), "b.tf": []byte(tc.src)})
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		if tc.want == "" && len(got) > 0 {
			t.Errorf("%s: got %q, want no problems", tc.name, got)
		}
		if tc.want != "" && (len(got) == 0 || !strings.HasPrefix(got[0], tc.want)) {
			t.Errorf("%s: got %q, want a problem starting %q", tc.name, got, tc.want)
		}
	}
}

func TestCheckSchema(t *testing.T) {
	src := `resource "aws_vpc" "main" {
  cidr_blok = "10.0.0.0/16"
}
resource "aws_iam_role" "r" {
}
resource "google_thing" "skipped" {
  anything = 1
}
`
	var got []string
	for _, p := range CheckSchema(map[string][]byte{"main.tf": []byte(src)}) {
		got = append(got, p.String())
	}
	want := []string{
		`main.tf:2:3: aws_vpc.main: unknown argument "cidr_blok" in aws_vpc; did you mean "cidr_block"?`,
		`main.tf:4:1: aws_iam_role.r: missing required argument "assume_role_policy" in aws_iam_role`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("CheckSchema:\ngot  %q\nwant %q", got, want)
	}
}

// FuzzCheckReferences: any input gives problems, never a panic.
func FuzzCheckReferences(f *testing.F) {
	f.Add([]byte(`resource "aws_vpc" "a" { cidr_block = var.x }`))
	f.Add([]byte(`output "o" { value = data.aws_region.current.region[0] }`))
	f.Add([]byte(`locals { a = [for v in var.l : v.x] }` + "\n" + `resource "x" "y" { dynamic "d" { content { z = self.q } } }`))
	f.Fuzz(func(t *testing.T, src []byte) {
		files := map[string][]byte{"main.tf": src}
		CheckReferences(files)
		CheckSchema(files)
	})
}
