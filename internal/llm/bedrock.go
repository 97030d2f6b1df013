package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/document"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
	"github.com/aws/smithy-go"
)

// bedrock calls Amazon Bedrock's Converse API through aws-sdk-go-v2, with
// the SDK's own credential chain, signing and retries.
type bedrock struct {
	cfg    Config
	client *bedrockruntime.Client
}

// newBedrock loads the AWS configuration (environment, shared config and
// credentials files, ...) for cfg.Region; BaseURL overrides the endpoint.
func newBedrock(ctx context.Context, cfg Config, deps Deps) (*bedrock, error) {
	opts := []func(*config.LoadOptions) error{
		config.WithHTTPClient(deps.HTTP),
		config.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = cfg.MaxRetries + 1 })
		}),
	}
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("bedrock: loading the AWS configuration: %w", err)
	}
	if awsCfg.Region == "" {
		return nil, errors.New("bedrock: no AWS region (set llm.region, HOIST_LLM_REGION or AWS_REGION)")
	}
	client := bedrockruntime.NewFromConfig(awsCfg, func(o *bedrockruntime.Options) {
		if cfg.BaseURL != "" {
			o.BaseEndpoint = aws.String(cfg.BaseURL)
		}
	})
	return &bedrock{cfg: cfg, client: client}, nil
}

// newBedrockWith builds the provider on a ready AWS configuration (tests
// pass static credentials).
func newBedrockWith(cfg Config, awsCfg aws.Config) *bedrock {
	cfg = cfg.withDefaults()
	return &bedrock{cfg: cfg, client: bedrockruntime.NewFromConfig(awsCfg, func(o *bedrockruntime.Options) {
		if cfg.BaseURL != "" {
			o.BaseEndpoint = aws.String(cfg.BaseURL)
		}
	})}
}

func (*bedrock) Name() string { return ProviderBedrock }

func (p *bedrock) Complete(ctx context.Context, req Request) (Response, error) {
	var lastErr error
	for _, mode := range modesFrom(p.cfg, ModeJSONSchema, ModeTool, ModeText) {
		resp, err := p.try(ctx, req, mode)
		if err == nil {
			return resp, nil
		}
		var ae smithy.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" || !strings.Contains(strings.ToLower(ae.ErrorMessage()), "support") {
			return Response{}, fmt.Errorf("bedrock: %w", err)
		}
		lastErr = fmt.Errorf("bedrock: %w", err)
	}
	return Response{}, lastErr
}

func (p *bedrock) try(ctx context.Context, req Request, mode string) (Response, error) {
	var schema map[string]any
	if err := json.Unmarshal(req.Schema, &schema); err != nil {
		return Response{}, err
	}
	system := req.System
	in := &bedrockruntime.ConverseInput{
		ModelId: aws.String(p.cfg.Model),
		Messages: []types.Message{{
			Role:    types.ConversationRoleUser,
			Content: []types.ContentBlock{&types.ContentBlockMemberText{Value: req.User}},
		}},
		InferenceConfig: &types.InferenceConfiguration{
			MaxTokens:   aws.Int32(int32(p.cfg.MaxTokens)),
			Temperature: aws.Float32(float32(p.cfg.Temperature)),
		},
	}
	switch mode {
	case ModeJSONSchema:
		in.OutputConfig = &types.OutputConfig{TextFormat: &types.OutputFormat{
			Type: types.OutputFormatTypeJsonSchema,
			Structure: &types.OutputFormatStructureMemberJsonSchema{Value: types.JsonSchemaDefinition{
				Name: aws.String(req.SchemaName), Schema: aws.String(string(req.Schema)),
			}},
		}}
	case ModeTool:
		in.ToolConfig = &types.ToolConfiguration{
			Tools: []types.Tool{&types.ToolMemberToolSpec{Value: types.ToolSpecification{
				Name:        aws.String(req.SchemaName),
				Description: aws.String("Give the answer."),
				InputSchema: &types.ToolInputSchemaMemberJson{Value: document.NewLazyDocument(schema)},
			}}},
			ToolChoice: &types.ToolChoiceMemberTool{Value: types.SpecificToolChoice{Name: aws.String(req.SchemaName)}},
		}
	default:
		system += "\n\nAnswer with one JSON object, and nothing else, that satisfies this JSON Schema:\n" + string(req.Schema)
	}
	in.System = []types.SystemContentBlock{&types.SystemContentBlockMemberText{Value: system}}
	out, err := p.client.Converse(ctx, in)
	if err != nil {
		return Response{}, err
	}
	switch out.StopReason {
	case types.StopReasonContentFiltered, types.StopReasonGuardrailIntervened:
		return Response{}, refused(string(out.StopReason))
	}
	msg, ok := out.Output.(*types.ConverseOutputMemberMessage)
	if !ok {
		return Response{}, errors.New("bedrock: the answer holds no message")
	}
	var text strings.Builder
	for _, c := range msg.Value.Content {
		switch b := c.(type) {
		case *types.ContentBlockMemberToolUse:
			if mode == ModeTool && aws.ToString(b.Value.Name) == req.SchemaName && b.Value.Input != nil {
				data, err := b.Value.Input.MarshalSmithyDocument()
				if err != nil {
					return Response{}, fmt.Errorf("bedrock: the tool input: %w", err)
				}
				return Response{JSON: string(data), Mode: ModeTool}, nil
			}
		case *types.ContentBlockMemberText:
			text.WriteString(b.Value)
		}
	}
	if mode == ModeJSONSchema {
		return Response{JSON: strings.TrimSpace(text.String()), Mode: mode}, nil
	}
	j, ok := ExtractJSON(text.String())
	if !ok {
		return Response{}, ErrNoJSON
	}
	return Response{JSON: j, Mode: ModeText}, nil
}
