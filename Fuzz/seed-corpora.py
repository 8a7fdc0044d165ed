#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora into DIR/<Harness>/ from the project's own files: PromQL from the
conformance files (../shared/testdata, when present) and the shipped rules, rule files and promtool
fixtures, the config and its examples, the demo schedule, exposition text from the test sources,
and the annotation templates of the shipped rules.

  seed-corpora.py DIR
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("VIGIL_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))


def write(out, harness, name, data):
    os.makedirs(os.path.join(out, harness), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(out, harness, name), mode) as f:
        f.write(data)


def main():
    out = sys.argv[1]
    count = 0
    # PromQL: conformance `eval` lines, and every expr of the shipped rules.
    for path in glob.glob(os.path.join(SHARED, "testdata", "promqltest-*", "*.test")):
        for n, line in enumerate(open(path)):
            m = re.match(r"\s*eval(?:_fail|_ordered)?\s+(?:instant|range)\s+(?:at\s+\S+|from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(.*)", line)
            if m:
                write(out, "FuzzPromQL", f"{os.path.basename(path)}-{n}", m.group(1).strip())
                count += 1
    rule_files = glob.glob(os.path.join(ROOT, "rules", "alerts", "*.yml")) + glob.glob(
        os.path.join(SHARED, "testdata", "promtool-*", "*.yml")) + glob.glob(os.path.join(ROOT, "Tests", "**", "*.yml"), recursive=True)
    for path in rule_files:
        text = open(path, errors="replace").read()
        write(out, "FuzzRuleFile", os.path.basename(path), text)
        for n, m in enumerate(re.finditer(r"expr:\s*(.+)", text)):
            write(out, "FuzzPromQL", f"{os.path.basename(path)}-{n}", m.group(1).strip().strip("'\""))
        for n, m in enumerate(re.finditer(r"(?:summary|description|runbook_url):\s*(.+)", text)):
            write(out, "FuzzTemplate", f"{os.path.basename(path)}-{n}", m.group(1).strip().strip("'\""))
    for path in glob.glob(os.path.join(ROOT, "etc", "*.yml")) + glob.glob(os.path.join(ROOT, "rules", "*.yml")):
        write(out, "FuzzConfig", os.path.basename(path), open(path).read())
    # A one-week program of three faculty and three residents (`vigil resilience generate`), small
    # enough for the fuzzer to mutate; the demo program is a megabyte.
    for path in glob.glob(os.path.join(HERE, "seeds", "schedule-*.json")):
        write(out, "FuzzSchedule", os.path.basename(path), open(path, "rb").read())
    # Exposition: string literals of the test sources that look like scrape bodies.
    for path in glob.glob(os.path.join(ROOT, "Tests", "**", "*.swift"), recursive=True):
        text = open(path, errors="replace").read()
        for n, m in enumerate(re.finditer(r'"""\n(.*?)"""', text, re.S)):
            body = m.group(1)
            if "# TYPE" in body or "# HELP" in body:
                write(out, "FuzzExposition", f"{os.path.basename(path)}-{n}", body.replace("\\n", "\n"))
    write(out, "FuzzExposition", "basic", '# TYPE x counter\nx{a="b"} 1 1700000000000\ny 2\n# EOF\n')
    write(out, "FuzzTemplate", "basic", '{{ $labels.job }} is {{ $value | humanize }} ({{ printf "%.2f" $value }})')
    print(f"seed corpora in {out} ({count} conformance expressions)", file=sys.stderr)


if __name__ == "__main__":
    main()
