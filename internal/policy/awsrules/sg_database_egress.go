package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// dataStoreSGProps are the properties through which data stores name
// their security groups, by resource type.
var dataStoreSGProps = map[string][]string{
	"AWS::RDS::DBInstance":               {"VPCSecurityGroups"},
	"AWS::RDS::DBCluster":                {"VpcSecurityGroupIds"},
	"AWS::ElastiCache::ReplicationGroup": {"SecurityGroupIds"},
	"AWS::ElastiCache::CacheCluster":     {"VpcSecurityGroupIds"},
	"AWS::ElastiCache::ServerlessCache":  {"SecurityGroupIds"},
	"AWS::DocDB::DBCluster":              {"VpcSecurityGroupIds"},
	"AWS::Neptune::DBCluster":            {"VpcSecurityGroupIds"},
	"AWS::Redshift::Cluster":             {"VpcSecurityGroupIds"},
	"AWS::OpenSearchService::Domain":     {"VPCOptions.SecurityGroupIds"},
	"AWS::MemoryDB::Cluster":             {"SecurityGroupIds"},
	"AWS::RDS::DBProxy":                  {"VpcSecurityGroupIds"},
	"AWS::DAX::Cluster":                  {"SecurityGroupIds"},
	"AWS::EFS::MountTarget":              {"SecurityGroups"},
}

// dataStoreUsing returns a data store whose security groups include sg,
// or nil.
func dataStoreUsing(c *rule.Context, sg *ir.Resource) *ir.Resource {
	for _, r := range c.Referencing(sg.ID, "") {
		for _, prop := range dataStoreSGProps[r.Type] {
			items, _ := ir.AsList(r.Prop(prop))
			for _, it := range items {
				if c.Target(it) == sg {
					return r
				}
			}
		}
	}
	return nil
}

// sgDatabaseEgress flags security groups of data stores that let all
// traffic out to anywhere: either an explicit rule, or no egress rule at
// all, which makes EC2 add its allow-all default (standalone
// SecurityGroupEgress resources do not remove that default), or a
// standalone egress rule that opens everything.
var sgDatabaseEgress = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-SG-005",
		Title:    "Database security group allows all outbound traffic",
		Severity: rule.Medium,
		Rationale: "A database or cache only answers connections; it never needs to open its own. Unrestricted egress lets " +
			"a compromised engine (or a malicious stored procedure or extension) exfiltrate data or reach other hosts.",
		Remediation: "Give the data store's security group an explicit SecurityGroupEgress that allows nothing useful, such " +
			"as ICMP to 255.255.255.255/32, which replaces EC2's allow-all default.",
		FixCloudFormation: `DatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: Database, admits only the app
    VpcId: !Ref Vpc
    SecurityGroupEgress:
      - Description: Disallow all outbound traffic
        IpProtocol: icmp
        FromPort: 252
        ToPort: 86
        CidrIp: 255.255.255.255/32`,
		FixTerraform: `resource "aws_security_group" "db" {
  name        = "app-db"
  description = "Database, admits only the app"
  vpc_id      = aws_vpc.main.id
  # No egress rules: unlike CloudFormation, the AWS provider removes the
  # default allow-all egress rule of security groups it manages.
}`,
		NIST:    []string{"AC-4", "SC-7"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		if r.Type == "AWS::EC2::SecurityGroupEgress" {
			sg := c.Target(r.Prop("GroupId"))
			if sg == nil {
				return nil
			}
			store := dataStoreUsing(c, sg)
			sr := egressRules(r)[0]
			if key := sr.worldCIDR(); store != nil && key != "" && sr.allPorts() {
				return []rule.Violation{viol(sr.at(key), "egress rule lets the security group of %s send all traffic anywhere", store.ID)}
			}
			return nil
		}
		store := dataStoreUsing(c, r)
		if store == nil {
			return nil
		}
		eg := r.Prop("SecurityGroupEgress")
		if eg == nil {
			if fromTerraform(r) {
				return nil // the AWS provider removes the default egress rule
			}
			return []rule.Violation{viol("", "security group of %s has no egress rules, so EC2 adds its allow-all default", store.ID)}
		}
		var out []rule.Violation
		for _, sr := range egressRules(r) {
			key := sr.worldCIDR()
			if key != "" && sr.allPorts() {
				out = append(out, viol(sr.at(key), "security group of %s allows all outbound traffic to anywhere", store.ID))
			}
		}
		return out
	},
}
