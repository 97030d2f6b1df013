package cost

import (
	"fmt"
	"strings"
)

// gravitonHint: the same workload on Graviton (ARM64), for Fargate tasks,
// Lambda functions, RDS and ElastiCache instances and EC2 instances, when
// the snapshot has the ARM price.
var gravitonHint = hint{ID: "graviton", Find: func(e *estimator) []Saving {
	var out []Saving
	for _, p := range e.priced {
		res := e.resourceOf(p)
		save, what := e.swapSaving(res, gravitonKey)
		if len(what) == 0 {
			continue
		}
		effort := EffortMedium
		if res.Type == "AWS::Lambda::Function" {
			effort = EffortLow
		}
		out = append(out, Saving{
			Resource: res.Address, ActionType: ActionMigrateToGraviton, Effort: effort, Monthly: save,
			Description: fmt.Sprintf("Run on Graviton (ARM64): %s. The image or code must build for arm64.", strings.Join(what, ", ")),
		})
	}
	return out
}}

// gravitonFamilies maps x86 instance families to their Graviton peers.
var gravitonFamilies = [][2]string{
	{"t2", "t4g"}, {"t3", "t4g"}, {"m5", "m6g"}, {"m6i", "m7g"}, {"m7i", "m7g"},
	{"r5", "r6g"}, {"r6i", "r7g"}, {"c5", "c6g"}, {"c6i", "c7g"}, {"c7i", "c7g"},
}

// gravitonClass maps "db.t3.small" or "t3.small" to its Graviton class.
func gravitonClass(class string) (string, bool) {
	parts := strings.Split(class, ".")
	if len(parts) < 2 {
		return "", false
	}
	fi := len(parts) - 2
	for _, f := range gravitonFamilies {
		if parts[fi] == f[0] {
			parts[fi] = f[1]
			return strings.Join(parts, "."), true
		}
	}
	return "", false
}

func gravitonKey(k priceKey) (priceKey, bool) {
	switch {
	case k.Service == "fargate" && k.Variant == "linux-x86":
		return priceKey{k.Service, k.Item, "linux-arm"}, true
	case k.Service == "lambda" && k.Item == "gb_second" && k.Variant == "x86_64":
		return priceKey{k.Service, k.Item, "arm64"}, true
	case k.Service == "rds" && k.Item == "instance_hour":
		parts := strings.Split(k.Variant, ":")
		if len(parts) == 3 {
			if g, ok := gravitonClass(parts[1]); ok {
				return priceKey{k.Service, k.Item, parts[0] + ":" + g + ":" + parts[2]}, true
			}
		}
	case k.Service == "elasticache" && k.Item == "node_hour":
		if g, ok := gravitonClass(k.Variant); ok {
			return priceKey{k.Service, k.Item, g}, true
		}
	case k.Service == "ec2" && k.Item == "instance_hour":
		if t, ok := strings.CutPrefix(k.Variant, "linux:"); ok {
			if g, ok := gravitonClass(t); ok {
				return priceKey{k.Service, k.Item, "linux:" + g}, true
			}
		}
	}
	return priceKey{}, false
}
