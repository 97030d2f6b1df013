package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ec2IMDSv2 is HOIST-EC2-001: instances require session tokens for the
// instance metadata service (IMDSv2).
func ec2IMDSv2() rule.AWS {
	nist := controls([]string{"AC-3", "AC-6", "SC-7"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-EC2-001",
			Title:    "EC2 instance metadata accepts IMDSv1",
			Severity: rule.High,
			Rationale: "With HttpTokens optional, any SSRF bug, open proxy or misconfigured firewall on the instance can fetch " +
				"the instance role's credentials from 169.254.169.254 with a plain GET; IMDSv2's session tokens block that.",
			Remediation: "Set MetadataOptions.HttpTokens to required (HttpPutResponseHopLimit 1, or 2 for containers on the host).",
			FixCloudFormation: `LaunchTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      MetadataOptions:
        HttpTokens: required
        HttpPutResponseHopLimit: 1
`,
			FixTerraform: `resource "aws_launch_template" "app" {
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}
`,
			ConfigRule: "EC2_IMDSV2_CHECK",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
			CIS:        []string{"5.6"},
		},
		Types: []string{"AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			base := launchData(r)
			opts := base + "MetadataOptions"
			if isLiteral(prop(r, opts+".HttpEndpoint"), "disabled") {
				return nil // no metadata service at all
			}
			tokens := prop(r, opts+".HttpTokens")
			if isLiteral(tokens, "optional") {
				return one(opts+".HttpTokens", "HttpTokens optional accepts IMDSv1 requests")
			}
			if !absent(tokens) {
				return nil
			}
			if r.Type == "AWS::EC2::Instance" && !absent(prop(r, "LaunchTemplate")) {
				return nil // the launch template decides, and is checked itself
			}
			return one(pathOr(r, opts, pathOr(r, "LaunchTemplateData", "")), "MetadataOptions.HttpTokens is not required: IMDSv1 is accepted")
		},
	}
}
