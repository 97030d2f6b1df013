package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ec2EBSEncryption is HOIST-EC2-002: EBS volumes and the volumes
// instances create are encrypted. A volume restored from a snapshot
// inherits the snapshot's encryption and is not judged.
func ec2EBSEncryption() rule.AWS {
	nist := controls(nistAtRest)
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC2-002",
			Title:    "EBS volume is not encrypted",
			Severity: rule.High,
			Rationale: "An unencrypted volume, and every snapshot of it, stores data in the clear; whether a volume without " +
				"Encrypted is encrypted depends on an account setting (EBS encryption by default) outside the template.",
			Remediation: "Set Encrypted: true (with KmsKeyId for a customer managed key) on the volume or block device mapping, " +
				"and turn on EBS encryption by default in every Region.",
			FixCloudFormation: `DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: !Select [0, !GetAZs ""]
    Size: 100
    Encrypted: true
    KmsKeyId: !Ref AppKey
`,
			FixTerraform: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.app.arn
}
`,
			ConfigRule: "ENCRYPTED_VOLUMES",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
			CIS:        []string{"2.2.1"},
		},
		Types: []string{"AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if r.Type == "AWS::EC2::Volume" {
				if !absent(prop(r, "SnapshotId")) {
					return nil
				}
				v := prop(r, "Encrypted")
				if absent(v) {
					return one("", "volume does not set Encrypted: it is unencrypted unless the account encrypts by default")
				}
				if isFalse(v) {
					return one("Encrypted", "volume is unencrypted")
				}
				return nil
			}
			mappings := launchData(r) + "BlockDeviceMappings"
			if r.Type == "AWS::AutoScaling::LaunchConfiguration" {
				mappings = "BlockDeviceMappings"
			}
			var out []rule.Violation
			for _, it := range mapItems(prop(r, mappings)) {
				ebs, ok := it.m.Get("Ebs").(*ir.Map)
				if !ok || !absent(ebs.Get("SnapshotId")) {
					continue
				}
				v := ebs.Get("Encrypted")
				switch {
				case absent(v):
					out = append(out, viol(join(mappings, it.i, "Ebs"), "block device mapping does not set Ebs.Encrypted"))
				case isFalse(v):
					out = append(out, viol(join(mappings, it.i, "Ebs.Encrypted"), "block device mapping creates an unencrypted volume"))
				}
			}
			return out
		},
	}
}
