#!/usr/bin/env python3
"""Soak: the daemon under a steady, churning load for hours; are RSS, open files and threads flat?

  Benchmarks/soak.py [--minutes 360] [--out DIR]      (CI smoke: --minutes 5)

Needs the release build (`swift build -c release --product vigil --scratch-path .build-release`, or
VIGIL=path) and ../shared/bench (bench_target.py's series, gen_rules.py's 100 rules). What runs:
- a scrape target of 20,000 series (bench_target.py's families: 4 shards x 100 handlers x 50) in
  which 5% of the handlers get a new name every minute (series churn), scraped every 15 s;
- the shipped rules plus the 100 generated ones, alerts firing and resolving into the pipeline;
- a schedule push (PUT /api/v1/schedule, the demo program) every minute, a reload (SIGHUP) every 5.
Every 30 s it samples the daemon's RSS, open file descriptors and threads. At the end it prints
each one's least-squares slope per hour over the run after its first hour (after its first third
when shorter), the rule groups' missed iterations, and every error line of the daemon's log.
"""
import argparse
import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback import free_port, request  # noqa: E402

SHARED = os.environ.get("VIGIL_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
ANCHORS = os.path.join(SHARED, "bench", "anchors")
TOKEN = "soak-token-0123456789abcdefghijklmnopqrstuvwxyz"
SHARDS, UNITS = 4, 100


def load_bench_target():
    spec = importlib.util.spec_from_file_location("bench_target", os.path.join(ANCHORS, "bench_target.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ChurningTarget:
    """bench_target's rows, with 5% of the handlers renamed every minute."""

    def __init__(self):
        bench = load_bench_target()
        rnd = random.Random(42)
        self.header = bench.HEADER
        self.rows = [bench.build_shard(s, UNITS, rnd) for s in range(SHARDS)]
        self.generation = [[0] * UNITS for _ in range(SHARDS)]
        self.start = time.time()
        self.scrapes = 0
        self.lock = threading.Lock()

    def churn(self):
        with self.lock:
            for shard in range(SHARDS):
                for unit in random.sample(range(UNITS), UNITS // 20):
                    self.generation[shard][unit] += 1

    def body(self, shard):
        with self.lock:
            generations = list(self.generation[shard])
            self.scrapes += 1
            scrape = self.scrapes
        t = time.time() - self.start
        out = [self.header]
        for prefix, kind, a, b, mod in self.rows[shard]:
            unit = int(prefix.split('handler="h', 1)[1].split('"', 1)[0])
            if generations[unit]:
                prefix = prefix.replace(f'handler="h{unit}"', f'handler="h{unit}g{generations[unit]}"')
            value = int(a * t) + b if kind == "c" else a + (scrape * b) % mod
            out.append(f"{prefix}{value}\n")
        return "".join(out).encode()


def serve(target):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            shard = int(self.path.split("shard=", 1)[1].split("&", 1)[0]) if "shard=" in self.path else 0
            data = target.body(shard)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def sample(pid):
    status = open(f"/proc/{pid}/status").read()
    rss = int(next(l for l in status.splitlines() if l.startswith("VmRSS:")).split()[1]) * 1024
    threads = int(next(l for l in status.splitlines() if l.startswith("Threads:")).split()[1])
    return rss, len(os.listdir(f"/proc/{pid}/fd")), threads


def slope_per_hour(points):
    if len(points) < 3:
        return float("nan")
    n = len(points)
    mx = sum(t for t, _ in points) / n
    my = sum(v for _, v in points) / n
    var = sum((t - mx) ** 2 for t, _ in points)
    return sum((t - mx) * (v - my) for t, v in points) / var * 3600 if var else float("nan")


def missed(port):
    _, text = request(port, "GET", "/metrics")
    return sum(float(l.rsplit(" ", 1)[1]) for l in text.decode().splitlines()
               if l.startswith("vigil_rule_group_iterations_missed_total{"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=360)
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    vigil = os.environ.get("VIGIL", os.path.join(ROOT, ".build-release/release/vigil"))
    work = a.out or tempfile.mkdtemp(prefix="vigil-soak-")
    os.makedirs(work, exist_ok=True)
    target = ChurningTarget()
    target_port, vigil_port = serve(target), free_port()
    subprocess.run([sys.executable, os.path.join(ANCHORS, "gen_rules.py"), os.path.join(work, "bench.rules.yml")],
                   check=True)
    jobs = "".join(
        f"  - job_name: svc{k}\n    params: {{shard: ['{k}']}}\n    static_configs: [{{targets: ['127.0.0.1:{target_port}']}}]\n"
        for k in range(SHARDS))
    with open(os.path.join(work, "vigil.yml"), "w") as f:
        f.write(f"global: {{scrape_interval: 15s, scrape_timeout: 10s, evaluation_interval: 15s}}\n"
                f"storage: {{path: {work}/vigil.db}}\n"
                f"schedule: {{path: {ROOT}/etc/demo/program.json, as_of: 2026-09-14}}\n"
                f"rule_files: ['{ROOT}/rules/alerts/*.yml', '{work}/bench.rules.yml']\n"
                f"escalation_files: ['{ROOT}/rules/escalation.yml']\n"
                f"receivers: [{{name: on_call_admin}}, {{name: admin_team}}]\n"
                f"scrape_configs:\n{jobs}")
    log = open(os.path.join(work, "vigil.log"), "w")
    daemon = subprocess.Popen(
        [vigil, "run", "--config", os.path.join(work, "vigil.yml"), "--data", work, "--listen", f"127.0.0.1:{vigil_port}"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, VIGIL_API_TOKEN=TOKEN))
    program = open(os.path.join(ROOT, "etc", "demo", "program.json"), "rb").read()
    samples, pushes, reloads, failed_pushes = [], 0, 0, 0
    started = time.time()
    end = started + a.minutes * 60
    next_sample = next_minute = started
    next_reload = started + 300
    try:
        for _ in range(200):
            try:
                if request(vigil_port, "GET", "/-/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        missed_start = missed(vigil_port)
        while time.time() < end:
            now = time.time()
            if now >= next_sample:
                samples.append((now - started, *sample(daemon.pid)))
                next_sample += 30
            if now >= next_minute:
                target.churn()
                status, _ = request(vigil_port, "PUT", "/api/v1/schedule", program,
                                    {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
                pushes += 1
                failed_pushes += status != 200
                next_minute += 60
            if now >= next_reload:
                daemon.send_signal(signal.SIGHUP)
                reloads += 1
                next_reload += 300
            time.sleep(1)
        missed_end = missed(vigil_port)
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=30)
        log.close()
    settle = 3600 if a.minutes >= 120 else a.minutes * 60 / 3
    steady = [s for s in samples if s[0] >= settle]
    report = {
        "minutes": a.minutes, "samples": len(samples), "schedule_pushes": pushes, "failed_pushes": failed_pushes,
        "reloads": reloads, "missed_rule_iterations": missed_end - missed_start,
        "rss_mb_first_last": [round(samples[0][1] / 2**20, 1), round(samples[-1][1] / 2**20, 1)],
        "rss_mb_per_hour_after_settling": round(slope_per_hour([(t, r / 2**20) for t, r, _, _ in steady]), 2),
        "open_files_first_last": [samples[0][2], samples[-1][2]],
        "open_files_per_hour_after_settling": round(slope_per_hour([(t, f) for t, _, f, _ in steady]), 2),
        "threads_first_last": [samples[0][3], samples[-1][3]],
        "threads_per_hour_after_settling": round(slope_per_hour([(t, n) for t, _, _, n in steady]), 2),
        "error_lines": [l.strip() for l in open(os.path.join(work, "vigil.log")) if " error " in l][:20],
    }
    json.dump({"report": report, "samples": samples}, open(os.path.join(work, "soak.json"), "w"), indent=1)
    print(json.dumps(report, indent=1))
    print(f"samples and log in {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
