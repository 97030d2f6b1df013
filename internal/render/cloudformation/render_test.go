package cloudformation

import (
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
)

func TestRenderIntrinsics(t *testing.T) {
	g := &ir.Graph{Description: "demo", Parameters: []ir.Parameter{{Name: "Tag", Type: "String", Default: ir.String("1.0"), Description: "image tag"}}}
	g.MustAdd(&ir.Resource{ID: "Bucket", Type: "AWS::S3::Bucket", Comment: "Keeps files.", DeletionPolicy: "Retain", Properties: ir.M(
		"BucketName", ir.Sub{Format: "${AWS::StackName}-files"},
		"VersioningConfiguration", ir.M("Status", "Enabled"),
	)})
	g.MustAdd(&ir.Resource{ID: "Policy", Type: "AWS::S3::BucketPolicy", DependsOn: []string{"Bucket"}, Properties: ir.M(
		"Bucket", ir.Ref{Target: "Bucket"},
		"PolicyDocument", ir.M("Statement", ir.Values(ir.M(
			"Resource", ir.Values(ir.GetAtt{Target: "Bucket", Attr: "Arn"}, ir.Join{Sep: "", Items: []ir.Value{ir.GetAtt{Target: "Bucket", Attr: "Arn"}, ir.String("/*")}}),
			"Condition", ir.M("Bool", ir.M("aws:SecureTransport", "false")),
		))),
		"Zone", ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(0), ir.Call{Fn: "Fn::GetAZs", Args: ir.String("")})},
		"Encoded", ir.Call{Fn: "Fn::Base64", Args: ir.Sub{Format: "echo ${Tag}"}},
		"Count", ir.Int(3), "Ratio", ir.Number("0.5"), "On", ir.Bool(true), "Version", ir.String("22"),
	)})
	g.Outputs = []ir.Output{{Name: "BucketName", Description: "the bucket", Value: ir.Ref{Target: "Bucket"}}}
	got, err := Render(g)
	if err != nil {
		t.Fatal(err)
	}
	want := `AWSTemplateFormatVersion: "2010-09-09"
Description: demo
Parameters:
  Tag:
    Type: String
    Description: image tag
    Default: "1.0"
Resources:
  # Keeps files.
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: !Sub ${AWS::StackName}-files
      VersioningConfiguration:
        Status: Enabled
  Policy:
    Type: AWS::S3::BucketPolicy
    DependsOn:
      - Bucket
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Resource:
              - !GetAtt Bucket.Arn
              - !Join
                - ""
                - - !GetAtt Bucket.Arn
                  - /*
            Condition:
              Bool:
                aws:SecureTransport: "false"
      Zone: !Select
        - 0
        - !GetAZs ""
      Encoded:
        Fn::Base64: !Sub echo ${Tag}
      Count: 3
      Ratio: 0.5
      On: true
      Version: "22"
Outputs:
  BucketName:
    Description: the bucket
    Value: !Ref Bucket
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
