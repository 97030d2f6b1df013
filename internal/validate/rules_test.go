package validate

import "testing"

// TestRuleFunctions: functions only valid in template Rules, such as the
// Fn::Contains in every CDK template's CheckBootstrapVersion, are accepted.
func TestRuleFunctions(t *testing.T) {
	tmpl := `Parameters:
  BootstrapVersion:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /cdk-bootstrap/hnb659fds/version
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Rules:
  CheckBootstrapVersion:
    Assertions:
      - Assert:
          Fn::Not:
            - Fn::Contains:
                - - "1"
                  - "2"
                - Ref: BootstrapVersion
        AssertDescription: CDK bootstrap stack version 6 required.
`
	for _, f := range CloudFormation("cdk.yaml", []byte(tmpl), Options{}) {
		if f.Severity == "error" {
			t.Errorf("got %s:%d:%d: %s [%s], want no errors", f.File, f.Line, f.Column, f.Message, f.Rule)
		}
	}
}
