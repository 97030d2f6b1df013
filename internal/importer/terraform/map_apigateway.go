package terraform

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// apiGatewayTypes maps API Gateway HTTP APIs (v2: APIs, integrations,
// routes, stages) and REST APIs (v1: APIs, resources, methods,
// deployments, stages, custom domain names and their base path
// mappings). aws_api_gateway_method_settings merges into its stage's
// MethodSettings, where CloudFormation keeps them.
func apiGatewayTypes() []typeMap {
	return []typeMap{
		{tf: "aws_apigatewayv2_api", cfn: "AWS::ApiGatewayV2::Api", ref: []string{"id"},
			attrs: map[string]string{"api_endpoint": "ApiEndpoint"},
			fields: []field{
				f("name", "Name"),
				f("protocol_type", "ProtocolType"),
				f("description", "Description"),
				f("disable_execute_api_endpoint", "DisableExecuteApiEndpoint"),
				f("route_selection_expression", "RouteSelectionExpression"),
				f("ip_address_type", "IpAddressType"),
				blk("cors_configuration", "CorsConfiguration",
					f("allow_credentials", "AllowCredentials"),
					f("allow_headers", "AllowHeaders"),
					f("allow_methods", "AllowMethods"),
					f("allow_origins", "AllowOrigins"),
					f("expose_headers", "ExposeHeaders"),
					f("max_age", "MaxAge")),
				// An HTTP API's Tags are a map, as the provider's are.
				f("tags", "Tags"),
			}},
		{tf: "aws_apigatewayv2_integration", cfn: "AWS::ApiGatewayV2::Integration", ref: []string{"id"},
			fields: []field{
				f("api_id", "ApiId"),
				f("integration_type", "IntegrationType"),
				f("integration_uri", "IntegrationUri"),
				f("integration_method", "IntegrationMethod"),
				f("payload_format_version", "PayloadFormatVersion"),
				f("connection_type", "ConnectionType"),
				f("connection_id", "ConnectionId"),
				f("credentials_arn", "CredentialsArn"),
				f("description", "Description"),
				f("timeout_milliseconds", "TimeoutInMillis"),
			}},
		{tf: "aws_apigatewayv2_route", cfn: "AWS::ApiGatewayV2::Route", ref: []string{"id"},
			fields: []field{
				f("api_id", "ApiId"),
				f("route_key", "RouteKey"),
				f("target", "Target"),
				f("authorization_type", "AuthorizationType"),
				f("authorizer_id", "AuthorizerId"),
				f("operation_name", "OperationName"),
			}},
		{tf: "aws_apigatewayv2_stage", cfn: "AWS::ApiGatewayV2::Stage", ref: []string{"name", "id"},
			fields: []field{
				f("api_id", "ApiId"),
				f("name", "StageName"),
				f("description", "Description"),
				f("auto_deploy", "AutoDeploy"),
				f("deployment_id", "DeploymentId"),
				f("stage_variables", "StageVariables"),
				blk("access_log_settings", "AccessLogSettings",
					f("destination_arn", "DestinationArn"), f("format", "Format")),
				blk("default_route_settings", "DefaultRouteSettings",
					f("detailed_metrics_enabled", "DetailedMetricsEnabled"),
					f("throttling_burst_limit", "ThrottlingBurstLimit"),
					f("throttling_rate_limit", "ThrottlingRateLimit"),
					f("logging_level", "LoggingLevel"),
					f("data_trace_enabled", "DataTraceEnabled")),
				f("tags", "Tags"),
			}},
		{tf: "aws_api_gateway_rest_api", cfn: "AWS::ApiGateway::RestApi", ref: []string{"id"},
			attrs: map[string]string{"root_resource_id": "RootResourceId"},
			fields: []field{
				f("name", "Name"),
				f("description", "Description"),
				blk("endpoint_configuration", "EndpointConfiguration",
					f("types", "Types"), f("vpc_endpoint_ids", "VpcEndpointIds")),
				js("body", "Body"),
				js("policy", "Policy"),
				f("api_key_source", "ApiKeySourceType"),
				f("binary_media_types", "BinaryMediaTypes"),
				f("disable_execute_api_endpoint", "DisableExecuteApiEndpoint"),
				f("minimum_compression_size", "MinimumCompressionSize"),
				tags(),
			}},
		{tf: "aws_api_gateway_resource", cfn: "AWS::ApiGateway::Resource", ref: []string{"id"},
			fields: []field{f("rest_api_id", "RestApiId"), f("parent_id", "ParentId"), f("path_part", "PathPart")}},
		{tf: "aws_api_gateway_method", cfn: "AWS::ApiGateway::Method", ref: []string{"id"},
			fields: []field{
				f("rest_api_id", "RestApiId"),
				f("resource_id", "ResourceId"),
				f("http_method", "HttpMethod"),
				f("authorization", "AuthorizationType"),
				f("authorizer_id", "AuthorizerId"),
				f("api_key_required", "ApiKeyRequired"),
				f("request_parameters", "RequestParameters"),
				f("operation_name", "OperationName"),
			}},
		{tf: "aws_api_gateway_deployment", cfn: "AWS::ApiGateway::Deployment", ref: []string{"id"},
			fields: []field{f("rest_api_id", "RestApiId"), f("description", "Description")}},
		{tf: "aws_api_gateway_stage", cfn: "AWS::ApiGateway::Stage", ref: []string{"stage_name"},
			fields: []field{
				f("rest_api_id", "RestApiId"),
				f("stage_name", "StageName"),
				f("deployment_id", "DeploymentId"),
				f("description", "Description"),
				f("cache_cluster_enabled", "CacheClusterEnabled"),
				f("cache_cluster_size", "CacheClusterSize"),
				f("xray_tracing_enabled", "TracingEnabled"),
				f("client_certificate_id", "ClientCertificateId"),
				blk("access_log_settings", "AccessLogSetting",
					f("destination_arn", "DestinationArn"), f("format", "Format")),
				f("variables", "Variables"),
				tags(),
			}},
		{tf: "aws_api_gateway_method_settings",
			fields: []field{
				f("stage_name", "StageName"),
				f("rest_api_id", "RestApiId"),
				blk("settings", "MethodSettings",
					f("metrics_enabled", "MetricsEnabled"),
					f("logging_level", "LoggingLevel"),
					f("data_trace_enabled", "DataTraceEnabled"),
					f("throttling_burst_limit", "ThrottlingBurstLimit"),
					f("throttling_rate_limit", "ThrottlingRateLimit"),
					f("caching_enabled", "CachingEnabled"),
					f("cache_ttl_in_seconds", "CacheTtlInSeconds"),
					f("cache_data_encrypted", "CacheDataEncrypted")),
			},
			post: methodPath,
			merge: &mergeSpec{attr: "stage_name", targets: []string{"aws_api_gateway_stage"}, same: []string{"rest_api_id"},
				into: func(own, target *ir.Map) {
					if e, ok := own.Entry("MethodSettings"); ok {
						setPath(target, "MethodSettings", &ir.List{Loc: e.Loc, Items: []ir.Value{e.Value}}, e.Loc)
					}
				}}},
		{tf: "aws_api_gateway_domain_name", cfn: "AWS::ApiGateway::DomainName", ref: []string{"domain_name", "id"},
			attrs: map[string]string{"arn": "DomainNameArn", "cloudfront_domain_name": "DistributionDomainName",
				"cloudfront_zone_id": "DistributionHostedZoneId", "regional_domain_name": "RegionalDomainName",
				"regional_zone_id": "RegionalHostedZoneId"},
			fields: []field{
				f("domain_name", "DomainName"),
				f("certificate_arn", "CertificateArn"),
				f("regional_certificate_arn", "RegionalCertificateArn"),
				f("security_policy", "SecurityPolicy"),
				f("ownership_verification_certificate_arn", "OwnershipVerificationCertificateArn"),
				blk("endpoint_configuration", "EndpointConfiguration",
					f("types", "Types"), f("ip_address_type", "IpAddressType")),
				blk("mutual_tls_authentication", "MutualTlsAuthentication",
					f("truststore_uri", "TruststoreUri"), f("truststore_version", "TruststoreVersion")),
				tags(),
			}},
		{tf: "aws_api_gateway_base_path_mapping", cfn: "AWS::ApiGateway::BasePathMapping",
			fields: []field{
				f("domain_name", "DomainName"),
				f("api_id", "RestApiId"),
				f("stage_name", "Stage"),
				fv("base_path", "BasePath", nonEmpty),
			}},
	}
}

// methodPath splits method_path ({resource_path}/{http_method}, or */*
// for every method) into the MethodSetting's ResourcePath, which
// CloudFormation writes with a leading slash and the path's slashes as ~1,
// and HttpMethod.
func methodPath(_ *mapper, in, out *ir.Map) {
	settings, _ := out.Get("MethodSettings").(*ir.Map)
	e, ok := in.Entry("method_path")
	if !ok || settings == nil {
		return
	}
	s, isStr := e.Value.(ir.String)
	i := strings.LastIndex(string(s), "/")
	if !isStr || i < 0 {
		setEntry(settings, "ResourcePath", e.Value, e.Loc)
		return
	}
	res, method := strings.Trim(string(s[:i]), "/"), string(s[i+1:])
	path := "/"
	switch {
	case res == "*":
		path = "/*"
	case res != "":
		path = "/~1" + strings.ReplaceAll(res, "/", "~1")
	}
	settings.Entries = append([]ir.Entry{
		{Key: "ResourcePath", Value: ir.String(path), Loc: e.Loc},
		{Key: "HttpMethod", Value: ir.String(method), Loc: e.Loc},
	}, settings.Entries...)
}
