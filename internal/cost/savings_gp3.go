package cost

import (
	"fmt"
	"strings"
)

// gp3Hint: gp2 volumes (EBS, RDS storage) moved to gp3, which costs less
// per GB or the same with a higher IOPS baseline, without downtime.
var gp3Hint = hint{ID: "gp2-to-gp3", Find: func(e *estimator) []Saving {
	var out []Saving
	for _, p := range e.priced {
		res := e.resourceOf(p)
		save, what := e.swapSaving(res, func(k priceKey) (priceKey, bool) {
			switch {
			case k.Service == "ebs" && k.Variant == "gp2":
				return priceKey{k.Service, k.Item, "gp3"}, true
			case k.Service == "rds" && k.Item == "storage_gb_month" && strings.HasPrefix(k.Variant, "gp2:"):
				return priceKey{k.Service, k.Item, "gp3:" + strings.TrimPrefix(k.Variant, "gp2:")}, true
			}
			return priceKey{}, false
		})
		if len(what) == 0 {
			continue
		}
		out = append(out, Saving{
			Resource: res.Address, ActionType: ActionUpgrade, Effort: EffortVeryLow, Monthly: save,
			Description: fmt.Sprintf("Change the volume type from gp2 to gp3 (%s): cheaper per GB, 3,000 IOPS included, no downtime.", strings.Join(what, ", ")),
		})
	}
	return out
}}
