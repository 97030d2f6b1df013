// Package cost estimates the monthly AWS bill of a stack read through the IR.
//
// [Estimate] walks every resource of one or more graphs. A resource whose
// type has a pricer (one file each, pricer_<name>.go, listed once in the
// ordered pricers slice) becomes a list of cost components, each a
// quantity in the unit of a price from the catalog (internal/prices) for
// the chosen region: Fargate vCPU-hours, NAT gateway GB processed, and so
// on. Types AWS does not charge for (VPCs, subnets, roles, target groups,
// listeners... the sorted freeTypes list) are listed as free; every other
// type, including Terraform types Hoist does not map ("Terraform::aws_*"),
// is listed as unsupported. Nothing is dropped silently.
//
// Money is decimal (shopspring/decimal), a month is the catalog's 730
// hours, tiered prices are split across their tiers, and free tiers are
// off unless Options.FreeTier is set. Public IPv4 addresses are charged
// explicitly: Elastic IPs, one per AZ of an internet-facing load balancer,
// EC2 instances and Fargate tasks that ask for one. A price missing from the
// snapshot is never invented: the component is listed with a null price,
// the note "price not in snapshot for <region>", and a warning.
//
// Usage-based quantities come from a usage file ([ParseUsage]; hoist-usage.yml,
// version 1, or an Infracost usage file, version 0.1), per type and per
// address. Almost every usage key has no default: a component without usage
// "depends on usage" and counts zero in the total. The exceptions are
// floors the template itself sets (Aurora Serverless v2 MinCapacity, the
// ElastiCache Serverless metered minimum) and counts read from the
// template (Fargate DesiredCount, Auto Scaling DesiredCapacity), which
// usage may override. [UsageTemplate] writes a file listing every key.
//
// An address is the Terraform address for resources imported from
// Terraform (Origin.Source), else the logical ID; with several graphs it is
// prefixed with the graph's name and a slash.
//
// [Compare] matches two reports by address into added, removed and changed
// resources. Savings hints (savings_*.go, listed in the hints slice) follow
// AWS Cost Optimization Hub's vocabulary: MigrateToGraviton, Upgrade (gp2
// to gp3), Consolidate (one NAT gateway), Delete (idle Elastic IP, interface
// endpoints next to NAT), MigrateToECSExpressMode (App Runner), Rightsize
// (from observed utilization in usage or Metadata hoist.utilization).
//
// Reports render as a terminal table, JSON (schema.json, [Schema]),
// Markdown for pull requests and a self-contained HTML page.
//
// cost reads only the IR and the price catalog: it never imports a
// renderer, an importer or the spec, never prints, and reads no files,
// flags or environment.
package cost
