#!/usr/bin/env python3
"""Adds to existing truth.json files the level.cut-tail (excerpts) and set.multitracks allowances
that delivery.py now writes (so a corpus rendered before that change need not be rendered again).

    python3 scripts/lmms/allow_render_conditions.py /work/lmms-deliveries
"""
import json
import os
import sys

for dirpath, _, files in os.walk(sys.argv[1]):
    if "truth.json" not in files:
        continue
    path = os.path.join(dirpath, "truth.json")
    with open(path) as f:
        t = json.load(f)
    changed = False
    if t["render"].get("excerpt") and not any(a["code"] == "level.cut-tail" for a in t["allowed"]):
        for name in list(t["stems"]) + [t["mix"]["file"]]:
            t["allowed"].append({"code": "level.cut-tail", "file": name,
                                 "why": "an excerpt: LMMS stops rendering at the last clip's end"})
        changed = True
    if not any(a["code"] == "set.multitracks" for a in t["allowed"]):
        t["allowed"].append({"code": "set.multitracks", "file": None,
                             "why": "one file per LMMS track: single drums are multitracks by name"})
        changed = True
    if not changed:
        continue
    with open(path + ".tmp", "w") as f:
        json.dump(t, f, indent=2)
        f.write("\n")
    os.replace(path + ".tmp", path)
    print("updated", path)
