#!/usr/bin/env bash
# Memory per active series: Prometheus 2.42's head against Vigil's series store, on this machine in this run,
# for the same number of series with the same number of samples each.
#
#   Benchmarks/compare-series-memory.sh [SERIES SAMPLES [prometheus|vigil|both]]   (default: 100000 480 both)
#
# The issue's case is 2h of 15 s samples: 480 samples a series. Two hours of real scrapes is too long, so
# Prometheus scrapes at 1 s for 480 scrapes (8 minutes): its head then holds the same 480 samples a series in
# the same 4 chunks of 120 that 2h at 15 s would give (it aligns scrape timestamps, so both intervals are
# equally regular). The target is a page of SERIES counters served by Python's http.server module on
# 127.0.0.1; every scrape advances each counter by a random 0–20, like request counts.
#
# Prometheus' figure is its Go heap in use after a forced GC (/debug/pprof/heap?gc=1), minus the same figure
# taken before the target came up, divided by SERIES: head series, labels, postings, open chunks and the
# scrape cache. It does NOT include the full chunks that 2.42 moves out of the heap into memory-mapped
# files (chunks_head/), which the script reports beside it; resident set size is reported too.
#
# Vigil's figures come from SeriesBenchmarks run with VIGIL_SERIES_MEMORY=SERIES:SAMPLES: it builds the same
# page text (same labels, same value steps), parses it with one ExpositionParser (its series-text cache is
# Vigil's scrape cache) and ingests it into a SeriesStore SAMPLES times, 15 s apart, then reports the growth of
# malloc's bytes in use (the counterpart of Go's heap in use) and of its resident set (after malloc_trim),
# divided by SERIES — everything, samples included, since Vigil keeps all chunks in memory.
set -euo pipefail
cd "$(dirname "$0")/.."
series=${1:-100000} samples=${2:-480} which=${3:-both}

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
metric() { # metric NAME: the sum of a metric's samples on Prometheus' own /metrics
    curl -sf "http://127.0.0.1:$prom_port/metrics" | awk -v name="$1" '$1 == name || index($1, name "{") == 1 { s += $2 } END { printf "%.0f\n", s }'
}
heap_inuse() { # Go heap in use right after a forced collection
    curl -sf "http://127.0.0.1:$prom_port/debug/pprof/heap?debug=1&gc=1" | awk '$2 == "HeapInuse" { print $4 }'
}

measure_prometheus() {
    command -v prometheus >/dev/null || { echo "prometheus is needed: apt-get install -y prometheus" >&2; exit 2; }
    prometheus --version 2>&1 | head -1
    target_port=$(free_port)
    prom_port=$(free_port)
    cat >"$work/serve.py" <<'EOF'
import http.server, random, sys

port, count = int(sys.argv[1]), int(sys.argv[2])
prefixes = [
    f'vigil_bench_requests_total{{job="bench",instance="127.0.0.1:9999",series="{i}",code="{200 + i % 5}"}} '
    for i in range(count)
]
values = [0] * count

class Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global values
        steps = random.choices(range(21), k=count)
        values = [value + step for value, step in zip(values, steps)]
        body = "".join([prefix + str(value) + "\n" for prefix, value in zip(prefixes, values)]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

http.server.ThreadingHTTPServer(("127.0.0.1", port), Page).serve_forever()
EOF
    cat >"$work/prometheus.yml" <<EOF
global: {scrape_interval: 1s, scrape_timeout: 1s}
scrape_configs:
  - job_name: bench
    static_configs: [{targets: ['127.0.0.1:$target_port']}]
EOF
    prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
        --web.listen-address="127.0.0.1:$prom_port" --log.level=error &
    pids+=($!)
    until curl -sf "http://127.0.0.1:$prom_port/-/ready" >/dev/null; do sleep 1; done
    sleep 10
    local base_heap base_rss
    base_heap=$(heap_inuse)
    base_rss=$(metric process_resident_memory_bytes)
    echo "prometheus before the target: heap in use $base_heap B, resident $base_rss B"

    python3 "$work/serve.py" "$target_port" "$series" &
    pids+=($!)
    local wanted=$((series * samples)) appended=0 started=$SECONDS
    while ((appended < wanted)); do
        sleep 5
        appended=$(metric prometheus_tsdb_head_samples_appended_total)
        printf '\r  %d / %d samples appended (%d s)' "$appended" "$wanted" $((SECONDS - started))
    done
    echo
    kill "${pids[1]}"
    local scrapes heap rss head_series chunks mapped
    # A failed scrape would have written staleness markers: count the scrapes and the successful ones.
    scrapes=$(curl -sf "http://127.0.0.1:$prom_port/api/v1/query" \
        --data-urlencode 'query=count_over_time(up[1h]) or vector(0)' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["result"][0]["value"][1])')
    ok=$(curl -sf "http://127.0.0.1:$prom_port/api/v1/query" \
        --data-urlencode 'query=sum_over_time(up[1h]) or vector(0)' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["result"][0]["value"][1])')
    echo "prometheus scrapes: $scrapes, successful: $ok (the failed ones came before the target was up)"
    heap=$(heap_inuse)
    rss=$(metric process_resident_memory_bytes)
    head_series=$(metric prometheus_tsdb_head_series)
    chunks=$(metric prometheus_tsdb_head_chunks)
    mapped=$(du -sb "$work/tsdb/chunks_head" | cut -f1)
    echo "prometheus head: $head_series series, $chunks chunks, $appended samples appended; chunks_head files $mapped B"
    echo "prometheus after: heap in use $heap B, resident $rss B"
    prom_heap_per_series=$(((heap - base_heap) / series))
    echo "PROMETHEUS heap per series:              $prom_heap_per_series B"
    echo "PROMETHEUS heap + mmapped chunks/series: $(((heap - base_heap + mapped) / series)) B"
    prom_resident_per_series=$(((rss - base_rss) / series))
    echo "PROMETHEUS resident per series:          $prom_resident_per_series B"
    kill "${pids[0]}"
    pids=()
}

measure_vigil() {
    (cd Benchmarks && swift build -c release --product SeriesBenchmarks 2>&1 | grep -E 'error|warning: .*Sources' || true)
    local out
    out=$(VIGIL_SERIES_MEMORY="$series:$samples" Benchmarks/.build/release/SeriesBenchmarks)
    echo "$out"
    vigil_in_use=$(echo "$out" | awk '/^VIGIL malloc in use per series \(store \+/ { print $(NF - 1) }')
    vigil_resident=$(echo "$out" | awk '/^VIGIL resident per series \(store \+/ { print $(NF - 1) }')
}

case $which in
prometheus) measure_prometheus ;;
vigil) measure_vigil ;;
both)
    measure_prometheus
    measure_vigil
    awk -v ph="$prom_heap_per_series" -v pr="$prom_resident_per_series" -v vh="$vigil_in_use" -v vr="$vigil_resident" 'BEGIN {
        printf "ratio, live heap (Vigil malloc in use / Prometheus Go heap in use): %.2f (target: at most 0.50)\n", vh / ph
        printf "ratio, resident (Vigil / Prometheus):                              %.2f\n", vr / pr
        printf "ratio, Vigil resident / Prometheus heap in use (the harshest pair): %.2f\n", vr / ph
    }'
    ;;
*) echo "usage: $0 [SERIES SAMPLES [prometheus|vigil|both]]" >&2; exit 2 ;;
esac
