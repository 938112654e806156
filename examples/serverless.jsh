// DMS Serverless: a replication config instead of an instance and a task. Plan, apply, start (through the
// provisioning states, printed as progress), then a change that DMS cannot make in place once the replication ran.
// Offline against FakeDms with realistic delays on a virtual clock; for your AWS account use
// DatabaseMigrationClient.create() and drop the clock and sleeper.
//   bin/dms-jshell examples/serverless.jsh
boolean ok = false;

// 1. The desired state: a MySQL source (credentials in an existing secret), an S3 target, one replication config.
String role = "arn:aws:iam::123456789012:role/dms";
Pipeline pipeline = Pipeline.builder("ecommerce-serverless").
    endpoint(Endpoint.mysql("onprem-mysql").source().
        secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:onprem-mysql-AbCdEf", role)).
    endpoint(Endpoint.s3("market-intelligence-hub-target").target().
        s3Settings(s -> s.bucketName("market-intelligence-hub-raw").serviceAccessRoleArn(role))).
    replicationConfig("market-intelligence-hub", c -> c.source("onprem-mysql").target("market-intelligence-hub-target").
        replicationType(MigrationType.FULL_LOAD_AND_CDC).
        compute(k -> k.maxCapacityUnits(16).minCapacityUnits(2)).
        tableMappings(TableMappings.builder().rule(include("ecommerce", "%")).build())).
    build();

// 2. Plan, apply and start against FakeDms (10 minutes of provisioning, in virtual time).
FakeClock clock = FakeClock.create();
FakeDms dms = FakeDms.builder().clock(clock).timings(Timings.realistic()).build();
DmsProvisioner provisioner = DmsProvisioner.builder().dms(dms).clock(clock).sleeper(clock::sleep).
    pollInterval(Duration.ofSeconds(30)).progressListener(System.out::println).build();

System.out.println(provisioner.plan(pipeline).render());
ApplyResult applied = provisioner.apply(pipeline);
StartType first = provisioner.startReplication("market-intelligence-hub");
ReplicationState state = provisioner.describeReplication("market-intelligence-hub").orElseThrow();
System.out.println("started with " + first + ": " + state.status() + ", capacity " + state.provisionState());

// 3. A change after the first start: DMS cannot modify the config, so it would be replaced and lose its checkpoint.
Pipeline bigger = pipeline.withReplicationConfig(pipeline.replicationConfig("market-intelligence-hub").orElseThrow().
    toBuilder().compute(k -> k.maxCapacityUnits(32)).build());
System.out.println(provisioner.plan(bigger).render());
boolean refused = false;
try {
    provisioner.apply(bigger);
} catch (ChangeNotAllowedException e) {
    refused = true;
    System.out.println("refused: " + e.getMessage());
}

// 4. Stop and destroy: the replication is stopped, then the config and the endpoints are deleted.
provisioner.stopReplication("market-intelligence-hub");
List<String> deleted = provisioner.destroy(pipeline);
System.out.println("deleted " + deleted);

ok = first == StartType.START_REPLICATION && "running".equals(state.status()) && refused &&
    deleted.contains("REPLICATION_CONFIG:market-intelligence-hub");
provisioner.close();
dms.close();
/exit ok ? 0 : 1
