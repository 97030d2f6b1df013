package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsMultiAZ flags production DB instances that run in one Availability
// Zone. Cluster members get their redundancy from the cluster's other
// instances, and SQL Server Express and Web editions cannot be Multi-AZ.
var rdsMultiAZ = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-006",
		Title:    "Production RDS instance is not Multi-AZ",
		Severity: rule.Medium,
		Rationale: "A Single-AZ instance is down for the whole of an Availability Zone outage, a host failure or most " +
			"maintenance; Multi-AZ fails over to a synchronous standby in another zone in a minute or two.",
		Remediation: "Set MultiAZ to true on production instances (or run Aurora with a replica in another zone).",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    MultiAZ: true`,
		FixTerraform: `resource "aws_db_instance" "main" {
  multi_az = true
}`,
		ConfigRule: "RDS_MULTI_AZ_SUPPORT",
		NIST:       []string{"CP-6", "CP-7", "CP-10", "SC-5"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::RDS::DBInstance"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		if !c.IsProduction(r) || clusterMember(r) || strings.HasPrefix(engine(r), "sqlserver-ex") || strings.HasPrefix(engine(r), "sqlserver-web") {
			return nil
		}
		if boolProp(r.Prop("MultiAZ"), no) != no {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "MultiAZ"), "production database runs in a single Availability Zone")}
	},
}
