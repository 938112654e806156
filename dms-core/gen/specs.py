EP = 'io.dmskit.core.endpoint'
ST = 'io.dmskit.core.settings'
SDK = 'software.amazon.awssdk.services.databasemigration.model.'

# ---------------------------------------------------------------- endpoint enums
gen_enum(EP, 'S3DataFormat', 'S3 target output format ({@code DataFormat}).', [('CSV', 'csv'), ('PARQUET', 'parquet')])
gen_enum(EP, 'ParquetVersion', 'Parquet file format version ({@code ParquetVersion}).', [('PARQUET_1_0', 'parquet-1-0'), ('PARQUET_2_0', 'parquet-2-0')])
gen_enum(EP, 'S3EncodingType', 'Parquet encoding ({@code EncodingType}).', [('PLAIN', 'plain'), ('PLAIN_DICTIONARY', 'plain-dictionary'), ('RLE_DICTIONARY', 'rle-dictionary')])
gen_enum(EP, 'S3CompressionType', 'Compression of S3 target files ({@code CompressionType}).', [('NONE', 'none'), ('GZIP', 'gzip')])
gen_enum(EP, 'S3EncryptionMode', 'Server-side encryption of S3 target files ({@code EncryptionMode}).', [('SSE_S3', 'sse-s3'), ('SSE_KMS', 'sse-kms')])
gen_enum(EP, 'CannedAcl', 'Canned ACL for objects DMS writes to S3 ({@code CannedAclForObjects}).', [('NONE', 'none'), ('PRIVATE', 'private'), ('PUBLIC_READ', 'public-read'), ('PUBLIC_READ_WRITE', 'public-read-write'), ('AUTHENTICATED_READ', 'authenticated-read'), ('AWS_EXEC_READ', 'aws-exec-read'), ('BUCKET_OWNER_READ', 'bucket-owner-read'), ('BUCKET_OWNER_FULL_CONTROL', 'bucket-owner-full-control')])
gen_enum(EP, 'DatePartitionSequence', 'Folder date partitioning order ({@code DatePartitionSequence}).', [(x, x) for x in ['YYYYMMDD', 'YYYYMMDDHH', 'YYYYMM', 'MMYYYYDD', 'DDMMYYYY']])
gen_enum(EP, 'DatePartitionDelimiter', 'Separator between date partition folder parts ({@code DatePartitionDelimiter}).', [(x, x) for x in ['SLASH', 'UNDERSCORE', 'DASH', 'NONE']])
gen_enum(EP, 'MySqlTargetDbType', 'Where a MySQL target puts tables ({@code TargetDbType}).', [('SPECIFIC_DATABASE', 'specific-database'), ('MULTIPLE_DATABASES', 'multiple-databases')])
gen_enum(EP, 'AuthenticationMethod', 'How DMS authenticates to a database ({@code AuthenticationMethod}).', [('PASSWORD', 'password'), ('IAM', 'iam'), ('KERBEROS', 'kerberos')])
gen_enum(EP, 'PostgresPluginName', 'Logical decoding plugin of a PostgreSQL source ({@code PluginName}).', [('NO_PREFERENCE', 'no-preference'), ('TEST_DECODING', 'test-decoding'), ('PGLOGICAL', 'pglogical')])
gen_enum(EP, 'LongVarcharMapping', 'How PostgreSQL long varchar maps ({@code MapLongVarcharAs}).', [('WSTRING', 'wstring'), ('CLOB', 'clob'), ('NCLOB', 'nclob')])
gen_enum(EP, 'PostgresDatabaseMode', 'PostgreSQL database mode ({@code DatabaseMode}).', [('DEFAULT', 'default'), ('BABELFISH', 'babelfish')])
gen_enum(EP, 'CharLengthSemantics', 'Oracle character column length semantics ({@code CharLengthSemantics}).', [('DEFAULT', 'default'), ('CHAR', 'char'), ('BYTE', 'byte')])
gen_enum(EP, 'SafeguardPolicy', 'SQL Server transaction log safeguard ({@code SafeguardPolicy}).', [('RELY_ON_SQL_SERVER_REPLICATION_AGENT', 'rely-on-sql-server-replication-agent'), ('EXCLUSIVE_AUTOMATIC_TRUNCATION', 'exclusive-automatic-truncation'), ('SHARED_AUTOMATIC_TRUNCATION', 'shared-automatic-truncation')])
gen_enum(EP, 'TlogAccessMode', 'SQL Server CDC log access ({@code TlogAccessMode}).', [('BACKUP_ONLY', 'BackupOnly'), ('PREFER_BACKUP', 'PreferBackup'), ('PREFER_TLOG', 'PreferTlog'), ('TLOG_ONLY', 'TlogOnly')])
gen_enum(EP, 'KinesisMessageFormat', 'Record format written to Kinesis ({@code MessageFormat}).', [('JSON', 'json'), ('JSON_UNFORMATTED', 'json-unformatted')])

gen_class(EP, 'S3Settings', 'Typed S3 endpoint settings ({@code S3Settings}): every field of the DMS API model, enums for the enumerated ones.', F('''
serviceAccessRoleArn | ServiceAccessRoleArn | String | IAM role DMS assumes to write the bucket (needs iam:PassRole)
bucketName | BucketName | String | the bucket
bucketFolder | BucketFolder | String | folder under which files go to schema/table/
dataFormat | DataFormat | Enum:S3DataFormat | csv (default) or parquet
parquetVersion | ParquetVersion | Enum:ParquetVersion | Parquet version
encodingType | EncodingType | Enum:S3EncodingType | Parquet encoding
dictPageSizeLimit | DictPageSizeLimit | Integer | Parquet dictionary page size limit in bytes
rowGroupLength | RowGroupLength | Integer | rows per Parquet row group
dataPageSize | DataPageSize | Integer | Parquet data page size in bytes
enableStatistics | EnableStatistics | Boolean | write Parquet page and row group statistics
parquetTimestampInMillisecond | ParquetTimestampInMillisecond | Boolean | Parquet TIMESTAMP in milliseconds instead of microseconds
compressionType | CompressionType | Enum:S3CompressionType | none or gzip
encryptionMode | EncryptionMode | Enum:S3EncryptionMode | sse-s3 or sse-kms (cannot change from sse-s3 to sse-kms)
serverSideEncryptionKmsKeyId | ServerSideEncryptionKmsKeyId | String | KMS key ARN for sse-kms
cannedAclForObjects | CannedAclForObjects | Enum:CannedAcl | canned ACL of written objects
csvDelimiter | CsvDelimiter | String | CSV column delimiter
csvRowDelimiter | CsvRowDelimiter | String | CSV row delimiter
csvNullValue | CsvNullValue | String | text written for NULL
addColumnName | AddColumnName | Boolean | write a CSV header row
addTrailingPaddingCharacter | AddTrailingPaddingCharacter | Boolean | pad string data
rfc4180 | Rfc4180 | Boolean | RFC 4180 quoting
maxFileSize | MaxFileSize | Integer | maximum full-load file size in KB (1..1048576)
includeOpForFullLoad | IncludeOpForFullLoad | Boolean | write the Op column (I) for full-load rows
cdcInsertsOnly | CdcInsertsOnly | Boolean | CDC writes inserts only
cdcInsertsAndUpdates | CdcInsertsAndUpdates | Boolean | CDC writes inserts and updates
timestampColumnName | TimestampColumnName | String | name of an added timestamp column
useTaskStartTimeForFullLoadTimestamp | UseTaskStartTimeForFullLoadTimestamp | Boolean | full-load timestamp is the task start time
cdcPath | CdcPath | String | folder for transaction-ordered CDC files
preserveTransactions | PreserveTransactions | Boolean | write transaction-ordered CDC files to CdcPath
cdcMaxBatchInterval | CdcMaxBatchInterval | Integer | seconds after which a CDC file is written
cdcMinFileSize | CdcMinFileSize | Integer | KB after which a CDC file is written
datePartitionEnabled | DatePartitionEnabled | Boolean | CDC files in commit-date folders (table/2024/05/28/); the local engine leaves full-load files in the table folder
datePartitionSequence | DatePartitionSequence | Enum:DatePartitionSequence | date partition folder order
datePartitionDelimiter | DatePartitionDelimiter | Enum:DatePartitionDelimiter | date partition folder separator
datePartitionTimezone | DatePartitionTimezone | String | time zone (Area/Location) for date partitions
useCsvNoSupValue | UseCsvNoSupValue | Boolean | use CsvNoSupValue for columns missing from the supplemental log
csvNoSupValue | CsvNoSupValue | String | value for columns missing from the supplemental log
glueCatalogGeneration | GlueCatalogGeneration | Boolean | generate a Glue Data Catalog for Athena
expectedBucketOwner | ExpectedBucketOwner | String | account id that must own the bucket
externalTableDefinition | ExternalTableDefinition | String | S3 source only: table definition JSON
ignoreHeaderRows | IgnoreHeaderRows | Integer | S3 source only: skip a CSV header row
'''), sdk=SDK + 'S3Settings', rules=True,
example=''' * S3Settings s3 = S3Settings.builder()
 *     .bucketName("market-intelligence-hub-raw")
 *     .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3")
 *     .dataFormat(S3DataFormat.PARQUET).parquetVersion(ParquetVersion.PARQUET_2_0)
 *     .encryptionMode(S3EncryptionMode.SSE_KMS).serverSideEncryptionKmsKeyId(kmsKeyArn)
 *     .build();''')

gen_class(EP, 'MySqlSettings', 'Typed MySQL / MariaDB / Aurora MySQL endpoint settings ({@code MySQLSettings}) other than the connection and credentials, which {@code io.dmskit.core.Endpoint} holds.', F('''
afterConnectScript | AfterConnectScript | String | SQL run after connecting (failures ignored)
cleanSourceMetadataOnMismatch | CleanSourceMetadataOnMismatch | Boolean | clean and recreate table metadata on mismatch
eventsPollInterval | EventsPollInterval | Integer | seconds between binary log polls while idle
serverTimezone | ServerTimezone | String | source time zone, e.g. US/Pacific
executeTimeout | ExecuteTimeout | Integer | client statement timeout in seconds
targetDbType | TargetDbType | Enum:MySqlTargetDbType | target: one database or one per source schema
maxFileSize | MaxFileSize | Integer | target: KB of the CSV files used for loading
parallelLoadThreads | ParallelLoadThreads | Integer | target: threads loading data
serviceAccessRoleArn | ServiceAccessRoleArn | String | role for IAM authentication
authenticationMethod | AuthenticationMethod | Enum:AuthenticationMethod | password or iam
'''), sdk=SDK + 'MySQLSettings', rules=True)

gen_class(EP, 'PostgreSqlSettings', 'Typed PostgreSQL / Aurora PostgreSQL endpoint settings ({@code PostgreSQLSettings}) other than the connection and credentials, which {@code io.dmskit.core.Endpoint} holds.', F('''
afterConnectScript | AfterConnectScript | String | SQL run after connecting
captureDdls | CaptureDdls | Boolean | create DDL-capture artifacts on the source
ddlArtifactsSchema | DdlArtifactsSchema | String | schema of the DDL-capture artifacts
executeTimeout | ExecuteTimeout | Integer | client statement timeout in seconds
failTasksOnLobTruncation | FailTasksOnLobTruncation | Boolean | fail the task when a LOB is truncated
heartbeatEnable | HeartbeatEnable | Boolean | WAL heartbeat keeping restart_lsn moving
heartbeatSchema | HeartbeatSchema | String | schema of the heartbeat artifacts
heartbeatFrequency | HeartbeatFrequency | Integer | heartbeat interval in minutes
slotName | SlotName | String | existing logical replication slot
pluginName | PluginName | Enum:PostgresPluginName | logical decoding plugin
maxFileSize | MaxFileSize | Integer | target: KB of the CSV files used for loading
trimSpaceInChar | TrimSpaceInChar | Boolean | trim trailing spaces of CHAR values
mapBooleanAsBoolean | MapBooleanAsBoolean | Boolean | map booleans as boolean instead of varchar(5)
mapJsonbAsClob | MapJsonbAsClob | Boolean | map JSONB as NCLOB
mapLongVarcharAs | MapLongVarcharAs | Enum:LongVarcharMapping | mapping of long varchar
databaseMode | DatabaseMode | Enum:PostgresDatabaseMode | default or babelfish
babelfishDatabaseName | BabelfishDatabaseName | String | Babelfish database name
disableUnicodeSourceFilter | DisableUnicodeSourceFilter | Boolean | disable the Unicode source filter
serviceAccessRoleArn | ServiceAccessRoleArn | String | role for IAM authentication
authenticationMethod | AuthenticationMethod | Enum:AuthenticationMethod | password or iam
'''), sdk=SDK + 'PostgreSQLSettings', rules=True)

gen_class(EP, 'OracleSettings', 'Typed Oracle endpoint settings ({@code OracleSettings}) other than the connection and credentials, which {@code io.dmskit.core.Endpoint} holds. ASM and TDE passwords are not modelled: use Secrets Manager ({@code SecretsManagerOracleAsmSecretId}).', F('''
addSupplementalLogging | AddSupplementalLogging | Boolean | set up supplemental logging
archivedLogDestId | ArchivedLogDestId | Integer | archived redo log destination id
additionalArchivedLogDestId | AdditionalArchivedLogDestId | Integer | additional archived log destination id
allowSelectNestedTables | AllowSelectNestedTables | Boolean | replicate nested tables
parallelAsmReadThreads | ParallelAsmReadThreads | Integer | Binary Reader ASM threads
readAheadBlocks | ReadAheadBlocks | Integer | Binary Reader read-ahead blocks
accessAlternateDirectly | AccessAlternateDirectly | Boolean | Binary Reader: access alternate paths directly
useAlternateFolderForOnline | UseAlternateFolderForOnline | Boolean | use the alternate folder for online logs
oraclePathPrefix | OraclePathPrefix | String | default Oracle root path
usePathPrefix | UsePathPrefix | String | path prefix replacing the default
replacePathPrefix | ReplacePathPrefix | Boolean | replace the default path prefix
enableHomogenousTablespace | EnableHomogenousTablespace | Boolean | homogenous tablespace replication
directPathNoLog | DirectPathNoLog | Boolean | direct path without logging
archivedLogsOnly | ArchivedLogsOnly | Boolean | read archived logs only
asmServer | AsmServer | String | ASM server address
asmUser | AsmUser | String | ASM user
charLengthSemantics | CharLengthSemantics | Enum:CharLengthSemantics | character column length semantics
directPathParallelLoad | DirectPathParallelLoad | Boolean | parallel direct path load
failTasksOnLobTruncation | FailTasksOnLobTruncation | Boolean | fail the task when a LOB is truncated
numberDatatypeScale | NumberDatatypeScale | Integer | scale of NUMBER
readTableSpaceName | ReadTableSpaceName | Boolean | replicate tablespace names
retryInterval | RetryInterval | Integer | seconds between retries of a failed source query
securityDbEncryptionName | SecurityDbEncryptionName | String | TDE key name
spatialDataOptionToGeoJsonFunctionName | SpatialDataOptionToGeoJsonFunctionName | String | SDO to GeoJSON function
standbyDelayTime | StandbyDelayTime | Integer | standby lag in minutes
useBFile | UseBFile | Boolean | Binary Reader through BFILE
useDirectPathFullLoad | UseDirectPathFullLoad | Boolean | direct path full load
useLogminerReader | UseLogminerReader | Boolean | LogMiner (true) or Binary Reader (false)
secretsManagerOracleAsmAccessRoleArn | SecretsManagerOracleAsmAccessRoleArn | String | role reading the ASM secret
secretsManagerOracleAsmSecretId | SecretsManagerOracleAsmSecretId | String | secret holding ASM credentials
trimSpaceInChar | TrimSpaceInChar | Boolean | trim trailing spaces of CHAR values
convertTimestampWithZoneToUTC | ConvertTimestampWithZoneToUTC | Boolean | convert TIMESTAMP WITH TIME ZONE to UTC
openTransactionWindow | OpenTransactionWindow | Integer | minutes to look back for open transactions (CDC-only tasks)
'''), sdk=SDK + 'OracleSettings', rules=True)

gen_class(EP, 'SqlServerSettings', 'Typed Microsoft SQL Server endpoint settings ({@code MicrosoftSQLServerSettings}) other than the connection and credentials, which {@code io.dmskit.core.Endpoint} holds.', F('''
bcpPacketSize | BcpPacketSize | Integer | BCP packet size
controlTablesFileGroup | ControlTablesFileGroup | String | file group of the DMS control tables
querySingleAlwaysOnNode | QuerySingleAlwaysOnNode | Boolean | query a single Always On node
readBackupOnly | ReadBackupOnly | Boolean | read changes from transaction log backups only
safeguardPolicy | SafeguardPolicy | Enum:SafeguardPolicy | transaction log truncation safeguard
useBcpFullLoad | UseBcpFullLoad | Boolean | BCP for full load
useThirdPartyBackupDevice | UseThirdPartyBackupDevice | Boolean | third-party backup device
trimSpaceInChar | TrimSpaceInChar | Boolean | trim trailing spaces of CHAR values
tlogAccessMode | TlogAccessMode | Enum:TlogAccessMode | where CDC reads the log
forceLobLookup | ForceLobLookup | Boolean | look up LOBs during full load
'''), sdk=SDK + 'MicrosoftSQLServerSettings')

gen_class(EP, 'KinesisSettings', 'Typed Kinesis Data Streams target settings ({@code KinesisSettings}); StreamArn and ServiceAccessRoleArn are required.', F('''
streamArn | StreamArn | String | the Kinesis data stream ARN
serviceAccessRoleArn | ServiceAccessRoleArn | String | IAM role DMS assumes to write the stream
messageFormat | MessageFormat | Enum:KinesisMessageFormat | json or json-unformatted
includeTransactionDetails | IncludeTransactionDetails | Boolean | include transaction details
includePartitionValue | IncludePartitionValue | Boolean | include the partition value
partitionIncludeSchemaTable | PartitionIncludeSchemaTable | Boolean | prefix partition keys with schema and table
includeTableAlterOperations | IncludeTableAlterOperations | Boolean | include table DDL operations
includeControlDetails | IncludeControlDetails | Boolean | include control details
includeNullAndEmpty | IncludeNullAndEmpty | Boolean | include NULL and empty columns
noHexPrefix | NoHexPrefix | Boolean | no 0x prefix for binary values
useLargeIntegerValue | UseLargeIntegerValue | Boolean | integers up to 18 digits
'''), sdk=SDK + 'KinesisSettings', rules=True)

# ---------------------------------------------------------------- task settings sections
gen_enum(ST, 'TargetTablePrepMode', 'What a full load does to existing target tables ({@code TargetTablePrepMode}).', [('DO_NOTHING', 'DO_NOTHING'), ('DROP_AND_CREATE', 'DROP_AND_CREATE'), ('TRUNCATE_BEFORE_LOAD', 'TRUNCATE_BEFORE_LOAD')])
gen_enum(ST, 'ErrorPolicy', 'What DMS does on an error ({@code ErrorBehavior} policies; not every policy allows every value).', [(x, x) for x in ['IGNORE_RECORD', 'LOG_ERROR', 'SUSPEND_TABLE', 'STOP_TASK', 'INSERT_RECORD', 'UPDATE_RECORD', 'IGNORE']])
gen_enum(ST, 'LogSeverity', 'Severity of a logging component, from least to most detail.', [(x, 'LOGGER_SEVERITY_' + x) for x in ['ERROR', 'WARNING', 'INFO', 'DEFAULT', 'DEBUG', 'DETAILED_DEBUG']])
gen_enum(ST, 'BeforeImageColumnFilter', 'Which columns get before-images ({@code ColumnFilter}).', [('PK_ONLY', 'pk-only'), ('NON_LOB', 'non-lob'), ('ALL', 'all')])

gen_class(ST, 'TargetMetadata', 'Task settings section {@code TargetMetadata}: target schema, LOB handling, parallel load and apply.', F('''
targetSchema | TargetSchema | String | target schema (empty: the source schema)
supportLobs | SupportLobs | Boolean | replicate LOB columns
fullLobMode | FullLobMode | Boolean | full LOB mode (needs LobChunkSize)
lobChunkSize | LobChunkSize | Integer | LOB chunk size in KB
limitedSizeLobMode | LimitedSizeLobMode | Boolean | limited LOB mode (needs LobMaxSize)
lobMaxSize | LobMaxSize | Integer | maximum LOB size in KB
inlineLobMaxSize | InlineLobMaxSize | Integer | inline LOB maximum size in KB
loadMaxFileSize | LoadMaxFileSize | Integer | maximum load file size in KB
parallelLoadThreads | ParallelLoadThreads | Integer | parallel load threads
parallelLoadBufferSize | ParallelLoadBufferSize | Integer | parallel load buffer size
parallelLoadQueuesPerThread | ParallelLoadQueuesPerThread | Integer | parallel load queues per thread
parallelApplyThreads | ParallelApplyThreads | Integer | parallel apply threads
parallelApplyBufferSize | ParallelApplyBufferSize | Integer | parallel apply buffer size
parallelApplyQueuesPerThread | ParallelApplyQueuesPerThread | Integer | parallel apply queues per thread
batchApplyEnabled | BatchApplyEnabled | Boolean | batch apply (not for S3 targets)
taskRecoveryTableEnabled | TaskRecoveryTableEnabled | Boolean | write the task recovery table
'''), json=True, rules=True)

gen_class(ST, 'FullLoadSettings', 'Task settings section {@code FullLoadSettings}.', F('''
targetTablePrepMode | TargetTablePrepMode | Enum:TargetTablePrepMode | what happens to existing target tables
createPkAfterFullLoad | CreatePkAfterFullLoad | Boolean | create primary keys after the full load
stopTaskCachedChangesApplied | StopTaskCachedChangesApplied | Boolean | stop after cached changes are applied
stopTaskCachedChangesNotApplied | StopTaskCachedChangesNotApplied | Boolean | stop before cached changes are applied
maxFullLoadSubTasks | MaxFullLoadSubTasks | Integer | tables loaded in parallel (1..49)
transactionConsistencyTimeout | TransactionConsistencyTimeout | Integer | seconds to wait for open transactions
commitRate | CommitRate | Integer | records transferred together (1..50000)
'''), json=True, rules=True)

gen_class(ST, 'ControlTablesSettings', 'Task settings section {@code ControlTablesSettings}.', F('''
controlSchema | ControlSchema | String | schema of the control tables on the target
historyTimeslotInMinutes | HistoryTimeslotInMinutes | Integer | history table time slot
historyTableEnabled | HistoryTableEnabled | Boolean | write awsdms_history
suspendedTablesTableEnabled | SuspendedTablesTableEnabled | Boolean | write awsdms_suspended_tables
statusTableEnabled | StatusTableEnabled | Boolean | write awsdms_status
fullLoadExceptionTableEnabled | FullLoadExceptionTableEnabled | Boolean | write the full-load exception table
'''), json=True)

gen_class(ST, 'ChangeProcessingTuning', 'Task settings section {@code ChangeProcessingTuning}.', F('''
batchApplyPreserveTransaction | BatchApplyPreserveTransaction | Boolean | keep transactions whole in batch apply
batchApplyTimeoutMin | BatchApplyTimeoutMin | Integer | minimum seconds between batch applies
batchApplyTimeoutMax | BatchApplyTimeoutMax | Integer | maximum seconds between batch applies
batchApplyMemoryLimit | BatchApplyMemoryLimit | Integer | batch apply memory in MB
batchSplitSize | BatchSplitSize | Integer | maximum changes per batch (0: no limit)
minTransactionSize | MinTransactionSize | Integer | changes grouped per transaction
commitTimeout | CommitTimeout | Integer | seconds to collect a transaction
memoryLimitTotal | MemoryLimitTotal | Integer | MB of transactions held in memory
memoryKeepTime | MemoryKeepTime | Integer | seconds a transaction stays in memory
statementCacheSize | StatementCacheSize | Integer | prepared statements cached (at most 200)
recoveryTimeout | RecoveryTimeout | Integer | recovery timeout (-1: none)
'''), json=True, rules=True)

gen_class(ST, 'ChangeProcessingDdlHandlingPolicy', 'Task settings section {@code ChangeProcessingDdlHandlingPolicy}. On an S3 target a truncate deletes the table\'s files unless HandleSourceTableTruncated is false.', F('''
handleSourceTableDropped | HandleSourceTableDropped | Boolean | drop the target table when the source table is dropped
handleSourceTableTruncated | HandleSourceTableTruncated | Boolean | truncate the target table when the source is truncated
handleSourceTableAltered | HandleSourceTableAltered | Boolean | alter the target table when the source is altered
'''), json=True)

gen_class(ST, 'ErrorBehavior', 'Task settings section {@code ErrorBehavior}.', F('''
dataErrorPolicy | DataErrorPolicy | Enum:ErrorPolicy | on a data error
dataTruncationErrorPolicy | DataTruncationErrorPolicy | Enum:ErrorPolicy | on data truncation
dataMaskingErrorPolicy | DataMaskingErrorPolicy | Enum:ErrorPolicy | on a data masking error
dataErrorEscalationPolicy | DataErrorEscalationPolicy | Enum:ErrorPolicy | when data errors reach the count
dataErrorEscalationCount | DataErrorEscalationCount | Integer | data errors before escalation
eventErrorPolicy | EventErrorPolicy | Enum:ErrorPolicy | on an event error (IGNORE or STOP_TASK)
tableErrorPolicy | TableErrorPolicy | Enum:ErrorPolicy | on a table error
tableErrorEscalationPolicy | TableErrorEscalationPolicy | Enum:ErrorPolicy | when table errors reach the count
tableErrorEscalationCount | TableErrorEscalationCount | Integer | table errors before escalation
recoverableErrorCount | RecoverableErrorCount | Integer | restarts after a recoverable error (-1: forever)
recoverableErrorInterval | RecoverableErrorInterval | Integer | seconds between restarts
recoverableErrorThrottling | RecoverableErrorThrottling | Boolean | increase the interval between restarts
recoverableErrorThrottlingMax | RecoverableErrorThrottlingMax | Integer | maximum seconds between restarts
recoverableErrorStopRetryAfterThrottlingMax | RecoverableErrorStopRetryAfterThrottlingMax | Boolean | stop after the maximum
applyErrorDeletePolicy | ApplyErrorDeletePolicy | Enum:ErrorPolicy | on a delete conflict
applyErrorInsertPolicy | ApplyErrorInsertPolicy | Enum:ErrorPolicy | on an insert conflict
applyErrorUpdatePolicy | ApplyErrorUpdatePolicy | Enum:ErrorPolicy | on an update conflict
applyErrorEscalationPolicy | ApplyErrorEscalationPolicy | Enum:ErrorPolicy | when apply errors reach the count
applyErrorEscalationCount | ApplyErrorEscalationCount | Integer | apply errors before escalation
applyErrorFailOnTruncationDdl | ApplyErrorFailOnTruncationDdl | Boolean | fail on a truncation DDL
failOnNoTablesCaptured | FailOnNoTablesCaptured | Boolean | fail when no table is captured
failOnTransactionConsistencyBreached | FailOnTransactionConsistencyBreached | Boolean | Oracle CDC: fail when consistency is breached
fullLoadIgnoreConflicts | FullLoadIgnoreConflicts | Boolean | ignore conflicts during full load
'''), json=True, rules=True)

gen_class(ST, 'ValidationSettings', 'Task settings section {@code ValidationSettings} (DMS data validation).', F('''
enableValidation | EnableValidation | Boolean | validate data
validationMode | ValidationMode | String | ROW_LEVEL (the only value)
threadCount | ThreadCount | Integer | validation threads
partitionSize | PartitionSize | Integer | records compared per batch
failureMaxCount | FailureMaxCount | Integer | failures before the task's validation is suspended
tableFailureMaxCount | TableFailureMaxCount | Integer | failures before a table's validation is suspended
recordFailureDelayInMinutes | RecordFailureDelayInMinutes | Integer | delay before reporting a failure
recordSuspendDelayInMinutes | RecordSuspendDelayInMinutes | Integer | delay before suspending a record
recordFailureDelayLimitInMinutes | RecordFailureDelayLimitInMinutes | Integer | delay before reporting failures
maxKeyColumnSize | MaxKeyColumnSize | Integer | maximum key column size
validationOnly | ValidationOnly | Boolean | validation-only task (immutable after creation)
handleCollationDiff | HandleCollationDiff | Boolean | account for collation differences
skipLobColumns | SkipLobColumns | Boolean | skip LOB columns
validationPartialLobSize | ValidationPartialLobSize | Integer | KB of each LOB validated (0: all)
validationQueryCdcDelaySeconds | ValidationQueryCdcDelaySeconds | Integer | delay of CDC validation queries
'''), json=True, rules=True)

gen_class(ST, 'BeforeImageSettings', 'Task settings section {@code BeforeImageSettings} (CDC tasks; not for S3 targets, where the add-before-image-columns rule is used instead).', F('''
enableBeforeImage | EnableBeforeImage | Boolean | add before-images of changed rows
fieldName | FieldName | String | name of the before-image field (required when enabled)
columnFilter | ColumnFilter | Enum:BeforeImageColumnFilter | which columns get before-images
'''), json=True, rules=True)
