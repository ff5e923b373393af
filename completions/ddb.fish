# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ddb_global_optspecs
    string join \n endpoint-url= region= profile= local data-dir= in-memory o/output= columns= q/quiet no-progress consumed-capacity explain h/help V/version
end

function __fish_ddb_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ddb_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ddb_using_subcommand
    set -l cmd (__fish_ddb_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ddb -n "__fish_ddb_needs_command" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_needs_command" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_needs_command" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_needs_command" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_needs_command" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_needs_command" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_needs_command" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_needs_command" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_needs_command" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_needs_command" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_needs_command" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_needs_command" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_needs_command" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "create-table" -d 'Create a table and wait until it is ACTIVE [API: CreateTable, DescribeTable, UpdateTimeToLive]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "describe-table" -d 'Show a table\'s keys, indexes, capacity, stream, TTL and tags [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "update-table" -d 'Change a table: add or drop an index, capacity, stream, protection or class, and wait until done [API: UpdateTable, DescribeTable]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "ttl" -d 'Show a table\'s time to live, or turn it on or off [API: DescribeTimeToLive, UpdateTimeToLive]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "list-tables" -d 'List the tables at the target, following every page [API: ListTables]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "delete-table" -d 'Delete a table and every item in it [API: DeleteTable, DescribeTable]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "truncate" -d 'Delete every item of a table and keep the table [API: Scan, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "put" -d 'Write one item, replacing any item with the same key [API: PutItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "get" -d 'Read one item by its key, or many from a file of keys [API: GetItem, BatchGetItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "update" -d 'Change attributes of one item in place [API: UpdateItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "tx" -d 'Write up to 100 items all or nothing, or read them in one snapshot [API: TransactWriteItems, TransactGetItems]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "delete" -d 'Delete one item by its key, whatever it holds [API: DeleteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "conditional-delete" -d 'Delete one item only if a condition holds, atomically [API: DeleteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "query" -d 'Read the items of one partition, optionally a sort-key range [API: Query]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "scan" -d 'Read every item of a table or index, every page [API: Scan]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "sql" -d 'Run PartiQL statements, every page [API: ExecuteStatement, ExecuteTransaction, BatchExecuteStatement]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "shell" -d 'Run many commands on one connection: a line editor on a terminal, a script on stdin'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "tail" -d 'Follow a table\'s stream: one JSON line per change [API: DescribeTable, DescribeStream, GetShardIterator, GetRecords]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "copy" -d 'Copy a table\'s definition and items to another table or target [API: DescribeTable, CreateTable, Scan, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "dump" -d 'Write tables\' definitions and items to a directory [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource, Scan]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "restore" -d 'Create tables and load their items from a `ddb dump` directory [API: CreateTable, UpdateTimeToLive, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "serve" -d 'Serve the database to TCP clients: one JSON request per line [API: GetItem, PutItem, Query, Scan, DeleteItem, ...]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "ui" -d 'Browse, query and edit tables and items in a web page served from ddb [API: ListTables, DescribeTable, Scan, Query, GetItem, PutItem, DeleteItem, CreateTable, UpdateTable, DeleteTable, DescribeTimeToLive, UpdateTimeToLive, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "bench" -d 'Measure Query against Scan as tables grow, or load-test serve\'s models [API: Query, Scan, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "local" -d 'Serve the embedded engine over the DynamoDB API, like DynamoDB Local'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c ddb -n "__fish_ddb_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l pk -d 'Partition key attribute and type' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l sk -d 'Sort key attribute and type' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l rcu -d 'Provisioned read capacity units' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l wcu -d 'Provisioned write capacity units' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l gsi -d 'A global secondary index; PROJECTION is all (default), keys or include=a,b,c (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l gsi-capacity -d 'A global index\'s capacity when the table is provisioned (default: the table\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l lsi -d 'A local secondary index: the table\'s partition key with another sort key (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l stream -d 'Turn on the table\'s stream, carrying new and old images, new, old, or keys only' -r -f -a "new-and-old\t''
new\t''
old\t''
keys\t''"
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l ttl -d 'Expire items by this attribute (epoch seconds), once the table is ACTIVE' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l tag -d 'A tag (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l table-class -d 'Storage class' -r -f -a "standard\t''
infrequent-access\t''"
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l on-demand -d 'On-demand capacity (the default without --rcu/--wcu)'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l deletion-protection -d 'Refuse DeleteTable until it is turned off (update-table --deletion-protection off)'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l no-wait -d 'Return as soon as the table is created, without waiting for ACTIVE (and without --ttl)'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l if-not-exists -d 'Succeed when a table with this name and the same definition (keys, billing mode, indexes and their projections, stream) already exists; a difference is an error naming it'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand create-table" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l as -d 'Print the table as a command instead: `create` gives the `ddb create-table` line that recreates its definition (keys, capacity, indexes, stream, TTL, tags, protection, class)' -r -f -a "create\t''"
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand describe-table" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l add-gsi -d 'Create a global secondary index (same spec as create-table --gsi)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l drop-gsi -d 'Delete a global secondary index' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l rcu -d 'Provisioned read capacity units (switches an on-demand table to provisioned)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l wcu -d 'Provisioned write capacity units' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l gsi-capacity -d 'A global index\'s capacity (repeatable; with --add-gsi, the new index\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l stream -d 'Turn the stream on with this view, or off' -r -f -a "new-and-old\t''
new\t''
old\t''
keys\t''
off\t''"
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l deletion-protection -d 'Turn deletion protection on or off' -r -f -a "on\t''
off\t''"
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l table-class -d 'Storage class' -r -f -a "standard\t''
infrequent-access\t''"
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l on-demand -d 'Switch to on-demand capacity'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l no-wait -d 'Return once the change is accepted, without waiting for it to finish'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand update-table" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l attr -d 'Turn TTL on, keyed by this attribute (a number: seconds since the epoch)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l off -d 'Turn TTL off'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand ttl" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand list-tables" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -s y -l yes -d 'Delete without asking'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l no-wait -d 'Return without waiting until the table is gone'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand delete-table" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l segments -d 'Scan segments read at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l parallel -d 'BatchWriteItem requests in flight at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l rate -d 'Consume at most RCU read and WCU write capacity units a second' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -s y -l yes -d 'Delete without asking'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand truncate" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l condition -d 'Write only if this condition holds for the item currently stored' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l return -d 'What to print: the item this put replaced (old; nothing when there was none), or nothing' -r -f -a "none\t''
old\t''"
complete -c ddb -n "__fish_ddb_using_subcommand put" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l file -d 'Load every item of a file (NDJSON, a JSON array or CSV), or - for standard input' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l format -d 'Input format [default: .csv files are CSV; otherwise a leading [ means a JSON array, else NDJSON]' -r -f -a "ndjson\t'One JSON object per line'
json\t'A JSON array of objects'
csv\t'Comma-separated values with a header row'"
complete -c ddb -n "__fish_ddb_using_subcommand put" -l csv-types -d 'CSV column types, e.g. \'year=N,rating=N\' (S, N, B, BOOL, JSON); other columns are inferred' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l parallel -d 'BatchWriteItem requests in flight at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l rejects -d 'Where bad records are written, as given [default: INPUT.rejects beside a file input]' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand put" -l resume-from -d 'Skip the records before this line (element number for a JSON array), as printed on a stop' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l retry-timeout -d 'Seconds a batch may keep retrying throttling and unprocessed items before they count as failed' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand put" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand put" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand put" -l typed -d 'Read the item as DynamoDB JSON ({"S": "x"}), the only form for sets and binary'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l if-absent -d 'Insert only: refuse (exit 3) when an item with this key exists, leaving it as it was'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l dry-run -d 'Check every record and write nothing'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand put" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand put" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand put" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l keys-file -d 'Read many items: one key per line (NDJSON, plain or --typed), or - for standard input' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l projection -d 'The attributes to return' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand get" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand get" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand get" -l consistent -d 'Strongly consistent read'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l typed -d 'Print DynamoDB JSON ({"S": "x"})'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand get" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand get" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand get" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l set -d 'SET PATH to VALUE (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l set-if-absent -d 'SET PATH to VALUE only where it is absent: if_not_exists' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l add -d 'ADD a number (an atomic counter; negative to subtract) or a JSON array to a set' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l remove -d 'REMOVE an attribute or a list element' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l delete-from -d 'DELETE the elements of a JSON array from a set' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l append -d 'Append the elements of a JSON array to a list, creating it when absent' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l prepend -d 'Prepend the elements of a JSON array to a list, creating it when absent' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l expression -d 'DynamoDB\'s own UpdateExpression (with --names/--values), instead of the flags above' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l condition -d 'Update only if this condition holds for the stored item' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l return -d 'What to print: the item after the update (new), before it (old), only the changed attributes (updated-new, updated-old), or nothing' -r -f -a "none\t''
old\t''
new\t''
updated-old\t''
updated-new\t''"
complete -c ddb -n "__fish_ddb_using_subcommand update" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand update" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand update" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand update" -l must-exist -d 'Never create an item: refuse (exit 3) when no item has the key'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l typed -d 'Read keys and values, and print the item, as DynamoDB JSON'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand update" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand update" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand update" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l file -d 'The actions, one JSON object per line, or - for standard input' -r
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l client-token -d 'Make the transaction idempotent: a retry with the same token within 10 minutes does nothing' -r
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand tx" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l get -d 'Read the lines with TransactGetItems instead'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l typed -d 'Keys, items and values are DynamoDB JSON, and items are printed so'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand tx" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l filter -d 'Delete every item this filter expression matches (a Scan finds them)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l key-condition -d 'Delete every item this key condition matches (a Query finds them; --index for an index\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l index -d 'The index --key-condition reads' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l keys-file -d 'Delete the keys in this file (NDJSON, a key a line; - for standard input)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l condition -d 'With --keys-file: delete a key\'s item only if this condition holds' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l parallel -d 'DeleteItem requests in flight at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand delete" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l typed -d 'Print DynamoDB JSON ({"S": "x"}); with --keys-file, read it'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l dry-run -d 'Print the keys that would be deleted (NDJSON) and their count; delete nothing'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -s y -l yes -d 'Delete many without asking (needed without a terminal, unless --dry-run)'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand delete" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l condition -d 'Delete only if this condition holds for the stored item' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l typed -d 'Read values and print the item as DynamoDB JSON'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand conditional-delete" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l filter -d 'Filter expression, applied after items are read (they still cost capacity)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l projection -d 'Projection expression: the attributes to return' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l index -d 'Read a global or local secondary index' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l select -d 'Return only the count of matching items' -r -f -a "count\t'Only the number of matching items'"
complete -c ddb -n "__fish_ddb_using_subcommand query" -l page-size -d 'Items read per request (DynamoDB\'s Limit, counted before the filter)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l max-items -d 'Stop after N items and print how to resume' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l start-key -d 'Start after this key (the resume key ddb printed)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l pk -d 'The partition key value (typed from the table\'s or index\'s key schema)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l sk -d 'The sort key: VALUE for equality, or \'OP VALUE\' with OP one of = < <= > >=' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l sk-between -d 'Sort key between LOW and HIGH, inclusive' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l sk-begins-with -d 'Sort key starts with PREFIX' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l key-condition -d 'A key condition expression of your own, instead of --pk/--sk' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand query" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand query" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand query" -l consistent -d 'Strongly consistent reads'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l typed -d 'Read and write DynamoDB JSON ({"S": "x"}) instead of plain JSON'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l desc -d 'Descending sort-key order'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand query" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand query" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand query" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l filter -d 'Filter expression, applied after items are read (they still cost capacity)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l projection -d 'Projection expression: the attributes to return' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l index -d 'Read a global or local secondary index' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l select -d 'Return only the count of matching items' -r -f -a "count\t'Only the number of matching items'"
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l page-size -d 'Items read per request (DynamoDB\'s Limit, counted before the filter)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l max-items -d 'Stop after N items and print how to resume' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l start-key -d 'Start after this key (the resume key ddb printed)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l segments -d 'Parallel scan with N segments read at once; every item is still printed exactly once' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand scan" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l consistent -d 'Strongly consistent reads'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l typed -d 'Read and write DynamoDB JSON ({"S": "x"}) instead of plain JSON'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand scan" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -s f -l file -d 'Run the statements of a file (- for stdin), separated by `;`' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l param -d 'A value for the next `?` (repeatable, in order)' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l max-items -d 'Stop after this many items; stderr says how to go on (--next-token)' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l next-token -d 'Go on from where an earlier run stopped' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l page-size -d 'Items a request evaluates at most (DynamoDB\'s Limit)' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand sql" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l tx -d 'Run the file\'s statements as one transaction: all or nothing (at most 100)'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l batch -d 'Send the file\'s statements 25 a request; each succeeds or fails on its own'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l typed -d 'Read --param values as DynamoDB JSON, and print items so'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l consistent -d 'Read with strong consistency'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l require-key -d 'Refuse (exit 2) a SELECT whose WHERE clause does not fix the partition key: a full scan'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand sql" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand shell" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l keep-going -d 'Reading stdin: go on after a command fails (the exit code is the first failure\'s)'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand shell" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l from -d 'Where to start: the oldest record kept, or changes made from now on' -r -f -a "trim-horizon\t'The oldest record still kept (24 hours on AWS)'
latest\t'Only changes made from now on'"
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l max-records -d 'Stop after this many records' -r
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l timeout -d 'Stop after this many seconds' -r
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand tail" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l typed -d 'Items in DynamoDB JSON ({"S": "x"}) instead of plain JSON'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand tail" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l to-endpoint-url -d 'Write to this DynamoDB-compatible endpoint' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l to-region -d 'Write to AWS DynamoDB in this region' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l to-profile -d 'Write with this named profile' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l to-data-dir -d 'The embedded engine\'s data directory for --to-local' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l segments -d 'Scan segments read at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l parallel -d 'BatchWriteItem requests in flight at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l filter -d 'Copy only the items this filter expression keeps' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l names -d 'Expression attribute name: \'#yr=year\', or a JSON object \'{"#yr": "year"}\' (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l values -d 'Expression attribute value: \':v=10\', \':t=Drama\', or a JSON object (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l max-items -d 'Copy at most this many items (a sample)' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l rate -d 'Consume at most RCU read and WCU write capacity units a second (as the servers report them), so a copy does not starve production traffic' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand copy" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l to-local -d 'Write to the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l if-not-exists -d 'Accept an existing destination table with the same definition'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l schema-only -d 'Create the destination table only; copy no items'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l data-only -d 'Copy items into an existing destination table; create nothing'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l resume -d 'Go on with a copy that was interrupted or failed, from where its scan segments stood (give the same tables, targets and --filter)'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand copy" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l segments -d 'Scan segments read at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand dump" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l no-gzip -d 'Write items.ndjson uncompressed'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand dump" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l rename -d 'Restore a table under another name (repeatable)' -r
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l parallel -d 'BatchWriteItem requests in flight at once' -r
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand restore" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l schema-only -d 'Create the tables only'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l data-only -d 'Load items into tables that exist; create nothing'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l if-not-exists -d 'Accept an existing table with the same definition'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand restore" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l model -d 'How connections are driven' -r -f -a "blocking\t'One client at a time on one thread'
threads\t'An OS thread per client, up to --max-clients'
async\t'Every connection a task on one event loop (tokio)'"
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l protocol -d 'What the server speaks' -r -f -a "ndjson\t'One JSON request per line, one JSON reply per line, pipelined'
caps\t'The lecture\'s protocol: one message per connection, reply ALL CAPS or NOT ALL CAPS'"
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l max-clients -d 'Connections served at once; more wait in the listen backlog' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l max-line -d 'Longest request line in bytes; a longer one is refused and the connection closed' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l idle-timeout -d 'Close a connection after this many seconds without a request' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l request-timeout -d 'Close a connection whose request line stays incomplete, or that takes no reply, this many seconds' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l drain-timeout -d 'On shutdown, how long requests in flight may take to finish' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l pipeline -d 'Requests in flight per connection (async model)' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l reply-buffer -d 'Bytes of replies one connection may hold unwritten; calls wait while it is used' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l reply-memory -d 'Bytes of replies the whole server may hold unwritten, over all connections' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l token -d 'Clients must first send {"op": "auth", "token": TOKEN}' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l tables -d 'The only tables clients may use, comma-separated' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l log-level -d 'What to log on stderr: off, error, or info (a line per connection)' -r -f -a "off\t''
error\t''
info\t''"
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand serve" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l insecure -d 'Serve beyond loopback without a token (anyone who reaches the port can use the database)'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l read-only -d 'Refuse put and delete'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand serve" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l tables -d 'Show, read and change only these tables (a table created from the page must be one)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l token -d 'The secret remote pages must send, instead of a fresh one (at least 16 characters); better given in DDB_UI_TOKEN than on a command line other users can read' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand ui" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l open -d 'Open the page in the default browser (xdg-open)'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l read-only -d 'Refuse every change: items, tables, indexes and TTL (the page then only reads)'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l allow-remote -d 'Listen on every interface, for other machines (needs --token)'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand ui" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -f -a "query-vs-scan" -d 'Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -f -a "serve" -d 'Many clients against serve\'s models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and not __fish_seen_subcommand_from query-vs-scan serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l items -d 'Table sizes to measure at (items)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l partitions -d 'Partition-key values the items are spread over' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l repeat -d 'Queries and scans per size (random partitions)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l seed -d 'Seed of the data and of the partitions chosen' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l table -d 'Measure this existing table and its data instead of a scratch table' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l parallel -d 'BatchWriteItem requests in flight while seeding' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l plot -d 'Draw capacity units and latency against table size (log-log) into an SVG file' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l index -d 'Query a global secondary index instead of the table\'s key: "movies of one genre" on an index keyed by genre, against a Scan filtering on genre (with --table: the index named)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l keep -d 'Keep the scratch table afterwards'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l json -d 'Print the results as JSON on stdout'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from query-vs-scan" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l models -d 'Server models to start in-process, one after the other' -r -f -a "blocking\t'One client at a time on one thread'
threads\t'An OS thread per client, up to --max-clients'
async\t'Every connection a task on one event loop (tokio)'"
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l connect -d 'Load a running server instead (loopback unless --allow-remote)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l server-pid -d 'With --connect: the server\'s process id, to report its memory and threads' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l clients -d 'Concurrent clients, one measurement each' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l duration -d 'Seconds per measurement' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l workload -d 'caps: a connection per request (the lecture\'s client); ndjson: persistent connections' -r -f -a "caps\t'The lecture\'s: a new connection per request, "HELLO WORLD" in, "ALL CAPS" out'
ndjson\t'Persistent connections, --pipeline requests in flight each'"
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l pipeline -d 'ndjson: requests in flight per connection' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l get-percent -d 'ndjson with --get-put: percent of gets' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l idle -d 'Also hold this many idle connections and report server memory per connection' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l seed -d 'Seed of the clients\' request mix and keys (--get-put)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l plot -d 'Draw requests per second against clients into an SVG file' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l allow-remote -d 'Allow --connect to another machine'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l get-put -d 'ndjson: get/put on a scratch table instead of ping'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l direct -d 'With --get-put: also issue the same requests straight through the SDK, without the server, so the gateway\'s own cost shows'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l pin -d 'Linux: run the in-process server on the first CPU this process may use and the clients on the others, so neither measures the other\'s contention (with --connect: the clients only; pin the server yourself, e.g. taskset -c 0)'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l json -d 'Print the results as JSON on stdout'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "query-vs-scan" -d 'Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Many clients against serve\'s models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]'
complete -c ddb -n "__fish_ddb_using_subcommand bench; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ddb -n "__fish_ddb_using_subcommand local" -l port -d 'Port to listen on (0 picks a free one)' -r
complete -c ddb -n "__fish_ddb_using_subcommand local" -l bind -d 'Address to listen on' -r
complete -c ddb -n "__fish_ddb_using_subcommand local" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand local" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand local" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand local" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand local" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand local" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand local" -l allow-remote -d 'Allow binding to an address other machines can reach (there is no authentication)'
complete -c ddb -n "__fish_ddb_using_subcommand local" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand local" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand local" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand local" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand local" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand local" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand local" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand local" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l endpoint-url -d 'Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)' -r
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l region -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s)' -r
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l profile -d 'Named profile from the AWS shared config and credentials files' -r
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l data-dir -d 'The embedded engine\'s data directory [default: the platform data directory]/ddb' -r -F
complete -c ddb -n "__fish_ddb_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "auto\t'A table on a terminal; otherwise ndjson for query and scan, json for the rest'
json\t''
ndjson\t''
table\t''
text\t''
csv\t'RFC 4180, a header row; columns from --columns or the items'
tsv\t'Tab-separated, a header row; tabs, newlines and backslashes escaped'"
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l columns -d 'Columns of csv and tsv output, document paths allowed (default: the key attributes, then the other top-level attributes of the first 1,000 items, sorted)' -r
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l local -d 'Use the embedded engine'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l in-memory -d 'Use the embedded engine with nothing kept on disk'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -s q -l quiet -d 'Print nothing on stderr but errors'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l no-progress -d 'Draw no progress bars'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l consumed-capacity -d 'Report the capacity units each request consumed'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -l explain -d 'Print the request the command would send (operation and body in DynamoDB\'s JSON wire format, one line) and send nothing; DescribeTable is still read where a key schema is needed'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ddb -n "__fish_ddb_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "create-table" -d 'Create a table and wait until it is ACTIVE [API: CreateTable, DescribeTable, UpdateTimeToLive]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "describe-table" -d 'Show a table\'s keys, indexes, capacity, stream, TTL and tags [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "update-table" -d 'Change a table: add or drop an index, capacity, stream, protection or class, and wait until done [API: UpdateTable, DescribeTable]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "ttl" -d 'Show a table\'s time to live, or turn it on or off [API: DescribeTimeToLive, UpdateTimeToLive]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "list-tables" -d 'List the tables at the target, following every page [API: ListTables]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "delete-table" -d 'Delete a table and every item in it [API: DeleteTable, DescribeTable]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "truncate" -d 'Delete every item of a table and keep the table [API: Scan, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "put" -d 'Write one item, replacing any item with the same key [API: PutItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "get" -d 'Read one item by its key, or many from a file of keys [API: GetItem, BatchGetItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "update" -d 'Change attributes of one item in place [API: UpdateItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "tx" -d 'Write up to 100 items all or nothing, or read them in one snapshot [API: TransactWriteItems, TransactGetItems]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "delete" -d 'Delete one item by its key, whatever it holds [API: DeleteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "conditional-delete" -d 'Delete one item only if a condition holds, atomically [API: DeleteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "query" -d 'Read the items of one partition, optionally a sort-key range [API: Query]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "scan" -d 'Read every item of a table or index, every page [API: Scan]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "sql" -d 'Run PartiQL statements, every page [API: ExecuteStatement, ExecuteTransaction, BatchExecuteStatement]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "shell" -d 'Run many commands on one connection: a line editor on a terminal, a script on stdin'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "tail" -d 'Follow a table\'s stream: one JSON line per change [API: DescribeTable, DescribeStream, GetShardIterator, GetRecords]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "copy" -d 'Copy a table\'s definition and items to another table or target [API: DescribeTable, CreateTable, Scan, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "dump" -d 'Write tables\' definitions and items to a directory [API: DescribeTable, DescribeTimeToLive, ListTagsOfResource, Scan]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "restore" -d 'Create tables and load their items from a `ddb dump` directory [API: CreateTable, UpdateTimeToLive, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "serve" -d 'Serve the database to TCP clients: one JSON request per line [API: GetItem, PutItem, Query, Scan, DeleteItem, ...]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "ui" -d 'Browse, query and edit tables and items in a web page served from ddb [API: ListTables, DescribeTable, Scan, Query, GetItem, PutItem, DeleteItem, CreateTable, UpdateTable, DeleteTable, DescribeTimeToLive, UpdateTimeToLive, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "bench" -d 'Measure Query against Scan as tables grow, or load-test serve\'s models [API: Query, Scan, BatchWriteItem]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "local" -d 'Serve the embedded engine over the DynamoDB API, like DynamoDB Local'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c ddb -n "__fish_ddb_using_subcommand help; and not __fish_seen_subcommand_from create-table describe-table update-table ttl list-tables delete-table truncate put get update tx delete conditional-delete query scan sql shell tail copy dump restore serve ui bench local completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ddb -n "__fish_ddb_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "query-vs-scan" -d 'Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]'
complete -c ddb -n "__fish_ddb_using_subcommand help; and __fish_seen_subcommand_from bench" -f -a "serve" -d 'Many clients against serve\'s models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]'
