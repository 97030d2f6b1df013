package cloudformation

import "testing"

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       Evidence
	}{
		{"t.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n", ByContent},
		{"t.json", `{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}`, ByContent},
		{"t.template", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", ByContent},
		{"broken.yaml", "AWSTemplateFormatVersion: x\nResources: [oops\n", ByContent},
		{"nested.yaml", "app:\n  Resources: 3\n", ByName},
		{"notes.yaml", "title: notes\n", ByName},
		{"main.tf", "Resources = 1", NotTemplate},
	} {
		if got := Sniff(tc.name, []byte(tc.data)); got != tc.want {
			t.Errorf("Sniff(%s) = %d, want %d", tc.name, got, tc.want)
		}
	}
}
