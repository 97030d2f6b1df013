package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// lambdaFamily maps Lambda functions and permissions, and API Gateway
// HTTP APIs (v2) with their integrations, routes and stages.
type lambdaFamily struct{}

func (lambdaFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::Lambda::Function", tf: "aws_lambda_function", ref: "function_name",
			attrs: map[string]attr{"Arn": a("arn")},
			conv:  lambdaFunction},
		{cfn: "AWS::Lambda::Permission", tf: "aws_lambda_permission", ref: "id",
			conv: simple("aws_lambda_permission", [][2]string{
				{"Action", "action"},
				{"FunctionName", "function_name"},
				{"Principal", "principal"},
				{"SourceArn", "source_arn"},
				{"SourceAccount", "source_account"},
				{"EventSourceToken", "event_source_token"},
				{"PrincipalOrgID", "principal_org_id"},
				{"FunctionUrlAuthType", "function_url_auth_type"},
			})},
		{cfn: "AWS::ApiGatewayV2::Api", tf: "aws_apigatewayv2_api", ref: "id",
			attrs: map[string]attr{"ApiEndpoint": a("api_endpoint"), "ApiId": a("id")},
			conv:  httpAPI},
		{cfn: "AWS::ApiGatewayV2::Integration", tf: "aws_apigatewayv2_integration", ref: "id",
			conv: simple("aws_apigatewayv2_integration", [][2]string{
				{"ApiId", "api_id"},
				{"IntegrationType", "integration_type"},
				{"IntegrationUri", "integration_uri"},
				{"IntegrationMethod", "integration_method"},
				{"PayloadFormatVersion", "payload_format_version"},
				{"ConnectionType", "connection_type"},
				{"ConnectionId", "connection_id"},
				{"CredentialsArn", "credentials_arn"},
				{"Description", "description"},
				{"TimeoutInMillis", "timeout_milliseconds"},
			})},
		{cfn: "AWS::ApiGatewayV2::Route", tf: "aws_apigatewayv2_route", ref: "id",
			conv: simple("aws_apigatewayv2_route", [][2]string{
				{"ApiId", "api_id"},
				{"RouteKey", "route_key"},
				{"Target", "target"},
				{"AuthorizationType", "authorization_type"},
				{"AuthorizerId", "authorizer_id"},
				{"OperationName", "operation_name"},
			})},
		{cfn: "AWS::ApiGatewayV2::Stage", tf: "aws_apigatewayv2_stage", ref: "name",
			conv: apiStage},
	}
}

func lambdaFunction(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_lambda_function", c.name(r.ID))
	nameOr(c, p, b, "FunctionName", "function_name")
	p.to(b, "Description", "description")
	p.to(b, "Role", "role")
	p.to(b, "Runtime", "runtime")
	p.to(b, "Handler", "handler")
	p.to(b, "Architectures", "architectures")
	p.to(b, "MemorySize", "memory_size")
	p.to(b, "Timeout", "timeout")
	p.to(b, "ReservedConcurrentExecutions", "reserved_concurrent_executions")
	p.to(b, "KmsKeyArn", "kms_key_arn")
	p.to(b, "Layers", "layers")
	p.to(b, "PackageType", "package_type")
	var nested []*props
	if code := p.sub("Code"); code != nil {
		nested = append(nested, code)
		code.to(b, "S3Bucket", "s3_bucket")
		code.to(b, "S3Key", "s3_key")
		code.to(b, "S3ObjectVersion", "s3_object_version")
		code.to(b, "ImageUri", "image_uri")
	}
	if env := p.sub("Environment"); env != nil {
		nested = append(nested, env)
		env.to(b.block("environment"), "Variables", "variables")
	}
	if t := p.sub("TracingConfig"); t != nil {
		nested = append(nested, t)
		t.to(b.block("tracing_config"), "Mode", "mode")
	}
	if d := p.sub("DeadLetterConfig"); d != nil {
		nested = append(nested, d)
		d.to(b.block("dead_letter_config"), "TargetArn", "target_arn")
	}
	if v := p.sub("VpcConfig"); v != nil {
		nested = append(nested, v)
		vb := b.block("vpc_config")
		v.to(vb, "SubnetIds", "subnet_ids")
		v.to(vb, "SecurityGroupIds", "security_group_ids")
		v.to(vb, "Ipv6AllowedForDualStack", "ipv6_allowed_for_dual_stack")
	}
	if e := p.sub("EphemeralStorage"); e != nil {
		nested = append(nested, e)
		e.to(b.block("ephemeral_storage"), "Size", "size")
	}
	if l := p.sub("LoggingConfig"); l != nil {
		nested = append(nested, l)
		lb := b.block("logging_config")
		if l.r.Properties.Get("LogFormat") == nil {
			// The provider requires the format; Text is Lambda's default.
			lb.set("log_format", eStr("Text"))
		}
		l.to(lb, "LogFormat", "log_format")
		l.to(lb, "LogGroup", "log_group")
		l.to(lb, "ApplicationLogLevel", "application_log_level")
		l.to(lb, "SystemLogLevel", "system_log_level")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}

func httpAPI(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_apigatewayv2_api", c.name(r.ID))
	p.to(b, "Name", "name")
	p.to(b, "ProtocolType", "protocol_type")
	p.to(b, "Description", "description")
	p.to(b, "DisableExecuteApiEndpoint", "disable_execute_api_endpoint")
	p.to(b, "RouteSelectionExpression", "route_selection_expression")
	p.to(b, "IpAddressType", "ip_address_type")
	var nested []*props
	if cors := p.sub("CorsConfiguration"); cors != nil {
		nested = append(nested, cors)
		cb := b.block("cors_configuration")
		cors.to(cb, "AllowCredentials", "allow_credentials")
		cors.to(cb, "AllowHeaders", "allow_headers")
		cors.to(cb, "AllowMethods", "allow_methods")
		cors.to(cb, "AllowOrigins", "allow_origins")
		cors.to(cb, "ExposeHeaders", "expose_headers")
		cors.to(cb, "MaxAge", "max_age")
	}
	if v := p.raw("Tags"); v != nil {
		// An HTTP API's Tags are a map, not a list of {Key, Value}.
		e, err := c.value(v)
		if err != nil {
			p.fail("Tags", "%v", err)
		}
		b.set("tags", e)
	}
	return p.done(nested...)
}

func apiStage(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_apigatewayv2_stage", c.name(r.ID))
	p.to(b, "ApiId", "api_id")
	p.to(b, "StageName", "name")
	p.to(b, "Description", "description")
	p.to(b, "AutoDeploy", "auto_deploy")
	p.to(b, "DeploymentId", "deployment_id")
	p.to(b, "StageVariables", "stage_variables")
	var nested []*props
	if l := p.sub("AccessLogSettings"); l != nil {
		nested = append(nested, l)
		lb := b.block("access_log_settings")
		l.to(lb, "DestinationArn", "destination_arn")
		l.to(lb, "Format", "format")
	}
	if d := p.sub("DefaultRouteSettings"); d != nil {
		nested = append(nested, d)
		db := b.block("default_route_settings")
		d.to(db, "DetailedMetricsEnabled", "detailed_metrics_enabled")
		d.to(db, "ThrottlingBurstLimit", "throttling_burst_limit")
		d.to(db, "ThrottlingRateLimit", "throttling_rate_limit")
		d.to(db, "LoggingLevel", "logging_level")
		d.to(db, "DataTraceEnabled", "data_trace_enabled")
	}
	if v := p.raw("Tags"); v != nil {
		e, err := c.value(v)
		if err != nil {
			p.fail("Tags", "%v", err)
		}
		b.set("tags", e)
	}
	return p.done(nested...)
}
