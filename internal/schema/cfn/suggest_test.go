package cfn

import "testing"

func TestSuggest(t *testing.T) {
	props := []string{"BucketEncryption", "BucketName", "BucketNamePrefix", "Tags", "VersioningConfiguration"}
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"BucketNam", props, "BucketName"},
		{"bucketname", props, "BucketName"},
		{"BUCKETNAME", props, "BucketName"},
		{"BucketNamePrefx", props, "BucketNamePrefix"},
		{"Tag", props, "Tags"},
		{"Versioning", props, ""}, // too far from VersioningConfiguration
		{"Xyz", props, ""},
		{"", props, ""},
		{"BucketName", nil, ""},
		{"AWS::S3::Buckt", []string{"AWS::S3::AccessPoint", "AWS::S3::Bucket", "AWS::S3::BucketPolicy"}, "AWS::S3::Bucket"},
		{"ab", []string{"ac", "ab"}, "ab"},     // exact match wins over an earlier near one
		{"ab", []string{"ax", "ay"}, "ax"},     // ties go to the earlier candidate
		{"Grösse", []string{"gröse"}, "gröse"}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := Suggest(tt.name, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q, %q): got %q, want %q", tt.name, tt.candidates, got, tt.want)
		}
	}
}

func TestSuggestResourceTypes(t *testing.T) {
	tests := []struct{ name, want string }{
		{"AWS::S3::Buckt", "AWS::S3::Bucket"},
		{"aws::s3::bucket", "AWS::S3::Bucket"},
		{"AWS::EC2::Instanse", "AWS::EC2::Instance"},
		{"AWS::ECS::ExpressGatewayServce", "AWS::ECS::ExpressGatewayService"},
		{"Custom::Thing", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.name, Types()); got != tt.want {
			t.Errorf("Suggest(%q, Types()): got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		bound int
		want  int
	}{
		{"kitten", "sitting", 10, 3},
		{"", "abc", 10, 3},
		{"abc", "", 10, 3},
		{"same", "same", 10, 0},
		{"kitten", "sitting", 1, 2}, // stops early at bound+1
	}
	for _, tt := range tests {
		got, _ := distance([]rune(tt.a), []rune(tt.b), tt.bound, nil)
		if got != tt.want {
			t.Errorf("distance(%q, %q, bound %d): got %d, want %d", tt.a, tt.b, tt.bound, got, tt.want)
		}
	}
}
