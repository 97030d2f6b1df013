package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// lambdaVPC is HOIST-LAMBDA-007: production functions run inside a VPC.
func lambdaVPC() rule.AWS {
	nist := controls([]string{"SC-7", "AC-4"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-LAMBDA-007",
			Title:    "Production Lambda function runs outside a VPC",
			Severity: rule.Low,
			Rationale: "A function outside a VPC reaches the internet directly, so its outbound traffic cannot be filtered by " +
				"security groups, network ACLs or a firewall, nor seen in VPC flow logs. Functions that call only AWS APIs may " +
				"reasonably stay outside; this is checked in production only.",
			Remediation: "Set VpcConfig with private subnets in at least two Availability Zones and a security group that allows " +
				"only the egress the function needs (with VPC endpoints or NAT for AWS APIs).",
			FixCloudFormation: `Function:
  Type: AWS::Lambda::Function
  Properties:
    VpcConfig:
      SubnetIds: [!Ref PrivateSubnet1, !Ref PrivateSubnet2]
      SecurityGroupIds: [!Ref FunctionSecurityGroup]
`,
			FixTerraform: `resource "aws_lambda_function" "fn" {
  vpc_config {
    subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.fn.id]
  }
}
`,
			ConfigRule: "LAMBDA_INSIDE_VPC",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::Lambda::Function"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !production(c, r) {
				return nil
			}
			if emptyValue(prop(r, "VpcConfig.SubnetIds")) {
				return one(pathOr(r, "VpcConfig", ""), "production function is not attached to a VPC")
			}
			return nil
		},
	}
}
