package io.dmskit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A boto3 script creates, starts and describes a task against dms-local, and catches DMS's faults by class. */
@WithDmsLocal
class Boto3Test {

    private static final String SCRIPT = String.join("\n",
            "import sys, boto3",
            "url = sys.argv[1]",
            "dms = boto3.client('dms', endpoint_url=url, region_name='us-east-1')",
            "sm = boto3.client('secretsmanager', endpoint_url=url, region_name='us-east-1')",
            "secret = sm.create_secret(Name='py/src', SecretString='{\"username\":\"u\",\"password\":\"p\"}')['ARN']",
            "ri = dms.create_replication_instance(ReplicationInstanceIdentifier='py-ri',",
            "    ReplicationInstanceClass='dms.t3.medium')['ReplicationInstance']['ReplicationInstanceArn']",
            "src = dms.create_endpoint(EndpointIdentifier='py-src', EndpointType='source', EngineName='mysql',",
            "    MySQLSettings={'SecretsManagerSecretId': secret,",
            "        'SecretsManagerAccessRoleArn': 'arn:aws:iam::123456789012:role/r'})['Endpoint']['EndpointArn']",
            "tgt = dms.create_endpoint(EndpointIdentifier='py-tgt', EndpointType='target', EngineName='s3',",
            "    S3Settings={'BucketName': 'py-lake', 'ServiceAccessRoleArn': 'arn:aws:iam::123456789012:role/r'}",
            "    )['Endpoint']['EndpointArn']",
            "task = dms.create_replication_task(ReplicationTaskIdentifier='py-task', SourceEndpointArn=src,",
            "    TargetEndpointArn=tgt, ReplicationInstanceArn=ri, MigrationType='full-load-and-cdc',",
            "    TableMappings='{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                    + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}'",
            "    )['ReplicationTask']['ReplicationTaskArn']",
            "dms.get_waiter('replication_task_ready').wait(",
            "    Filters=[{'Name': 'replication-task-arn', 'Values': [task]}], WaiterConfig={'Delay': 1})",
            "dms.start_replication_task(ReplicationTaskArn=task, StartReplicationTaskType='start-replication')",
            "t = dms.describe_replication_tasks(Filters=[{'Name': 'replication-task-arn', 'Values': [task]}])",
            "t = t['ReplicationTasks'][0]",
            "print('status', t['Status'])",
            "print('created', type(t['ReplicationTaskCreationDate']).__name__)",
            "try:",
            "    dms.delete_endpoint(EndpointArn='arn:aws:dms:us-east-1:123456789012:endpoint:NOPE')",
            "except dms.exceptions.ResourceNotFoundFault as e:",
            "    print('fault', e.response['Error']['Code'])",
            "");

    @Test
    void createsStartsAndDescribesATask(URI endpoint) {
        ExternalTool.assumeBoto3();
        ExternalTool.Result r = ExternalTool.run(List.of("python3", "-", endpoint.toString()), SCRIPT);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString())
                .contains("status running", "created datetime", "fault ResourceNotFoundFault");
    }
}
