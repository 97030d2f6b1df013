package cost

// dataTransferPricer prices the stack's data transfer, a pseudo-resource
// that exists only when the usage file gives it (address data_transfer, or
// Infracost's aws_data_transfer): GB out to the internet (tiered: first 10
// TB, next 40 TB) and GB between availability zones, charged on each side.
var dataTransferPricer = pricer{
	Type:      dataTransferType,
	Terraform: []string{"aws_data_transfer"},
	Usage: []usageKey{
		{Key: "monthly_outbound_internet_gb", Desc: "GB out to the internet a month"},
		{Key: "monthly_intra_region_gb", Aliases: []string{"monthly_inter_az_gb"}, Desc: "GB moved between availability zones a month"},
	},
	Price: func(c *calc) {
		c.tiered("Out to the internet", "data_transfer", "out_to_internet_gb", "GB", []tier{
			{Variant: "first-10TB", Label: "first 10 TB", Size: dec("10240")},
			{Variant: "next-40TB", Label: "next 40 TB"},
		}, c.usage("monthly_outbound_internet_gb"), true)
		c.add("Between availability zones (both sides)", priceKey{"data_transfer", "inter_az_gb_each_way", ""}, "GB", c.scaled("monthly_intra_region_gb", dec("0.5")), true)
	},
}
