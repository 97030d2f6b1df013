package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsPublic flags databases reachable from the internet:
// PubliclyAccessible true, or (in CloudFormation) unset on a DB instance
// without a DB subnet group, which RDS then places in the default VPC
// and, since that VPC has an internet gateway, makes public. The
// Terraform provider sends false for an unset publicly_accessible.
var rdsPublic = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-002",
		Title:    "RDS database is publicly accessible",
		Severity: rule.Critical,
		Rationale: "A publicly accessible database gets a public DNS name and address; only its security group and password " +
			"stand between the data and the internet's scanners.",
		Remediation: "Set PubliclyAccessible to false and place the database in private subnets (DBSubnetGroupName) reached " +
			"only from the application's security group.",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    PubliclyAccessible: false
    DBSubnetGroupName: !Ref PrivateSubnetGroup
    VPCSecurityGroups: [!Ref DatabaseSecurityGroup]`,
		FixTerraform: `resource "aws_db_instance" "main" {
  publicly_accessible    = false
  db_subnet_group_name   = aws_db_subnet_group.private.name
  vpc_security_group_ids = [aws_security_group.db.id]
}`,
		ConfigRule: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK",
		NIST:       []string{"AC-3", "AC-4", "AC-21", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"2.3.3"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		switch boolProp(r.Prop("PubliclyAccessible"), unknown) {
		case yes:
			return []rule.Violation{viol("PubliclyAccessible", "PubliclyAccessible is true")}
		case no:
			return nil
		}
		if r.Prop("PubliclyAccessible") != nil || r.Type != "AWS::RDS::DBInstance" || fromTerraform(r) ||
			clusterMember(r) || readReplica(r) || r.Prop("DBSubnetGroupName") != nil {
			return nil
		}
		return []rule.Violation{viol("", "no DB subnet group and PubliclyAccessible unset: RDS places the instance in the default VPC and makes it public")}
	},
}
