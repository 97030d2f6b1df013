package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamAdminPolicy flags permission policies that allow every action on
// every resource.
var iamAdminPolicy = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-001",
		Title:    "IAM policy grants full administrator access (\"*\" on \"*\")",
		Severity: rule.High,
		Rationale: "A statement that allows Action \"*\" on Resource \"*\" gives its holder every permission in the account, " +
			"including changing IAM itself. A leaked credential or a compromised workload then owns the account.",
		Remediation: "Grant only the actions the workload calls, on the resources it uses (least privilege). Keep " +
			"administrator access to a small set of human roles behind MFA, outside application stacks.",
		FixCloudFormation: `Policy:
  Type: AWS::IAM::Policy
  Properties:
    PolicyName: app-read-data
    Roles: [!Ref TaskRole]
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [s3:GetObject, s3:PutObject]
          Resource: !Sub "${DataBucket.Arn}/*"`,
		FixTerraform: `resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "${aws_s3_bucket.data.arn}/*"
    }]
  })
}`,
		ConfigRule: "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS",
		NIST:       []string{"AC-2", "AC-3", "AC-6"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"1.16"},
	},
	Types: iamPolicyTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, doc := range policyDocs(r) {
			for _, s := range statements(r, doc) {
				if isAdminStatement(s) {
					out = append(out, viol(s.field("Action"), "statement allows every action on every resource"))
				}
			}
		}
		return out
	},
}

// isAdminStatement reports whether s allows "*" (or "*:*") on "*".
func isAdminStatement(s statement) bool {
	if !s.allows() {
		return false
	}
	acts := s.actions()
	return (contains(acts, "*") || contains(acts, "*:*")) && contains(s.resources(), "*")
}
