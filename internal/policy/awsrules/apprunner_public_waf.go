package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// appRunnerPublicWAF flags production App Runner services with a public
// endpoint (the default) that no AWS WAF web ACL protects.
var appRunnerPublicWAF = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-APPRUNNER-002",
		Title:    "Public App Runner service in production has no WAF web ACL",
		Severity: rule.Medium,
		Rationale: "A public App Runner endpoint takes every request from the internet straight to the application. A WAF " +
			"web ACL filters common exploits, bad bots and floods before they reach it.",
		Remediation: "Associate an AWS::WAFv2::WebACL (scope REGIONAL) with the service through AWS::WAFv2::WebACLAssociation, " +
			"or make the service private with NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible false.",
		FixCloudFormation: `ServiceWebAcl:
  Type: AWS::WAFv2::WebACLAssociation
  Properties:
    ResourceArn: !GetAtt Service.ServiceArn
    WebACLArn: !GetAtt WebAcl.Arn`,
		FixTerraform: `resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_apprunner_service.web.arn
  web_acl_arn  = aws_wafv2_web_acl.main.arn
}`,
		NIST:    []string{"SC-7", "SI-4"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::AppRunner::Service"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		if !c.IsProduction(r) {
			return nil
		}
		if boolProp(r.Prop("NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible"), yes) != yes {
			return nil
		}
		if len(c.Referencing(r.ID, "AWS::WAFv2::WebACLAssociation")) > 0 {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "NetworkConfiguration"), "public service without a WAF web ACL association")}
	},
}
