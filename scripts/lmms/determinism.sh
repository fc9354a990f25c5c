#!/usr/bin/env bash
# Shows that the LMMS renders of the corpus are exact: the same project rendered by two LMMS
# processes is bit-identical, and the tracks rendered one per process (every other track muted)
# sum to the mix rendered whole, with the null depth in dB. Then the same without the
# fixed-seed shim (fixed_seed.c), to show what it is for on that project.
#
#   scripts/lmms/determinism.sh [PROJECT] [EXCERPT]
#     default: /usr/share/lmms/projects/demos/CapDan/CapDan-ReggaetonTry.mmpz auto:24
#
# Renders go to a throw-away cache so that nothing is reused from earlier runs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=${1:-/usr/share/lmms/projects/demos/CapDan/CapDan-ReggaetonTry.mmpz}
EXCERPT=${2:-auto:24}
STEMCHECK_LMMS_CACHE=$(mktemp -d /tmp/lmms-determinism.XXXXXX)
export STEMCHECK_LMMS_CACHE
trap 'rm -rf "$STEMCHECK_LMMS_CACHE"' EXIT
echo "== with the fixed-seed shim"
python3 "$HERE/render.py" null "$PROJECT" --excerpt "$EXCERPT"
echo "== without it"
STEMCHECK_LMMS_NO_SHIM=1 python3 "$HERE/render.py" null "$PROJECT" --excerpt "$EXCERPT"
