#!/usr/bin/env bash
# Renders the LMMS corpus: the chosen demo projects x every variant into OUTROOT/<project>/<variant>/,
# then writes OUTROOT/READY once every song is there. A song with no track that fits a variant
# skips that variant. With NAMEs, only those songs are rendered.
#
#   scripts/lmms-corpus.sh OUTROOT [PROJECT_NAME...]
#
# The projects are the demos Debian's lmms 1.2.2 ships under /usr/share/lmms/projects/demos,
# chosen because each renders in seconds and its clean stems null against its mix below
# -140 dB (docs/lmms-corpus.md lists the measurements and the projects left out, and why).
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
OUT=$1; shift
HERE=$(cd "$(dirname "$0")" && pwd)
DEMOS=${LMMS_DEMOS:-/usr/share/lmms/projects/demos}
# name  path under DEMOS  excerpt (START:BARS or auto:BARS; bars of 4 beats)  [delivery.py options]
PROJECTS=(
  "ReggaeTry       CapDan/CapDan-ReggaeTry.mmpz        auto:24"
  "ReggaetonTry    CapDan/CapDan-ReggaetonTry.mmpz     auto:24"
  "Socceroos       Socceroos-Progress.mmpz             auto:24  --drop-instrument zynaddsubfx --no-master-fx"
  "FinalStep       Saber-FinalStep.mmpz                auto:24  --drop-instrument zynaddsubfx --no-master-fx"
  "ZeroSumGame     CapDan/CapDan-ZeroSumGame-OriginalByZakarra.mmpz  auto:24  --drop-instrument zynaddsubfx --drop-instrument sid --no-master-fx"
  "Mauiwowi        Alf42red-Mauiwowi.mmpz              auto:24  --drop-instrument zynaddsubfx --drop-instrument sid --no-master-fx"
)
VARIANTS=(clean gain pan fx offset removed limiter x2)
ONLY=("$@")
rm -f "$OUT/READY"
mkdir -p "$OUT"
start=$(date +%s)
for row in "${PROJECTS[@]}"; do
  read -r name path excerpt opts <<<"$row"
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " == *" $name "* ]]; then continue; fi
  for v in "${VARIANTS[@]}"; do
    rc=0
    "$HERE/lmms-delivery.sh" "$DEMOS/$path" "$v" "$OUT/$name/$v" --excerpt "$excerpt" ${opts:-} || rc=$?
    if [ $rc -eq 3 ]; then rm -rf "${OUT:?}/$name/$v"; elif [ $rc -ne 0 ]; then exit $rc; fi
  done
done
# READY once every song has its clean delivery (a run for some songs can complete the corpus).
for row in "${PROJECTS[@]}"; do
  read -r name _ <<<"$row"
  [ -f "$OUT/$name/clean/truth.json" ] || exit 0
done
echo "complete: $(ls -d "$OUT"/*/*/ | wc -l) deliveries of ${#PROJECTS[@]} songs; last run $(( $(date +%s) - start )) s; lmms $(dpkg-query -W -f='${Version}' lmms)" > "$OUT/READY"
cat "$OUT/READY"
