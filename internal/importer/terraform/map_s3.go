package terraform

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// s3Types maps buckets and bucket policies. The provider's split bucket
// resources (v4 and later: _versioning, _server_side_encryption_configuration,
// _public_access_block, _ownership_controls, _lifecycle_configuration,
// _logging, _acl, _website_configuration, _cors_configuration) merge into
// the bucket they name, so a bucket with a separate encryption resource
// reads as encrypted. The v3 inline blocks on aws_s3_bucket map too.
func s3Types() []typeMap {
	encryptionRule := []field{
		blk("apply_server_side_encryption_by_default", "ServerSideEncryptionByDefault",
			f("sse_algorithm", "SSEAlgorithm"),
			f("kms_master_key_id", "KMSMasterKeyID")),
		f("bucket_key_enabled", "BucketKeyEnabled"),
	}
	intoBucket := func() *mergeSpec {
		return &mergeSpec{attr: "bucket", targets: []string{"aws_s3_bucket"}}
	}
	return []typeMap{
		{tf: "aws_s3_bucket", cfn: "AWS::S3::Bucket", ref: []string{"bucket", "id"},
			attrs: map[string]string{"arn": "Arn", "bucket_domain_name": "DomainName",
				"bucket_regional_domain_name": "RegionalDomainName", "website_endpoint": "WebsiteURL"},
			fields: []field{
				f("bucket", "BucketName"),
				fv("acl", "AccessControl", cannedACL),
				f("object_lock_enabled", "ObjectLockEnabled"),
				blk("versioning", "VersioningConfiguration",
					fv("enabled", "Status", status("Enabled", "Suspended"))),
				blk("server_side_encryption_configuration", "BucketEncryption",
					blks("rule", "ServerSideEncryptionConfiguration", encryptionRule...)),
				blk("logging", "LoggingConfiguration",
					f("target_bucket", "DestinationBucketName"),
					f("target_prefix", "LogFilePrefix")),
				blks("lifecycle_rule", "LifecycleConfiguration.Rules",
					f("id", "Id"),
					fv("enabled", "Status", status("Enabled", "Disabled")),
					f("prefix", "Prefix"),
					f("abort_incomplete_multipart_upload_days", "AbortIncompleteMultipartUpload.DaysAfterInitiation"),
					blk("expiration", "", f("days", "ExpirationInDays")),
					blk("noncurrent_version_expiration", "NoncurrentVersionExpiration", f("days", "NoncurrentDays")),
					blks("transition", "Transitions", f("days", "TransitionInDays"), f("storage_class", "StorageClass"))),
				blk("website", "WebsiteConfiguration",
					f("index_document", "IndexDocument"),
					f("error_document", "ErrorDocument")),
				tags(),
			}},
		{tf: "aws_s3_bucket_policy", cfn: "AWS::S3::BucketPolicy", ref: []string{"id"},
			fields: []field{f("bucket", "Bucket"), js("policy", "PolicyDocument")}},
		{tf: "aws_s3_bucket_versioning", merge: intoBucket(),
			fields: []field{blk("versioning_configuration", "VersioningConfiguration", f("status", "Status"))}},
		{tf: "aws_s3_bucket_server_side_encryption_configuration", merge: intoBucket(),
			fields: []field{blks("rule", "BucketEncryption.ServerSideEncryptionConfiguration", encryptionRule...)}},
		{tf: "aws_s3_bucket_public_access_block", merge: intoBucket(),
			fields: []field{
				f("block_public_acls", "PublicAccessBlockConfiguration.BlockPublicAcls"),
				f("block_public_policy", "PublicAccessBlockConfiguration.BlockPublicPolicy"),
				f("ignore_public_acls", "PublicAccessBlockConfiguration.IgnorePublicAcls"),
				f("restrict_public_buckets", "PublicAccessBlockConfiguration.RestrictPublicBuckets"),
			}},
		{tf: "aws_s3_bucket_ownership_controls", merge: intoBucket(),
			fields: []field{blks("rule", "OwnershipControls.Rules", f("object_ownership", "ObjectOwnership"))}},
		{tf: "aws_s3_bucket_lifecycle_configuration", merge: intoBucket(),
			fields: []field{blks("rule", "LifecycleConfiguration.Rules",
				f("id", "Id"),
				f("status", "Status"),
				f("prefix", "Prefix"),
				blk("filter", "", f("prefix", "Prefix")),
				blk("abort_incomplete_multipart_upload", "AbortIncompleteMultipartUpload",
					f("days_after_initiation", "DaysAfterInitiation")),
				blk("expiration", "",
					f("days", "ExpirationInDays"),
					f("date", "ExpirationDate"),
					f("expired_object_delete_marker", "ExpiredObjectDeleteMarker")),
				blk("noncurrent_version_expiration", "NoncurrentVersionExpiration",
					f("noncurrent_days", "NoncurrentDays"),
					f("newer_noncurrent_versions", "NewerNoncurrentVersions")),
				blks("transition", "Transitions", f("days", "TransitionInDays"), f("storage_class", "StorageClass")),
				blks("noncurrent_version_transition", "NoncurrentVersionTransitions",
					f("noncurrent_days", "TransitionInDays"), f("storage_class", "StorageClass")),
			)}},
		{tf: "aws_s3_bucket_logging", merge: intoBucket(),
			fields: []field{
				f("target_bucket", "LoggingConfiguration.DestinationBucketName"),
				f("target_prefix", "LoggingConfiguration.LogFilePrefix"),
			}},
		{tf: "aws_s3_bucket_acl", merge: intoBucket(),
			fields: []field{fv("acl", "AccessControl", cannedACL)}},
		{tf: "aws_s3_bucket_website_configuration", merge: intoBucket(),
			fields: []field{
				blk("index_document", "WebsiteConfiguration", f("suffix", "IndexDocument")),
				blk("error_document", "WebsiteConfiguration", f("key", "ErrorDocument")),
			}},
		{tf: "aws_s3_bucket_cors_configuration", merge: intoBucket(),
			fields: []field{blks("cors_rule", "CorsConfiguration.CorsRules",
				f("id", "Id"),
				f("allowed_headers", "AllowedHeaders"),
				f("allowed_methods", "AllowedMethods"),
				f("allowed_origins", "AllowedOrigins"),
				f("expose_headers", "ExposedHeaders"),
				f("max_age_seconds", "MaxAge"))}},
	}
}

// cannedACL turns the provider's ACL names (public-read) into
// CloudFormation's (PublicRead).
func cannedACL(v ir.Value) ir.Value {
	s, ok := v.(ir.String)
	if !ok {
		return v
	}
	var sb strings.Builder
	for _, part := range strings.Split(string(s), "-") {
		if part != "" {
			sb.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return ir.String(sb.String())
}

// status maps a boolean to one of two status words.
func status(yes, no string) func(ir.Value) ir.Value {
	return func(v ir.Value) ir.Value {
		if b, ok := ir.AsBool(v); ok {
			if b {
				return ir.String(yes)
			}
			return ir.String(no)
		}
		return v
	}
}
