package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// staticSiteBlueprint serves each static site from a private S3 bucket
// through CloudFront. Only the distribution can read the bucket: an origin
// access control signs its requests, and the bucket policy admits the
// CloudFront service for that one distribution (AWS:SourceArn). Viewers are
// redirected to HTTPS; responses are compressed, cached with the managed
// CachingOptimized policy and carry the managed security headers (HSTS,
// X-Content-Type-Options, X-Frame-Options, Referrer-Policy, XSS
// protection). 403 and 404 answer /index.html with 200, so a single-page
// app's client-side routes load. PriceClass_100 serves from North America
// and Europe, the cheapest class.
//
// Without a domain the site is served on CloudFront's own *.cloudfront.net
// certificate, whose TLS policy CloudFront fixes (TLSv1 minimum): a minimum
// of TLSv1.2_2021 can only be set with a certificate of your own. With a
// domain, the distribution uses an ACM certificate with TLSv1.2_2021 and
// SNI. CloudFront only accepts certificates from us-east-1: in that region
// the stack requests one (DNS validation: the stack waits until the
// validation record ACM asks for exists); in any other region the stack
// takes the ARN of a us-east-1 certificate as the parameter
// <Site>CertificateArn, since a stack cannot create resources in another
// region.
//
// The bucket's logical ID is ID(name, "SiteBucket") and the distribution's
// ID(name, "Distribution"): the pipeline uploads to the one and invalidates
// the other.
type staticSiteBlueprint struct{}

func (staticSiteBlueprint) name() string { return "static sites" }

// Managed CloudFront policies (IDs are the same in every account).
const (
	cachingOptimizedPolicy = "658327ea-f89d-4fab-a63d-7e88639e58f6"
	securityHeadersPolicy  = "67f7725c-6f97-4210-82d7-5512b31e9d03"
)

func (staticSiteBlueprint) expand(b *builder) error {
	for i, site := range b.spec.StaticSites {
		o := origin("static_sites", i, site.Name)
		bucket, dist, oac := ID(site.Name, "SiteBucket"), ID(site.Name, "Distribution"), ID(site.Name, "OriginAccessControl")

		// CloudFront reads through the origin access control, which cannot
		// use the app key without a key policy for CloudFront: S3-managed
		// keys instead. Versioning lets a bad deploy be rolled back.
		br := b.add(bucket, "AWS::S3::Bucket", o, b.privateBucket(site.Name, s3Encryption(), true))
		br.Comment = fmt.Sprintf("%s: the site's files; private, readable only by its CloudFront distribution.", site.Name)
		br.DeletionPolicy, br.UpdateReplacePolicy = "Retain", "Retain"

		b.add(oac, "AWS::CloudFront::OriginAccessControl", o, ir.M(
			"OriginAccessControlConfig", ir.M(
				"Name", oacName(b.spec.Name, site.Name),
				"Description", fmt.Sprintf("%s: CloudFront reads the %s site's bucket", b.spec.Name, site.Name),
				"OriginAccessControlOriginType", "s3",
				"SigningBehavior", "always",
				"SigningProtocol", "sigv4",
			),
		))

		viewerCert := ir.M("CloudFrontDefaultCertificate", true)
		var aliases *ir.List
		cert := ""
		if site.Domain != "" {
			aliases = ir.Strings(site.Domain)
			certArn, where := b.siteCertificate(site.Name, site.Domain, o)
			cert = where
			viewerCert = ir.M(
				"AcmCertificateArn", certArn,
				"SslSupportMethod", "sni-only",
				"MinimumProtocolVersion", "TLSv1.2_2021",
			)
		}
		spa := func(code int) *ir.Map {
			return ir.M("ErrorCode", code, "ResponseCode", 200, "ResponsePagePath", "/index.html", "ErrorCachingMinTTL", 10)
		}
		d := b.add(dist, "AWS::CloudFront::Distribution", o, ir.M("DistributionConfig", ir.M(
			"Enabled", true,
			"Comment", fmt.Sprintf("%s: %s static site", b.spec.Name, site.Name),
			"Aliases", aliases,
			"DefaultRootObject", "index.html",
			"HttpVersion", "http2and3",
			"IPV6Enabled", true,
			"PriceClass", "PriceClass_100",
			"Origins", ir.Values(ir.M(
				"Id", "site",
				"DomainName", getAtt(bucket, "RegionalDomainName"),
				"OriginAccessControlId", getAtt(oac, "Id"),
				// An empty identity: access goes through the origin
				// access control, not a legacy origin access identity.
				"S3OriginConfig", ir.M("OriginAccessIdentity", ""),
			)),
			"DefaultCacheBehavior", ir.M(
				"TargetOriginId", "site",
				"ViewerProtocolPolicy", "redirect-to-https",
				"AllowedMethods", ir.Strings("GET", "HEAD", "OPTIONS"),
				"CachedMethods", ir.Strings("GET", "HEAD"),
				"Compress", true,
				"CachePolicyId", cachingOptimizedPolicy,
				"ResponseHeadersPolicyId", securityHeadersPolicy,
			),
			"CustomErrorResponses", ir.Values(spa(403), spa(404)),
			"ViewerCertificate", viewerCert,
		)))
		served := "on CloudFront's default domain"
		if site.Domain != "" {
			served = fmt.Sprintf("at https://%s (%s)", site.Domain, cert)
		}
		d.Comment = fmt.Sprintf("%s: CloudFront in front of %s, HTTPS only, served %s.", site.Name, bucket, served)

		b.add(ID(site.Name, "SiteBucketPolicy"), "AWS::S3::BucketPolicy", o, ir.M(
			"Bucket", ref(bucket),
			"PolicyDocument", ir.M("Version", "2012-10-17", "Statement", ir.Values(
				tlsOnly(bucket),
				ir.M(
					"Sid", "CloudFrontReadsSite",
					"Effect", "Allow",
					"Principal", ir.M("Service", "cloudfront.amazonaws.com"),
					"Action", "s3:GetObject",
					"Resource", sub("${"+bucket+".Arn}/*"),
					"Condition", ir.M("StringEquals", ir.M(
						"AWS:SourceArn", sub("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${"+dist+"}"),
					)),
				),
			)),
		))

		b.output(ID(site.Name, "SiteBucketName"), fmt.Sprintf("Bucket the %s site's files are uploaded to", site.Name), ref(bucket))
		b.output(ID(site.Name, "DistributionId"), fmt.Sprintf("CloudFront distribution of the %s site (for invalidations)", site.Name), ref(dist))
		b.output(ID(site.Name, "DistributionDomain"), fmt.Sprintf("Domain name of the %s site's distribution; point the site's DNS name at it", site.Name), getAtt(dist, "DomainName"))
	}
	return nil
}

// siteCertificate returns the ARN of the certificate for a site's domain,
// and a few words on where it comes from.
func (b *builder) siteCertificate(site, domain, o string) (ir.Value, string) {
	if b.spec.Region == "us-east-1" {
		id := ID(site, "Certificate")
		c := b.add(id, "AWS::CertificateManager::Certificate", o, ir.M(
			"DomainName", domain,
			"ValidationMethod", "DNS",
		))
		c.Comment = fmt.Sprintf("%s: TLS certificate for %s; add the DNS record ACM asks for, or the stack waits.", site, domain)
		return ref(id), "certificate requested by this stack"
	}
	p := ID(site, "CertificateArn")
	b.g.Parameters = append(b.g.Parameters, ir.Parameter{
		Name: p,
		Type: "String",
		Description: fmt.Sprintf("ARN of an ACM certificate for %s in us-east-1 (CloudFront only uses certificates from us-east-1, and this stack is in %s)",
			domain, b.spec.Region),
	})
	return ref(p), "certificate from us-east-1, passed as parameter " + p
}

// oacName names an origin access control: names are unique per account
// and at most 64 characters, so "<app>-<site>" is cut to fit and followed by
// the first group of the stack's ID, which keeps two stacks of one app
// apart.
func oacName(app, site string) ir.Value {
	base := app + "-" + site
	if len(base) > 55 {
		base = base[:55]
	}
	stackID := ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(2), ir.Call{Fn: "Fn::Split", Args: ir.Values(ir.String("/"), ref("AWS::StackId"))})}
	first := ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(0), ir.Call{Fn: "Fn::Split", Args: ir.Values(ir.String("-"), stackID)})}
	return ir.Join{Sep: "-", Items: []ir.Value{ir.String(base), first}}
}
