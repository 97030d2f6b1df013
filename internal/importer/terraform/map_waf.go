package terraform

// wafTypes maps WAFv2 web ACLs and their associations. The provider's
// rule and action blocks mirror the API, so they are renamed to
// CloudFormation's names by the schema (recase) rather than field by
// field; empty blocks (allow {}) stay empty objects.
func wafTypes() []typeMap {
	return []typeMap{
		{tf: "aws_wafv2_web_acl", cfn: "AWS::WAFv2::WebACL",
			attrs: map[string]string{"arn": "Arn", "id": "Id", "capacity": "Capacity"},
			fields: []field{
				f("name", "Name"),
				f("description", "Description"),
				f("scope", "Scope"),
				fv("default_action", "DefaultAction", recaser("AWS::WAFv2::WebACL.DefaultAction", false)),
				fv("visibility_config", "VisibilityConfig", recaser("AWS::WAFv2::WebACL.VisibilityConfig", false)),
				fv("rule", "Rules", recaser("AWS::WAFv2::WebACL.Rule", true)),
				tags(),
			}},
		{tf: "aws_wafv2_web_acl_association", cfn: "AWS::WAFv2::WebACLAssociation",
			fields: []field{f("resource_arn", "ResourceArn"), f("web_acl_arn", "WebACLArn")}},
	}
}
