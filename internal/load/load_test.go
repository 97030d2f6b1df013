package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tree writes files (path -> content) under a new temporary folder and
// copies the cdk.out and plan fixtures of the importers into it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for src, dst := range map[string]string{
		"../importer/cdkout/testdata/app/manifest.json":     "cdk.out/manifest.json",
		"../importer/cdkout/testdata/app/App.template.json": "cdk.out/App.template.json",
		"../importer/tfplan/testdata/stack.plan.json":       "plan/tfplan.json",
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		full := filepath.Join(root, filepath.FromSlash(dst))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

var mixed = map[string]string{
	"cfn/template.yaml": `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Resource: !Sub "${Bucket.Arn}/*"
            Condition: {Bool: {aws:SecureTransport: false}}
`,
	"cfn/notes.yaml":       "title: not a template\nitems: [1, 2]\n",
	"cfn/package.json":     `{"name": "x"}`,
	"broken/template.yaml": "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: [unclosed\n",
	"tf/main.tf": `variable "name" {
  default = "assets"
}

resource "aws_s3_bucket" "b" {
  bucket = var.name
  tags   = { team = "web" }
}

resource "aws_sqs_queue" "q" {
  name = "${var.name}-jobs"
}
`,
	"tf/terraform.tfvars":     "name = \"media\"\n",
	"app/hoist.yaml":          "version: 1\nname: shop\nregion: eu-west-1\nservices:\n  - name: api\n    port: 8080\n",
	"app/Dockerfile":          "FROM node:22-slim\nUSER node\nCMD [\"node\", \"server.js\"]\n",
	"app/.dockerignore":       ".git\nnode_modules\n",
	"node_modules/x/t.yaml":   "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n",
	".hidden/template.yaml":   "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n",
	"tf/.terraform/mod/x.tf":  "resource \"aws_vpc\" \"v\" {}\n",
	"cfn/Dockerfile.disabled": "not a dockerfile name match? it is: Dockerfile.<suffix>\n",
}

// summary is one input as the test compares it.
func summary(root string, in Input) string {
	rel, _ := filepath.Rel(root, in.Path)
	s := fmt.Sprintf("%s %s", in.Kind, filepath.ToSlash(rel))
	if in.Err != nil {
		return s + " error"
	}
	n := 0
	for _, g := range in.Graphs {
		n += len(g.Resources)
	}
	return fmt.Sprintf("%s graphs=%d resources=%d", s, len(in.Graphs), n)
}

func TestPathFolder(t *testing.T) {
	root := tree(t, mixed)
	for _, tc := range []struct {
		dockerfiles bool
		want        []string
	}{
		{false, []string{
			"spec app/hoist.yaml graphs=1 resources=%d",
			"cloudformation broken/template.yaml error",
			"cdk cdk.out graphs=1 resources=%d",
			"cloudformation cfn/template.yaml graphs=1 resources=2",
			"terraform-plan plan/tfplan.json graphs=1 resources=%d",
			"terraform tf graphs=1 resources=2",
		}},
		{true, []string{
			"dockerfile app/Dockerfile",
			"spec app/hoist.yaml graphs=1 resources=%d",
			"cloudformation broken/template.yaml error",
			"cdk cdk.out graphs=1 resources=%d",
			"dockerfile cfn/Dockerfile.disabled",
			"cloudformation cfn/template.yaml graphs=1 resources=2",
			"terraform-plan plan/tfplan.json graphs=1 resources=%d",
			"terraform tf graphs=1 resources=2",
		}},
	} {
		t.Run(fmt.Sprint("dockerfiles=", tc.dockerfiles), func(t *testing.T) {
			ins, err := Path(root, Options{Dockerfiles: tc.dockerfiles})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, in := range ins {
				s := summary(root, in)
				// Resource counts of the spec, cdk and plan units depend on
				// other packages: only require that there are some.
				if in.Err == nil && (in.Kind == Spec || in.Kind == CDK || in.Kind == Plan) {
					n := 0
					for _, g := range in.Graphs {
						n += len(g.Resources)
					}
					if n == 0 {
						t.Errorf("%s: no resources", s)
					}
					s = strings.Replace(s, fmt.Sprintf("resources=%d", n), "resources=%d", 1)
				}
				if in.Kind == Dockerfile {
					s = strings.TrimSuffix(s, " graphs=0 resources=0")
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("inputs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInputDetails(t *testing.T) {
	root := tree(t, mixed)
	ins, err := Path(root, Options{Dockerfiles: true, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Input{}
	for _, in := range ins {
		rel, _ := filepath.Rel(root, in.Path)
		byPath[filepath.ToSlash(rel)] = in
	}
	// CloudFormation short forms become long forms in Raw.
	raw, _ := json.Marshal(byPath["cfn/template.yaml"].Raw)
	for _, want := range []string{`"Bucket":{"Ref":"Bucket"}`, `"Resource":{"Fn::Sub":"${Bucket.Arn}/*"}`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("raw CloudFormation lacks %s:\n%s", want, raw)
		}
	}
	// Terraform: tfvars apply, raw is shaped like Terraform's JSON syntax,
	// and positions point at the .tf file.
	tf := byPath["tf"]
	b := tf.Graphs[0].Resources[0]
	if got := b.Prop("BucketName"); got == nil || fmt.Sprint(got) != "media" {
		t.Errorf("tfvars not applied: BucketName = %v", got)
	}
	if !strings.HasSuffix(b.Loc.File, "main.tf") || b.Loc.Line != 5 {
		t.Errorf("bucket located at %v, want main.tf:5", b.Loc)
	}
	rawTF, _ := json.Marshal(tf.Raw)
	if !strings.Contains(string(rawTF), `"resource":{"aws_s3_bucket":{"b":{"bucket":"var.name","tags":{"team":"web"}}}`) {
		t.Errorf("raw Terraform:\n%s", rawTF)
	}
	// A spec names its region, and its resources point at the entry they
	// came from.
	sp := byPath["app/hoist.yaml"]
	if sp.Region != "eu-west-1" {
		t.Errorf("spec region %q", sp.Region)
	}
	located := false
	for _, r := range sp.Graphs[0].Resources {
		if strings.HasPrefix(r.Origin.Source, "services[0]") && r.Loc.Line == 5 {
			located = true
		}
	}
	if !located {
		t.Error("no resource of services[0] is located at hoist.yaml:5")
	}
	// A Dockerfile carries its .dockerignore.
	if string(byPath["app/Dockerfile"].Dockerignore) != ".git\nnode_modules\n" {
		t.Errorf("dockerignore %q", byPath["app/Dockerfile"].Dockerignore)
	}
	// A broken template is an input with an error naming the file and line.
	if err := byPath["broken/template.yaml"].Err; err == nil || !strings.Contains(err.Error(), "broken/template.yaml:1: invalid YAML") {
		t.Errorf("broken template: %v", err)
	}
	// Problems gives the parser's position, not text to parse again.
	probs := byPath["broken/template.yaml"].Problems()
	if len(probs) != 1 || !strings.HasSuffix(probs[0].File, "broken/template.yaml") || probs[0].Line != 1 || strings.Contains(probs[0].Message, "template.yaml") {
		t.Errorf("broken template problems: %+v", probs)
	}
	if p := byPath["cfn/template.yaml"].Problems(); len(p) != 0 {
		t.Errorf("a good template has problems: %+v", p)
	}
}

// TestSpecProblems: every error of an invalid hoist.yaml is a problem at
// its own line.
func TestSpecProblems(t *testing.T) {
	root := tree(t, map[string]string{"hoist.yaml": "version: 1\nname: shop\nservices:\n  - name: api\n    port: 70000\n  - name: api\n"})
	ins, err := Path(filepath.Join(root, "hoist.yaml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	probs := ins[0].Problems()
	if len(probs) < 2 {
		t.Fatalf("got %+v, want one problem per error", probs)
	}
	for _, p := range probs {
		if p.Line < 4 || !strings.HasSuffix(p.File, "hoist.yaml") {
			t.Errorf("problem without its position: %+v", p)
		}
	}
}

func TestPathFile(t *testing.T) {
	root := tree(t, mixed)
	for _, tc := range []struct {
		path, want string
		err        error
	}{
		{"cfn/template.yaml", "cloudformation cfn/template.yaml graphs=1 resources=2", nil},
		{"tf/main.tf", "terraform tf graphs=1 resources=2", nil},
		{"app/Dockerfile", "dockerfile app/Dockerfile graphs=0 resources=0", nil},
		{"cfn/notes.yaml", "", ErrNothing},
		{"nope.yaml", "", ErrNotFound},
	} {
		t.Run(tc.path, func(t *testing.T) {
			ins, err := Path(filepath.Join(root, tc.path), Options{})
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("got %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ins) != 1 || summary(root, ins[0]) != tc.want {
				t.Errorf("got %v, want %s", ins, tc.want)
			}
		})
	}
	// An empty folder gives nothing to work on.
	if _, err := Path(t.TempDir(), Options{}); !errors.Is(err, ErrNothing) {
		t.Errorf("empty folder: %v", err)
	}
}

func FuzzRawYAML(f *testing.F) {
	f.Add([]byte(mixed["cfn/template.yaml"]))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("!GetAtt a.b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := rawYAML(data)
		if err == nil {
			if _, err := json.Marshal(v); err != nil {
				t.Fatalf("raw value is not JSON-marshalable: %v", err)
			}
		}
	})
}

func FuzzRawHCL(f *testing.F) {
	f.Add([]byte(mixed["tf/main.tf"]))
	f.Add([]byte("resource \"a\" \"b\" { x = [for i in y : i] }"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := json.Marshal(rawHCL("f.tf", data)); err != nil {
			t.Fatalf("raw value is not JSON-marshalable: %v", err)
		}
	})
}
