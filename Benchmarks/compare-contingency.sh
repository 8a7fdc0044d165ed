#!/usr/bin/env bash
# Times the Python reference (contingency_ref.py, NetworkX) against Vigil on the same synthetic
# program, on this machine in this run, and diffs their N-1 / N-2 results (they must be identical).
#
#   Benchmarks/compare-contingency.sh [FACULTY RESIDENTS WEEKS SEED]     (default: 60 120 13 7)
#
# The window is the issue's: from the first Monday of the program (which starts 2026-07-01) for
# WEEKS × 7 days. Vigil's figure is the contingency phase of `vigil resilience report` (N-1 + N-2,
# one core, from its JSON `timings`); the reference's is its own n1 + n2 seconds. Peak memory of
# both whole processes comes from /usr/bin/time -v. The reference takes minutes at 60 faculty:
# about 3.5 minutes for 13 weeks, a quarter of an hour for 52.
set -euo pipefail
cd "$(dirname "$0")/.."
faculty=${1:-60} residents=${2:-120} weeks=${3:-13} seed=${4:-7}
# The reference lives in shared/reference/ beside the repository (or beside a worktree's parent).
reference=${VIGIL_CONTINGENCY_REF:-}
if [[ -z $reference ]]; then
    dir=$PWD
    while [[ $dir != / ]]; do
        dir=$(dirname "$dir")
        [[ -f $dir/shared/reference/contingency_ref.py ]] && { reference=$dir/shared/reference/contingency_ref.py; break; }
    done
fi
[[ -f $reference ]] || { echo "contingency_ref.py not found (set VIGIL_CONTINGENCY_REF)" >&2; exit 2; }
python3 -c 'import networkx' 2>/dev/null || { echo "python3 with networkx is needed: pip install networkx" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

swift build -c release --product vigil 2>&1 | grep -E 'error|warning: .*Sources' || true
vigil=.build/release/vigil
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$vigil" resilience generate --faculty "$faculty" --residents "$residents" --weeks "$weeks" --seed "$seed" \
    --output "$work/program.json"
from=$(python3 -c 'import datetime as d; s = d.date(2026, 7, 1); print(s + d.timedelta(days=-s.weekday() % 7))')
days=$((weeks * 7))
echo "program: $faculty faculty, $residents residents, $weeks weeks, seed $seed; window $from + $days days"

/usr/bin/time -v "$vigil" resilience report --schedule "$work/program.json" --from "$from" --days "$days" \
    --format json >"$work/vigil.json" 2>"$work/vigil.time"
echo "vigil done; running the reference (minutes)..."
/usr/bin/time -v python3 "$reference" "$work/program.json" --from "$from" --days "$days" --n2 \
    >"$work/reference.json" 2>"$work/reference.time"

python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
ours, ref = json.load(open(f"{work}/vigil.json")), json.load(open(f"{work}/reference.json"))
def rss(name):
    text = open(f"{work}/{name}.time").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
same = ours["n1"] == ref["n1"] and ours["n2"] == ref["n2"]
theirs = ref["seconds"]["n1"] + ref["seconds"]["n2"]
mine = ours["timings"]["contingency_seconds"]
print(f"N-1: {len(ref['n1']['single_points_of_failure'])} single points of failure; "
      f"N-2: {len(ref['n2']['fatal_pairs'])} fatal pairs; identical: {'yes' if same else 'NO'}")
print(f"reference N-1+N-2: {theirs:.3f} s   vigil N-1+N-2: {mine:.4f} s   speed-up: {theirs / mine:,.0f}x")
print(f"peak memory: reference {rss('reference'):.0f} MB, vigil (whole report) {rss('vigil'):.0f} MB")
if not same:
    for key in ("n1", "n2"):
        if ours[key] != ref[key]:
            print(f"{key} differs:\n  vigil:     {json.dumps(ours[key])}\n  reference: {json.dumps(ref[key])}")
    sys.exit(1)
PY
