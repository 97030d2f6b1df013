package expand

import (
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// pipelineBlueprint builds the user's image pipeline: an S3 bucket that
// receives the source as source.zip (CodeBuild's S3 source must be a ZIP),
// and a CodeBuild project that runs the repository's buildspec.yml in
// privileged mode (Docker) and pushes to the services' ECR repositories.
// The build role may write its own log group, read the source object and
// push to exactly these repositories; nothing else.
type pipelineBlueprint struct{}

func (pipelineBlueprint) name() string { return "build pipeline" }

// Names the pipeline shares with the CLI and buildspec.yml.
const (
	// sourceObjectKey is where the deploy command uploads the source ZIP.
	sourceObjectKey = "source.zip"
	// buildspecPath is the buildspec in the source, relative to its root.
	buildspecPath = "buildspec.yml"
	// buildTimeoutMinutes bounds a stuck build.
	buildTimeoutMinutes = 30
	// sourceVersionsKeptDays keeps superseded source uploads for rollback
	// and audit, then expires them.
	sourceVersionsKeptDays = 90
)

// CodeBuild curated images.
const (
	codeBuildImageARM = "aws/codebuild/amazonlinux-aarch64-standard:3.0"
	codeBuildImageX86 = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
)

// buildImage chooses the CodeBuild image and environment type: arm64 when
// every service is arm64, so images build natively; otherwise x86_64 (a
// mixed set builds its arm64 images under emulation there).
func buildImage(services []spec.Service) (image, envType string) {
	if len(services) == 0 {
		return codeBuildImageX86, "LINUX_CONTAINER"
	}
	for _, s := range services {
		if s.Architecture != "arm64" {
			return codeBuildImageX86, "LINUX_CONTAINER"
		}
	}
	return codeBuildImageARM, "ARM_CONTAINER"
}

func (pipelineBlueprint) expand(b *builder) error {
	s := b.spec
	if len(s.Services) == 0 && len(s.StaticSites) == 0 {
		return nil
	}
	const o = "build pipeline"

	bucket := b.add("SourceBucket", "AWS::S3::Bucket", o, ir.M(
		"BucketEncryption", ir.M("ServerSideEncryptionConfiguration", ir.Values(ir.M(
			"ServerSideEncryptionByDefault", ir.M("SSEAlgorithm", "aws:kms"),
			"BucketKeyEnabled", true,
		))),
		"VersioningConfiguration", ir.M("Status", "Enabled"),
		"PublicAccessBlockConfiguration", ir.M(
			"BlockPublicAcls", true, "BlockPublicPolicy", true,
			"IgnorePublicAcls", true, "RestrictPublicBuckets", true,
		),
		"OwnershipControls", ir.M("Rules", ir.Values(ir.M("ObjectOwnership", "BucketOwnerEnforced"))),
		"LifecycleConfiguration", ir.M("Rules", ir.Values(ir.M(
			"Id", "expire-old-sources",
			"Status", "Enabled",
			"NoncurrentVersionExpiration", ir.M("NoncurrentDays", sourceVersionsKeptDays),
			"AbortIncompleteMultipartUpload", ir.M("DaysAfterInitiation", 7),
		))),
	))
	bucket.Comment = "Source uploads (" + sourceObjectKey + ") for CodeBuild: versioned, encrypted, private, TLS only."
	bucket.DeletionPolicy, bucket.UpdateReplacePolicy = "Retain", "Retain"
	b.add("SourceBucketPolicy", "AWS::S3::BucketPolicy", o, ir.M(
		"Bucket", ref("SourceBucket"),
		"PolicyDocument", pipelineTLSOnlyPolicy("SourceBucket"),
	))

	logs := b.logGroup("BuildLogGroup", o, nil)

	var repos []ir.Value
	for _, svc := range s.Services {
		repos = append(repos, getAtt(repositoryID(svc), "Arn"))
	}
	stmts := []Statement{
		{Actions: []string{"logs:CreateLogStream", "logs:PutLogEvents"}, Resources: []ir.Value{getAtt(logs, "Arn")}},
		{Actions: []string{"s3:GetObject", "s3:GetObjectVersion"}, Resources: []ir.Value{sub("${SourceBucket.Arn}/" + sourceObjectKey)}},
	}
	if len(repos) > 0 {
		stmts = append(stmts,
			// GetAuthorizationToken has no resource-level permissions.
			Statement{Actions: []string{"ecr:GetAuthorizationToken"}, Resources: []ir.Value{ir.String("*")}},
			Statement{Actions: []string{
				"ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
				"ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
			}, Resources: repos})
	}
	// Static sites: sync the build output to the site's bucket and
	// invalidate its distribution.
	var buckets, objects, dists []ir.Value
	for _, st := range s.StaticSites {
		bucket, dist := ID(st.Name, "SiteBucket"), ID(st.Name, "Distribution")
		buckets = append(buckets, getAtt(bucket, "Arn"))
		objects = append(objects, sub("${"+bucket+".Arn}/*"))
		dists = append(dists, sub("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${"+dist+"}"))
	}
	if len(s.StaticSites) > 0 {
		stmts = append(stmts,
			Statement{Actions: []string{"s3:ListBucket"}, Resources: buckets},
			Statement{Actions: []string{"s3:DeleteObject", "s3:GetObject", "s3:PutObject"}, Resources: objects},
			Statement{Actions: []string{"cloudfront:CreateInvalidation"}, Resources: dists},
		)
	}
	// The project encrypts its build output with the app key.
	stmts = append(stmts, b.keyUse())
	b.add("BuildRole", "AWS::IAM::Role", o, ir.M(
		"AssumeRolePolicyDocument", assumeRole("codebuild.amazonaws.com"),
		"Policies", ir.Values(ir.M("PolicyName", "build", "PolicyDocument", policyDocument(stmts...))),
	))

	image, envType := buildImage(s.Services)
	env := ir.M(
		"Type", envType,
		"ComputeType", "BUILD_GENERAL1_SMALL",
		"Image", image,
		"ImagePullCredentialsType", "CODEBUILD",
		// Docker inside the build needs privileged mode; static sites
		// alone need no Docker.
		"PrivilegedMode", len(s.Services) > 0,
	)
	if vars := b.buildVariables(); len(vars.Items) > 0 {
		env.Set("EnvironmentVariables", vars)
	}
	p := b.add("BuildProject", "AWS::CodeBuild::Project", o, ir.M(
		"Description", sub("${AWS::StackName}: builds and pushes the service images from "+sourceObjectKey),
		"ServiceRole", getAtt("BuildRole", "Arn"),
		"Source", ir.M(
			"Type", "S3",
			"Location", sub("${SourceBucket}/"+sourceObjectKey),
			"BuildSpec", buildspecPath,
		),
		"Artifacts", ir.M("Type", "NO_ARTIFACTS"),
		"Environment", env,
		"EncryptionKey", getAtt(b.key, "Arn"),
		"TimeoutInMinutes", buildTimeoutMinutes,
		"LogsConfig", ir.M("CloudWatchLogs", ir.M("Status", "ENABLED", "GroupName", ref(logs))),
	))
	p.Comment = "Runs " + buildspecPath + " from " + sourceObjectKey + " on " + image + ": builds and pushes the images, publishes the static sites."

	b.output("SourceBucketName", "Bucket to upload "+sourceObjectKey+" to", ref("SourceBucket"))
	b.output("BuildProjectName", "CodeBuild project that builds the images", ref("BuildProject"))
	return nil
}

// buildVariables are the environment variables buildspec.yml expects
// beyond CodeBuild's own (it derives the account, region and ECR
// repositories itself): each static site's bucket and CloudFront
// distribution, as SITE_BUCKET_<SITE> and DISTRIBUTION_ID_<SITE>.
func (b *builder) buildVariables() *ir.List {
	l := &ir.List{}
	for _, st := range b.spec.StaticSites {
		v := envVarName(st.Name)
		l.Items = append(l.Items,
			ir.M("Name", "SITE_BUCKET_"+v, "Type", "PLAINTEXT", "Value", ref(ID(st.Name, "SiteBucket"))),
			ir.M("Name", "DISTRIBUTION_ID_"+v, "Type", "PLAINTEXT", "Value", ref(ID(st.Name, "Distribution"))),
		)
	}
	return l
}

// pipelineTLSOnlyPolicy is a bucket policy that denies any request not made over
// TLS.
func pipelineTLSOnlyPolicy(bucketID string) *ir.Map {
	return ir.M("Version", "2012-10-17", "Statement", ir.Values(ir.M(
		"Sid", "DenyInsecureTransport",
		"Effect", "Deny",
		"Principal", "*",
		"Action", "s3:*",
		"Resource", ir.Values(getAtt(bucketID, "Arn"), sub("${"+bucketID+".Arn}/*")),
		"Condition", ir.M("Bool", ir.M("aws:SecureTransport", "false")),
	)))
}
