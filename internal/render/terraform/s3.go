package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// s3Family maps buckets and bucket policies. A bucket's configuration
// becomes the provider's separate resources (versioning, encryption,
// public access block, ownership controls, lifecycle, logging), each
// named after the bucket.
type s3Family struct{}

func (s3Family) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::S3::Bucket", tf: "aws_s3_bucket", ref: "bucket",
			attrs: map[string]attr{"Arn": a("arn"), "DomainName": a("bucket_domain_name"), "RegionalDomainName": a("bucket_regional_domain_name")},
			conv:  bucket},
		{cfn: "AWS::S3::BucketPolicy", tf: "aws_s3_bucket_policy", ref: "id",
			conv: bucketPolicy},
	}
}

func bucket(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_s3_bucket", name)
	p.to(b, "BucketName", "bucket")
	p.tags(b, "Tags")
	id := trav("aws_s3_bucket", name, "id")
	var nested []*props

	if v := p.sub("VersioningConfiguration"); v != nil {
		nested = append(nested, v)
		vb := c.resource("aws_s3_bucket_versioning", name)
		vb.set("bucket", id)
		v.to(vb.block("versioning_configuration"), "Status", "status")
	}
	if e := p.sub("BucketEncryption"); e != nil {
		nested = append(nested, e)
		eb := c.resource("aws_s3_bucket_server_side_encryption_configuration", name)
		eb.set("bucket", id)
		for _, rule := range e.list("ServerSideEncryptionConfiguration") {
			nested = append(nested, rule)
			rb := eb.block("rule")
			if d := rule.sub("ServerSideEncryptionByDefault"); d != nil {
				nested = append(nested, d)
				db := rb.block("apply_server_side_encryption_by_default")
				d.to(db, "SSEAlgorithm", "sse_algorithm")
				d.to(db, "KMSMasterKeyID", "kms_master_key_id")
			}
			rule.to(rb, "BucketKeyEnabled", "bucket_key_enabled")
		}
	}
	if pab := p.sub("PublicAccessBlockConfiguration"); pab != nil {
		nested = append(nested, pab)
		pb := c.resource("aws_s3_bucket_public_access_block", name)
		pb.set("bucket", id)
		pab.to(pb, "BlockPublicAcls", "block_public_acls")
		pab.to(pb, "BlockPublicPolicy", "block_public_policy")
		pab.to(pb, "IgnorePublicAcls", "ignore_public_acls")
		pab.to(pb, "RestrictPublicBuckets", "restrict_public_buckets")
	}
	if oc := p.sub("OwnershipControls"); oc != nil {
		nested = append(nested, oc)
		ob := c.resource("aws_s3_bucket_ownership_controls", name)
		ob.set("bucket", id)
		for _, rule := range oc.list("Rules") {
			nested = append(nested, rule)
			rule.to(ob.block("rule"), "ObjectOwnership", "object_ownership")
		}
	}
	if lc := p.sub("LifecycleConfiguration"); lc != nil {
		nested = append(nested, lc)
		lb := c.resource("aws_s3_bucket_lifecycle_configuration", name)
		lb.set("bucket", id)
		for _, rule := range lc.list("Rules") {
			nested = append(nested, rule)
			nested = append(nested, lifecycleRule(rule, lb.block("rule"))...)
		}
	}
	if lg := p.sub("LoggingConfiguration"); lg != nil {
		nested = append(nested, lg)
		gb := c.resource("aws_s3_bucket_logging", name)
		gb.set("bucket", id)
		lg.to(gb, "DestinationBucketName", "target_bucket")
		lg.to(gb, "LogFilePrefix", "target_prefix")
	}
	return p.done(nested...)
}

// lifecycleRule writes one lifecycle rule; it returns the nested cursors.
func lifecycleRule(rule *props, b *body) []*props {
	var nested []*props
	rule.to(b, "Id", "id")
	rule.to(b, "Status", "status")
	// The provider wants a filter on every rule; an empty one matches
	// every object, as a rule without Prefix does in CloudFormation.
	f := b.block("filter")
	rule.to(f, "Prefix", "prefix")
	if v := rule.sub("AbortIncompleteMultipartUpload"); v != nil {
		nested = append(nested, v)
		v.to(b.block("abort_incomplete_multipart_upload"), "DaysAfterInitiation", "days_after_initiation")
	}
	if v := rule.raw("ExpirationInDays"); v != nil {
		rule.to(b.block("expiration"), "ExpirationInDays", "days")
	}
	if v := rule.sub("NoncurrentVersionExpiration"); v != nil {
		nested = append(nested, v)
		nb := b.block("noncurrent_version_expiration")
		v.to(nb, "NoncurrentDays", "noncurrent_days")
		v.to(nb, "NewerNoncurrentVersions", "newer_noncurrent_versions")
	}
	if v := rule.raw("NoncurrentVersionExpirationInDays"); v != nil {
		rule.to(b.block("noncurrent_version_expiration"), "NoncurrentVersionExpirationInDays", "noncurrent_days")
	}
	return nested
}

func bucketPolicy(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_s3_bucket_policy", c.name(r.ID))
	p.to(b, "Bucket", "bucket")
	p.json(b, "PolicyDocument", "policy")
	return p.done()
}
