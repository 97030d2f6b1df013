package hclcheck

import (
	"strings"
	"testing"
)

// decls declares one of each kind of block for the cases below.
const decls = `
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
module "net" {
  source = "./net"
  cidr   = "10.0.0.0/16"
}
module "remote" {
  source = "terraform-aws-modules/vpc/aws"
}
`

var netModule = Interface{Variables: map[string]bool{"cidr": false, "zones": true}, Outputs: []string{"subnet_ids", "vpc_id"}}

func check(src string) []string {
	c, probs := Parse(map[string][]byte{"a.tf": []byte(decls), "b.tf": []byte(src)})
	c.ModuleInterfaces = map[string]Interface{"net": netModule}
	probs = append(probs, c.Schema()...)
	probs = append(probs, c.References()...)
	Sort(probs)
	var got []string
	for _, p := range probs {
		got = append(got, p.String()+" ("+string(p.Kind)+")")
	}
	return got
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"all declared", `resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
  lifecycle {
    ignore_changes = [tags]
  }
}`, nil},
		{"count, for_each, for and splat", `resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  tags       = { for k, v in { a = 1 } : k => "${v}-${path.module}" }
}
resource "aws_subnet" "b" {
  for_each   = toset(["x"])
  vpc_id     = aws_subnet.a[0].vpc_id
  cidr_block = each.key
}
output "ids" {
  value = [aws_subnet.a[*].id, aws_subnet.b["x"].arn]
}`, nil},
		{"dynamic blocks and their iterators", `resource "aws_security_group" "g" {
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  dynamic "egress" {
    for_each = [1]
    iterator = rule
    content {
      from_port   = rule.value
      to_port     = rule.key
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}`, nil},
		{"provider aliases and moved blocks", `provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_s3_bucket" "b" {
  provider = aws.west
}
moved {
  from = aws_s3_bucket.old
  to   = aws_s3_bucket.b
}`, nil},
		{"module outputs and inputs", `output "a" {
  value = [module.net.vpc_id, module.remote.anything]
}`, nil},
		{"undeclared resource", `resource "aws_subnet" "a" {
  vpc_id = aws_vpc.nope.id
}`, []string{`b.tf:2:12: reference to undeclared resource "aws_vpc.nope" (undeclared_reference)`}},
		{"resource type typo", `resource "aws_subnet" "a" {
  vpc_id = aws_vcp.main.id
}`, []string{`b.tf:2:12: reference to undeclared resource "aws_vcp.main"; did you mean "aws_vpc.main"? (undeclared_reference)`}},
		{"undeclared variable", `output "x" {
  value = var.evn
}`, []string{`b.tf:2:11: reference to undeclared variable "var.evn"; did you mean "var.env"? (undeclared_reference)`}},
		{"undeclared local in a nested block", `resource "aws_s3_bucket_versioning" "v" {
  bucket = "b"
  versioning_configuration {
    status = local.status
  }
}`, []string{`b.tf:4:14: reference to undeclared local value "local.status" (undeclared_reference)`}},
		{"undeclared data source", `output "x" {
  value = data.aws_partition.current.partition
}`, []string{`b.tf:2:11: reference to undeclared data source "data.aws_partition.current" (undeclared_reference)`}},
		{"unknown attribute", `output "x" {
  value = aws_vpc.main.arnn
}`, []string{`b.tf:2:11: resource type aws_vpc has no attribute "arnn"; did you mean "arn"? (bad_attribute)`}},
		{"unknown data attribute", `output "x" {
  value = data.aws_region.current.nope
}`, []string{`b.tf:2:11: data source type aws_region has no attribute "nope" (bad_attribute)`}},
		{"unknown module output", `output "x" {
  value = module.net.vpc_ld
}`, []string{`b.tf:2:11: module "net" has no output "vpc_ld"; did you mean "vpc_id"? (bad_attribute)`}},
		{"iterator outside its dynamic block", `output "x" {
  value = ingress.value
}`, []string{`b.tf:2:11: reference to undeclared resource "ingress.value" (undeclared_reference)`}},
		{"syntax error", `output "x" {
  value = 
}`, []string{`b.tf:2:11: invalid expression: Expected the start of an expression, but found an invalid expression token. (syntax)`}},
		{"unknown argument", `resource "aws_instance" "web" {
  ami          = "ami-1"
  instanc_type = "t3.micro"
}`, []string{`b.tf:3:3: aws_instance.web: unknown argument "instanc_type" in aws_instance; did you mean "instance_type"? (unknown_argument)`}},
		{"missing required", `resource "aws_subnet" "s" {
  cidr_block = "10.0.1.0/24"
}`, []string{`b.tf:1:1: aws_subnet.s: missing required argument "vpc_id" in aws_subnet (missing_required)`}},
		{"unknown type", `resource "aws_vpcc" "v" {}`,
			[]string{`b.tf:1:1: aws_vpcc.v: unknown resource type "aws_vpcc"; did you mean "aws_vpc"? (unknown_resource_type)`}},
		{"block as argument", `resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
  lifecycle  = {}
}`, []string{`b.tf:3:3: aws_vpc.v: "lifecycle" is a block, not an argument: write lifecycle { ... } (block_as_attribute)`}},
		{"computed only", `resource "aws_vpc" "v" {
  arn = "x"
}`, []string{`b.tf:2:3: aws_vpc.v: "arn" in aws_vpc is computed by the provider and cannot be set (read_only_attribute)`}},
		{"too many blocks", `resource "aws_instance" "i" {
  root_block_device {}
  root_block_device {}
}`, []string{`b.tf:3:3: aws_instance.i: too many "root_block_device" blocks in aws_instance: at most 1 allowed (too_many_blocks)`}},
		{"a module without a known interface is not checked", `module "net2" {
  source = "./net"
}`, nil},
		{"other providers are skipped", `resource "random_id" "r" {
  anything = 1
}
output "o" {
  value = random_id.r.whatever
}`, nil},
	} {
		got := check(tc.src)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

func TestModuleInputs(t *testing.T) {
	c, probs := Parse(map[string][]byte{"m.tf": []byte(`module "net" {
  source = "./net"
  cidrr  = "10.0.0.0/16"
  count  = 1
}
`)})
	c.ModuleInterfaces = map[string]Interface{"net": netModule}
	probs = append(probs, c.Schema()...)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		`m.tf:1:1: module.net: missing required argument "cidr": the module's variable has no default`,
		`m.tf:3:3: module.net: unknown argument "cidrr": the module declares no such variable; did you mean "cidr"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("module net:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestModulesAndInterface(t *testing.T) {
	c, _ := Parse(map[string][]byte{"a.tf": []byte(decls + `
variable "nodefault" {}
output "o" {
  value = 1
}
module "computed" {
  source = "${path.module}/x"
}
`)})
	var got []string
	for _, m := range c.Modules() {
		got = append(got, m.Name+"="+m.Source)
	}
	if want := "net=./net remote=terraform-aws-modules/vpc/aws computed="; strings.Join(got, " ") != want {
		t.Errorf("Modules: got %q, want %q", strings.Join(got, " "), want)
	}
	in := c.Interface()
	if len(in.Variables) != 2 || in.Variables["env"] || in.Variables["nodefault"] || strings.Join(in.Outputs, ",") != "o" {
		t.Errorf("Interface: got %+v, want variables env and nodefault without defaults, output o", in)
	}
}

// FuzzCheck: any input gives problems, never a panic.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(`resource "aws_vpc" "a" { cidr_block = var.x }`))
	f.Add([]byte(`output "o" { value = data.aws_region.current.region[0] }`))
	f.Add([]byte(`locals { a = [for v in var.l : v.x] }` + "\n" + `resource "x" "y" { dynamic "d" { content { z = self.q } } }`))
	f.Add([]byte("module \"m\" {\n  source = \"./m\"\n  x = module.m[0].y\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, _ := Parse(map[string][]byte{"main.tf": src})
		c.ModuleInterfaces = map[string]Interface{"m": {Variables: map[string]bool{"x": false}}}
		c.Schema()
		c.References()
		c.Modules()
		c.Interface()
	})
}
