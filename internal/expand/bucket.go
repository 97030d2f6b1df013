package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// bucketBlueprint builds each private S3 bucket: every public access
// blocked, ACLs disabled (BucketOwnerEnforced), encrypted with the app key
// (with an S3 bucket key, so KMS requests stay cheap), a bucket policy that
// refuses anything but TLS, server access logs written to one shared log
// bucket, and lifecycle rules that abort stale multipart uploads.
//
// Versioning is on when the spec asks for it or the environment is
// production; old versions then expire after 30 days so that a bucket's bill
// does not grow without bound. The bucket is retained when the stack is
// deleted.
type bucketBlueprint struct{}

func (bucketBlueprint) name() string { return "buckets" }

// Lifecycle periods.
const (
	noncurrentVersionDays = 30
	multipartAbortDays    = 7
	accessLogDays         = 365
)

func (bucketBlueprint) expand(b *builder) error {
	for i, bk := range b.spec.Buckets {
		o := origin("buckets", i, bk.Name)
		id := ID(bk.Name, "Bucket")
		versioned := bk.Versioning || highAvailability(b.spec.Environment)
		r := b.add(id, "AWS::S3::Bucket", o, b.privateBucket(bk.Name, kmsEncryption(b), versioned))
		how := "unversioned"
		if versioned {
			how = "versioned (old versions kept 30 days)"
		}
		r.Comment = fmt.Sprintf("%s: private bucket, encrypted with the app key, TLS only, %s.", bk.Name, how)
		r.DeletionPolicy, r.UpdateReplacePolicy = "Retain", "Retain"
		b.add(ID(bk.Name, "BucketPolicy"), "AWS::S3::BucketPolicy", o, ir.M(
			"Bucket", ref(id),
			"PolicyDocument", ir.M("Version", "2012-10-17", "Statement", ir.Values(tlsOnly(id))),
		))
		b.access[bk.Name] = &access{
			Env: []NamedValue{{envName(bk.Name) + "_BUCKET", ref(id)}},
			Statements: []Statement{
				{Actions: []string{"s3:GetObject", "s3:PutObject", "s3:DeleteObject"}, Resources: []ir.Value{sub("${" + id + ".Arn}/*")}},
				{Actions: []string{"s3:ListBucket"}, Resources: []ir.Value{getAtt(id, "Arn")}},
				b.keyUse(),
			},
		}
		b.output(ID(bk.Name, "BucketName"), fmt.Sprintf("Name of the %s bucket", bk.Name), ref(id))
	}
	return nil
}

// kmsEncryption encrypts a bucket with the app key and an S3 bucket key.
func kmsEncryption(b *builder) *ir.Map {
	return ir.M("ServerSideEncryptionConfiguration", ir.Values(ir.M(
		"ServerSideEncryptionByDefault", ir.M("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", getAtt(b.key, "Arn")),
		"BucketKeyEnabled", true,
	)))
}

// s3Encryption encrypts a bucket with S3-managed keys, for buckets that a
// service principal writes or reads without a KMS grant (server access
// logs, CloudFront origins).
func s3Encryption() *ir.Map {
	return ir.M("ServerSideEncryptionConfiguration", ir.Values(ir.M(
		"ServerSideEncryptionByDefault", ir.M("SSEAlgorithm", "AES256"),
	)))
}

// privateBucket is the Properties of a private bucket that logs to the
// shared access log bucket.
func (b *builder) privateBucket(name string, encryption *ir.Map, versioned bool) *ir.Map {
	rules := []ir.Value{ir.M(
		"Id", "abort-incomplete-uploads",
		"Status", "Enabled",
		"AbortIncompleteMultipartUpload", ir.M("DaysAfterInitiation", multipartAbortDays),
	)}
	if versioned {
		rules = append(rules, ir.M(
			"Id", "expire-old-versions",
			"Status", "Enabled",
			"NoncurrentVersionExpiration", ir.M("NoncurrentDays", noncurrentVersionDays),
		))
	}
	props := ir.M(
		"BucketEncryption", encryption,
		"PublicAccessBlockConfiguration", publicAccessBlock(),
		"OwnershipControls", ir.M("Rules", ir.Values(ir.M("ObjectOwnership", "BucketOwnerEnforced"))),
		"LifecycleConfiguration", ir.M("Rules", ir.Values(rules...)),
		"LoggingConfiguration", ir.M(
			"DestinationBucketName", ref(b.accessLogBucket()),
			"LogFilePrefix", name+"/",
		),
	)
	if versioned {
		props.Set("VersioningConfiguration", ir.M("Status", "Enabled"))
	}
	return props
}

func publicAccessBlock() *ir.Map {
	return ir.M(
		"BlockPublicAcls", true,
		"BlockPublicPolicy", true,
		"IgnorePublicAcls", true,
		"RestrictPublicBuckets", true,
	)
}

// tlsOnly is a bucket policy statement refusing every request not made over
// TLS.
func tlsOnly(bucket string) *ir.Map {
	return ir.M(
		"Sid", "DenyInsecureTransport",
		"Effect", "Deny",
		"Principal", ir.M("AWS", "*"),
		"Action", "s3:*",
		"Resource", ir.Values(getAtt(bucket, "Arn"), sub("${"+bucket+".Arn}/*")),
		"Condition", ir.M("Bool", ir.M("aws:SecureTransport", "false")),
	)
}

// accessLogBucketID is the logical ID of the bucket receiving the server
// access logs of every other bucket.
const accessLogBucketID = "AccessLogBucket"

// accessLogBucket adds, once, the bucket that receives S3 server access
// logs, and returns its logical ID. S3's log delivery writes only to buckets
// encrypted with S3-managed keys; the bucket policy lets the logging service
// write on behalf of this account's buckets only. Logs are kept a year.
func (b *builder) accessLogBucket() string {
	if b.g.Resource(accessLogBucketID) != nil {
		return accessLogBucketID
	}
	const o = "buckets.access-logs"
	r := b.add(accessLogBucketID, "AWS::S3::Bucket", o, ir.M(
		"BucketEncryption", s3Encryption(),
		"PublicAccessBlockConfiguration", publicAccessBlock(),
		"OwnershipControls", ir.M("Rules", ir.Values(ir.M("ObjectOwnership", "BucketOwnerEnforced"))),
		"VersioningConfiguration", ir.M("Status", "Enabled"),
		"LifecycleConfiguration", ir.M("Rules", ir.Values(ir.M(
			"Id", "expire-logs",
			"Status", "Enabled",
			"ExpirationInDays", accessLogDays,
			"NoncurrentVersionExpiration", ir.M("NoncurrentDays", noncurrentVersionDays),
			"AbortIncompleteMultipartUpload", ir.M("DaysAfterInitiation", multipartAbortDays),
		))),
	))
	r.Comment = "Server access logs of the app's buckets, kept a year."
	r.DeletionPolicy, r.UpdateReplacePolicy = "Retain", "Retain"
	// A log bucket cannot usefully log to itself; say so to the checkers
	// that would otherwise ask for it.
	r.Metadata = ir.M(
		"checkov", ir.M("skip", ir.Values(ir.M("id", "CKV_AWS_18", "comment", "this is the access log bucket"))),
		"cfn_nag", ir.M("rules_to_suppress", ir.Values(ir.M("id", "W35", "reason", "this is the access log bucket"))),
	)
	b.add(accessLogBucketID+"Policy", "AWS::S3::BucketPolicy", o, ir.M(
		"Bucket", ref(accessLogBucketID),
		"PolicyDocument", ir.M("Version", "2012-10-17", "Statement", ir.Values(
			tlsOnly(accessLogBucketID),
			ir.M(
				"Sid", "S3ServerAccessLogs",
				"Effect", "Allow",
				"Principal", ir.M("Service", "logging.s3.amazonaws.com"),
				"Action", "s3:PutObject",
				"Resource", sub("${"+accessLogBucketID+".Arn}/*"),
				"Condition", ir.M("StringEquals", ir.M("aws:SourceAccount", ref("AWS::AccountId"))),
			),
		)),
	))
	return accessLogBucketID
}
