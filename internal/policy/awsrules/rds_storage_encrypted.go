package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// rdsStorageEncrypted flags DB instances and clusters whose storage is
// not encrypted. StorageEncrypted defaults to false. Cluster members and
// read replicas follow their cluster or source, snapshots restore with
// the snapshot's encryption, and Aurora Serverless v1 is always
// encrypted: those are skipped.
var rdsStorageEncrypted = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-RDS-001",
		Title:    "RDS storage is not encrypted",
		Severity: rule.High,
		Rationale: "Unencrypted database storage, its automated backups, snapshots and read replicas can be read by anyone " +
			"who obtains a copy of the volume or a shared snapshot. Encryption cannot be turned on after creation without " +
			"a snapshot-and-restore migration.",
		Remediation: "Set StorageEncrypted to true (with KmsKeyId for a customer managed key) when the database is created.",
		FixCloudFormation: `Database:
  Type: AWS::RDS::DBInstance
  Properties:
    StorageEncrypted: true
    KmsKeyId: !Ref DataKey`,
		FixTerraform: `resource "aws_db_instance" "main" {
  storage_encrypted = true
  kms_key_id        = aws_kms_key.data.arn
}`,
		ConfigRule: "RDS_STORAGE_ENCRYPTED",
		NIST:       []string{"SC-13", "SC-28", "SC-28(1)"},
		FedRAMP:    []string{"low", "moderate"},
		CIS:        []string{"2.3.1"},
	},
	Types: rdsTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		if !rdsOwnsStorage(r) || r.Prop("SnapshotIdentifier") != nil || r.Prop("DBSnapshotIdentifier") != nil ||
			r.Prop("DBClusterSnapshotIdentifier") != nil || r.Prop("RestoreType") != nil || r.Prop("KmsKeyId") != nil {
			return nil
		}
		if mode, _ := ir.AsString(r.Prop("EngineMode")); strings.EqualFold(mode, "serverless") {
			return nil
		}
		if boolProp(r.Prop("StorageEncrypted"), no) != no {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "StorageEncrypted"), "storage is not encrypted (StorageEncrypted is false or unset)")}
	},
}
