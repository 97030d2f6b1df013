package cloudformation_test

import (
	"os"
	"path/filepath"
	"testing"

	importer "github.com/hoist-dev/hoist/internal/importer/cloudformation"
	render "github.com/hoist-dev/hoist/internal/render/cloudformation"
)

// TestRoundTripRendererGoldens imports every template the renderer keeps as
// a golden file and renders it again: the bytes must not change, so the
// importer loses nothing the renderer writes.
func TestRoundTripRendererGoldens(t *testing.T) {
	files, err := filepath.Glob("../../render/cloudformation/testdata/*.template.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no renderer goldens: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			g, problems, err := importer.Import(filepath.Base(f), want, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("%s: unexpected problem: %s", f, p)
			}
			got, err := render.Render(g)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("%s: import then render differs:\ngot:\n%s\nwant:\n%s", f, got, want)
			}
		})
	}
}

// TestRoundTripIntrinsics covers every intrinsic form the renderer writes,
// including the long form it falls back to for a function over a short-form
// scalar.
func TestRoundTripIntrinsics(t *testing.T) {
	src := `AWSTemplateFormatVersion: "2010-09-09"
Description: demo
Parameters:
  Env:
    Type: String
    Description: stage
    Default: prod
    AllowedValues:
      - prod
      - dev
  Secret:
    Type: String
    NoEcho: true
Conditions:
  IsProd: !Equals
    - !Ref Env
    - prod
  NotProd: !Not
    - !Condition IsProd
Resources:
  # Keeps files.
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    DependsOn:
      - Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Snapshot
    Metadata:
      hoist:
        ignore:
          - s3-logging
    Properties:
      BucketName: !Sub
        - ${Name}-${AWS::Region}
        - Name: !Ref Env
      Tags:
        - Key: zone
          Value: !Select
            - 0
            - !GetAZs ""
        - Key: joined
          Value: !Join
            - ','
            - - !GetAtt Queue.Arn
              - !GetAtt Db.Endpoint.Address
        - Key: encoded
          Value:
            Fn::Base64: !Ref Env
        - Key: cidr
          Value: !Select
            - 1
            - !Cidr
              - 10.0.0.0/16
              - 4
              - 8
        - Key: imported
          Value: !ImportValue shared-vpc
        - Key: mapped
          Value: !FindInMap
            - Region
            - !Ref AWS::Region
            - Ami
        - Key: split
          Value: !Select
            - 0
            - !Split
              - ','
              - a,b
        - Key: json
          Value: !ToJsonString
            a: 1
        - Key: length
          Value: !Length
            - 1
            - 2
        - Key: multi
          Value: |-
            line one
            line two
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MultiAZ: !If
        - IsProd
        - true
        - !Ref AWS::NoValue
      Port: "5432"
      AllocatedStorage: 20
      Ratio: 0.5
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  Url:
    Description: the url
    Value: !GetAtt Queue.QueueUrl
    Export:
      Name: !Sub ${AWS::StackName}-url
`
	g, problems, err := importer.Import("t.yaml", []byte(src), importer.Options{KeepConditions: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("unexpected problem: %s", p)
	}
	got, err := render.Render(g)
	if err != nil {
		t.Fatal(err)
	}
	want := src
	if string(got) != want {
		t.Errorf("import then render differs:\ngot:\n%s\nwant:\n%s", got, want)
	}
}
