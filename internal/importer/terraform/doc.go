// Package terraform imports Terraform configurations (HCL, AWS provider
// v4 and later) into Hoist's IR, so that cost and policy, which read only
// the IR, treat Terraform like CloudFormation: a rule written against
// AWS::S3::Bucket's BucketEncryption also judges a Terraform bucket. It is
// the inverse of internal/render/terraform.
//
// # Reading
//
// ImportDir parses every *.tf file of a folder (concurrently), reads
// terraform.tfvars, *.auto.tfvars, Options.VarFiles and Options.Vars, in
// that order of precedence, and evaluates the configuration with
// hashicorp/hcl and go-cty: variables (with their type constraints),
// locals in dependency order, count and for_each (count = 0 drops the
// resource), conditionals, templates, dynamic blocks and go-cty's standard
// functions under Terraform's names (see functions). Local modules
// (source = "./modules/x") are imported with their inputs, their resources'
// addresses prefixed module.x.; remote modules, non-AWS providers and
// *.tf.json files are reported as "info" problems and skipped. Data
// sources are not resources. Parse errors are problems at file:line:col;
// the rest of the folder is still imported. Nothing panics on malformed
// input.
//
// ImportFiles reads a configuration given as name -> content: the files
// are one root module whatever their folders (testdata/x/fail.tf alone is
// a module), except those in a folder that a given file calls as a local
// module; a module source is relative to the folder of the file calling
// it, and locations keep the names as given.
//
// References to other resources are evaluated through markers (private-use
// runes standing for IR values) so that they survive functions, templates
// and jsonencode: aws_s3_bucket.b.arn becomes ir.GetAtt{AwsS3BucketB, Arn},
// aws_s3_bucket.b.id the ir.Ref CloudFormation's Ref of a bucket returns,
// "${aws_s3_bucket.b.arn}/*" an ir.Sub. data.aws_caller_identity,
// aws_region, aws_partition and aws_availability_zones become pseudo
// parameters and Fn::GetAZs; data.aws_iam_policy_document is evaluated
// into its JSON document; data.aws_secretsmanager_random_password becomes
// GenerateSecretString. Whatever cannot be evaluated (an unknown function,
// another data source, a value known only after apply) is kept as
// ir.Call{Fn: "Expr", Args: source text}.
//
// # Mapping
//
// Each aws_* type maps through one entry of an ordered registry of family
// files (map_*.go): the CloudFormation type, the attributes that give
// what Ref and GetAtt return, and a table from attributes and nested
// blocks to property paths. Tags become [{Key, Value}] sorted by key;
// policy arguments (jsonencode, heredoc JSON, policy documents) become
// maps; scalars are converted to the types the embedded CloudFormation
// schema gives their properties (internal/schema/cfn), and the schema
// names the keys of documents written in other cases (ECS container
// definitions, WAF rules). The provider's split resources merge into
// what they configure: aws_s3_bucket_* into the bucket, aws_iam_role_policy
// and _policy_attachment into the role, the ECR policies into the
// repository, a secret version into its secret, extra listener
// certificates into the listener, the policy attachments of users and
// groups into their ManagedPolicyArns, user group memberships into the
// user's Groups, an aws_elb_attachment into the Classic Load Balancer's
// Instances, aws_api_gateway_method_settings into its stage's
// MethodSettings (method_path */* is ResourcePath /* and HttpMethod *);
// when the target is not in the import they are kept on their own. A
// network ACL's inline rules and subnet_ids become NetworkAclEntry and
// SubnetNetworkAclAssociation resources beside it. The adopted defaults
// (aws_default_security_group, aws_default_network_acl,
// aws_default_vpc) are not created by CloudFormation and stay
// Terraform's. Security group rules stay separate
// resources (AWS::EC2::SecurityGroupIngress/Egress); inline rules become
// the group's lists; a rule with several CIDR blocks is one CloudFormation
// rule per block. Unmapped aws_* types are kept as "Terraform::aws_foo"
// with their attributes, never dropped; attributes a mapped type does not
// know are dropped.
//
// # Approximations
//
// Logical IDs are the address in PascalCase (aws_s3_bucket.assets[0] ->
// AwsS3BucketAssets0); two addresses that collide get a numeric suffix and
// a warning. count or for_each that cannot be evaluated imports one
// instance. data.aws_availability_zones names has three zones. An
// instance's root_block_device has no DeviceName (it depends on the AMI)
// and associate_public_ip_address becomes a primary network interface.
// lifecycle prevent_destroy (and skip_destroy) become DeletionPolicy and
// UpdateReplacePolicy Retain. Provider defaults are not filled in, except
// descriptions CloudFormation requires ("Managed by Terraform").
//
// Build and Instance are shared with package tfplan, which maps plan JSON
// through the same registry. The package writes only the IR; it prints
// nothing and reads only the files it is pointed at.
package terraform
