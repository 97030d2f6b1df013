package terraform

import (
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// edgeFamily maps ACM certificates and CloudFront origin access controls
// and distributions.
//
// CloudFormation creates a DNS-validated certificate and waits until it is
// issued; aws_acm_certificate returns as soon as the request exists. The
// wait is aws_acm_certificate_validation, which needs the validation
// records' FQDNs, known only when this configuration also writes the
// Route 53 records. The IR holds no such records, so none is rendered: a
// distribution using the certificate fails to create until someone adds
// the DNS record ACM asks for (the certificate's domain_validation_options
// output says which), as the CloudFormation stack would wait for it.
type edgeFamily struct{}

func (edgeFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::CertificateManager::Certificate", tf: "aws_acm_certificate", ref: "arn",
			conv: acmCertificate},
		{cfn: "AWS::CloudFront::OriginAccessControl", tf: "aws_cloudfront_origin_access_control", ref: "id",
			attrs: map[string]attr{"Id": a("id")},
			conv:  originAccessControl},
		{cfn: "AWS::CloudFront::Distribution", tf: "aws_cloudfront_distribution", ref: "id",
			attrs: map[string]attr{"DomainName": a("domain_name"), "Id": a("id")},
			conv:  distribution},
	}
}

func acmCertificate(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_acm_certificate", c.name(r.ID))
	p.to(b, "DomainName", "domain_name")
	p.to(b, "SubjectAlternativeNames", "subject_alternative_names")
	p.to(b, "ValidationMethod", "validation_method")
	p.to(b, "KeyAlgorithm", "key_algorithm")
	p.to(b, "CertificateAuthorityArn", "certificate_authority_arn")
	p.tags(b, "Tags")
	// A certificate in use by a distribution cannot be deleted first.
	b.block("lifecycle").set("create_before_destroy", eRaw("true"))
	return p.done()
}

// maxOACName is CloudFront's limit on an origin access control's name.
const maxOACName = 64

// originAccessControl names the control from the stack name and the site
// (the resource ID without its type suffix): CloudFormation's name adds a
// piece of AWS::StackId, which Terraform does not have.
func originAccessControl(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_cloudfront_origin_access_control", c.name(r.ID))
	cfg := p.sub("OriginAccessControlConfig")
	if cfg == nil {
		p.fail("OriginAccessControlConfig", "required")
		return p.done()
	}
	cfg.raw("Name")
	site := dashed(snake(strings.TrimSuffix(r.ID, "OriginAccessControl")))
	b.set("name", eCall{fn: "substr", args: []expr{tmpl(trav("local", "name"), eStr("-"+site)), eRaw("0"), eRaw(strconv.Itoa(maxOACName))}})
	cfg.to(b, "Description", "description")
	cfg.to(b, "OriginAccessControlOriginType", "origin_access_control_origin_type")
	cfg.to(b, "SigningBehavior", "signing_behavior")
	cfg.to(b, "SigningProtocol", "signing_protocol")
	return p.done(cfg)
}

func distribution(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_cloudfront_distribution", c.name(r.ID))
	cfg := p.sub("DistributionConfig")
	if cfg == nil {
		p.fail("DistributionConfig", "required")
		return p.done()
	}
	nested := []*props{cfg}
	cfg.to(b, "Enabled", "enabled")
	cfg.to(b, "Comment", "comment")
	cfg.to(b, "Aliases", "aliases")
	cfg.to(b, "DefaultRootObject", "default_root_object")
	cfg.to(b, "HttpVersion", "http_version")
	cfg.to(b, "IPV6Enabled", "is_ipv6_enabled")
	cfg.to(b, "PriceClass", "price_class")
	cfg.to(b, "WebACLId", "web_acl_id")
	for _, o := range cfg.list("Origins") {
		ob := b.block("origin")
		o.to(ob, "DomainName", "domain_name")
		o.to(ob, "Id", "origin_id")
		o.to(ob, "OriginPath", "origin_path")
		o.to(ob, "OriginAccessControlId", "origin_access_control_id")
		if s3 := o.sub("S3OriginConfig"); s3 != nil {
			// An empty identity means "none" (the control signs instead);
			// Terraform's s3_origin_config requires a non-empty one.
			if id, ok := s3.str("OriginAccessIdentity"); ok && id != "" {
				ob.block("s3_origin_config").set("origin_access_identity", eStr(id))
			}
			nested = append(nested, s3)
		}
		nested = append(nested, o)
	}
	if d := cfg.sub("DefaultCacheBehavior"); d != nil {
		db := b.block("default_cache_behavior")
		d.to(db, "TargetOriginId", "target_origin_id")
		d.to(db, "ViewerProtocolPolicy", "viewer_protocol_policy")
		d.to(db, "AllowedMethods", "allowed_methods")
		d.to(db, "CachedMethods", "cached_methods")
		d.to(db, "Compress", "compress")
		d.to(db, "CachePolicyId", "cache_policy_id")
		d.to(db, "OriginRequestPolicyId", "origin_request_policy_id")
		d.to(db, "ResponseHeadersPolicyId", "response_headers_policy_id")
		nested = append(nested, d)
	}
	for _, e := range cfg.list("CustomErrorResponses") {
		eb := b.block("custom_error_response")
		e.to(eb, "ErrorCode", "error_code")
		e.to(eb, "ResponseCode", "response_code")
		e.to(eb, "ResponsePagePath", "response_page_path")
		e.to(eb, "ErrorCachingMinTTL", "error_caching_min_ttl")
		nested = append(nested, e)
	}
	// The provider requires a restrictions block; CloudFormation's
	// default is no geographic restriction.
	b.block("restrictions").block("geo_restriction").set("restriction_type", eStr("none"))
	if v := cfg.sub("ViewerCertificate"); v != nil {
		vb := b.block("viewer_certificate")
		v.to(vb, "CloudFrontDefaultCertificate", "cloudfront_default_certificate")
		v.to(vb, "AcmCertificateArn", "acm_certificate_arn")
		v.to(vb, "SslSupportMethod", "ssl_support_method")
		v.to(vb, "MinimumProtocolVersion", "minimum_protocol_version")
		nested = append(nested, v)
	} else {
		b.block("viewer_certificate").set("cloudfront_default_certificate", eRaw("true"))
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}
