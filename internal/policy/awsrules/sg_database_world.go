package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// databasePorts are the default ports of databases, caches and search
// engines that should never face the internet.
var databasePorts = []int{
	1433,  // SQL Server
	1521,  // Oracle
	2049,  // NFS (EFS)
	3306,  // MySQL, MariaDB, Aurora MySQL
	5432,  // PostgreSQL, Aurora PostgreSQL
	5439,  // Redshift
	6379,  // Redis, Valkey
	8182,  // Neptune
	9042,  // Cassandra, Keyspaces
	9200,  // OpenSearch, Elasticsearch
	11211, // Memcached
	27017, // MongoDB, DocumentDB
}

// sgDatabaseWorld flags ingress rules that open a database or cache port
// to 0.0.0.0/0 or ::/0.
var sgDatabaseWorld = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-SG-003",
		Title:    "Security group allows a database port from anywhere",
		Severity: rule.High,
		Rationale: "Databases and caches exposed to the internet are found by scanners and attacked with credential stuffing " +
			"and engine vulnerabilities; Redis and Memcached often have no authentication at all.",
		Remediation: "Allow the database port only from the application's security group (SourceSecurityGroupId), and keep " +
			"the database in private subnets.",
		FixCloudFormation: `DatabaseIngress:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref DatabaseSecurityGroup
    Description: PostgreSQL from the app tasks
    IpProtocol: tcp
    FromPort: 5432
    ToPort: 5432
    SourceSecurityGroupId: !Ref AppSecurityGroup`,
		FixTerraform: `resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the app tasks"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}`,
		ConfigRule: "RESTRICTED_INCOMING_TRAFFIC",
		NIST:       []string{"AC-4", "CM-7", "SC-7"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		return worldOpenIngress(r, databasePorts, "a database or cache")
	},
}
