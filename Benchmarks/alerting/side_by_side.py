#!/usr/bin/env python3
"""Alertmanager 0.25 and Vigil through ../shared/bench/anchors/am_bench.py, one after the other in the
same run, with the same route, alerts and receiver; prints both summaries and the ratios.

  side_by_side.py --vigil .build-release/release/vigil --n 10000 [--sink stock|keepalive] --out DIR

--sink stock is ../shared/bench/webhook_sink.py (with its 4096 backlog), the issue's receiver; --sink
keepalive is keepalive_sink.py beside this file: the same log, HTTP/1.1 keep-alive, so the figures show
the senders and not the receiver. Extra arguments after -- go to both runs (e.g. -- outage).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("VIGIL_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
ANCHORS = os.path.join(SHARED, "bench", "anchors")

RUNNER = """
import sys
sys.path.insert(0, {anchors!r})
import am_bench
if {keepalive!r}:
    am_bench.SINK = {sink!r}
    am_bench.BACKLOG[0] = 5
    sys.argv = [a for a in sys.argv]
    if "--sink-backlog" not in sys.argv:
        sys.argv += ["--sink-backlog", "5"]
if {vigil!r}:
    import vigil_bench
    vigil_bench.VIGIL[0] = {vigil!r}
    am_bench.write_cfg = vigil_bench.write_cfg
    am_bench.start_am = vigil_bench.start_vigil
    am_bench.post_alerts = vigil_bench.post_alerts
am_bench.main()
"""


def run(tag, vigil, args, a):
    out = os.path.join(a.out, tag)
    code = RUNNER.format(anchors=ANCHORS, keepalive=a.sink == "keepalive",
                         sink=os.path.join(HERE, "keepalive_sink.py"), vigil=vigil)
    cmd = [sys.executable, "-c", code, a.mode, "--out", out] + (["--n", str(a.n)] if a.n else []) + args
    subprocess.run(cmd, check=True)
    return json.load(open(os.path.join(out, "summary.json")))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", nargs="?", default="throughput", choices=["throughput", "outage", "kill9"])
    ap.add_argument("--vigil", required=True)
    ap.add_argument("--n", type=int)
    ap.add_argument("--sink", choices=["stock", "keepalive"], default="stock")
    ap.add_argument("--out", required=True)
    ap.add_argument("rest", nargs="*", help="passed on to both anchors (e.g. --outage 600 --after 120)")
    a, unknown = ap.parse_known_args()
    a.rest += unknown
    am = run("alertmanager", "", a.rest, a)
    vg = run("vigil", os.path.abspath(a.vigil), a.rest, a)
    print(json.dumps({"alertmanager": am, "vigil": vg}, indent=1))


if __name__ == "__main__":
    main()
