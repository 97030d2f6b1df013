package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsLiteralPassword flags master passwords written into the template.
// A Ref to a parameter, a dynamic reference ({{resolve:secretsmanager:...}})
// or ManageMasterUserPassword are fine.
var rdsLiteralPassword = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-010",
		Title:    "RDS master password is written in the template",
		Severity: rule.High,
		Rationale: "A password in a template lives in version control, in CloudFormation's stored template and in Terraform " +
			"state, readable by everyone with access to any of them, and is never rotated.",
		Remediation: "Set ManageMasterUserPassword to true so RDS keeps the password in Secrets Manager and rotates it, or " +
			"use a {{resolve:secretsmanager:...}} dynamic reference.",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    MasterUsername: app
    ManageMasterUserPassword: true
    MasterUserSecret:
      KmsKeyId: !Ref DataKey`,
		FixTerraform: `resource "aws_db_instance" "main" {
  username                      = "app"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.data.arn
}`,
		NIST:    []string{"IA-5", "IA-5(1)", "SC-28"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		pw, ok := ir.AsString(r.Prop("MasterUserPassword"))
		if !ok || pw == "" || strings.Contains(pw, "{{resolve:") {
			return nil
		}
		return []rule.Violation{viol("MasterUserPassword", "the master password is a literal in the template")}
	},
}
