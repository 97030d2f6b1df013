package cost

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_./:-]+$`)

func yamlKey(s string) string {
	if plainKey.MatchString(s) && !strings.Contains(s, ": ") {
		return s
	}
	return strconv.Quote(s)
}

// UsageTemplate writes a usage file for the graphs: every usage key of
// every resource that has usage-based prices, commented out with what it
// means, and the stack-wide data transfer. Uncommenting a key and setting
// its value prices it; keys left commented "depend on usage". The output
// is deterministic and parses with ParseUsage without warnings.
func UsageTemplate(graphs []*ir.Graph) []byte {
	e := &estimator{graphs: graphs, multi: len(graphs) > 1}
	b := &strings.Builder{}
	b.WriteString("# Hoist usage file: monthly quantities for the usage-based prices of this stack.\n")
	b.WriteString("# Uncomment a key and set its value; a key left commented \"depends on usage\".\n")
	b.WriteString("# Infracost usage files (version 0.1) are read too.\n")
	b.WriteString("version: 1\n\n")
	b.WriteString("# Defaults for every resource of a type (CloudFormation or Terraform type names):\n")
	b.WriteString("resource_type_default_usage:\n")
	var types []string
	seen := map[string]bool{}
	type entry struct {
		addr string
		pr   *pricer
	}
	var entries []entry
	for _, g := range graphs {
		if g == nil {
			continue
		}
		for _, r := range g.Resources {
			pr := pricerFor(r.Type)
			if pr == nil || len(pr.Usage) == 0 {
				continue
			}
			entries = append(entries, entry{e.address(g, r), pr})
			if !seen[r.Type] {
				seen[r.Type] = true
				types = append(types, r.Type)
			}
		}
	}
	for _, t := range types {
		pr := pricerFor(t)
		fmt.Fprintf(b, "  # %s:\n", t)
		for _, k := range pr.Usage {
			fmt.Fprintf(b, "  #   %s: 0  # %s\n", yamlKey(k.Key), k.Desc)
		}
	}
	b.WriteString("\n# Per resource, by address (logical ID, or Terraform address):\n")
	b.WriteString("resource_usage:\n")
	dt := pricerFor(dataTransferType)
	entries = append(entries, entry{dataTransferAddress, dt})
	for _, en := range entries {
		fmt.Fprintf(b, "  %s:  # %s\n", yamlKey(en.addr), en.pr.Type)
		for _, k := range en.pr.Usage {
			def := ""
			if k.Default != "" {
				def = " (default " + k.Default + ")"
			}
			fmt.Fprintf(b, "    # %s: 0  # %s%s\n", yamlKey(k.Key), k.Desc, def)
		}
	}
	return []byte(b.String())
}
