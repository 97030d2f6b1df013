package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamTrustAnyPrincipal flags roles whose trust policy lets every AWS
// principal assume them without a condition.
var iamTrustAnyPrincipal = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-004",
		Title:    "IAM role can be assumed by any principal",
		Severity: rule.Critical,
		Rationale: "A trust policy that allows Principal \"*\" (or every account) without a condition lets any AWS identity in " +
			"any account assume the role and use all of its permissions.",
		Remediation: "Trust only the service (ecs-tasks.amazonaws.com, lambda.amazonaws.com) or the account roles that need " +
			"the role; for another account require sts:ExternalId or aws:PrincipalOrgID.",
		FixCloudFormation: `TaskRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            Service: ecs-tasks.amazonaws.com
          Action: sts:AssumeRole`,
		FixTerraform: `resource "aws_iam_role" "task" {
  name = "app-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}`,
		NIST:    []string{"AC-3", "AC-6", "IA-2"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::IAM::Role"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, s := range statements(r, "AssumeRolePolicyDocument") {
			if s.allows() && anyPrincipal(s) && !s.hasCondition() {
				out = append(out, viol(s.field("Principal"), "trust policy lets any AWS principal assume the role"))
			}
		}
		return out
	},
}
