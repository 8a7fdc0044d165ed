#!/usr/bin/env bash
# `sum by (job) (rate(x[5m]))` over 100k series: Vigil's /api/v1/query against Prometheus 2.42's, same data, same run.
#
#   Benchmarks/compare-query.sh [SERIES [MINUTES]]      (default: 100000 series, 6.5 minutes of scraping)
#
# A Python target on 127.0.0.1 serves SERIES counters `x{series="…"}` split over 10 shards (?shard=K), each
# counter advancing by a fixed per-series step every second. Prometheus 2.42 and `.build/release/vigil run`
# (build it first: `swift build -c release --product vigil`) both scrape the 10 shards as jobs svc0…svc9 every
# 15 s. After MINUTES, each is asked the same instant query 20 times at the same evaluation time (one scrape
# interval in the past, so both hold the same samples); the script prints median and p90 latency (curl's
# time_total), checks that both return the same 10 jobs and prints the largest relative difference of their values
# (small but not zero: the counters advance in whole seconds and the two scrape at different offsets), and RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
series=${1:-100000} minutes=${2:-6.5}
query='sum by (job) (rate(x[5m]))'

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

target_port=$(free_port) prom_port=$(free_port) vigil_port=$(free_port)
cat > "$work/target.py" <<PY
import http.server, time, urllib.parse
SERIES, SHARDS = $series, 10
per = SERIES // SHARDS
names = [[f'x{{series="{s * per + i}"}} ' for i in range(per)] for s in range(SHARDS)]
start = time.time()
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        shard = int(urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("shard", ["0"])[0])
        t = int(time.time() - start)
        body = "# TYPE x counter\n" + "".join(f"{n}{t * (1 + (i % 7))}\n" for i, n in enumerate(names[shard]))
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", $target_port), Handler).serve_forever()
PY
python3 "$work/target.py" & pids+=($!)

jobs_yaml() {
    for k in 0 1 2 3 4 5 6 7 8 9; do
        printf '  - job_name: svc%s\n    metrics_path: /metrics\n    params: {shard: ["%s"]}\n' "$k" "$k"
        printf '    static_configs: [{targets: ["127.0.0.1:%s"]}]\n' "$target_port"
    done
}
{ printf 'global: {scrape_interval: 15s, scrape_timeout: 10s, evaluation_interval: 15s}\nscrape_configs:\n'; jobs_yaml; } \
    > "$work/prometheus.yml"
{
    printf 'global: {scrape_interval: 15s, scrape_timeout: 10s, evaluation_interval: 15s}\n'
    printf 'storage: {path: %s/vigil.db}\nschedule: {path: %s/etc/demo/program.json}\nrule_files: []\nscrape_configs:\n' \
        "$work" "$PWD"
    jobs_yaml
} > "$work/vigil.yml"

prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 & pids+=($!)
prom_pid=$!
.build/release/vigil run --config "$work/vigil.yml" --data "$work" --listen "127.0.0.1:$vigil_port" \
    > "$work/vigil.log" 2>&1 & pids+=($!)
vigil_pid=$!
echo "scraping $series series for $minutes minutes (Prometheus pid $prom_pid, Vigil pid $vigil_pid)" >&2
sleep "$(python3 -c "print($minutes * 60)")"

at=$(python3 -c 'import time; print(int(time.time()) - 15)')
time_queries() { # time_queries BASE: 20 timings in ms, one per line
    for _ in $(seq 20); do
        curl -s -o /dev/null -w '%{time_total}\n' --data-urlencode "query=$query" --data-urlencode "time=$at" "$1/api/v1/query"
    done | awk '{ printf "%.3f\n", $1 * 1000 }' | sort -n
}
summary() { awk '{ v[NR] = $1 } END { printf "median %.1f ms, p90 %.1f ms", v[int((NR + 1) / 2)], v[int(NR * 0.9)] }'; }
prom_times=$(time_queries "http://127.0.0.1:$prom_port")
vigil_times=$(time_queries "http://127.0.0.1:$vigil_port")
curl -s --data-urlencode "query=$query" --data-urlencode "time=$at" "http://127.0.0.1:$prom_port/api/v1/query" > "$work/prom.json"
curl -s --data-urlencode "query=$query" --data-urlencode "time=$at" "http://127.0.0.1:$vigil_port/api/v1/query" > "$work/vigil.json"
rss() { awk '/^VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$1/status"; }

echo "query: $query over $series series at $at"
echo "Prometheus 2.42: $(summary <<< "$prom_times"); RSS $(rss "$prom_pid")"
echo "Vigil:           $(summary <<< "$vigil_times"); RSS $(rss "$vigil_pid")"
python3 - "$work/prom.json" "$work/vigil.json" <<'PY'
import json, sys
def load(path):
    data = json.load(open(path))["data"]["result"]
    return {r["metric"]["job"]: float(r["value"][1]) for r in data}
prom, vigil = load(sys.argv[1]), load(sys.argv[2])
worst = max((abs(prom[j] - vigil[j]) / max(abs(prom[j]), 1e-300) for j in prom if j in vigil), default=float("nan"))
print(f"results: {len(prom)} jobs from Prometheus, {len(vigil)} from Vigil, same jobs: {sorted(prom) == sorted(vigil)}, "
      f"largest relative difference {worst:.3g}")
PY
