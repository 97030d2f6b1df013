package expand

import (
	"strings"
	"testing"
)

func TestStaticSite(t *testing.T) {
	for _, tc := range []struct {
		what, region, domain string
		checks               []struct{ id, path, want string }
		param                string // a parameter that must exist, or ""
		noResource           string // a resource that must not exist, or ""
	}{
		{what: "no domain", region: "us-east-1", checks: []struct{ id, path, want string }{
			{"WebDistribution", "DistributionConfig.ViewerCertificate", `{"CloudFrontDefaultCertificate":true}`},
			{"WebDistribution", "DistributionConfig.Aliases", `null`},
		}, noResource: "WebCertificate"},
		{what: "domain in us-east-1", region: "us-east-1", domain: "www.example.com", checks: []struct{ id, path, want string }{
			{"WebDistribution", "DistributionConfig.ViewerCertificate.AcmCertificateArn", `{"Ref":"WebCertificate"}`},
			{"WebDistribution", "DistributionConfig.ViewerCertificate.MinimumProtocolVersion", `"TLSv1.2_2021"`},
			{"WebDistribution", "DistributionConfig.Aliases", `["www.example.com"]`},
			{"WebCertificate", "ValidationMethod", `"DNS"`},
		}},
		{what: "domain elsewhere", region: "eu-west-1", domain: "www.example.com", checks: []struct{ id, path, want string }{
			{"WebDistribution", "DistributionConfig.ViewerCertificate.AcmCertificateArn", `{"Ref":"WebCertificateArn"}`},
		}, param: "WebCertificateArn", noResource: "WebCertificate"},
	} {
		src := "version: 1\nname: app\nregion: " + tc.region + "\nstatic_sites:\n  - name: web\n"
		if tc.domain != "" {
			src += "    domain: " + tc.domain + "\n"
		}
		res := mustExpand(t, src)
		common := []struct{ id, path, want string }{
			{"WebDistribution", "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", `"redirect-to-https"`},
			{"WebDistribution", "DistributionConfig.DefaultCacheBehavior.CachePolicyId", `"658327ea-f89d-4fab-a63d-7e88639e58f6"`},
			{"WebDistribution", "DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId", `"67f7725c-6f97-4210-82d7-5512b31e9d03"`},
			{"WebDistribution", "DistributionConfig.DefaultRootObject", `"index.html"`},
			{"WebDistribution", "DistributionConfig.PriceClass", `"PriceClass_100"`},
			{"WebDistribution", "DistributionConfig.Origins.0.OriginAccessControlId", `{"Fn::GetAtt":["WebOriginAccessControl","Id"]}`},
			{"WebDistribution", "DistributionConfig.CustomErrorResponses.1.ErrorCode", `404`},
			{"WebSiteBucket", "PublicAccessBlockConfiguration.RestrictPublicBuckets", `true`},
			{"WebSiteBucketPolicy", "PolicyDocument.Statement.1.Condition.StringEquals.AWS:SourceArn", `{"Fn::Sub":"arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${WebDistribution}"}`},
		}
		for _, c := range append(common, tc.checks...) {
			if got := prop(t, res, c.id, c.path); got != c.want {
				t.Errorf("%s: %s.%s: got %s, want %s", tc.what, c.id, c.path, got, c.want)
			}
		}
		if tc.param != "" && res.Graph.Parameter(tc.param) == nil {
			t.Errorf("%s: parameter %s: got none, want one", tc.what, tc.param)
		}
		if tc.noResource != "" && res.Graph.Resource(tc.noResource) != nil {
			t.Errorf("%s: got resource %s, want none", tc.what, tc.noResource)
		}
	}
}

func TestOACNameFits(t *testing.T) {
	long := strings.Repeat("a", 40)
	got := plainJSON(oacName(long, long))
	// The literal part plus "-" and the 8-character stack ID group must fit
	// CloudFront's 64-character limit.
	literal := strings.Repeat("a", 40) + "-" + strings.Repeat("a", 14)
	if !strings.Contains(got, `"`+literal+`"`) || len(literal)+1+8 > 64 {
		t.Errorf("oacName(40 chars, 40 chars): got %s, want the literal part cut to %q", got, literal)
	}
}
