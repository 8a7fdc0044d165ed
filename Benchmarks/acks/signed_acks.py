#!/usr/bin/env python3
"""Signed acknowledgements through POST /api/v1/acks on loopback (issue #12's speed target:
at least 5,000 per second on 2 cores with p99 under 10 ms).

Starts `vigil run` (release build) on a fresh data directory with a critical escalation policy,
posts --groups critical alerts (one group each), then sends --n signed requests over --connections
keep-alive connections (one request in flight on each), alternating ack and unack per group so every
request changes state (a SQLite write of the escalation, its audit entry and the request id).
Requests are signed and serialized before the clock starts and sent by a selector loop that costs a
few tens of microseconds a request (loopback.blast), so on 2 cores the figure is the daemon's.
Prints requests/s, latency p50/p99/max, and the daemon's CPU and resident memory.

  python3 Benchmarks/acks/signed_acks.py --vigil .build-release/release/vigil --n 20000
"""
import argparse
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from loopback import blast, free_port, get, raw_request, request  # noqa: E402

SECRET = "bench-webhook-secret-0123456789abcdef"
TOKEN = "bench-api-token-0123456789abcdef"


def proc(pid):
    d = {}
    for ln in open(f"/proc/{pid}/status"):
        if ln.startswith("VmRSS"):
            d["rss_mb"] = int(ln.split()[1]) / 1024
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    d["cpu_s"] = (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    return d


def signed(body):
    ts = str(int(time.time()))
    mac = hmac.new(SECRET.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Vigil-Timestamp": ts, "X-Vigil-Signature": "sha256=" + mac}


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * (len(xs) - 1) + 0.5))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vigil", required=True)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--groups", type=int, default=200)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--mode", choices=["toggle", "ack", "unknown"], default="toggle",
                    help="toggle: ack/unack (every request writes); ack: acks only (idempotent after the first); "
                         "unknown: a group that does not exist (404: signature, id and lookup only)")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="vigil-acks-bench-")
    try:
        open(os.path.join(work, "escalation.yml"), "w").write(
            "route:\n  receiver: oncall\n  group_by: [alertname, n]\n  group_wait: 0s\n  group_interval: 1s\n"
            "escalation_policies:\n  - name: critical\n    matchers: ['severity=\"critical\"']\n"
            "    steps:\n      - {after: 0s, notify: [oncall]}\n      - {after: 1h, notify: [director]}\n")
        open(os.path.join(work, "vigil.yml"), "w").write(
            "storage:\n  path: data/vigil.db\nescalation_files: [escalation.yml]\n"
            "receivers:\n  - name: oncall\n  - name: director\n")
        port = free_port()
        env = dict(os.environ, VIGIL_API_TOKEN=TOKEN, VIGIL_WEBHOOK_SECRET=SECRET)
        daemon = subprocess.Popen(
            [os.path.abspath(a.vigil), "run", "--config", "vigil.yml", "--data", "data", "--listen",
             f"127.0.0.1:{port}", "--log.level", "warn"], cwd=work, env=env, stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(work, "vigil.log"), "w"))
        try:
            deadline = time.time() + 30
            while True:
                try:
                    if get(port, "/-/ready")[0] == 200:
                        break
                except OSError:
                    pass
                if time.time() > deadline or daemon.poll() is not None:
                    raise SystemExit("vigil did not become ready:\n" + open(os.path.join(work, "vigil.log")).read())
                time.sleep(0.05)
            alerts = [{"labels": {"alertname": "Bench", "n": str(i), "severity": "critical"}} for i in range(a.groups)]
            status, _ = request(port, "POST", "/api/v2/alerts", json.dumps(alerts).encode(),
                                {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
            assert status == 200
            # Alertmanager's group key: the route's key, then the group labels.
            keys = [f'{{}}:{{alertname="Bench", n="{i}"}}' for i in range(a.groups)]
            while len(json.loads(get(port, "/api/v2/alerts/groups")[1])) < a.groups:
                time.sleep(0.05)
            requests = []
            for i in range(a.n):
                action = "ack" if a.mode != "toggle" or (i // a.groups) % 2 == 0 else "unack"
                key = keys[i % a.groups] if a.mode != "unknown" else "no such group"
                body = json.dumps({"id": f"r{i}", "action": action, "group_key": key, "by": "bench"}).encode()
                requests.append(raw_request("POST", "/api/v1/acks", body, signed(body)))
            before = proc(daemon.pid)
            start = time.perf_counter()
            latencies, statuses = blast(port, requests, a.connections)
            elapsed = time.perf_counter() - start
            after = proc(daemon.pid)
            expected = 404 if a.mode == "unknown" else 200
            failures = sum(1 for s in statuses if s != expected)
            print(json.dumps({
                "requests": a.n, "connections": a.connections, "mode": a.mode, "groups": a.groups, "failures": failures,
                "per_second": round(a.n / elapsed), "p50_ms": round(pct(latencies, 0.5) * 1000, 2),
                "p99_ms": round(pct(latencies, 0.99) * 1000, 2), "max_ms": round(max(latencies) * 1000, 2),
                "daemon_cpu_s": round(after["cpu_s"] - before["cpu_s"], 2), "daemon_rss_mb": round(after["rss_mb"]),
            }, indent=1))
        finally:
            daemon.terminate()
            daemon.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
