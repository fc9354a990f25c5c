#!/usr/bin/env python3
"""Runs stemcheck on every delivery of an LMMS corpus and compares its findings with truth.json.

    python3 scripts/lmms-evaluate.py /work/lmms-deliveries --jar stem-cli/target/stemcheck.jar \\
        [--markdown] [--known-failures FILE] [--json OUT]

For each variant (a folder holding truth.json, made by scripts/lmms-delivery.sh):
* an expectation is *found* when an error, warning or info finding has one of its codes, names its
  file (or, where the expectation allows it, names no stem at all), and carries its number within
  the tolerance; for `report_key` expectations, the report's key must hold the value;
* a *false finding* is an error or warning that names an innocent file, or, on a clean variant,
  any error or warning at all, or on any variant an error or warning whose code is not expected;
  except findings truth.json's "allowed" covers (what the render itself holds, such as a DC
  offset in a drum sample, or a consequence of the fault that names only the mix).
A case is `<project>/<variant>`; it passes when every expectation is found and there is no false
finding. With --known-failures, the listed cases are expected to fail (one per line, `#` comments):
one that passes is reported, so the list stays honest. Exit status: 0 when every case not listed
passes and every listed case fails, 1 otherwise.

Only the standard library.
"""
import argparse
import json
import os
import subprocess
import sys
import time

COUNTED = ("error", "warning")   # severities that can be false findings


def load_cases(root):
    cases = []
    for dirpath, _, files in os.walk(root):
        if "truth.json" in files:
            with open(os.path.join(dirpath, "truth.json")) as f:
                truth = json.load(f)
            cases.append((os.path.relpath(dirpath, root), dirpath, truth))
    return sorted(cases)


def run_stemcheck(jar, folder, java="java"):
    p = subprocess.run([java, "-jar", jar, "check", folder, "--format", "json", "--fail-on", "never"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"stemcheck failed on {folder} ({p.returncode}): {p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[0])


def names(finding):
    return [os.path.basename(f) for f in finding.get("files") or []]


def lookup(report, key):
    node = report
    for part in key.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def matches(expect, finding, stems):
    codes = expect.get("codes") or [expect["code"]]
    if finding.get("code") not in codes:
        return False
    files = names(finding)
    if expect.get("file"):
        named_stems = [f for f in files if f in stems]
        if expect["file"] not in files and not (expect.get("file_or_none") and not named_stems):
            return False
    if "measurement" in expect and finding.get("code") == expect["code"]:
        value = (finding.get("measurements") or {}).get(expect["measurement"])
        if value is None or abs(value - expect["value"]) > expect["tolerance"]:
            return False
    return True


def is_allowed(truth, finding):
    """True when truth.json's "allowed" covers the finding: an entry with its code and no file (any
    files), or every file it names is one of those entries' files (or the mix)."""
    entries = [a for a in truth.get("allowed", []) if a["code"] == finding.get("code")]
    if not entries:
        return False
    ok = {a.get("file") for a in entries} | {truth["mix"]["file"]}
    return None in ok or set(names(finding)) <= ok


def expectations(truth):
    """truth.json's expectations, plus the mix's own latency where the render has one: a mix late
    against every stem (LMMS does not compensate a master plug-in's latency) is a fault of the
    delivery that the report should name, on the mix, within a sample."""
    out = list(truth["expected"])
    latency = truth.get("mix", {}).get("latency_samples") or 0
    if latency:
        out.append({"code": "mix.offset", "file": truth["mix"]["file"], "measurement": "offset_samples",
                    "value": latency, "tolerance": 1.0})
    return out


def judge(truth, report):
    findings = report.get("findings") or []
    stems = set(truth.get("stems", {}))
    innocent = set(truth.get("innocent_files", []))
    found, missed = [], []
    expected = expectations(truth)
    for e in expected:
        if "report_key" in e:
            ok = lookup(report, e["report_key"]) == e["value"]
        else:
            ok = any(matches(e, f, stems) for f in findings)
        (found if ok else missed).append(e)
    expected_codes = {c for e in expected for c in (e.get("codes") or [e["code"]])}
    false = []
    for f in findings:
        if f.get("severity") not in COUNTED or is_allowed(truth, f):
            continue
        files = set(names(f))
        if files & innocent or truth["variant"] == "clean" or f.get("code") not in expected_codes:
            false.append(f)
    return found, missed, false


def short(f):
    return f"{f.get('severity')} {f.get('code')} {','.join(names(f))}: {f.get('message')}"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root")
    ap.add_argument("--jar", required=True)
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--known-failures", metavar="FILE")
    ap.add_argument("--json", metavar="OUT", help="also write every case's result here")
    ap.add_argument("--java", default="java")
    ap.add_argument("--only", action="append", default=[], metavar="SONG",
                    help="only the deliveries under ROOT/SONG (repeatable)")
    ap.add_argument("--variant", action="append", default=[], metavar="NAME",
                    help="only the deliveries of this variant (repeatable)")
    ap.add_argument("--write-known-failures", metavar="FILE",
                    help="write the failing cases to FILE (the list LmmsCorpusTest reads), with why")
    a = ap.parse_args(argv)
    known = set()
    if a.known_failures:
        with open(a.known_failures) as f:
            known = {line.split("#")[0].strip() for line in f} - {""}
    cases = [c for c in load_cases(a.root) if (not a.only or c[0].split(os.sep)[0] in a.only)
             and (not a.variant or c[0].split(os.sep)[-1] in a.variant)]
    if not cases:
        print(f"no truth.json under {a.root}", file=sys.stderr)
        return 2
    t0 = time.time()
    rows, results = [], []
    tot = dict(variants=0, expectations=0, found=0, missed=0, false=0, free=0, passed=0)
    surprises = []
    for case, folder, truth in cases:
        t1 = time.time()
        report = run_stemcheck(a.jar, folder, a.java)
        found, missed, false = judge(truth, report)
        ok = not missed and not false
        tot["variants"] += 1
        tot["expectations"] += len(expectations(truth))
        tot["found"] += len(found)
        tot["missed"] += len(missed)
        tot["false"] += len(false)
        tot["free"] += 0 if false else 1
        tot["passed"] += 1 if ok else 0
        if case in known and ok:
            surprises.append(f"{case}: listed as a known failure but passes")
        if case not in known and not ok:
            surprises.append(f"{case}: fails and is not listed")
        detail = "; ".join([f"missed {e['code']} {e.get('file') or e.get('removed_file', '')}" for e in missed]
                           + [f"false {short(f)}" for f in false])
        rows.append((case, len(expectations(truth)), len(found), len(missed), len(false),
                     "pass" if ok else "FAIL", detail, time.time() - t1))
        results.append({"case": case, "passed": ok, "found": found, "missed": missed,
                        "false_findings": false, "null_db": (report.get("reference") or {}).get("null_db"),
                        "seconds": round(time.time() - t1, 1)})
    elapsed = time.time() - t0
    if a.markdown:
        print("| case | expected | found | missed | false findings | result | what |")
        print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
        for r in rows:
            what = r[6].replace("|", "\\|")
            print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {what} |")
        print()
        print("| variants | expectations | found | missed | false findings | variants free of false findings | passed |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        print(f"| {tot['variants']} | {tot['expectations']} | {tot['found']} | {tot['missed']} | {tot['false']} "
              f"| {tot['free']} | {tot['passed']} |")
    else:
        w = max(len(r[0]) for r in rows)
        print(f"{'case'.ljust(w)}  exp found miss false  result  (s)")
        for r in rows:
            print(f"{r[0].ljust(w)}  {r[1]:3d} {r[2]:5d} {r[3]:4d} {r[4]:5d}  {r[5]:6s} {r[7]:4.0f}  {r[6][:300]}")
        print(f"\nvariants {tot['variants']}, expectations {tot['expectations']}, found {tot['found']}, "
              f"missed {tot['missed']}, false findings {tot['false']}, variants free of false findings "
              f"{tot['free']}, passed {tot['passed']}")
    print(f"\n{len(cases)} deliveries checked in {elapsed:.0f} s", file=sys.stderr)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"totals": tot, "seconds": round(elapsed, 1), "cases": results}, f, indent=1)
    if a.write_known_failures:
        with open(a.write_known_failures, "w") as f:
            f.write("# Cases of the LMMS corpus (scripts/lmms-corpus.sh) that fail today, one <song>/<variant> a line.\n"
                    "# LmmsCorpusTest skips these with the reason and fails any listed case that passes, so the\n"
                    "# list only shrinks. Written by scripts/lmms-evaluate.py --write-known-failures\n"
                    "# (docs/lmms-corpus.md); the comment after each case is what failed then.\n")
            for r in rows:
                if r[5] != "pass":
                    f.write(f"{r[0]}  # {r[6][:160]}\n")
    if a.known_failures:
        for s in surprises:
            print(s, file=sys.stderr)
        return 1 if surprises else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
