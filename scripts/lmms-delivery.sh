#!/usr/bin/env bash
# Renders one LMMS project into one stem delivery with one known fault, and its truth.json.
#
#   scripts/lmms-delivery.sh PROJECT VARIANT OUTDIR [--excerpt START:BARS|auto:BARS|none]
#
# VARIANT: clean gain pan fx offset removed limiter x2 (scripts/lmms/delivery.py says what each
# does). Needs Debian's lmms (apt-get install -y lmms), gcc, python3 with numpy. Renders are
# cached in $STEMCHECK_LMMS_CACHE (default /tmp/stemcheck-lmms-cache), so variants of one
# project reuse the renders they share. docs/lmms-corpus.md has the whole story.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
command -v lmms >/dev/null || { echo "lmms is not installed: apt-get install -y lmms" >&2; exit 2; }
exec python3 "$(dirname "$0")/lmms/delivery.py" "$@"
