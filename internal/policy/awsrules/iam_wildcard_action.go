package awsrules

import (
	"regexp"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamWildcardAction flags permission statements that allow every action
// of a service ("s3:*"), every action on named resources ("*"), or
// everything but a list (NotAction). "*" on "*" is HOIST-IAM-001's.
var iamWildcardAction = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-002",
		Title:    "IAM policy allows all actions of a service",
		Severity: rule.Medium,
		Rationale: "A wildcard action such as s3:* or dynamodb:* grants today's and tomorrow's actions of the service, " +
			"including deleting data and changing its access policy, when the workload usually needs a handful.",
		Remediation: "List the actions the workload calls (s3:GetObject, s3:PutObject, ...) instead of service:* or NotAction.",
		FixCloudFormation: `Policies:
  - PolicyName: data
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
          Resource: !GetAtt Table.Arn`,
		FixTerraform: `data "aws_iam_policy_document" "data" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.orders.arn]
  }
}`,
		ConfigRule: "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS",
		NIST:       []string{"AC-3", "AC-6"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: iamPolicyTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, doc := range policyDocs(r) {
			for _, s := range statements(r, doc) {
				if !s.allows() || isAdminStatement(s) {
					continue
				}
				if s.m.Get("NotAction") != nil {
					out = append(out, viol(s.field("NotAction"), "Allow with NotAction grants every action not listed"))
					continue
				}
				for _, a := range s.actions() {
					if a == "*" || serviceWildcardRe.MatchString(a) {
						out = append(out, viol(s.field("Action"), "action %q allows every action of the service", a))
						break
					}
				}
			}
		}
		return out
	},
}

var serviceWildcardRe = regexp.MustCompile(`^[A-Za-z0-9-]+:\*$`)
