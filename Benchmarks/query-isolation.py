#!/usr/bin/env python3
"""Queries cannot starve the daemon: 8 clients hammer `sum by (job) (rate(x[5m]))` over 100k series
while the shipped rule groups evaluate; reports /-/healthy latency and missed rule iterations.

  Benchmarks/query-isolation.py [--series 100000] [--warmup 90] [--seconds 60] [--clients 8]

Needs the release build (`swift build -c release --product vigil --scratch-path .build-release`, or
VIGIL=path). A Python target on 127.0.0.1 serves the counters in 10 shards, scraped every 15 s; the
daemon loads the shipped rules (rules/alerts/*.yml) and the demo program. After --warmup seconds of
scraping, the clients query back to back for --seconds while a probe asks /-/healthy every 100 ms.
Prints the probe's p50/p99/max, queries answered (and refused), the rule groups' missed iterations
during the run, and how far past its interval any group's last evaluation got (read every second).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback import free_port, get  # noqa: E402

TARGET = r'''
import http.server, sys, time, urllib.parse
SERIES, SHARDS, PORT = int(sys.argv[1]), 10, int(sys.argv[2])
per = SERIES // SHARDS
names = [[f'x{{series="{s * per + i}"}} ' for i in range(per)] for s in range(SHARDS)]
start = time.time()
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        shard = int(urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("shard", ["0"])[0])
        t = int(time.time() - start)
        data = ("# TYPE x counter\n" + "".join(f"{n}{t * (1 + (i % 7))}\n" for i, n in enumerate(names[shard]))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
'''


def rule_metrics(port):
    """Missed iterations summed over the groups, and each group's last evaluation time."""
    _, text = get(port, "/metrics")
    missed, last = 0.0, {}
    for line in text.splitlines():
        if line.startswith("vigil_rule_group_iterations_missed_total{"):
            missed += float(line.rsplit(" ", 1)[1])
        if line.startswith("vigil_rule_group_last_evaluation_timestamp_seconds{"):
            last[line.rsplit(" ", 1)[0]] = float(line.rsplit(" ", 1)[1])
    return missed, last


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--series", type=int, default=100_000)
    ap.add_argument("--warmup", type=float, default=90)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=8)
    a = ap.parse_args()
    vigil = os.environ.get("VIGIL", os.path.join(ROOT, ".build-release/release/vigil"))
    work = tempfile.mkdtemp(prefix="vigil-isolation-")
    target_port, vigil_port = free_port(), free_port()
    procs = [subprocess.Popen([sys.executable, "-c", TARGET, str(a.series), str(target_port)])]
    jobs = "".join(
        f"  - job_name: svc{k}\n    params: {{shard: ['{k}']}}\n    static_configs: [{{targets: ['127.0.0.1:{target_port}']}}]\n"
        for k in range(10))
    with open(os.path.join(work, "vigil.yml"), "w") as f:
        f.write(f"global: {{scrape_interval: 15s, scrape_timeout: 10s, evaluation_interval: 15s}}\n"
                f"storage: {{path: {work}/vigil.db}}\nschedule: {{path: {ROOT}/etc/demo/program.json, as_of: 2026-09-14}}\n"
                f"rule_files: ['{ROOT}/rules/alerts/*.yml']\nscrape_configs:\n{jobs}")
    procs.append(subprocess.Popen(
        [vigil, "run", "--config", os.path.join(work, "vigil.yml"), "--data", work, "--listen", f"127.0.0.1:{vigil_port}"],
        stdout=open(os.path.join(work, "vigil.log"), "w"), stderr=subprocess.STDOUT))
    try:
        print(f"scraping {a.series} series for {a.warmup:.0f} s (log: {work}/vigil.log)", file=sys.stderr)
        time.sleep(a.warmup)
        missed0, _ = rule_metrics(vigil_port)
        stop = time.time() + a.seconds
        answered, refused, probe, staleness = [0], [0], [], [0.0]
        query = urllib.parse.urlencode({"query": "sum by (job) (rate(x[5m]))"})

        def client():
            while time.time() < stop:
                status, _ = get(vigil_port, "/api/v1/query?" + query, timeout=300)
                if status == 200:
                    answered[0] += 1
                else:
                    refused[0] += 1

        def prober():
            while time.time() < stop:
                started = time.perf_counter()
                get(vigil_port, "/-/healthy")
                probe.append((time.perf_counter() - started) * 1000)
                time.sleep(0.1)

        _, rules = get(vigil_port, "/api/v1/rules")
        intervals = {g["name"]: g["interval"] for g in json.loads(rules)["data"]["groups"]}

        def watcher():
            # How late the latest group is: seconds since its last evaluation beyond its interval,
            # sampled every second (0 while every group keeps time).
            while time.time() < stop:
                _, last = rule_metrics(vigil_port)
                for key, at in last.items():
                    name = key.split('rule_group="', 1)[1].rsplit('"', 1)[0].split(";", 1)[-1]
                    staleness[0] = max(staleness[0], time.time() - at - intervals.get(name, 15))
                time.sleep(1)

        threads = [threading.Thread(target=client) for _ in range(a.clients)] + [
            threading.Thread(target=prober), threading.Thread(target=watcher)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        missed1, _ = rule_metrics(vigil_port)
        probe.sort()
        print(f"{a.clients} clients for {a.seconds:.0f} s over {a.series} series: {answered[0]} queries answered, "
              f"{refused[0]} refused")
        print(f"/-/healthy: {len(probe)} probes, p50 {statistics.median(probe):.1f} ms, "
              f"p99 {probe[int(len(probe) * 0.99) - 1]:.1f} ms, max {probe[-1]:.1f} ms")
        print(f"rule groups: {missed1 - missed0:.0f} missed iterations; the latest group was at most "
              f"{staleness[0]:.1f} s past its interval")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait()


if __name__ == "__main__":
    main()
