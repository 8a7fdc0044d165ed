#!/usr/bin/env python3
"""Rule evaluation per cycle: Vigil against Prometheus 2.42, same rules, same series, same machine, same run.

    Benchmarks/compare-rules.py [--units 200] [--duration 200] [--window 60] [--out /tmp/vigil-rules-bench]

Both scrape ../shared/bench/anchors/bench_target.py (10 shards x UNITS x 50 series: 100k at the default 200, plus
the scheduler scenario's series) every 15 s and evaluate, every 15 s, the shipped rules (rules/alerts/*.yml) and
the 100 generated benchmark rules (../shared/bench/anchors/gen_rules.py). The figure is the sum over groups of
`*_rule_group_last_duration_seconds`, median over the polls of the last WINDOW seconds; RSS beside it.
Prometheus runs through the shared harness (anchors/prom_bench.py); Vigil runs here the same way, from
`.build/release/vigil` (build it first: `swift build -c release --product vigil`). Everything binds to 127.0.0.1
and is stopped by PID.
"""
import argparse
import glob
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANCHORS = os.path.join(ROOT, "..", "shared", "bench", "anchors")
PROCS = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def stop_all():
    for proc in PROCS:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def rule_durations(text, name):
    found = {}
    for line in text.splitlines():
        match = re.match(name + r'\{rule_group="([^"]*)"\} (\S+)', line)
        if match:
            found[match.group(1)] = float(match.group(2))
    return found


def rss(text):
    for line in text.splitlines():
        if line.startswith("process_resident_memory_bytes "):
            return float(line.split()[1])
    return None


def run_vigil(args, rules, out):
    port_file = os.path.join(out, "target.port")
    target = subprocess.Popen(
        [sys.executable, os.path.join(ANCHORS, "bench_target.py"), "--shards", "10", "--units", str(args.units),
         "--scheduler-scenario", os.path.join(ANCHORS, "..", "examples", "scheduler_scenario.json"),
         "--port-file", port_file, "--max-seconds", str(args.duration + 180)],
        stdout=open(os.path.join(out, "target.log"), "w"), stderr=subprocess.STDOUT)
    PROCS.append(target)
    for _ in range(600):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.05)
    target_port = int(open(port_file).read())
    port = free_port()
    lines = ["global: {scrape_interval: 15s, scrape_timeout: 10s, evaluation_interval: 15s}",
             f"storage: {{path: {json.dumps(os.path.join(out, 'vigil.db'))}}}",
             f"schedule: {{path: {json.dumps(os.path.join(ROOT, 'etc', 'demo', 'program.json'))}}}",
             "rule_files:"] + [f"  - {json.dumps(os.path.abspath(r))}" for r in rules] + ["scrape_configs:"]
    for shard in range(10):
        lines += [f"  - job_name: svc{shard}", "    metrics_path: /metrics", f"    params: {{shard: ['{shard}']}}",
                  f"    static_configs: [{{targets: ['127.0.0.1:{target_port}']}}]"]
    config = os.path.join(out, "vigil.yml")
    open(config, "w").write("\n".join(lines) + "\n")
    vigil = subprocess.Popen(
        [os.path.join(ROOT, ".build", "release", "vigil"), "run", "--config", config, "--data", out,
         "--listen", f"127.0.0.1:{port}"],
        stdout=open(os.path.join(out, "vigil.log"), "w"), stderr=subprocess.STDOUT)
    PROCS.append(vigil)
    base = f"http://127.0.0.1:{port}"
    started = time.time()
    while True:
        if vigil.poll() is not None:
            raise RuntimeError("vigil exited early; see " + os.path.join(out, "vigil.log"))
        try:
            get(base + "/-/ready", timeout=1)
            break
        except Exception:  # noqa: BLE001
            if time.time() - started > 60:
                raise
            time.sleep(0.05)
    polls = []
    begin = time.time()
    while time.time() - begin < args.duration:
        text = get(base + "/metrics")
        durations = rule_durations(text, "vigil_rule_group_last_duration_seconds")
        polls.append({"t": time.time() - begin, "bench": sum(v for g, v in durations.items() if ";bench_g" in g),
                      "sched": sum(v for g, v in durations.items() if ";bench_g" not in g), "rss": rss(text)})
        print(f"  vigil t={polls[-1]['t']:6.1f} bench={polls[-1]['bench'] * 1000:8.2f}ms "
              f"sched={polls[-1]['sched'] * 1000:6.2f}ms", file=sys.stderr)
        time.sleep(args.poll)
    window = [p for p in polls if p["t"] >= args.duration - args.window]
    stop_all()
    PROCS.clear()
    return {"sum_dur_bench_ms_median": statistics.median(p["bench"] for p in window) * 1000,
            "sum_dur_sched_ms_median": statistics.median(p["sched"] for p in window) * 1000,
            "rss_bytes": polls[-1]["rss"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--duration", type=int, default=200)
    parser.add_argument("--window", type=int, default=60)
    parser.add_argument("--poll", type=float, default=5)
    parser.add_argument("--out", default=tempfile.mkdtemp(prefix="vigil-rules-bench-", dir="/tmp"))
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda s, f: (stop_all(), sys.exit(128 + s)))
    shipped = sorted(glob.glob(os.path.join(ROOT, "rules", "alerts", "*.yml")))
    bench_rules = os.path.join(args.out, "bench_rules.yml")
    os.makedirs(args.out, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(ANCHORS, "gen_rules.py"), bench_rules], check=True)
    try:
        vigil_out = os.path.join(args.out, "vigil")
        os.makedirs(vigil_out, exist_ok=True)
        vigil = run_vigil(args, shipped + [bench_rules], vigil_out)
        prom_out = os.path.join(args.out, "prometheus")
        subprocess.run([sys.executable, os.path.join(ANCHORS, "prom_bench.py"), "--units", str(args.units),
                        "--duration", str(args.duration), "--window", str(args.window), "--out", prom_out]
                       + sum((["--rules", r] for r in shipped), []), check=True)
        prom = json.load(open(os.path.join(prom_out, "summary.json")))
    finally:
        stop_all()
    print(json.dumps({"vigil": vigil, "prometheus": {k: prom.get(k) for k in (
        "sum_dur_bench_ms_median", "sum_dur_sched_ms_median", "rss_bytes", "head_series")}}, indent=2))
    print(f"bench rules per cycle: vigil {vigil['sum_dur_bench_ms_median']:.1f} ms, "
          f"prometheus {prom['sum_dur_bench_ms_median']:.1f} ms, ratio "
          f"{vigil['sum_dur_bench_ms_median'] / prom['sum_dur_bench_ms_median']:.2f} (target <= 0.5)")


if __name__ == "__main__":
    main()
