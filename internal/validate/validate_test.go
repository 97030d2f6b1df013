package validate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is a valid template; each case below seeds one mistake into it.
const base = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub ${AWS::StackName}-${Env}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref AWS::NoValue
      Port: 443
      DefaultActions:
        - Type: fixed-response
Outputs:
  Arn:
    Value: !GetAtt Bucket.Arn
`

func TestValidTemplateHasNoFindings(t *testing.T) {
	if got := CloudFormation("t.yaml", []byte(base), Options{}); len(got) != 0 {
		t.Errorf("base template: got %v, want no findings", got)
	}
}

func TestSeededMistakes(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           []string
	}{
		{"property typo", "      BucketName: !Sub", "      BucketNam: !Sub",
			[]string{`t.yaml:19:7: error: Bucket.Properties: unknown property "BucketNam"; did you mean "BucketName"? [cfn-unknown-property]`}},
		{"type typo", "Type: AWS::S3::Bucket", "Type: AWS::S3::Buckt",
			[]string{`t.yaml:17:11: error: Bucket: unknown resource type "AWS::S3::Buckt"; did you mean "AWS::S3::Bucket"? [cfn-unknown-type]`}},
		{"missing required", "      VpcId: !Ref Vpc\n", "",
			[]string{`t.yaml:13:5: error: Subnet.Properties: missing required property "VpcId" [cfn-missing-required]`}},
		{"ref to missing", "VpcId: !Ref Vpc", "VpcId: !Ref Missing",
			[]string{`t.yaml:14:14: error: Subnet.Properties.VpcId: Ref to undefined "Missing" [cfn-dangling-ref]`}},
		{"ref typo", "VpcId: !Ref Vpc", "VpcId: !Ref Vpcs",
			[]string{`t.yaml:14:14: error: Subnet.Properties.VpcId: Ref to undefined "Vpcs"; did you mean "Vpc"? [cfn-dangling-ref]`}},
		{"bad attribute", "!GetAtt Bucket.Arn", "!GetAtt Bucket.Nope",
			[]string{`t.yaml:29:12: error: Outputs.Arn.Value: AWS::S3::Bucket "Bucket" has no attribute "Nope" [cfn-bad-attribute]`}},
		{"attribute typo", "!GetAtt Bucket.Arn", "!GetAtt Bucket.DomainNam",
			[]string{`t.yaml:29:12: error: Outputs.Arn.Value: AWS::S3::Bucket "Bucket" has no attribute "DomainNam"; did you mean "DomainName"? [cfn-bad-attribute]`}},
		{"getatt missing resource", "!GetAtt Bucket.Arn", "!GetAtt Buckets.Arn",
			[]string{`t.yaml:29:12: error: Outputs.Arn.Value: GetAtt on undefined resource "Buckets"; did you mean "Bucket"? [cfn-dangling-ref]`}},
		{"select index", "CidrBlock: 10.0.1.0/24", "CidrBlock: !Select [x, [a, b]]",
			[]string{`t.yaml:15:18: error: Subnet.Properties.CidrBlock: Fn::Select index "x" is not a number [cfn-malformed-intrinsic]`}},
		{"wrong type", "Port: 443", `Port: "abc"`,
			[]string{`t.yaml:24:7: error: Listener.Properties.Port: got string "abc", want integer [cfn-wrong-type]`}},
		{"nested wrong type", "        - Type: fixed-response", "        - Type: fixed-response\n          Order: [1]",
			[]string{`t.yaml:27:11: error: Listener.Properties.DefaultActions[0].Order: got list, want integer [cfn-wrong-type]`}},
		{"sub to missing", "${AWS::StackName}-${Env}", "${AWS::StackName}-${Envv}",
			[]string{`t.yaml:3:3: warning: parameter "Env" is never used [cfn-unused-parameter]`,
				`t.yaml:19:19: error: Bucket.Properties.BucketName: ${} names undefined "Envv"; did you mean "Env"? [cfn-dangling-ref]`}},
		{"sub attribute", "${AWS::StackName}-${Env}", "${Vpc.CidrBlok}-${Env}",
			[]string{`t.yaml:19:19: error: Bucket.Properties.BucketName: AWS::EC2::VPC "Vpc" has no attribute "CidrBlok"; did you mean "CidrBlock"? [cfn-bad-attribute]`}},
		{"depends on missing", "  Bucket:\n    Type: AWS::S3::Bucket\n", "  Bucket:\n    Type: AWS::S3::Bucket\n    DependsOn: [Vpc, Sbunet]\n",
			[]string{`t.yaml:18:22: error: Bucket.DependsOn[1]: DependsOn undefined resource "Sbunet"; did you mean "Subnet"? [cfn-dangling-ref]`}},
		{"getatt on parameter", "!GetAtt Bucket.Arn", "!GetAtt Env.Arn",
			[]string{`t.yaml:29:12: error: Outputs.Arn.Value: GetAtt on "Env", which is a parameter, not a resource [cfn-dangling-ref]`}},
		{"undefined condition", "  Bucket:\n    Type: AWS::S3::Bucket\n", "  Bucket:\n    Type: AWS::S3::Bucket\n    Condition: IsProd\n",
			[]string{`t.yaml:18:16: error: Bucket.Condition: condition "IsProd" is not defined [cfn-dangling-ref]`}},
		{"output without value", "    Value: !GetAtt Bucket.Arn\n", "    Description: x\n",
			[]string{`t.yaml:28:3: error: Outputs.Arn: output "Arn" has no Value [cfn-template]`}},
		{"unknown top-level key", "Outputs:", "Output:",
			[]string{`t.yaml:27:1: error: Output: unknown top-level key "Output"; did you mean "Outputs"? [cfn-unknown-key]`}},
		{"unknown function", "Port: 443", "Port: !Bogus 443",
			[]string{`t.yaml:24:13: error: Listener.Properties.Port: unknown intrinsic function "Fn::Bogus" [cfn-malformed-intrinsic]`}},
		{"getatt without dot", "!GetAtt Bucket.Arn", "!GetAtt Bucket",
			[]string{`t.yaml:29:12: error: Outputs.Arn.Value: Fn::GetAtt "Bucket" needs Resource.Attribute [cfn-malformed-intrinsic]`}},
		{"self dependency", "  Bucket:\n    Type: AWS::S3::Bucket\n", "  Bucket:\n    Type: AWS::S3::Bucket\n    DependsOn: Bucket\n",
			[]string{`t.yaml:18:16: error: Bucket.DependsOn: a resource cannot depend on itself [cfn-circular-dependency]`}},
		{"dependency cycle", "  Bucket:\n    Type: AWS::S3::Bucket\n", "  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: [Bucket]\n  Bucket:\n    Type: AWS::S3::Bucket\n    DependsOn: Topic\n",
			[]string{`t.yaml:16:3: error: Topic: DependsOn cycle Topic -> Bucket -> Topic [cfn-circular-dependency]`}},
		{"condition refers to resource", "Resources:\n", "Conditions:\n  C: !Equals [!Ref Vpc, x]\nResources:\n",
			[]string{`t.yaml:7:15: error: Conditions.C[0]: conditions can refer to parameters only, not to resource "Vpc" [cfn-condition-ref]`}},
		{"no resources", "Resources:\n", "Resourcez:\n",
			[]string{`t.yaml:1:1: error: template has no Resources section [cfn-template]`, `t.yaml:3:3: warning: parameter "Env" is never used [cfn-unused-parameter]`,
				`t.yaml:6:1: error: Resourcez: unknown top-level key "Resourcez"; did you mean "Resources"? [cfn-unknown-key]`,
				`t.yaml:29:12: error: Outputs.Arn.Value: GetAtt on undefined resource "Bucket" [cfn-dangling-ref]`}},
		{"parse error", "      Port: 443\n", "      Port: 443\n     Bad: [\n",
			[]string{`t.yaml:20: error: invalid YAML: did not find expected key [cfn-parse]`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("%s: base has no %q", c.name, c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			var got []string
			for _, f := range CloudFormation("t.yaml", []byte(src), Options{}) {
				got = append(got, f.String())
			}
			want := c.want
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", c.name, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestPath(t *testing.T) {
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
	write("infra/good.yaml", base)
	write("infra/bad.json", `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySecond": 1}}}}`)
	write("infra/notes.yaml", "title: not a template\n")
	write("infra/package.json", `{"name": "x"}`)
	write("infra/nested/broken.template", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: [\n")
	write("infra/.hidden/skip.yaml", base)
	write("infra/node_modules/x/skip.yaml", base)
	rep, err := Path(filepath.Join(dir, "infra")+string(filepath.Separator), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range rep.Files {
		files = append(files, strings.TrimPrefix(f, dir+string(filepath.Separator)))
	}
	if got, want := strings.Join(files, " "), "infra/bad.json infra/good.yaml infra/nested/broken.template"; got != want {
		t.Errorf("files: got %s, want %s", got, want)
	}
	var got []string
	for _, f := range rep.Findings {
		f.File = strings.TrimPrefix(f.File, dir+string(filepath.Separator))
		got = append(got, f.String())
	}
	want := []string{
		`infra/bad.json:1:64: error: Q.Properties: unknown property "DelaySecond"; did you mean "DelaySeconds"? [cfn-unknown-property]`,
		`infra/nested/broken.template:2: error: invalid YAML: did not find expected node content [cfn-parse]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Valid() || rep.Errors() != 2 || rep.Warnings() != 0 {
		t.Errorf("got valid=%t errors=%d warnings=%d, want false 2 0", rep.Valid(), rep.Errors(), rep.Warnings())
	}

	// A file named explicitly is validated even without a template key.
	rep, err = Path(filepath.Join(dir, "infra/notes.yaml"), Options{})
	if err != nil || len(rep.Findings) != 2 {
		t.Errorf("notes.yaml: got %v, %v; want two findings", rep, err)
	}
	for _, c := range []struct {
		path string
		want error
	}{
		{filepath.Join(dir, "nope"), ErrNotFound},
		{filepath.Join(dir, "infra/.hidden"), nil},
		{filepath.Join(dir, "infra/nested/../package.json"), nil},
	} {
		_, err := Path(c.path, Options{})
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.path, err, c.want)
		}
	}
	write("empty/readme.md", "# hi\n")
	if _, err := Path(filepath.Join(dir, "empty"), Options{}); !errors.Is(err, ErrNothing) {
		t.Errorf("empty folder: got %v, want %v", err, ErrNothing)
	}
	write("x/main.go", "package main\n")
	if _, err := Path(filepath.Join(dir, "x/main.go"), Options{}); !errors.Is(err, ErrUnrecognized) {
		t.Errorf("main.go: got %v, want %v", err, ErrUnrecognized)
	}
}
