import { Aws, CfnCondition, CfnDeletionPolicy, CfnOutput, CfnParameter, CfnResource, Duration, Fn, Stack, StackProps, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * demo stack
 *
 * L2 constructs where one synthesizes exactly Hoist's resource, L1
 * elsewhere; every logical ID is overridden to Hoist's, so the
 * synthesized template matches Hoist's CloudFormation.
 */
export class DemoStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'demo stack';

    const env = new CfnParameter(this, 'Env', {
      type: 'String',
      description: 'environment',
      default: 'prod',
      allowedValues: ['dev', 'prod'],
    });
    const size = new CfnParameter(this, 'Size', {
      type: 'Number',
      default: 20,
    });
    const subnets = new CfnParameter(this, 'Subnets', {
      type: 'List<AWS::EC2::Subnet::Id>',
    });

    const isProd = new CfnCondition(this, 'IsProd', {
      expression: Fn.conditionEquals(env.valueAsString, 'prod'),
    });
    const notProd = new CfnCondition(this, 'NotProd', {
      expression: Fn.conditionNot(isProd),
    });

    // Keeps files.
    const bucket = new s3.CfnBucket(this, 'Bucket', {
      bucketName: Fn.sub('${AWS::StackName}-${Env}-it\'s'),
      versioningConfiguration: {
        status: 'Enabled',
      },
      tags: [
        {
          key: 'env',
          value: env.valueAsString,
        },
      ],
      objectLockEnabled: true,
    });
    bucket.overrideLogicalId('Bucket');
    bucket.addPropertyOverride('NotAProperty', {
      A: 1,
    });
    bucket.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
    bucket.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
    bucket.cfnOptions.condition = isProd;
    bucket.cfnOptions.metadata = {
      Owner: 'ops',
    };

    const policy = new s3.CfnBucketPolicy(this, 'Policy', {
      bucket: bucket.ref,
      policyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [bucket.attrArn, Fn.join('', [bucket.attrArn, '/*'])],
            Condition: {
              Bool: {
                'aws:SecureTransport': 'false',
              },
            },
          },
        ],
      },
    });
    policy.overrideLogicalId('Policy');
    policy.addDependency(bucket);

    const sg = new ec2.CfnSecurityGroup(this, 'Sg', {
      groupDescription: 'db',
      securityGroupIngress: [
        {
          ipProtocol: 'tcp',
          fromPort: 5432,
          toPort: 5432,
          cidrIp: Fn.select(0, Fn.cidr('10.0.0.0/16', 4, '8')),
        },
      ],
    });
    sg.overrideLogicalId('Sg');

    const db = new rds.CfnDBInstance(this, 'Db', {
      allocatedStorage: size.valueAsString,
      dbInstanceClass: Token.asString(Fn.conditionIf('IsProd', 'db.m7g.large', 'db.t4g.micro')),
      engine: 'postgres',
      multiAz: true,
      port: '5432',
      availabilityZone: Fn.select(0, Fn.getAzs()),
      vpcSecurityGroups: [sg.attrGroupId],
    });
    db.overrideLogicalId('Db');

    const custom = new CfnResource(this, 'Custom', {
      type: 'Custom::Thing',
      properties: {
        ServiceToken: Fn.sub('${Bucket.Arn}', {
          Extra: Aws.REGION,
        }),
        Subnets: subnets.valueAsList,
      },
    });
    custom.overrideLogicalId('Custom');

    const key = new kms.CfnKey(this, 'Key', {
      description: 'no policy: an L1',
    });
    key.overrideLogicalId('Key');

    const keyByArn = kms.Key.fromKeyArn(this, 'KeyByArn', key.attrArn);
    const jobs = new sqs.Queue(this, 'Jobs', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: keyByArn,
      visibilityTimeout: Duration.seconds(90),
    });
    const jobsResource = jobs.node.defaultChild as sqs.CfnQueue;
    jobsResource.overrideLogicalId('Jobs');
    jobsResource.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
    jobsResource.cfnOptions.updateReplacePolicy = undefined;
    jobsResource.cfnOptions.condition = isProd;
    jobsResource.cfnOptions.metadata = {
      Owner: 'ops',
    };
    jobs.node.addDependency(sg);

    const logs2 = new logs.LogGroup(this, 'Logs', {
      logGroupName: Fn.sub('/${AWS::StackName}/jobs'),
      encryptionKey: key,
      retention: logs.RetentionDays.INFINITE,
    });
    const logsResource = logs2.node.defaultChild as logs.CfnLogGroup;
    logsResource.overrideLogicalId('Logs');
    logsResource.cfnOptions.deletionPolicy = CfnDeletionPolicy.DELETE;
    logsResource.cfnOptions.updateReplacePolicy = undefined;
    logs2.node.addDependency(jobs);

    const audit = new logs.CfnLogGroup(this, 'Audit', {
      retentionInDays: 30,
    });
    audit.overrideLogicalId('Audit');

    const jobsAlarmHook = new CfnResource(this, 'JobsAlarmHook', {
      type: 'Custom::Hook',
      properties: {
        ServiceToken: jobs.queueArn,
        QueueUrl: (jobs.node.defaultChild as sqs.CfnQueue).attrQueueUrl,
        Logs: logs2.logGroupName,
      },
    });
    jobsAlarmHook.overrideLogicalId('JobsAlarmHook');
    jobsAlarmHook.node.addDependency(jobs);

    // Outputs
    const bucketOutput = new CfnOutput(this, 'BucketOutput', {
      value: bucket.ref,
      description: 'the bucket',
    });
    bucketOutput.overrideLogicalId('Bucket');
    new CfnOutput(this, 'DbEndpoint', {
      value: db.attrEndpointAddress,
      exportName: Fn.sub('${AWS::StackName}-db'),
    });
  }
}
