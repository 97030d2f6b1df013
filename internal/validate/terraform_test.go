package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tfBase is a valid configuration; each case below seeds one mistake.
const tfBase = `variable "env" {
  type    = string
  default = "dev"
}

locals {
  name = "app-${var.env}"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

resource "aws_security_group" "web" {
  name   = local.name
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = toset([80, 443])
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.a[0].id
}

output "ip" {
  value = aws_instance.web.private_ip
}
`

func TestTerraformValidHasNoFindings(t *testing.T) {
	if got := Terraform([]File{{Path: "main.tf", Data: []byte(tfBase)}}, Options{}); len(got) != 0 {
		t.Errorf("tfBase: got %v, want no findings", got)
	}
}

func TestTerraformSeededMistakes(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           []string
	}{
		{"argument typo", "  instance_type = \"t3.micro\"", "  instanc_type  = \"t3.micro\"",
			[]string{`main.tf:36:3: error: aws_instance.web: unknown argument "instanc_type" in aws_instance; did you mean "instance_type"? [tf-unknown-argument]`}},
		{"missing required", "  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet", "  cidr_block = cidrsubnet",
			[]string{`main.tf:14:1: error: aws_subnet.a: missing required argument "vpc_id" in aws_subnet [tf-missing-required]`}},
		{"type typo", `resource "aws_vpc" "main"`, `resource "aws_vpcc" "main"`,
			[]string{`main.tf:10:1: error: aws_vpcc.main: unknown resource type "aws_vpcc"; did you mean "aws_vpc"? [tf-unknown-type]`,
				`main.tf:16:16: error: reference to undeclared resource "aws_vpc.main"; did you mean "aws_vpcc.main"? [tf-undeclared-reference]`,
				`main.tf:17:27: error: reference to undeclared resource "aws_vpc.main"; did you mean "aws_vpcc.main"? [tf-undeclared-reference]`,
				`main.tf:22:12: error: reference to undeclared resource "aws_vpc.main"; did you mean "aws_vpcc.main"? [tf-undeclared-reference]`}},
		{"block as argument", "  ami           = \"ami-1\"\n", "  ami           = \"ami-1\"\n  root_block_device = {}\n",
			[]string{`main.tf:36:3: error: aws_instance.web: "root_block_device" in aws_instance is a block, not an argument: write root_block_device { ... } [tf-block-vs-attribute]`}},
		{"argument as block", "  ami           = \"ami-1\"\n", "  ami           = \"ami-1\"\n  tags {\n  }\n",
			[]string{`main.tf:36:3: error: aws_instance.web: "tags" in aws_instance is an argument, not a block: write tags = ... [tf-block-vs-attribute]`}},
		{"too many blocks", "  ami           = \"ami-1\"\n", "  ami           = \"ami-1\"\n  root_block_device {}\n  root_block_device {}\n",
			[]string{`main.tf:37:3: error: aws_instance.web: too many "root_block_device" blocks in aws_instance: at most 1 allowed [tf-too-many-blocks]`}},
		{"computed only", "  cidr_block = \"10.0.0.0/16\"\n", "  cidr_block = \"10.0.0.0/16\"\n  arn        = \"x\"\n",
			[]string{`main.tf:12:3: error: aws_vpc.main: "arn" in aws_vpc is computed by the provider and cannot be set [tf-computed-only]`}},
		{"undeclared reference", "subnet_id     = aws_subnet.a[0].id", "subnet_id     = aws_vpc.nope.id",
			[]string{`main.tf:37:19: error: reference to undeclared resource "aws_vpc.nope" [tf-undeclared-reference]`}},
		{"undeclared variable", `"app-${var.env}"`, `"app-${var.evn}"`,
			[]string{`main.tf:7:17: error: reference to undeclared variable "var.evn"; did you mean "var.env"? [tf-undeclared-reference]`}},
		{"bad attribute", "aws_instance.web.private_ip", "aws_instance.web.private_ipp",
			[]string{`main.tf:41:11: error: resource type aws_instance has no attribute "private_ipp"; did you mean "private_ip"? [tf-bad-attribute]`}},
		{"parse error", "output \"ip\" {\n  value =", "output \"ip\" {\n  value = [",
			[]string{`main.tf:42:1: error: missing item separator: Expected a comma to mark the beginning of the next item. [tf-parse]`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(tfBase, c.old) {
				t.Fatalf("%s: tfBase has no %q", c.name, c.old)
			}
			src := strings.Replace(tfBase, c.old, c.new, 1)
			var got []string
			for _, f := range Terraform([]File{{Path: "main.tf", Data: []byte(src)}}, Options{}) {
				got = append(got, f.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestTerraformFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("infra/main.tf", `module "net" {
  source = "./modules/net"
  cidr   = "10.0.0.0/16"
}

module "shared" {
  source = "../shared"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.0.0"
}

resource "aws_subnet" "a" {
  vpc_id     = module.net.vpc_idd
  cidr_block = "10.0.1.0/24"
}
`)
	write("infra/outputs.tf", `output "vpc" {
  value = module.vpc.vpc_id
}
`)
	write("infra/modules/net/main.tf", `variable "cidr" {}

resource "aws_vpc" "this" {
  cidr_blok = var.cidr
}

output "vpc_id" {
  value = aws_vpc.this.id
}
`)
	write("infra/.terraform/modules/vpc/main.tf", `resource "aws_vpc" "x" { nonsense = 1 }`)
	write("infra/template.yaml", base)
	write("shared/main.tf", `variable "region" {}
`)
	rep, err := Path(filepath.Join(dir, "infra"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string { return strings.TrimPrefix(p, dir+string(filepath.Separator)) }
	var files []string
	for _, f := range rep.Files {
		files = append(files, rel(f))
	}
	if got, want := strings.Join(files, " "), "infra/main.tf infra/modules/net/main.tf infra/outputs.tf infra/template.yaml"; got != want {
		t.Errorf("files: got %s, want %s", got, want)
	}
	var got []string
	for _, f := range rep.Findings {
		f.File = rel(f.File)
		got = append(got, f.String())
	}
	want := []string{
		`infra/main.tf:6:1: error: module.shared: missing required argument "region": the module's variable has no default [tf-missing-required]`,
		`infra/main.tf:10:1: info: module.vpc: source "terraform-aws-modules/vpc/aws" is not a local folder; it is not downloaded or validated [tf-remote-module]`,
		`infra/main.tf:16:16: error: module "net" has no output "vpc_idd"; did you mean "vpc_id"? [tf-bad-attribute]`,
		`infra/modules/net/main.tf:4:3: error: aws_vpc.this: unknown argument "cidr_blok" in aws_vpc; did you mean "cidr_block"? [tf-unknown-argument]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Errors() != 3 || rep.Notes() != 1 {
		t.Errorf("got errors=%d notes=%d, want 3 1", rep.Errors(), rep.Notes())
	}

	// A .tf file named alone is checked with its folder's other files.
	rep, err = Path(filepath.Join(dir, "infra/outputs.tf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 2 || rep.Errors() != 3 {
		t.Errorf("outputs.tf alone: got files %v and %d errors, want main.tf and outputs.tf and 3 errors", rep.Files, rep.Errors())
	}

	// A missing local module folder is an error at the module block.
	write("broken/main.tf", "module \"gone\" {\n  source = \"./gone\"\n}\n")
	rep, err = Path(filepath.Join(dir, "broken"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Rule != RuleTFModuleSource || rep.Findings[0].Line != 1 {
		t.Errorf("missing module folder: got %v, want one tf-module-source finding at line 1", rep.Findings)
	}
}

// FuzzTerraform: any configuration gives findings, never a panic.
func FuzzTerraform(f *testing.F) {
	f.Add([]byte(tfBase))
	f.Add([]byte("module \"m\" {\n  source = \"./nowhere\"\n}\n"))
	f.Add([]byte("resource \"aws_vpc\" \"v\" {\n  dynamic \"x\" {\n    iterator = 1\n  }\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		Terraform([]File{{Path: filepath.Join(t.TempDir(), "main.tf"), Data: src}}, Options{})
	})
}
