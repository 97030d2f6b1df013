package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamAuthEngines are the engines that support IAM database
// authentication.
var iamAuthEngines = []string{"mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"}

// rdsIAMAuth flags MySQL, MariaDB and PostgreSQL databases (RDS and
// Aurora) without IAM database authentication. Other or unresolved
// engines are skipped; Aurora members follow their cluster.
var rdsIAMAuth = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-005",
		Title:    "RDS IAM database authentication is not enabled",
		Severity: rule.Low,
		Rationale: "IAM database authentication lets applications connect with short-lived tokens tied to their IAM role " +
			"instead of a long-lived password, and puts database access under the same policies and audit trail as the rest of AWS.",
		Remediation: "Set EnableIAMDatabaseAuthentication to true and grant rds-db:connect to the roles that connect.",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    EnableIAMDatabaseAuthentication: true`,
		FixTerraform: `resource "aws_db_instance" "main" {
  iam_database_authentication_enabled = true
}`,
		ConfigRule: "RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED",
		NIST:       []string{"AC-2", "AC-3", "IA-2"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if clusterMember(r) || !contains(iamAuthEngines, engine(r)) {
			return nil
		}
		if boolProp(r.Prop("EnableIAMDatabaseAuthentication"), no) != no {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "EnableIAMDatabaseAuthentication"), "IAM database authentication is off")}
	},
}
