// The quickstart in a few lines: the DMS configuration guide's scenario, offline.
//   bin/dms-jshell examples/quickstart.jsh
//   DMSKIT_SOURCE_URL=mariadb://127.0.0.1:3306 bin/dms-jshell examples/quickstart.jsh   (your own server)
boolean ok = false;

// embedded MariaDB by default; DMSKIT_SOURCE_URL / -Ddmskit.source pick another source (see QuickstartOptions)
QuickstartOptions options = QuickstartOptions.parse(new String[0], System.getProperties(), System.getenv());

// sample data -> FakeDms pipeline (Secrets Manager, 5 S3 targets, 5 full-load-and-cdc tasks) -> verify + CDC probe
QuickstartResult result = Quickstart.run(options, System.out);

System.out.println("every table matches: " + result.allTablesMatch() + ", CDC probe seen: " + result.probeSeen());
ok = result.exitCode() == 0;
/exit ok ? 0 : 1
