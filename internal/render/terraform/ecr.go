package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// ecrFamily maps ECR repositories. The lifecycle and repository policies
// become their own resources.
type ecrFamily struct{}

func (ecrFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::ECR::Repository", tf: "aws_ecr_repository", ref: "name",
			attrs: map[string]attr{"Arn": a("arn"), "RepositoryUri": a("repository_url")},
			conv:  repository},
	}
}

func repository(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_ecr_repository", name)
	if p.r.Properties.Get("RepositoryName") != nil {
		p.to(b, "RepositoryName", "name")
	} else {
		b.set("name", tmpl(c.use(localName), eStr("-"+dashed(name))))
	}
	p.to(b, "ImageTagMutability", "image_tag_mutability")
	p.to(b, "EmptyOnDelete", "force_delete")
	var nested []*props
	for _, f := range p.list("ImageTagMutabilityExclusionFilters") {
		nested = append(nested, f)
		fb := b.block("image_tag_mutability_exclusion_filter")
		f.to(fb, "ImageTagMutabilityExclusionFilterValue", "filter")
		f.to(fb, "ImageTagMutabilityExclusionFilterType", "filter_type")
	}
	if s := p.sub("ImageScanningConfiguration"); s != nil {
		nested = append(nested, s)
		s.to(b.block("image_scanning_configuration"), "ScanOnPush", "scan_on_push")
	}
	if e := p.sub("EncryptionConfiguration"); e != nil {
		nested = append(nested, e)
		eb := b.block("encryption_configuration")
		e.to(eb, "EncryptionType", "encryption_type")
		e.to(eb, "KmsKey", "kms_key")
	}
	p.tags(b, "Tags")
	repo := trav("aws_ecr_repository", name, "name")
	if l := p.sub("LifecyclePolicy"); l != nil {
		nested = append(nested, l)
		lb := c.resource("aws_ecr_lifecycle_policy", name)
		lb.set("repository", repo)
		l.json(lb, "LifecyclePolicyText", "policy")
		l.raw("RegistryId")
	}
	if p.r.Properties.Get("RepositoryPolicyText") != nil {
		pb := c.resource("aws_ecr_repository_policy", name)
		pb.set("repository", repo)
		p.json(pb, "RepositoryPolicyText", "policy")
	}
	return p.done(nested...)
}
