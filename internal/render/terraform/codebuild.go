package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// codebuildFamily maps CodeBuild projects.
type codebuildFamily struct{}

func (codebuildFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::CodeBuild::Project", tf: "aws_codebuild_project", ref: "name",
			attrs: map[string]attr{"Arn": a("arn")},
			conv:  buildProject},
	}
}

func buildProject(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_codebuild_project", name)
	if p.r.Properties.Get("Name") != nil {
		p.to(b, "Name", "name")
	} else {
		b.set("name", tmpl(c.use(localName), eStr("-"+dashed(name))))
	}
	p.to(b, "Description", "description")
	p.to(b, "ServiceRole", "service_role")
	p.to(b, "EncryptionKey", "encryption_key")
	p.to(b, "TimeoutInMinutes", "build_timeout")
	p.to(b, "QueuedTimeoutInMinutes", "queued_timeout")
	p.to(b, "ConcurrentBuildLimit", "concurrent_build_limit")
	var nested []*props
	if s := p.sub("Source"); s != nil {
		nested = append(nested, s)
		sb := b.block("source")
		s.to(sb, "Type", "type")
		s.to(sb, "Location", "location")
		s.to(sb, "BuildSpec", "buildspec")
		s.to(sb, "GitCloneDepth", "git_clone_depth")
		s.to(sb, "InsecureSsl", "insecure_ssl")
		s.to(sb, "ReportBuildStatus", "report_build_status")
	}
	if e := p.sub("Environment"); e != nil {
		nested = append(nested, e)
		eb := b.block("environment")
		e.to(eb, "ComputeType", "compute_type")
		e.to(eb, "Image", "image")
		e.to(eb, "Type", "type")
		e.to(eb, "ImagePullCredentialsType", "image_pull_credentials_type")
		e.to(eb, "PrivilegedMode", "privileged_mode")
		e.to(eb, "Certificate", "certificate")
		for _, v := range e.list("EnvironmentVariables") {
			nested = append(nested, v)
			vb := eb.block("environment_variable")
			v.to(vb, "Name", "name")
			v.to(vb, "Value", "value")
			v.to(vb, "Type", "type")
		}
	}
	if a := p.sub("Artifacts"); a != nil {
		nested = append(nested, a)
		ab := b.block("artifacts")
		a.to(ab, "Type", "type")
		a.to(ab, "Location", "location")
		a.to(ab, "Name", "name")
		a.to(ab, "Path", "path")
		a.to(ab, "Packaging", "packaging")
		a.to(ab, "EncryptionDisabled", "encryption_disabled")
	}
	if l := p.sub("LogsConfig"); l != nil {
		nested = append(nested, l)
		lb := b.block("logs_config")
		if cw := l.sub("CloudWatchLogs"); cw != nil {
			nested = append(nested, cw)
			cb := lb.block("cloudwatch_logs")
			cw.to(cb, "Status", "status")
			cw.to(cb, "GroupName", "group_name")
			cw.to(cb, "StreamName", "stream_name")
		}
		if s3 := l.sub("S3Logs"); s3 != nil {
			nested = append(nested, s3)
			sb := lb.block("s3_logs")
			s3.to(sb, "Status", "status")
			s3.to(sb, "Location", "location")
			s3.to(sb, "EncryptionDisabled", "encryption_disabled")
		}
	}
	if v := p.sub("VpcConfig"); v != nil {
		nested = append(nested, v)
		vb := b.block("vpc_config")
		v.to(vb, "VpcId", "vpc_id")
		v.to(vb, "Subnets", "subnets")
		v.to(vb, "SecurityGroupIds", "security_group_ids")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}
