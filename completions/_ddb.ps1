
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ddb' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ddb'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ddb' {
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create-table', 'create-table', [CompletionResultType]::ParameterValue, 'Create a table and wait until it is ACTIVE [API: CreateTable, DescribeTable, UpdateTimeToLive]')
            [CompletionResult]::new('describe-table', 'describe-table', [CompletionResultType]::ParameterValue, 'Show a table''s keys, indexes, capacity, stream, TTL and tags [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource]')
            [CompletionResult]::new('update-table', 'update-table', [CompletionResultType]::ParameterValue, 'Change a table: add or drop an index, capacity, stream, protection or class, and wait until done [API: UpdateTable, DescribeTable]')
            [CompletionResult]::new('ttl', 'ttl', [CompletionResultType]::ParameterValue, 'Show a table''s time to live, or turn it on or off [API: DescribeTimeToLive, UpdateTimeToLive]')
            [CompletionResult]::new('list-tables', 'list-tables', [CompletionResultType]::ParameterValue, 'List the tables at the target, following every page [API: ListTables]')
            [CompletionResult]::new('delete-table', 'delete-table', [CompletionResultType]::ParameterValue, 'Delete a table and every item in it [API: DeleteTable, DescribeTable]')
            [CompletionResult]::new('truncate', 'truncate', [CompletionResultType]::ParameterValue, 'Delete every item of a table and keep the table [API: Scan, BatchWriteItem]')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write one item, replacing any item with the same key [API: PutItem]')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read one item by its key, or many from a file of keys [API: GetItem, BatchGetItem]')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change attributes of one item in place [API: UpdateItem]')
            [CompletionResult]::new('tx', 'tx', [CompletionResultType]::ParameterValue, 'Write up to 100 items all or nothing, or read them in one snapshot [API: TransactWriteItems, TransactGetItems]')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by its key, whatever it holds [API: DeleteItem]')
            [CompletionResult]::new('conditional-delete', 'conditional-delete', [CompletionResultType]::ParameterValue, 'Delete one item only if a condition holds, atomically [API: DeleteItem]')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Read the items of one partition, optionally a sort-key range [API: Query]')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Read every item of a table or index, every page [API: Scan]')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run PartiQL statements, every page [API: ExecuteStatement, ExecuteTransaction, BatchExecuteStatement]')
            [CompletionResult]::new('shell', 'shell', [CompletionResultType]::ParameterValue, 'Run many commands on one connection: a line editor on a terminal, a script on stdin')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow a table''s stream: one JSON line per change [API: DescribeTable, DescribeStream, GetShardIterator, GetRecords]')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a table''s definition and items to another table or target [API: DescribeTable, CreateTable, Scan, BatchWriteItem]')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Write tables'' definitions and items to a directory [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource, Scan]')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Create tables and load their items from a `ddb dump` directory [API: CreateTable, UpdateTimeToLive, BatchWriteItem]')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the database to TCP clients: one JSON request per line [API: GetItem, PutItem, Query, Scan, DeleteItem, ...]')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'Browse, query and edit tables and items in a web page served from ddb [API: ListTables, DescribeTable, Scan, Query, GetItem, PutItem, DeleteItem, CreateTable, UpdateTable, DeleteTable, DescribeTimeToLive, UpdateTimeToLive, BatchWriteItem]')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure Query against Scan as tables grow, or load-test serve''s models [API: Query, Scan, BatchWriteItem]')
            [CompletionResult]::new('local', 'local', [CompletionResultType]::ParameterValue, 'Serve the embedded engine over the DynamoDB API, like DynamoDB Local')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ddb;create-table' {
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'Partition key attribute and type')
            [CompletionResult]::new('--sk', '--sk', [CompletionResultType]::ParameterName, 'Sort key attribute and type')
            [CompletionResult]::new('--rcu', '--rcu', [CompletionResultType]::ParameterName, 'Provisioned read capacity units')
            [CompletionResult]::new('--wcu', '--wcu', [CompletionResultType]::ParameterName, 'Provisioned write capacity units')
            [CompletionResult]::new('--gsi', '--gsi', [CompletionResultType]::ParameterName, 'A global secondary index; PROJECTION is all (default), keys or include=a,b,c (repeatable)')
            [CompletionResult]::new('--gsi-capacity', '--gsi-capacity', [CompletionResultType]::ParameterName, 'A global index''s capacity when the table is provisioned (default: the table''s)')
            [CompletionResult]::new('--lsi', '--lsi', [CompletionResultType]::ParameterName, 'A local secondary index: the table''s partition key with another sort key (repeatable)')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Turn on the table''s stream, carrying new and old images, new, old, or keys only')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Expire items by this attribute (epoch seconds), once the table is ACTIVE')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--table-class', '--table-class', [CompletionResultType]::ParameterName, 'Storage class')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--on-demand', '--on-demand', [CompletionResultType]::ParameterName, 'On-demand capacity (the default without --rcu/--wcu)')
            [CompletionResult]::new('--deletion-protection', '--deletion-protection', [CompletionResultType]::ParameterName, 'Refuse DeleteTable until it is turned off (update-table --deletion-protection off)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return as soon as the table is created, without waiting for ACTIVE (and without --ttl)')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed when a table with this name and the same definition (keys, billing mode, indexes and their projections, stream) already exists; a difference is an error naming it')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;describe-table' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Print the table as a command instead: `create` gives the `ddb create-table` line that recreates its definition (keys, capacity, indexes, stream, TTL, tags, protection, class)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;update-table' {
            [CompletionResult]::new('--add-gsi', '--add-gsi', [CompletionResultType]::ParameterName, 'Create a global secondary index (same spec as create-table --gsi)')
            [CompletionResult]::new('--drop-gsi', '--drop-gsi', [CompletionResultType]::ParameterName, 'Delete a global secondary index')
            [CompletionResult]::new('--rcu', '--rcu', [CompletionResultType]::ParameterName, 'Provisioned read capacity units (switches an on-demand table to provisioned)')
            [CompletionResult]::new('--wcu', '--wcu', [CompletionResultType]::ParameterName, 'Provisioned write capacity units')
            [CompletionResult]::new('--gsi-capacity', '--gsi-capacity', [CompletionResultType]::ParameterName, 'A global index''s capacity (repeatable; with --add-gsi, the new index''s)')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Turn the stream on with this view, or off')
            [CompletionResult]::new('--deletion-protection', '--deletion-protection', [CompletionResultType]::ParameterName, 'Turn deletion protection on or off')
            [CompletionResult]::new('--table-class', '--table-class', [CompletionResultType]::ParameterName, 'Storage class')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--on-demand', '--on-demand', [CompletionResultType]::ParameterName, 'Switch to on-demand capacity')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the change is accepted, without waiting for it to finish')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;ttl' {
            [CompletionResult]::new('--attr', '--attr', [CompletionResultType]::ParameterName, 'Turn TTL on, keyed by this attribute (a number: seconds since the epoch)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Turn TTL off')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;list-tables' {
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;delete-table' {
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return without waiting until the table is gone')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;truncate' {
            [CompletionResult]::new('--segments', '--segments', [CompletionResultType]::ParameterName, 'Scan segments read at once')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'BatchWriteItem requests in flight at once')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Consume at most RCU read and WCU write capacity units a second')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;put' {
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'Write only if this condition holds for the item currently stored')
            [CompletionResult]::new('--return', '--return', [CompletionResultType]::ParameterName, 'What to print: the item this put replaced (old; nothing when there was none), or nothing')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Load every item of a file (NDJSON, a JSON array or CSV), or - for standard input')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format [default: .csv files are CSV; otherwise a leading [ means a JSON array, else NDJSON]')
            [CompletionResult]::new('--csv-types', '--csv-types', [CompletionResultType]::ParameterName, 'CSV column types, e.g. ''year=N,rating=N'' (S, N, B, BOOL, JSON); other columns are inferred')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'BatchWriteItem requests in flight at once')
            [CompletionResult]::new('--rejects', '--rejects', [CompletionResultType]::ParameterName, 'Where bad records are written, as given [default: INPUT.rejects beside a file input]')
            [CompletionResult]::new('--resume-from', '--resume-from', [CompletionResultType]::ParameterName, 'Skip the records before this line (element number for a JSON array), as printed on a stop')
            [CompletionResult]::new('--retry-timeout', '--retry-timeout', [CompletionResultType]::ParameterName, 'Seconds a batch may keep retrying throttling and unprocessed items before they count as failed')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read the item as DynamoDB JSON ({"S": "x"}), the only form for sets and binary')
            [CompletionResult]::new('--if-absent', '--if-absent', [CompletionResultType]::ParameterName, 'Insert only: refuse (exit 3) when an item with this key exists, leaving it as it was')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check every record and write nothing')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;get' {
            [CompletionResult]::new('--keys-file', '--keys-file', [CompletionResultType]::ParameterName, 'Read many items: one key per line (NDJSON, plain or --typed), or - for standard input')
            [CompletionResult]::new('--projection', '--projection', [CompletionResultType]::ParameterName, 'The attributes to return')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent read')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Print DynamoDB JSON ({"S": "x"})')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;update' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'SET PATH to VALUE (repeatable)')
            [CompletionResult]::new('--set-if-absent', '--set-if-absent', [CompletionResultType]::ParameterName, 'SET PATH to VALUE only where it is absent: if_not_exists')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'ADD a number (an atomic counter; negative to subtract) or a JSON array to a set')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'REMOVE an attribute or a list element')
            [CompletionResult]::new('--delete-from', '--delete-from', [CompletionResultType]::ParameterName, 'DELETE the elements of a JSON array from a set')
            [CompletionResult]::new('--append', '--append', [CompletionResultType]::ParameterName, 'Append the elements of a JSON array to a list, creating it when absent')
            [CompletionResult]::new('--prepend', '--prepend', [CompletionResultType]::ParameterName, 'Prepend the elements of a JSON array to a list, creating it when absent')
            [CompletionResult]::new('--expression', '--expression', [CompletionResultType]::ParameterName, 'DynamoDB''s own UpdateExpression (with --names/--values), instead of the flags above')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'Update only if this condition holds for the stored item')
            [CompletionResult]::new('--return', '--return', [CompletionResultType]::ParameterName, 'What to print: the item after the update (new), before it (old), only the changed attributes (updated-new, updated-old), or nothing')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--must-exist', '--must-exist', [CompletionResultType]::ParameterName, 'Never create an item: refuse (exit 3) when no item has the key')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read keys and values, and print the item, as DynamoDB JSON')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;tx' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The actions, one JSON object per line, or - for standard input')
            [CompletionResult]::new('--client-token', '--client-token', [CompletionResultType]::ParameterName, 'Make the transaction idempotent: a retry with the same token within 10 minutes does nothing')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--get', '--get', [CompletionResultType]::ParameterName, 'Read the lines with TransactGetItems instead')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Keys, items and values are DynamoDB JSON, and items are printed so')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;delete' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Delete every item this filter expression matches (a Scan finds them)')
            [CompletionResult]::new('--key-condition', '--key-condition', [CompletionResultType]::ParameterName, 'Delete every item this key condition matches (a Query finds them; --index for an index''s)')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'The index --key-condition reads')
            [CompletionResult]::new('--keys-file', '--keys-file', [CompletionResultType]::ParameterName, 'Delete the keys in this file (NDJSON, a key a line; - for standard input)')
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'With --keys-file: delete a key''s item only if this condition holds')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'DeleteItem requests in flight at once')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Print DynamoDB JSON ({"S": "x"}); with --keys-file, read it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the keys that would be deleted (NDJSON) and their count; delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete many without asking (needed without a terminal, unless --dry-run)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete many without asking (needed without a terminal, unless --dry-run)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;conditional-delete' {
            [CompletionResult]::new('--condition', '--condition', [CompletionResultType]::ParameterName, 'Delete only if this condition holds for the stored item')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read values and print the item as DynamoDB JSON')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;query' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter expression, applied after items are read (they still cost capacity)')
            [CompletionResult]::new('--projection', '--projection', [CompletionResultType]::ParameterName, 'Projection expression: the attributes to return')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read a global or local secondary index')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Return only the count of matching items')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items read per request (DynamoDB''s Limit, counted before the filter)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items and print how to resume')
            [CompletionResult]::new('--start-key', '--start-key', [CompletionResultType]::ParameterName, 'Start after this key (the resume key ddb printed)')
            [CompletionResult]::new('--pk', '--pk', [CompletionResultType]::ParameterName, 'The partition key value (typed from the table''s or index''s key schema)')
            [CompletionResult]::new('--sk', '--sk', [CompletionResultType]::ParameterName, 'The sort key: VALUE for equality, or ''OP VALUE'' with OP one of = < <= > >=')
            [CompletionResult]::new('--sk-between', '--sk-between', [CompletionResultType]::ParameterName, 'Sort key between LOW and HIGH, inclusive')
            [CompletionResult]::new('--sk-begins-with', '--sk-begins-with', [CompletionResultType]::ParameterName, 'Sort key starts with PREFIX')
            [CompletionResult]::new('--key-condition', '--key-condition', [CompletionResultType]::ParameterName, 'A key condition expression of your own, instead of --pk/--sk')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent reads')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write DynamoDB JSON ({"S": "x"}) instead of plain JSON')
            [CompletionResult]::new('--desc', '--desc', [CompletionResultType]::ParameterName, 'Descending sort-key order')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;scan' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Filter expression, applied after items are read (they still cost capacity)')
            [CompletionResult]::new('--projection', '--projection', [CompletionResultType]::ParameterName, 'Projection expression: the attributes to return')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read a global or local secondary index')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Return only the count of matching items')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items read per request (DynamoDB''s Limit, counted before the filter)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items and print how to resume')
            [CompletionResult]::new('--start-key', '--start-key', [CompletionResultType]::ParameterName, 'Start after this key (the resume key ddb printed)')
            [CompletionResult]::new('--segments', '--segments', [CompletionResultType]::ParameterName, 'Parallel scan with N segments read at once; every item is still printed exactly once')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Strongly consistent reads')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read and write DynamoDB JSON ({"S": "x"}) instead of plain JSON')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;sql' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Run the statements of a file (- for stdin), separated by `;`')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Run the statements of a file (- for stdin), separated by `;`')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A value for the next `?` (repeatable, in order)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after this many items; stderr says how to go on (--next-token)')
            [CompletionResult]::new('--next-token', '--next-token', [CompletionResultType]::ParameterName, 'Go on from where an earlier run stopped')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items a request evaluates at most (DynamoDB''s Limit)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--tx', '--tx', [CompletionResultType]::ParameterName, 'Run the file''s statements as one transaction: all or nothing (at most 100)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send the file''s statements 25 a request; each succeeds or fails on its own')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Read --param values as DynamoDB JSON, and print items so')
            [CompletionResult]::new('--consistent', '--consistent', [CompletionResultType]::ParameterName, 'Read with strong consistency')
            [CompletionResult]::new('--require-key', '--require-key', [CompletionResultType]::ParameterName, 'Refuse (exit 2) a SELECT whose WHERE clause does not fix the partition key: a full scan')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;shell' {
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Reading stdin: go on after a command fails (the exit code is the first failure''s)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;tail' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start: the oldest record kept, or changes made from now on')
            [CompletionResult]::new('--max-records', '--max-records', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop after this many seconds')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--typed', '--typed', [CompletionResultType]::ParameterName, 'Items in DynamoDB JSON ({"S": "x"}) instead of plain JSON')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;copy' {
            [CompletionResult]::new('--to-endpoint-url', '--to-endpoint-url', [CompletionResultType]::ParameterName, 'Write to this DynamoDB-compatible endpoint')
            [CompletionResult]::new('--to-region', '--to-region', [CompletionResultType]::ParameterName, 'Write to AWS DynamoDB in this region')
            [CompletionResult]::new('--to-profile', '--to-profile', [CompletionResultType]::ParameterName, 'Write with this named profile')
            [CompletionResult]::new('--to-data-dir', '--to-data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory for --to-local')
            [CompletionResult]::new('--segments', '--segments', [CompletionResultType]::ParameterName, 'Scan segments read at once')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'BatchWriteItem requests in flight at once')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Copy only the items this filter expression keeps')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Expression attribute name: ''#yr=year'', or a JSON object ''{"#yr": "year"}'' (repeatable)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Expression attribute value: '':v=10'', '':t=Drama'', or a JSON object (repeatable)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Copy at most this many items (a sample)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Consume at most RCU read and WCU write capacity units a second (as the servers report them), so a copy does not starve production traffic')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--to-local', '--to-local', [CompletionResultType]::ParameterName, 'Write to the embedded engine')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Accept an existing destination table with the same definition')
            [CompletionResult]::new('--schema-only', '--schema-only', [CompletionResultType]::ParameterName, 'Create the destination table only; copy no items')
            [CompletionResult]::new('--data-only', '--data-only', [CompletionResultType]::ParameterName, 'Copy items into an existing destination table; create nothing')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Go on with a copy that was interrupted or failed, from where its scan segments stood (give the same tables, targets and --filter)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;dump' {
            [CompletionResult]::new('--segments', '--segments', [CompletionResultType]::ParameterName, 'Scan segments read at once')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--no-gzip', '--no-gzip', [CompletionResultType]::ParameterName, 'Write items.ndjson uncompressed')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;restore' {
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'Restore a table under another name (repeatable)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'BatchWriteItem requests in flight at once')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--schema-only', '--schema-only', [CompletionResultType]::ParameterName, 'Create the tables only')
            [CompletionResult]::new('--data-only', '--data-only', [CompletionResultType]::ParameterName, 'Load items into tables that exist; create nothing')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Accept an existing table with the same definition')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'How connections are driven')
            [CompletionResult]::new('--protocol', '--protocol', [CompletionResultType]::ParameterName, 'What the server speaks')
            [CompletionResult]::new('--max-clients', '--max-clients', [CompletionResultType]::ParameterName, 'Connections served at once; more wait in the listen backlog')
            [CompletionResult]::new('--max-line', '--max-line', [CompletionResultType]::ParameterName, 'Longest request line in bytes; a longer one is refused and the connection closed')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a connection after this many seconds without a request')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Close a connection whose request line stays incomplete, or that takes no reply, this many seconds')
            [CompletionResult]::new('--drain-timeout', '--drain-timeout', [CompletionResultType]::ParameterName, 'On shutdown, how long requests in flight may take to finish')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Requests in flight per connection (async model)')
            [CompletionResult]::new('--reply-buffer', '--reply-buffer', [CompletionResultType]::ParameterName, 'Bytes of replies one connection may hold unwritten; calls wait while it is used')
            [CompletionResult]::new('--reply-memory', '--reply-memory', [CompletionResultType]::ParameterName, 'Bytes of replies the whole server may hold unwritten, over all connections')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Clients must first send {"op": "auth", "token": TOKEN}')
            [CompletionResult]::new('--tables', '--tables', [CompletionResultType]::ParameterName, 'The only tables clients may use, comma-separated')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'What to log on stderr: off, error, or info (a line per connection)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Serve beyond loopback without a token (anyone who reaches the port can use the database)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse put and delete')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;ui' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 picks a free one)')
            [CompletionResult]::new('--tables', '--tables', [CompletionResultType]::ParameterName, 'Show, read and change only these tables (a table created from the page must be one)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The secret remote pages must send, instead of a fresh one (at least 16 characters); better given in DDB_UI_TOKEN than on a command line other users can read')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the page in the default browser (xdg-open)')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Refuse every change: items, tables, indexes and TTL (the page then only reads)')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Listen on every interface, for other machines (needs --token)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;bench' {
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('query-vs-scan', 'query-vs-scan', [CompletionResultType]::ParameterValue, 'Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Many clients against serve''s models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ddb;bench;query-vs-scan' {
            [CompletionResult]::new('--items', '--items', [CompletionResultType]::ParameterName, 'Table sizes to measure at (items)')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Partition-key values the items are spread over')
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'Queries and scans per size (random partitions)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the data and of the partitions chosen')
            [CompletionResult]::new('--table', '--table', [CompletionResultType]::ParameterName, 'Measure this existing table and its data instead of a scratch table')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'BatchWriteItem requests in flight while seeding')
            [CompletionResult]::new('--plot', '--plot', [CompletionResultType]::ParameterName, 'Draw capacity units and latency against table size (log-log) into an SVG file')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Query a global secondary index instead of the table''s key: "movies of one genre" on an index keyed by genre, against a Scan filtering on genre (with --table: the index named)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the scratch table afterwards')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the results as JSON on stdout')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;bench;serve' {
            [CompletionResult]::new('--models', '--models', [CompletionResultType]::ParameterName, 'Server models to start in-process, one after the other')
            [CompletionResult]::new('--connect', '--connect', [CompletionResultType]::ParameterName, 'Load a running server instead (loopback unless --allow-remote)')
            [CompletionResult]::new('--server-pid', '--server-pid', [CompletionResultType]::ParameterName, 'With --connect: the server''s process id, to report its memory and threads')
            [CompletionResult]::new('--clients', '--clients', [CompletionResultType]::ParameterName, 'Concurrent clients, one measurement each')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Seconds per measurement')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'caps: a connection per request (the lecture''s client); ndjson: persistent connections')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'ndjson: requests in flight per connection')
            [CompletionResult]::new('--get-percent', '--get-percent', [CompletionResultType]::ParameterName, 'ndjson with --get-put: percent of gets')
            [CompletionResult]::new('--idle', '--idle', [CompletionResultType]::ParameterName, 'Also hold this many idle connections and report server memory per connection')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the clients'' request mix and keys (--get-put)')
            [CompletionResult]::new('--plot', '--plot', [CompletionResultType]::ParameterName, 'Draw requests per second against clients into an SVG file')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow --connect to another machine')
            [CompletionResult]::new('--get-put', '--get-put', [CompletionResultType]::ParameterName, 'ndjson: get/put on a scratch table instead of ping')
            [CompletionResult]::new('--direct', '--direct', [CompletionResultType]::ParameterName, 'With --get-put: also issue the same requests straight through the SDK, without the server, so the gateway''s own cost shows')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Linux: run the in-process server on the first CPU this process may use and the clients on the others, so neither measures the other''s contention (with --connect: the clients only; pin the server yourself, e.g. taskset -c 0)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the results as JSON on stdout')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;bench;help' {
            [CompletionResult]::new('query-vs-scan', 'query-vs-scan', [CompletionResultType]::ParameterValue, 'Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Many clients against serve''s models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ddb;bench;help;query-vs-scan' {
            break
        }
        'ddb;bench;help;serve' {
            break
        }
        'ddb;bench;help;help' {
            break
        }
        'ddb;local' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow binding to an address other machines can reach (there is no authentication)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;completions' {
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the AWS shared config and credentials files')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The embedded engine''s data directory [default: the platform data directory]/ddb')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use the embedded engine')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Use the embedded engine with nothing kept on disk')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stderr but errors')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Draw no progress bars')
            [CompletionResult]::new('--consumed-capacity', '--consumed-capacity', [CompletionResultType]::ParameterName, 'Report the capacity units each request consumed')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the request the command would send (operation and body in DynamoDB''s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ddb;help' {
            [CompletionResult]::new('create-table', 'create-table', [CompletionResultType]::ParameterValue, 'Create a table and wait until it is ACTIVE [API: CreateTable, DescribeTable, UpdateTimeToLive]')
            [CompletionResult]::new('describe-table', 'describe-table', [CompletionResultType]::ParameterValue, 'Show a table''s keys, indexes, capacity, stream, TTL and tags [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource]')
            [CompletionResult]::new('update-table', 'update-table', [CompletionResultType]::ParameterValue, 'Change a table: add or drop an index, capacity, stream, protection or class, and wait until done [API: UpdateTable, DescribeTable]')
            [CompletionResult]::new('ttl', 'ttl', [CompletionResultType]::ParameterValue, 'Show a table''s time to live, or turn it on or off [API: DescribeTimeToLive, UpdateTimeToLive]')
            [CompletionResult]::new('list-tables', 'list-tables', [CompletionResultType]::ParameterValue, 'List the tables at the target, following every page [API: ListTables]')
            [CompletionResult]::new('delete-table', 'delete-table', [CompletionResultType]::ParameterValue, 'Delete a table and every item in it [API: DeleteTable, DescribeTable]')
            [CompletionResult]::new('truncate', 'truncate', [CompletionResultType]::ParameterValue, 'Delete every item of a table and keep the table [API: Scan, BatchWriteItem]')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write one item, replacing any item with the same key [API: PutItem]')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read one item by its key, or many from a file of keys [API: GetItem, BatchGetItem]')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change attributes of one item in place [API: UpdateItem]')
            [CompletionResult]::new('tx', 'tx', [CompletionResultType]::ParameterValue, 'Write up to 100 items all or nothing, or read them in one snapshot [API: TransactWriteItems, TransactGetItems]')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by its key, whatever it holds [API: DeleteItem]')
            [CompletionResult]::new('conditional-delete', 'conditional-delete', [CompletionResultType]::ParameterValue, 'Delete one item only if a condition holds, atomically [API: DeleteItem]')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Read the items of one partition, optionally a sort-key range [API: Query]')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Read every item of a table or index, every page [API: Scan]')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run PartiQL statements, every page [API: ExecuteStatement, ExecuteTransaction, BatchExecuteStatement]')
            [CompletionResult]::new('shell', 'shell', [CompletionResultType]::ParameterValue, 'Run many commands on one connection: a line editor on a terminal, a script on stdin')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow a table''s stream: one JSON line per change [API: DescribeTable, DescribeStream, GetShardIterator, GetRecords]')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a table''s definition and items to another table or target [API: DescribeTable, CreateTable, Scan, BatchWriteItem]')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Write tables'' definitions and items to a directory [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource, Scan]')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Create tables and load their items from a `ddb dump` directory [API: CreateTable, UpdateTimeToLive, BatchWriteItem]')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the database to TCP clients: one JSON request per line [API: GetItem, PutItem, Query, Scan, DeleteItem, ...]')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'Browse, query and edit tables and items in a web page served from ddb [API: ListTables, DescribeTable, Scan, Query, GetItem, PutItem, DeleteItem, CreateTable, UpdateTable, DeleteTable, DescribeTimeToLive, UpdateTimeToLive, BatchWriteItem]')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure Query against Scan as tables grow, or load-test serve''s models [API: Query, Scan, BatchWriteItem]')
            [CompletionResult]::new('local', 'local', [CompletionResultType]::ParameterValue, 'Serve the embedded engine over the DynamoDB API, like DynamoDB Local')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ddb;help;create-table' {
            break
        }
        'ddb;help;describe-table' {
            break
        }
        'ddb;help;update-table' {
            break
        }
        'ddb;help;ttl' {
            break
        }
        'ddb;help;list-tables' {
            break
        }
        'ddb;help;delete-table' {
            break
        }
        'ddb;help;truncate' {
            break
        }
        'ddb;help;put' {
            break
        }
        'ddb;help;get' {
            break
        }
        'ddb;help;update' {
            break
        }
        'ddb;help;tx' {
            break
        }
        'ddb;help;delete' {
            break
        }
        'ddb;help;conditional-delete' {
            break
        }
        'ddb;help;query' {
            break
        }
        'ddb;help;scan' {
            break
        }
        'ddb;help;sql' {
            break
        }
        'ddb;help;shell' {
            break
        }
        'ddb;help;tail' {
            break
        }
        'ddb;help;copy' {
            break
        }
        'ddb;help;dump' {
            break
        }
        'ddb;help;restore' {
            break
        }
        'ddb;help;serve' {
            break
        }
        'ddb;help;ui' {
            break
        }
        'ddb;help;bench' {
            [CompletionResult]::new('query-vs-scan', 'query-vs-scan', [CompletionResultType]::ParameterValue, 'Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Many clients against serve''s models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]')
            break
        }
        'ddb;help;bench;query-vs-scan' {
            break
        }
        'ddb;help;bench;serve' {
            break
        }
        'ddb;help;local' {
            break
        }
        'ddb;help;completions' {
            break
        }
        'ddb;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
