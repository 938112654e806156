// Plan a pipeline and print the plan, like `terraform plan`, then apply it and plan again (no changes).
// Offline against FakeDms; for your AWS account use DatabaseMigrationClient.create() and SecretsManagerClient.create().
//   bin/dms-jshell examples/plan-pipeline.jsh
boolean ok = false;

// 1. The desired state: a MySQL source whose password goes to Secrets Manager, an S3 target, a CDC task.
TableMappings mappings = TableMappings.builder().
    rule(include("ecommerce", "%")).
    rule(exclude("ecommerce", "audit[_]%")).
    rule(table("ecommerce", "%").addPrefix("schema_")).
    build();

Pipeline pipeline = Pipeline.builder("ecommerce-ai-analytics-platform").
    instance(ReplicationInstance.of("ecommerce-dms", i -> i.instanceClass("dms.c5.xlarge").allocatedStorage(200))).
    endpoint(Endpoint.mysql("onprem-mysql").source().
        serverName("172.20.10.4").port(3306).databaseName("ecommerce").
        managedSecret("ecommerce/onprem-mysql-password", "arn:aws:iam::123456789012:role/dms-secrets",
            "root", Secret.of("not-a-real-password")).
        build()).
    endpoint(Endpoint.s3("market-intelligence-hub-target").target().
        s3Settings(s -> s.bucketName("market-intelligence-hub-raw").bucketFolder("market-intelligence-hub").
            serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3").dataFormat(io.dmskit.core.endpoint.S3DataFormat.PARQUET)).
        build()).
    task("market-intelligence-hub-replication", t -> t.source("onprem-mysql").target("market-intelligence-hub-target").
        replicationInstance("ecommerce-dms").migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(mappings)).
    build();

// 2. Plan against DMS (here an offline FakeDms with its Secrets Manager) and print it.
FakeSecretsManager secrets = FakeSecretsManager.create();
FakeDms dms = FakeDms.builder().secretsManager(secrets).build();
DmsProvisioner provisioner = DmsProvisioner.builder().dms(dms).secrets(secrets).pollInterval(Duration.ofMillis(50)).build();

Plan plan = provisioner.plan(pipeline);
System.out.println(plan.render());
System.out.println(mappings.toPrettyJson());

// 3. Apply it, and plan again: nothing left to do.
ApplyResult applied = provisioner.apply(pipeline);
Plan again = provisioner.plan(pipeline);
System.out.println(again.render());

ok = plan.hasChanges() && !again.hasChanges() && applied.arn(ResourceKind.REPLICATION_TASK, "market-intelligence-hub-replication") != null;
provisioner.close();
/exit ok ? 0 : 1
