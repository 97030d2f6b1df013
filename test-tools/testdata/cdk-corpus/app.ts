// A CDK app that synthesizes a broad, realistic CloudFormation template
// (networking, containers, databases, queues, functions, CDN, IAM). Its output
// is committed as internal/schema/cfn/testdata/cdk-corpus.template.json, where
// the Go checker must find no problem in any resource: CDK output is valid.
//
// Regenerate (offline, no credentials):
//   cd test-tools && npx cdk synth --app "npx tsx testdata/cdk-corpus/app.ts" -o /tmp/cdk-corpus --quiet
//   cp /tmp/cdk-corpus/Corpus.template.json ../internal/schema/cfn/testdata/cdk-corpus.template.json
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';

const app = new App();
const stack = new Stack(app, 'Corpus');

const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
vpc.addFlowLog('FlowLog');
vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });

const logBucket = new s3.Bucket(stack, 'Logs', {
  encryption: s3.BucketEncryption.KMS,
  encryptionKey: key,
  versioned: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  lifecycleRules: [{ expiration: Duration.days(90), transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) }] }],
  removalPolicy: RemovalPolicy.RETAIN,
});

const repo = new ecr.Repository(stack, 'Repo', { imageScanOnPush: true, lifecycleRules: [{ maxImageCount: 10 }] });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
const dbSecret = new secretsmanager.Secret(stack, 'AppSecret');
const web = new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
  cluster,
  cpu: 512,
  memoryLimitMiB: 1024,
  desiredCount: 2,
  taskImageOptions: {
    image: ecs.ContainerImage.fromEcrRepository(repo, 'latest'),
    containerPort: 8080,
    environment: { PORT: '8080' },
    secrets: { API_KEY: ecs.Secret.fromSecretsManager(dbSecret) },
  },
  healthCheckGracePeriod: Duration.seconds(60),
});
web.targetGroup.configureHealthCheck({ path: '/health' });
const scaling = web.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 6 });
scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });

const db = new rds.DatabaseInstance(stack, 'Db', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc,
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
  multiAz: true,
  storageEncrypted: true,
  storageEncryptionKey: key,
  backupRetention: Duration.days(7),
  deletionProtection: true,
  cloudwatchLogsExports: ['postgresql'],
});
db.connections.allowDefaultPortFrom(web.service);

const cacheSubnets = new elasticache.CfnSubnetGroup(stack, 'CacheSubnets', {
  description: 'cache',
  subnetIds: vpc.privateSubnets.map((s) => s.subnetId),
});
new elasticache.CfnReplicationGroup(stack, 'Cache', {
  replicationGroupDescription: 'cache',
  engine: 'valkey',
  cacheNodeType: 'cache.t4g.micro',
  numCacheClusters: 2,
  automaticFailoverEnabled: true,
  atRestEncryptionEnabled: true,
  transitEncryptionEnabled: true,
  cacheSubnetGroupName: cacheSubnets.ref,
});

const table = new dynamodb.TableV2(stack, 'Table', {
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'sk', type: dynamodb.AttributeType.NUMBER },
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  globalSecondaryIndexes: [{ indexName: 'byType', partitionKey: { name: 'type', type: dynamodb.AttributeType.STRING } }],
});

const dlq = new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.KMS_MANAGED });
const queue = new sqs.Queue(stack, 'Jobs', { visibilityTimeout: Duration.seconds(120), deadLetterQueue: { queue: dlq, maxReceiveCount: 5 } });
const topic = new sns.Topic(stack, 'Alerts', { masterKey: key });

const fn = new lambda.Function(stack, 'Worker', {
  runtime: lambda.Runtime.PYTHON_3_13,
  handler: 'index.handler',
  code: lambda.Code.fromInline('def handler(event, context):\n    return event\n'),
  timeout: Duration.seconds(30),
  memorySize: 256,
  vpc,
  environment: { TABLE: table.tableName, QUEUE: queue.queueUrl },
  logRetention: logs.RetentionDays.ONE_MONTH,
  tracing: lambda.Tracing.ACTIVE,
});
table.grantReadWriteData(fn);
queue.grantConsumeMessages(fn);
fn.addEventSourceMapping('FromQueue', { eventSourceArn: queue.queueArn, batchSize: 10 });
new events.Rule(stack, 'Nightly', { schedule: events.Schedule.cron({ hour: '3', minute: '0' }), targets: [new targets.LambdaFunction(fn)] });

const api = new apigw.LambdaRestApi(stack, 'Api', { handler: fn, deployOptions: { tracingEnabled: true } });

const site = new s3.Bucket(stack, 'Site', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true });
new cloudfront.Distribution(stack, 'Cdn', {
  defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(site), viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS },
  additionalBehaviors: { '/api/*': { origin: new origins.RestApiOrigin(api), cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED } },
  defaultRootObject: 'index.html',
});

new wafv2.CfnWebACL(stack, 'Waf', {
  scope: 'REGIONAL',
  defaultAction: { allow: {} },
  visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'waf', sampledRequestsEnabled: true },
  rules: [{
    name: 'common',
    priority: 0,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
  }],
});

new codebuild.Project(stack, 'Build', {
  source: codebuild.Source.s3({ bucket: logBucket, path: 'source.zip' }),
  environment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0, privileged: true },
  buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2', phases: { build: { commands: ['echo build'] } } }),
  logging: { cloudWatch: { logGroup: new logs.LogGroup(stack, 'BuildLogs', { retention: logs.RetentionDays.ONE_WEEK }) } },
});

new cloudwatch.Alarm(stack, 'HighCpu', {
  metric: web.service.metricCpuUtilization(),
  threshold: 80,
  evaluationPeriods: 3,
}).addAlarmAction({ bind: () => ({ alarmActionArn: topic.topicArn }) });

new iam.Role(stack, 'DeployRole', {
  assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
  inlinePolicies: { push: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['ecr:PutImage'], resources: [repo.repositoryArn] })] }) },
});

app.synth();
