package cost

import "strings"

// codeBuildPricer prices a CodeBuild project's build minutes by compute
// type (BUILD_GENERAL1_SMALL -> "linux:general1.small"; ARM and GPU
// environments are "arm:" and "linux-gpu:" variants). With FreeTier the
// 100 free minutes a month apply to general1.small on Linux.
var codeBuildPricer = pricer{
	Type:      "AWS::CodeBuild::Project",
	Terraform: []string{"aws_codebuild_project"},
	Usage: []usageKey{
		{Key: "monthly_build_mins", Desc: "build minutes a month"},
	},
	Price: func(c *calc) {
		ct := strings.ToLower(strings.TrimPrefix(c.str("Environment.ComputeType"), "BUILD_"))
		if ct == "" {
			ct = "general1.small"
		}
		ct = strings.Replace(ct, "_", ".", 1)
		os := "linux"
		switch c.str("Environment.Type") {
		case "ARM_CONTAINER", "ARM_EC2", "ARM_LAMBDA_CONTAINER":
			os = "arm"
		case "LINUX_GPU_CONTAINER":
			os = "linux-gpu"
		case "WINDOWS_CONTAINER", "WINDOWS_SERVER_2019_CONTAINER", "WINDOWS_SERVER_2022_CONTAINER", "WINDOWS_EC2":
			os = "windows"
		}
		cp := c.fromUsage("Build minutes ("+os+", "+ct+")", priceKey{"codebuild", "build_minute", os + ":" + ct}, "build-minute", "monthly_build_mins", one)
		if os == "linux" && ct == "general1.small" {
			c.freeTier(cp, "codebuild", "free_build_minutes", one)
		}
	},
}
