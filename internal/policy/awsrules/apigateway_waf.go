package awsrules

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// wafAssociationTypes are the resources that attach a web ACL to a
// regional resource.
var wafAssociationTypes = []string{"AWS::WAFv2::WebACLAssociation", "Terraform::aws_wafv2_web_acl_association"}

// apigatewayWAF is HOIST-APIGW-006: production REST API stages are
// behind AWS WAF.
func apigatewayWAF() rule.AWS {
	nist := controls([]string{"SC-7", "SI-4", "AC-4(21)"})
	return rule.AWS{
		Meta: rule.Meta{
			ID:       "HOIST-APIGW-006",
			Title:    "Production API Gateway REST stage has no AWS WAF web ACL",
			Severity: rule.Medium,
			Rationale: "A web ACL filters injection attempts, known bad inputs, bots and request floods before they cost " +
				"invocations or reach the backend. Checked in production only, where the traffic is real.",
			Remediation: "Associate a regional AWS::WAFv2::WebACL with the stage with an AWS::WAFv2::WebACLAssociation.",
			FixCloudFormation: `ApiWebACLAssociation:
  Type: AWS::WAFv2::WebACLAssociation
  Properties:
    ResourceArn: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/${ProdStage}
    WebACLArn: !GetAtt ApiWebACL.Arn
`,
			FixTerraform: `resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}
`,
			ConfigRule: "API_GW_ASSOCIATED_WITH_WAF",
			NIST:       nist,
			FedRAMP:    baselines(nist...),
		},
		Types: []string{"AWS::ApiGateway::Stage"},
		Check: func(c *rule.Context, r *ir.Resource) []rule.Violation {
			if !production(c, r) {
				return nil
			}
			if referencedBy(c, r, wafAssociationTypes...) {
				return nil
			}
			// An association naming the stage by its API and name refers
			// to the RestApi rather than the stage resource.
			api := c.Target(prop(r, "RestApiId"))
			if api != nil && referencedBy(c, api, wafAssociationTypes...) {
				return nil
			}
			// An imported Terraform association whose resource_arn the
			// importer could not resolve still names the stage's address.
			for _, t := range wafAssociationTypes {
				for _, a := range c.Graph.OfType(t) {
					if exprMentions(a.Properties, r) || (api != nil && exprMentions(a.Properties, api)) {
						return nil
					}
				}
			}
			return one("", "production stage is not associated with an AWS WAF web ACL")
		},
	}
}
