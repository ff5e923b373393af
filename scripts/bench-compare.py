#!/usr/bin/env python3
"""Side-by-side measurements behind the README's performance section, in one run on one machine.

    scripts/bench-compare.py cli    --endpoint URL   # ddb get / 100-item query vs the AWS CLI, wall and peak RSS
    scripts/bench-compare.py engine                  # `ddb local` vs DynamoDB Local: start, put/get rate, memory
    scripts/bench-compare.py bulk   --endpoint URL   # seeding and exporting 100,000 items: ddb vs boto3 vs AWS CLI
    scripts/bench-compare.py serve                   # ddb serve's models vs the lecture's Python servers
    scripts/bench-compare.py builds --baseline BIN   # this ddb against another build on the embedded engine
    scripts/bench-compare.py batchget --endpoint URL # ddb get --keys-file vs boto3 batch_get_item; ddb update
    scripts/bench-compare.py copy   --endpoint URL --movies FILE   # embedded -> URL: ddb copy vs put --file vs boto3
    scripts/bench-compare.py shell  [--endpoint URL | --data-dir DIR] # a 200-command script: one `ddb shell` vs 200 ddb processes

URL is a running DynamoDB Local (scripts/dynamodb-local.sh start prints one). Needs python3 with
boto3 and awscli (pip install boto3 awscli) for the comparison clients, GNU time (/usr/bin/time,
Debian package `time`) for peak memory, and a release build of
ddb (cargo build --release). Prints markdown tables; figures vary between runs, so compare the
rows of one run with each other.
"""
import argparse
import concurrent.futures as cf
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DDB = os.environ.get("DDB_BIN", os.path.join(ROOT, "target", "release", "ddb"))
ENV = dict(os.environ, AWS_ACCESS_KEY_ID="ddblocal", AWS_SECRET_ACCESS_KEY="ddblocal", AWS_DEFAULT_REGION="us-east-1",
           AWS_REGION="us-east-1")
ENV.pop("DDB_LOCAL", None)


def run_measured(cmd):
    """Wall seconds and peak RSS (KiB) of one process. The peak comes from GNU time: a child forked
    from Python would report Python's own pages from before exec as its peak."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode()}")
        return wall, int(rss.read().strip().splitlines()[-1])


def ddb(*args, check=True, capture=True):
    return subprocess.run([DDB, *args], env=ENV, check=check, capture_output=capture, text=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def call(port, target, body, conn=None):
    """One DynamoDB JSON request over raw HTTP (the same client for every server)."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = json.dumps(body)
    conn.request("POST", "/", data, {
        "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810." + target,
        "X-Amz-Date": "20260101T000000Z",
        "Authorization": "AWS4-HMAC-SHA256 Credential=ddblocal/20260101/us-east-1/dynamodb/aws4_request, "
                         "SignedHeaders=host, Signature=0"})
    resp = conn.getresponse()
    payload = resp.read()
    if own:
        conn.close()
    return resp.status, payload


def table_row(cells):
    return "| " + " | ".join(str(c) for c in cells) + " |"


def cli(args):
    table = f"BenchCli{random.randrange(10**6)}"
    ep = ["--endpoint-url", args.endpoint]
    ddb(*ep, "create-table", table, "--pk", "year:N", "--sk", "title:S", "-q")
    items = "".join(json.dumps({"year": 2000, "title": f"t{i:03d}", "info": {"rating": i / 10, "plot": "x" * 100}}) + "\n"
                    for i in range(100))
    subprocess.run([DDB, *ep, "-q", "put", table, "--file", "-"], input=items, text=True, env=ENV, check=True)
    key = json.dumps({"year": {"N": "2000"}, "title": {"S": "t001"}})
    cases = [
        ("ddb get", [DDB, *ep, "get", table, "2000", "t001"]),
        ("aws dynamodb get-item", ["aws", "dynamodb", "get-item", "--endpoint-url", args.endpoint, "--table-name", table,
                                   "--key", key]),
        ("ddb query (100 items)", [DDB, *ep, "query", table, "--pk", "2000"]),
        ("aws dynamodb query (100 items)", ["aws", "dynamodb", "query", "--endpoint-url", args.endpoint, "--table-name",
                                            table, "--key-condition-expression", "#y = :y", "--expression-attribute-names",
                                            '{"#y": "year"}', "--expression-attribute-values", '{":y": {"N": "2000"}}']),
    ]
    print(f"Whole processes against DynamoDB Local, {args.runs} runs each after 3 warm-ups (ddb: {DDB})\n")
    print(table_row(["command", "median wall ms", "p90 wall ms", "max peak RSS MiB"]))
    print(table_row(["---"] * 4))
    for name, cmd in cases:
        runs = args.runs if cmd[0] == DDB else max(5, args.runs // 4)
        for _ in range(3):
            run_measured(cmd)
        samples = [run_measured(cmd) for _ in range(runs)]
        walls = sorted(s[0] * 1000 for s in samples)
        print(table_row([name, f"{statistics.median(walls):.1f}", f"{walls[int(len(walls) * 0.9) - 1]:.1f}",
                         f"{max(s[1] for s in samples) / 1024:.1f}"]))
    ddb(*ep, "delete-table", table, "--yes", "-q")


def start_server(kind, port, data_dir=None):
    if kind.startswith("ddb local"):
        store = ["--data-dir", data_dir] if data_dir else ["--in-memory"]
        cmd = [DDB, "local", "--port", str(port), "-q", *store]
        cwd = None
    else:
        home = os.path.join(os.environ.get("DDB_CACHE_DIR", os.path.expanduser("~/.cache/ddb")), "dynamodb-local-11.1.0")
        cmd = ["java", "-Djava.library.path=./DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb",
               "-port", str(port)]
        cwd = home
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    while True:
        try:
            status, _ = call(port, "ListTables", {})
            if status == 200:
                return proc, time.perf_counter() - start
        except OSError:
            pass
        if proc.poll() is not None:
            sys.exit(f"{kind} exited while starting")
        time.sleep(0.002)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def rate(port, op, table, count, threads):
    """Requests per second of PutItem or GetItem from `threads` keep-alive connections."""
    per = count // threads

    def worker(t):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(per):
            key = {"pk": {"S": f"k{t}-{i}"}}
            if op == "PutItem":
                status, body = call(port, "PutItem", {"TableName": table, "Item": {**key, "v": {"S": "x" * 100}}}, conn)
            else:
                status, body = call(port, "GetItem", {"TableName": table, "Key": key}, conn)
            if status != 200:
                raise RuntimeError(body)
        conn.close()

    start = time.perf_counter()
    with cf.ThreadPoolExecutor(threads) as pool:
        list(pool.map(worker, range(threads)))
    return per * threads / (time.perf_counter() - start)


def engine(args):
    rows = {}
    scratch = tempfile.mkdtemp()
    for kind in ["DynamoDB Local", "ddb local", "ddb local --data-dir"]:
        data_dir = os.path.join(scratch, kind.replace(" ", "_")) if kind.endswith("--data-dir") else None
        starts = []
        for n in range(args.starts):
            port = free_port()
            proc, took = start_server(kind, port, data_dir and f"{data_dir}-{n}")
            starts.append(took)
            proc.terminate()
            proc.wait()
        port = free_port()
        proc, _ = start_server(kind, port, data_dir)
        call(port, "CreateTable", {"TableName": "Rate", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                                   "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                   "BillingMode": "PAY_PER_REQUEST"})
        puts = rate(port, "PutItem", "Rate", args.ops, args.threads)
        gets = rate(port, "GetItem", "Rate", args.ops, args.threads)
        # 100,000 Movies-shaped items through ddb's bulk loader, then the server's resident memory.
        ddb("--endpoint-url", f"http://127.0.0.1:{port}", "-q", "create-table", "Movies", "--pk", "year:N", "--sk", "title:S")
        ddb("--endpoint-url", f"http://127.0.0.1:{port}", "-q", "put", "Movies", "--file", args.movies)
        time.sleep(1)
        rows[kind] = (statistics.median(starts), puts, gets, rss_kib(proc.pid) / 1024)
        proc.terminate()
        proc.wait()
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"Servers side by side: start = process start to first answered ListTables (median of {args.starts});")
    print(f"rates = {args.ops} requests from {args.threads} keep-alive Python clients; memory = VmRSS with 100,000 items;\n"
          "DynamoDB Local runs -inMemory, `ddb local` once --in-memory and once with its default, a data directory\n")
    print(table_row(["server", "start ms", "PutItem/s", "GetItem/s", "RSS MiB (100k items)"]))
    print(table_row(["---"] * 5))
    for kind, (start, puts, gets, rss) in rows.items():
        print(table_row([kind, f"{start * 1000:.0f}", f"{puts:.0f}", f"{gets:.0f}", f"{rss:.0f}"]))
    a = rows["DynamoDB Local"]
    for kind in ["ddb local", "ddb local --data-dir"]:
        b = rows[kind]
        print(f"\n{kind} against DynamoDB Local: {a[0] / b[0]:.0f}x faster start, {b[1] / a[1]:.2f}x puts, "
              f"{b[2] / a[2]:.2f}x gets, {b[3] / a[3]:.2f}x the memory")
    # Cold `ddb get` on the embedded target, with a 100,000-item data directory.
    with tempfile.TemporaryDirectory() as d:
        ddb("--local", "--data-dir", d, "-q", "create-table", "Movies", "--pk", "year:N", "--sk", "title:S")
        ddb("--local", "--data-dir", d, "-q", "put", "Movies", "--file", args.movies)
        first = json.loads(open(args.movies).readline())
        cmd = [DDB, "--local", "--data-dir", d, "get", "Movies", str(first["year"]), first["title"]]
        samples = sorted(run_measured(cmd) for _ in range(20))
        print(f"\nddb get on the embedded target (100,000-item data directory): median "
              f"{statistics.median(s[0] for s in samples) * 1000:.1f} ms wall, peak RSS {max(s[1] for s in samples) / 1024:.1f} MiB")


def typed(item):
    def conv(v):
        if isinstance(v, bool):
            return {"BOOL": v}
        if isinstance(v, (int, float)):
            return {"N": repr(v)}
        if isinstance(v, str):
            return {"S": v}
        if isinstance(v, list):
            return {"L": [conv(x) for x in v]}
        return {"M": {k: conv(x) for k, x in v.items()}}
    return {k: conv(v) for k, v in item.items()}


def bulk_rates(endpoint, target_args, movies, label, boto_threads, segments):
    import boto3
    from botocore.config import Config
    items = [json.loads(line) for line in open(movies)]
    rows = []

    def fresh(name):
        ddb(*target_args, "-q", "create-table", name, "--pk", "year:N", "--sk", "title:S")
        return name

    t = fresh(f"Seed{random.randrange(10**6)}")
    wall, rss = run_measured([DDB, *target_args, "-q", "put", t, "--file", movies])
    rows.append((f"ddb put --file ({label})", len(items) / wall, rss / 1024))
    ddb_seed_table = t

    if endpoint:
        cfg = Config(retries={"max_attempts": 10, "mode": "standard"}, max_pool_connections=boto_threads)
        t = fresh(f"Seed{random.randrange(10**6)}")
        typed_items = [typed(i) for i in items]
        batches = [typed_items[i:i + 25] for i in range(0, len(typed_items), 25)]
        clients = [boto3.client("dynamodb", endpoint_url=endpoint, config=cfg, region_name="us-east-1",
                                aws_access_key_id="ddblocal", aws_secret_access_key="ddblocal") for _ in range(boto_threads)]

        def send(n):
            client = clients[n % boto_threads]
            req = {t: [{"PutRequest": {"Item": it}} for it in batches[n]]}
            while req:
                req = client.batch_write_item(RequestItems=req).get("UnprocessedItems") or None

        start = time.perf_counter()
        with cf.ThreadPoolExecutor(boto_threads) as pool:
            list(pool.map(send, range(len(batches))))
        rows.append((f"boto3 BatchWriteItem, {boto_threads} threads ({label})", len(items) / (time.perf_counter() - start), None))

        if label == "DynamoDB Local":
            # The AWS CLI's best bulk path, timed on 2,000 items (80 calls) and expressed as a rate.
            t = fresh(f"Seed{random.randrange(10**6)}")
            with tempfile.TemporaryDirectory() as d:
                files = []
                for n, batch in enumerate(batches[:80]):
                    path = os.path.join(d, f"b{n}.json")
                    json.dump({t: [{"PutRequest": {"Item": it}} for it in batch]}, open(path, "w"))
                    files.append(path)
                start = time.perf_counter()
                for path in files:
                    subprocess.run(["aws", "dynamodb", "batch-write-item", "--endpoint-url", endpoint, "--request-items",
                                    f"file://{path}"], env=ENV, check=True, capture_output=True)
                rows.append(("aws dynamodb batch-write-item, 25-item files (2,000 items)", 2000 / (time.perf_counter() - start), None))

        # Export: boto3 parallel scan against ddb scan --segments.
        def scan_segment(seg):
            client = clients[seg % boto_threads]
            n, kwargs = 0, {"TableName": ddb_seed_table, "Segment": seg, "TotalSegments": segments}
            while True:
                page = client.scan(**kwargs)
                n += len(page["Items"])
                if "LastEvaluatedKey" not in page:
                    return n
                kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

        start = time.perf_counter()
        with cf.ThreadPoolExecutor(segments) as pool:
            total = sum(pool.map(scan_segment, range(segments)))
        boto_scan = total / (time.perf_counter() - start)
    else:
        boto_scan = None
    wall, rss = run_measured([DDB, *target_args, "scan", ddb_seed_table, "--segments", str(segments), "--output", "ndjson"])
    rows.append((f"ddb scan --segments {segments} --output ndjson ({label})", len(items) / wall, rss / 1024))
    if boto_scan:
        rows.append((f"boto3 parallel scan, {segments} segments ({label})", boto_scan, None))
    return rows


def bulk(args):
    movies = args.movies
    rows = bulk_rates(args.endpoint, ["--endpoint-url", args.endpoint], movies, "DynamoDB Local", args.threads, args.segments)
    port = free_port()
    proc, _ = start_server("ddb local", port)
    try:
        rows += bulk_rates(f"http://127.0.0.1:{port}", ["--endpoint-url", f"http://127.0.0.1:{port}"], movies, "ddb local",
                           args.threads, args.segments)
    finally:
        proc.terminate()
    with tempfile.TemporaryDirectory() as d:
        rows += bulk_rates(None, ["--local", "--data-dir", d], movies, "embedded, in process", args.threads, args.segments)
    print(f"{sum(1 for _ in open(movies))} Movies-shaped items; rates in items per second\n")
    print(table_row(["client", "items/s", "peak RSS MiB"]))
    print(table_row(["---"] * 3))
    for name, r, rss in rows:
        print(table_row([name, f"{r:.0f}", "" if rss is None else f"{rss:.1f}"]))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_port(port, proc):
    for _ in range(500):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"a server exited while starting: {proc.args} (exit {proc.returncode})")
            time.sleep(0.02)
    sys.exit(f"nothing listens on {port}")


def serve(args):
    lecture = os.path.join(ROOT, "fixtures", "lecture")
    ddb_env = ["--in-memory", "-q"]
    servers = {
        "caps": [
            ("ddb serve --model async", lambda p: [DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{p}", "--protocol", "caps", "--model", "async", "--log-level", "off"]),
            ("ddb serve --model threads", lambda p: [DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{p}", "--protocol", "caps", "--model", "threads", "--log-level", "off"]),
            ("ddb serve --model blocking", lambda p: [DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{p}", "--protocol", "caps", "--model", "blocking", "--log-level", "off"]),
            ("lecture asyncio", lambda p: [sys.executable, os.path.join(lecture, "server_asyncio.py"), str(p), "127.0.0.1"]),
            ("lecture threads", lambda p: [sys.executable, os.path.join(lecture, "server_threads.py"), str(p), "127.0.0.1"]),
            ("lecture blocking", lambda p: [sys.executable, os.path.join(lecture, "server_blocking.py"), str(p), "127.0.0.1"]),
        ],
        "ndjson": [
            ("ddb serve --model async", lambda p: [DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{p}", "--model", "async", "--log-level", "off"]),
            ("ddb serve --model threads", lambda p: [DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{p}", "--model", "threads", "--log-level", "off"]),
            ("ddb serve --model blocking", lambda p: [DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{p}", "--model", "blocking", "--log-level", "off"]),
            ("asyncio line server", lambda p: [sys.executable, os.path.join(lecture, "line_server_asyncio.py"), str(p), "127.0.0.1"]),
        ],
    }
    rows = []
    plans = [("caps", c, 1) for c in args.caps_clients] + [("ndjson", args.ndjson_clients, d) for d in (1, 16)]
    for workload, clients, pipeline in plans:
        for name, command in servers[workload]:
            if name.endswith("blocking") and clients > 100:
                continue  # one client at a time: 1,000 clients only time out
            port = free_port()
            # --pin: the server on CPU 0, the load generator's clients on the other CPUs.
            pin_server = ["taskset", "-c", "0"] if args.pin else []
            proc = subprocess.Popen([*pin_server, *command(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    env=ENV)
            try:
                wait_port(port, proc)
                cpu_before = cpu_seconds(proc.pid)
                out = subprocess.run([DDB, "--in-memory", "-q", "bench", "serve", "--connect", f"127.0.0.1:{port}",
                                      "--server-pid", str(proc.pid), "--workload", workload, "--clients", str(clients),
                                      "--pipeline", str(pipeline), "--duration", str(args.duration), "--json",
                                      *(["--pin"] if args.pin else [])],
                                     env=ENV, capture_output=True, text=True, check=True)
                cpu = cpu_seconds(proc.pid) - cpu_before
                point = json.loads(out.stdout)["points"][0]
                errors = sum(point["errors"].values())
                rows.append((workload, pipeline, name, clients, point["requests_per_second"], point["latency"]["p50_ms"],
                             point["latency"]["p99_ms"], errors, point["starved_clients"],
                             cpu * 1e6 / max(point["requests"], 1), point["rss_mib"], point.get("syn_drops")))
            finally:
                proc.terminate()
                proc.wait()
    pinned = "; server pinned to CPU 0 (taskset), the generator's clients to the others (--pin)" if args.pin else ""
    print(f"Same load generator (ddb bench serve --connect) against each server, {args.duration} s per row; server CPU\n"
          f"from /proc/PID/stat over the row, divided by the requests answered{pinned}\n")
    print(table_row(["workload", "in flight", "server", "clients", "requests/s", "p50 ms", "p99 ms", "errors", "starved clients",
                     "SYN drops", "server CPU µs/request", "server RSS MiB"]))
    print(table_row(["---"] * 12))
    for r in rows:
        print(table_row([r[0], r[1], r[2], r[3], f"{r[4]:.0f}", f"{r[5]:.2f}", f"{r[6]:.2f}", r[7], r[8],
                         "-" if r[11] is None else r[11], f"{r[9]:.1f}", "-" if r[10] is None else f"{r[10]:.0f}"]))
    # Idle connections: server memory per held connection.
    print()
    for model in ["async", "threads"]:
        port = free_port()
        proc = subprocess.Popen([DDB, *ddb_env, "serve", "--listen", f"127.0.0.1:{port}", "--model", model, "--log-level", "off",
                                 "--max-clients", str(args.idle + 100)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        try:
            wait_port(port, proc)
            out = subprocess.run([DDB, "--in-memory", "-q", "bench", "serve", "--connect", f"127.0.0.1:{port}", "--server-pid",
                                  str(proc.pid), "--workload", "ndjson", "--clients", "1", "--duration", "0.2", "--idle",
                                  str(args.idle), "--json"], env=ENV, capture_output=True, text=True)
            if out.returncode != 0:
                print(f"ddb serve --model {model}: idle test failed: {out.stderr.strip()}")
                continue
            idle = [p for p in json.loads(out.stdout)["points"] if "idle_connections" in p][0]
            print(f"ddb serve --model {model}: {idle['idle_connections']} idle connections held, "
                  f"{idle['idle_kib_per_connection']:.1f} KiB of server memory each")
        finally:
            proc.terminate()
            proc.wait()


def builds(args):
    """Two builds of ddb, alternating round by round so both see the same machine: `ddb local
    --in-memory` put/get rates, a short command's wall time and a bulk load on the embedded engine."""
    bins = {"this build": DDB, "baseline": args.baseline}
    scratch = tempfile.mkdtemp()
    items = os.path.join(scratch, "items.ndjson")
    with open(items, "w") as f:
        for i in range(args.items):
            f.write(json.dumps({"pk": f"k{i}", "v": "x" * 100}) + "\n")
    rates = {name: {"PutItem": [], "GetItem": [], "get ms": [], "load items/s": []} for name in bins}
    for round_ in range(args.rounds):
        for name, binary in bins.items():
            port = free_port()
            proc = subprocess.Popen([binary, "local", "--port", str(port), "-q", "--in-memory"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            while True:
                try:
                    if call(port, "ListTables", {})[0] == 200:
                        break
                except OSError:
                    time.sleep(0.002)
            call(port, "CreateTable", {"TableName": "Rate", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                                       "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                       "BillingMode": "PAY_PER_REQUEST"})
            rates[name]["PutItem"].append(rate(port, "PutItem", "Rate", args.ops, args.threads))
            rates[name]["GetItem"].append(rate(port, "GetItem", "Rate", args.ops, args.threads))
            proc.terminate()
            proc.wait()
            data = os.path.join(scratch, f"{round_}-{name.replace(' ', '_')}")
            base = [binary, "--local", "--data-dir", data, "-q"]
            subprocess.run([*base, "create-table", "Load", "--pk", "pk:S"], check=True, env=ENV, capture_output=True)
            start = time.perf_counter()
            subprocess.run([*base, "put", "Load", "--file", items], check=True, env=ENV, capture_output=True)
            rates[name]["load items/s"].append(args.items / (time.perf_counter() - start))
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run([*base, "get", "Load", "k7"], check=True, env=ENV, capture_output=True)
                rates[name]["get ms"].append((time.perf_counter() - start) * 1000)
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"Embedded engine, {args.rounds} alternating rounds; rates = {args.ops} requests from {args.threads} "
          f"keep-alive Python clients to `ddb local --in-memory`; get = one `ddb --local get` process "
          f"({args.runs} per round); load = {args.items} items with `put --file` into a data directory. Medians.\n")
    columns = ["PutItem", "GetItem", "get ms", "load items/s"]
    print(table_row(["build", "PutItem/s", "GetItem/s", "ddb get (ms)", "put --file (items/s)"]))
    print(table_row(["---"] * 5))
    for name, binary in bins.items():
        values = [statistics.median(rates[name][c]) for c in columns]
        print(table_row([f"{name} ({binary})", *[f"{v:,.0f}" if v > 100 else f"{v:.2f}" for v in values]]))


def batchget(args):
    """10,000 keys read with `ddb get --keys-file` and with boto3's batch_get_item from 4 threads
    (100 keys a request, unprocessed keys retried), against the same server; and `ddb update` as
    a whole process."""
    import boto3
    ep = ["--endpoint-url", args.endpoint]
    table = f"bench-batchget-{os.getpid()}"
    ddb(*ep, "-q", "create-table", table, "--pk", "id:S")
    scratch = tempfile.mkdtemp()
    items = os.path.join(scratch, "items.ndjson")
    keys = os.path.join(scratch, "keys.ndjson")
    with open(items, "w") as f, open(keys, "w") as k:
        for i in range(args.keys):
            f.write(json.dumps({"id": f"k{i:06}", "v": "x" * 100, "n": i}) + "\n")
            k.write(json.dumps({"id": f"k{i:06}"}) + "\n")
    ddb(*ep, "-q", "put", table, "--file", items)
    client = boto3.client("dynamodb", endpoint_url=args.endpoint, region_name="us-east-1",
                          aws_access_key_id="ddblocal", aws_secret_access_key="ddblocal")
    wanted = [{"id": {"S": f"k{i:06}"}} for i in range(args.keys)]

    def boto_chunk(chunk):
        found, request = 0, {table: {"Keys": chunk}}
        while request:
            out = client.batch_get_item(RequestItems=request)
            found += len(out["Responses"].get(table, []))
            request = out.get("UnprocessedKeys") or None
        return found

    rows = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        out = subprocess.run([DDB, *ep, "-q", "get", table, "--keys-file", keys, "-o", "ndjson"], env=ENV,
                             capture_output=True, check=True)
        ddb_rate = args.keys / (time.perf_counter() - start)
        assert out.stdout.count(b"\n") == args.keys
        start = time.perf_counter()
        chunks = [wanted[i:i + 100] for i in range(0, len(wanted), 100)]
        with cf.ThreadPoolExecutor(4) as pool:
            found = sum(pool.map(boto_chunk, chunks))
        boto_rate = args.keys / (time.perf_counter() - start)
        assert found == args.keys
        rows.append((ddb_rate, boto_rate))
    updates = []
    for i in range(args.runs):
        start = time.perf_counter()
        subprocess.run([DDB, *ep, "-q", "update", table, "k000001", "--add", "n=1", "--return", "none"], env=ENV,
                       check=True)
        updates.append((time.perf_counter() - start) * 1000)
    ddb(*ep, "-q", "delete-table", table, "--yes")
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"{args.keys} keys, {args.rounds} rounds, medians; boto3: 4 threads of batch_get_item, 100 keys each\n")
    print(table_row(["reader", "keys/s"]))
    print(table_row(["---"] * 2))
    print(table_row(["ddb get --keys-file", f"{statistics.median(r[0] for r in rows):,.0f}"]))
    print(table_row(["boto3 batch_get_item, 4 threads", f"{statistics.median(r[1] for r in rows):,.0f}"]))
    print(f"\nddb update (whole process, --add n=1): median {statistics.median(updates):.1f} ms over {args.runs} runs")


def copy(args):
    """100,000 items from the embedded engine into DynamoDB Local: `ddb copy`, against loading the
    same items with `ddb put --file`, against a boto3 copy (8 threads, each scanning a segment of
    the source served by `ddb local` and writing 25-item batches as it reads)."""
    import boto3
    from botocore.config import Config
    count = sum(1 for _ in open(args.movies))
    rows = []
    with tempfile.TemporaryDirectory() as d:
        local = ["--local", "--data-dir", d]
        ddb(*local, "-q", "create-table", "Src", "--pk", "year:N", "--sk", "title:S")
        ddb(*local, "-q", "put", "Src", "--file", args.movies)
        dest = ["--endpoint-url", args.endpoint]
        for round_ in range(args.rounds):
            tag = f"{round_}{random.randrange(10**6)}"

            def by_copy():
                wall, rss = run_measured([DDB, *local, "-q", "copy", "Src", f"Copy{tag}", "--to-endpoint-url", args.endpoint])
                rows.append(("ddb copy (embedded -> DynamoDB Local)", count / wall, rss / 1024))

            def by_put():
                ddb(*dest, "-q", "create-table", f"Put{tag}", "--pk", "year:N", "--sk", "title:S")
                wall, rss = run_measured([DDB, *dest, "-q", "put", f"Put{tag}", "--file", args.movies])
                rows.append(("ddb put --file (into DynamoDB Local)", count / wall, rss / 1024))

            # Alternate which goes first: the first writes into a fresh DynamoDB Local run slower.
            for step in ((by_copy, by_put) if round_ % 2 == 0 else (by_put, by_copy)):
                step()
            port = free_port()
            proc, _ = start_server("ddb local", port, data_dir=d)
            try:
                ddb(*dest, "-q", "create-table", f"Boto{tag}", "--pk", "year:N", "--sk", "title:S")
                cfg = Config(retries={"max_attempts": 10, "mode": "standard"}, max_pool_connections=args.threads)
                client = lambda url: boto3.client("dynamodb", endpoint_url=url, config=cfg, region_name="us-east-1",
                                                  aws_access_key_id="ddblocal", aws_secret_access_key="ddblocal")
                sources = [client(f"http://127.0.0.1:{port}") for _ in range(args.threads)]
                targets = [client(args.endpoint) for _ in range(args.threads)]

                def segment(seg):
                    kwargs = {"TableName": "Src", "Segment": seg, "TotalSegments": args.threads}
                    copied = 0
                    while True:
                        page = sources[seg].scan(**kwargs)
                        items = page["Items"]
                        for i in range(0, len(items), 25):
                            req = {f"Boto{tag}": [{"PutRequest": {"Item": it}} for it in items[i:i + 25]]}
                            while req:
                                req = targets[seg].batch_write_item(RequestItems=req).get("UnprocessedItems") or None
                        copied += len(items)
                        if "LastEvaluatedKey" not in page:
                            return copied
                        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

                start = time.perf_counter()
                with cf.ThreadPoolExecutor(args.threads) as pool:
                    copied = sum(pool.map(segment, range(args.threads)))
                assert copied == count, (copied, count)
                rows.append((f"boto3 scan + batch_write_item, {args.threads} threads", count / (time.perf_counter() - start), None))
            finally:
                proc.terminate()
    print(f"{count} Movies-shaped items; rates in items per second ({args.rounds} round(s))\n")
    print(table_row(["client", "items/s", "peak RSS MiB"]))
    print(table_row(["---"] * 3))
    for name, r, rss in rows:
        print(table_row([name, f"{r:.0f}", "" if rss is None else f"{rss:.1f}"]))


def shell_scenario(table, count):
    """`count` commands on `table`: puts, gets, updates, queries and PartiQL, as a developer's
    scenario file has them (each line also a valid `ddb` command line)."""
    lines = []
    for i in range(count):
        kind = i % 5
        base = i - kind  # the item the put of this group of five wrote
        year = 1900 + base % 50
        if kind == 0:
            lines.append(f"put {table} '{{\"year\": {year}, \"title\": \"T{base}\", \"n\": {i}}}'")
        elif kind == 1:
            lines.append(f"get {table} {year} T{base} -o ndjson")
        elif kind == 2:
            lines.append(f"update {table} {year} T{base} --add n=1 -o ndjson")
        elif kind == 3:
            lines.append(f"query {table} --pk {year} -o ndjson")
        else:
            lines.append(f"sql \"SELECT * FROM {table} WHERE \\\"year\\\" = {year}\" -o ndjson")
    return lines


def shell(args):
    """The same script through one `ddb shell` and as separate `ddb` processes, alternating which
    goes first each round; both on fresh tables of the same target."""
    import shlex
    target = ["--endpoint-url", args.endpoint] if args.endpoint else None
    rows = []
    with tempfile.TemporaryDirectory(dir=args.data_dir) as tmp:
        if target is None:
            target = ["--local", "--data-dir", os.path.join(tmp, "data")]
        for r in range(args.rounds):
            results = {}
            order = ["shell", "processes"] if r % 2 == 0 else ["processes", "shell"]
            for how in order:
                table = f"ShellBench{r}{how}"
                ddb(*target, "create-table", table, "--pk", "year:N", "--sk", "title:S", "-q")
                lines = shell_scenario(table, args.commands)
                start = time.perf_counter()
                if how == "shell":
                    proc = subprocess.run([DDB, *target, "shell"], input="\n".join(lines) + "\n", env=ENV,
                                          capture_output=True, text=True)
                    if proc.returncode != 0:
                        sys.exit(proc.stderr)
                    out = proc.stdout
                else:
                    out = ""
                    for line in lines:
                        proc = subprocess.run([DDB, *target, *shlex.split(line)], env=ENV, capture_output=True,
                                              text=True, stdin=subprocess.DEVNULL)
                        if proc.returncode != 0:
                            sys.exit(f"{line}: {proc.stderr}")
                        out += proc.stdout
                results[how] = (time.perf_counter() - start, out.replace(table, "T"))
                ddb(*target, "delete-table", table, "--yes", "-q")
            same = results["shell"][1] == results["processes"][1]
            rows.append((r + 1, results["shell"][0], results["processes"][0], same))
    where = args.endpoint or "the embedded engine" + (f" (data in {args.data_dir})" if args.data_dir else "")
    print(f"{args.commands} commands on {where}")
    print(table_row(["round", "ddb shell < script", f"{args.commands} ddb processes", "ratio", "same output"]))
    print(table_row(["---"] * 5))
    for r, sh, pr, same in rows:
        print(table_row([r, f"{sh:.2f} s", f"{pr:.2f} s", f"{pr / sh:.1f}x", "yes" if same else "NO"]))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="what", required=True)
    c = sub.add_parser("cli")
    c.add_argument("--endpoint", required=True)
    c.add_argument("--runs", type=int, default=40)
    e = sub.add_parser("engine")
    e.add_argument("--starts", type=int, default=5)
    e.add_argument("--ops", type=int, default=20000)
    e.add_argument("--threads", type=int, default=8)
    e.add_argument("--movies", required=True, help="an NDJSON file of 100,000 Movies items (scripts/gen-movies.py --count 100000)")
    b = sub.add_parser("bulk")
    b.add_argument("--endpoint", required=True)
    b.add_argument("--movies", required=True)
    b.add_argument("--threads", type=int, default=8)
    b.add_argument("--segments", type=int, default=4)
    s = sub.add_parser("serve")
    s.add_argument("--caps-clients", type=int, nargs="*", default=[100, 1000])
    s.add_argument("--ndjson-clients", type=int, default=16)
    s.add_argument("--duration", type=float, default=5.0)
    s.add_argument("--idle", type=int, default=10000)
    s.add_argument("--pin", action="store_true", help="server on CPU 0, load generator on the others (Linux)")
    v = sub.add_parser("builds")
    v.add_argument("--baseline", required=True, help="another ddb binary, e.g. a release build of an earlier commit")
    v.add_argument("--rounds", type=int, default=3)
    v.add_argument("--ops", type=int, default=20000)
    v.add_argument("--threads", type=int, default=8)
    v.add_argument("--runs", type=int, default=30)
    v.add_argument("--items", type=int, default=20000)
    g = sub.add_parser("batchget")
    g.add_argument("--endpoint", required=True)
    g.add_argument("--keys", type=int, default=10000)
    g.add_argument("--rounds", type=int, default=3)
    g.add_argument("--runs", type=int, default=30)
    y = sub.add_parser("copy")
    y.add_argument("--endpoint", required=True)
    y.add_argument("--movies", required=True)
    y.add_argument("--threads", type=int, default=8)
    y.add_argument("--rounds", type=int, default=1)
    h = sub.add_parser("shell")
    where = h.add_mutually_exclusive_group()
    where.add_argument("--endpoint", help="a DynamoDB Local URL (default: the embedded engine)")
    h.add_argument("--commands", type=int, default=200)
    h.add_argument("--rounds", type=int, default=2)
    where.add_argument("--data-dir", help="where the embedded engine's data directory goes (default: a temporary "
                   "directory); a tmpfs such as /dev/shm leaves out the disk's fsync per write")
    args = p.parse_args()
    if not os.path.exists(DDB):
        sys.exit(f"{DDB} is missing: cargo build --release")
    {"cli": cli, "engine": engine, "bulk": bulk, "serve": serve, "builds": builds, "batchget": batchget, "copy": copy,
     "shell": shell}[args.what](args)


if __name__ == "__main__":
    main()
