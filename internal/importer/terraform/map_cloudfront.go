package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// cloudfrontTypes maps CloudFront distributions, origin access controls
// and identities, and ACM certificates. A distribution's arguments all go under
// DistributionConfig, as CloudFormation nests them.
func cloudfrontTypes() []typeMap {
	cacheBehavior := []field{
		f("path_pattern", "PathPattern"),
		f("target_origin_id", "TargetOriginId"),
		f("viewer_protocol_policy", "ViewerProtocolPolicy"),
		f("allowed_methods", "AllowedMethods"),
		f("cached_methods", "CachedMethods"),
		f("compress", "Compress"),
		f("cache_policy_id", "CachePolicyId"),
		f("origin_request_policy_id", "OriginRequestPolicyId"),
		f("response_headers_policy_id", "ResponseHeadersPolicyId"),
		f("min_ttl", "MinTTL"),
		f("default_ttl", "DefaultTTL"),
		f("max_ttl", "MaxTTL"),
		blks("function_association", "FunctionAssociations",
			f("event_type", "EventType"), f("function_arn", "FunctionARN")),
	}
	return []typeMap{
		{tf: "aws_acm_certificate", cfn: "AWS::CertificateManager::Certificate", ref: []string{"arn", "id"},
			fields: []field{
				f("domain_name", "DomainName"),
				fv("subject_alternative_names", "SubjectAlternativeNames", nonEmpty),
				f("validation_method", "ValidationMethod"),
				f("key_algorithm", "KeyAlgorithm"),
				f("certificate_authority_arn", "CertificateAuthorityArn"),
				tags(),
			}},
		{tf: "aws_cloudfront_origin_access_control", cfn: "AWS::CloudFront::OriginAccessControl", ref: []string{"id"},
			fields: []field{
				f("name", "OriginAccessControlConfig.Name"),
				f("description", "OriginAccessControlConfig.Description"),
				f("origin_access_control_origin_type", "OriginAccessControlConfig.OriginAccessControlOriginType"),
				f("signing_behavior", "OriginAccessControlConfig.SigningBehavior"),
				f("signing_protocol", "OriginAccessControlConfig.SigningProtocol"),
			}},
		// An origin access identity's path and IAM ARN are built from its
		// ID, as a distribution's S3 origin and a bucket policy read them.
		{tf: "aws_cloudfront_origin_access_identity", cfn: "AWS::CloudFront::CloudFrontOriginAccessIdentity", ref: []string{"id"},
			attrs: map[string]string{"s3_canonical_user_id": "S3CanonicalUserId"},
			subs: map[string]string{
				"cloudfront_access_identity_path": "origin-access-identity/cloudfront/${$ID}",
				"iam_arn":                         "arn:${AWS::Partition}:iam::cloudfront:user/CloudFront Origin Access Identity ${$ID}",
			},
			fields: []field{f("comment", "CloudFrontOriginAccessIdentityConfig.Comment")},
			post: func(_ *mapper, in, out *ir.Map) {
				if out.Get("CloudFrontOriginAccessIdentityConfig") == nil {
					// CloudFormation requires the comment; the provider's
					// default is empty.
					setPath(out, "CloudFrontOriginAccessIdentityConfig.Comment", ir.String(""), in.Loc)
				}
			}},
		{tf: "aws_cloudfront_distribution", cfn: "AWS::CloudFront::Distribution", ref: []string{"id"},
			attrs: map[string]string{"domain_name": "DomainName"},
			fields: []field{
				f("enabled", "DistributionConfig.Enabled"),
				f("comment", "DistributionConfig.Comment"),
				fv("aliases", "DistributionConfig.Aliases", nonEmpty),
				f("default_root_object", "DistributionConfig.DefaultRootObject"),
				f("http_version", "DistributionConfig.HttpVersion"),
				f("is_ipv6_enabled", "DistributionConfig.IPV6Enabled"),
				f("price_class", "DistributionConfig.PriceClass"),
				fv("web_acl_id", "DistributionConfig.WebACLId", nonEmpty),
				blks("origin", "DistributionConfig.Origins",
					f("domain_name", "DomainName"),
					f("origin_id", "Id"),
					f("origin_path", "OriginPath"),
					f("origin_access_control_id", "OriginAccessControlId"),
					blk("s3_origin_config", "S3OriginConfig", f("origin_access_identity", "OriginAccessIdentity")),
					blk("custom_origin_config", "CustomOriginConfig",
						f("http_port", "HTTPPort"),
						f("https_port", "HTTPSPort"),
						f("origin_protocol_policy", "OriginProtocolPolicy"),
						f("origin_ssl_protocols", "OriginSSLProtocols"),
						f("origin_read_timeout", "OriginReadTimeout"),
						f("origin_keepalive_timeout", "OriginKeepaliveTimeout"))),
				blk("default_cache_behavior", "DistributionConfig.DefaultCacheBehavior", cacheBehavior[1:]...),
				blks("ordered_cache_behavior", "DistributionConfig.CacheBehaviors", cacheBehavior...),
				blks("custom_error_response", "DistributionConfig.CustomErrorResponses",
					f("error_code", "ErrorCode"),
					f("response_code", "ResponseCode"),
					f("response_page_path", "ResponsePagePath"),
					f("error_caching_min_ttl", "ErrorCachingMinTTL")),
				blk("restrictions", "DistributionConfig.Restrictions",
					blk("geo_restriction", "GeoRestriction",
						f("restriction_type", "RestrictionType"),
						fv("locations", "Locations", nonEmpty))),
				blk("viewer_certificate", "DistributionConfig.ViewerCertificate",
					f("cloudfront_default_certificate", "CloudFrontDefaultCertificate"),
					f("acm_certificate_arn", "AcmCertificateArn"),
					f("iam_certificate_id", "IamCertificateId"),
					f("ssl_support_method", "SslSupportMethod"),
					f("minimum_protocol_version", "MinimumProtocolVersion")),
				blk("logging_config", "DistributionConfig.Logging",
					f("bucket", "Bucket"),
					f("prefix", "Prefix"),
					f("include_cookies", "IncludeCookies")),
				tags(),
			}},
	}
}
