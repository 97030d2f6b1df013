package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// elbWAF flags internet-facing Application Load Balancers of production
// stacks that no AWS WAF web ACL association refers to.
var elbWAF = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-ELB-006",
		Title:    "Internet-facing production ALB has no WAF web ACL",
		Severity: rule.Medium,
		Rationale: "An internet-facing load balancer passes every request to the application. A WAF web ACL with AWS managed " +
			"rule groups blocks common exploits (SQL injection, known bad inputs), bad bots and request floods first.",
		Remediation: "Create an AWS::WAFv2::WebACL (scope REGIONAL) with the AWS managed rule groups and associate it with the " +
			"load balancer through AWS::WAFv2::WebACLAssociation.",
		FixCloudFormation: `LoadBalancerWebAcl:
  Type: AWS::WAFv2::WebACLAssociation
  Properties:
    ResourceArn: !Ref LoadBalancer
    WebACLArn: !GetAtt WebAcl.Arn`,
		FixTerraform: `resource "aws_wafv2_web_acl_association" "lb" {
  resource_arn = aws_lb.main.arn
  web_acl_arn  = aws_wafv2_web_acl.main.arn
}`,
		ConfigRule: "ALB_WAF_ENABLED",
		NIST:       []string{"SC-7", "SI-4"},
		FedRAMP:    []string{"low", "moderate"},
	},
	Types: []string{"AWS::ElasticLoadBalancingV2::LoadBalancer"},
	Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
		if !c.IsProduction(r) || loadBalancerType(r) != "application" {
			return nil
		}
		if s := r.Prop("Scheme"); s != nil {
			scheme, ok := ir.AsString(s)
			if !ok || !strings.EqualFold(scheme, "internet-facing") {
				return nil
			}
		}
		if len(c.Referencing(r.ID, "AWS::WAFv2::WebACLAssociation")) > 0 {
			return nil
		}
		return []rule.Violation{viol(pathIfSet(r, "Scheme"), "internet-facing load balancer without a WAF web ACL association")}
	},
}
