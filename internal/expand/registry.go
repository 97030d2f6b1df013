package expand

import (
	"encoding/json"
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// registryBlueprint creates one ECR repository per service, named
// <spec name>-<service name> because buildspec.yml and the CI workflow push
// there by name. Tags are immutable (an image tag always means the same
// bytes) except "buildcache", the registry build cache that every build
// overwrites; images are scanned on push and encrypted with KMS (the AWS
// managed key for ECR, which needs no key policy); a lifecycle policy keeps
// the last 30 images and expires untagged ones after a week.
type registryBlueprint struct{}

func (registryBlueprint) name() string { return "image repositories" }

// buildCacheTag is the tag buildspec.yml and the workflow use for the
// registry build cache (--cache-to type=registry,ref=<repo>:buildcache).
const buildCacheTag = "buildcache"

// Lifecycle limits of every repository.
const (
	keepImages       = 30
	untaggedDaysKept = 7
)

func (registryBlueprint) expand(b *builder) error {
	for i, svc := range b.spec.Services {
		o := origin("services", i, svc.Name)
		r := b.add(repositoryID(svc), "AWS::ECR::Repository", o, ir.M(
			"RepositoryName", repositoryName(b.spec, svc),
			"ImageTagMutability", "IMMUTABLE_WITH_EXCLUSION",
			"ImageTagMutabilityExclusionFilters", ir.Values(ir.M(
				"ImageTagMutabilityExclusionFilterType", "WILDCARD",
				"ImageTagMutabilityExclusionFilterValue", buildCacheTag,
			)),
			"ImageScanningConfiguration", ir.M("ScanOnPush", true),
			"EncryptionConfiguration", ir.M("EncryptionType", "KMS"),
			"LifecyclePolicy", ir.M("LifecyclePolicyText", ecrLifecyclePolicy()),
		))
		r.Comment = "Images of service " + svc.Name + ": immutable tags (except " + buildCacheTag + "), scanned on push, KMS-encrypted."
		b.output(ID(svc.Name, "RepositoryUri"), "ECR repository of service "+svc.Name, getAtt(repositoryID(svc), "RepositoryUri"))
	}
	return nil
}

// repositoryID is the logical ID of a service's ECR repository.
func repositoryID(svc spec.Service) string { return ID(svc.Name, "Repository") }

// repositoryName is the physical name buildspec.yml and the workflow push to.
func repositoryName(s *spec.Spec, svc spec.Service) string { return s.Name + "-" + svc.Name }

// ecrLifecyclePolicy is the ECR lifecycle policy text: untagged images go after
// untaggedDaysKept days; of the rest, the newest keepImages stay. ECR
// requires the rule on "any" tag status to have the highest priority.
func ecrLifecyclePolicy() string {
	type selection struct {
		TagStatus   string `json:"tagStatus"`
		CountType   string `json:"countType"`
		CountUnit   string `json:"countUnit,omitempty"`
		CountNumber int    `json:"countNumber"`
	}
	type rule struct {
		RulePriority int               `json:"rulePriority"`
		Description  string            `json:"description"`
		Selection    selection         `json:"selection"`
		Action       map[string]string `json:"action"`
	}
	doc := struct {
		Rules []rule `json:"rules"`
	}{Rules: []rule{
		{1, fmt.Sprintf("Expire untagged images after %d days", untaggedDaysKept), selection{"untagged", "sinceImagePushed", "days", untaggedDaysKept}, map[string]string{"type": "expire"}},
		{2, fmt.Sprintf("Keep the newest %d images", keepImages), selection{"any", "imageCountMoreThan", "", keepImages}, map[string]string{"type": "expire"}},
	}}
	data, err := json.Marshal(doc)
	if err != nil {
		panic(err) // static data; cannot fail
	}
	return string(data)
}
