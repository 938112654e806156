// Verify an existing task: row counts on the source, in the task's S3 files and in DMS's table statistics.
// Offline, the "existing" task is a finished full-load task on FakeDms (DemoTask); for a real task use
// DatabaseMigrationClient.create(), S3Client.create(), your task ARN and a DataSource for your source database.
//   bin/dms-jshell examples/verify-task.jsh
//   DMSKIT_SOURCE_URL=postgresql://postgres@127.0.0.1:5432/test bin/dms-jshell examples/verify-task.jsh
boolean ok = false;

DemoTask task = DemoTask.start(System.getenv().getOrDefault("DMSKIT_SOURCE_URL", "embedded"));

// the verifier reads the task's table mappings and S3 target from DMS
Verifier verifier = Verifier.builder().
    source(task.source()).
    dms(task.dms()).
    taskArn(task.taskArn()).
    s3(task.s3()).
    build();

VerificationReport report = verifier.verifyRowCounts();
System.out.println(report.toText());
Path html = report.writeHtml(Path.of(System.getProperty("java.io.tmpdir"), "dmskit-verify-task.html"));
System.out.println("HTML report: " + html);

ok = report.allMatch() && report.tables().size() >= 6;
task.close();
/exit ok ? 0 : 1
