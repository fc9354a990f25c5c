#!/usr/bin/env bash
# Renders every LMMS demo project as a user exports it (lmms rendertracks for the stems, lmms render
# for the mix, nothing made exact) into OUTROOT/<project>/{native,native-removed,native-gain,
# native-late}/ (the last two skipped where no stem fits them), each with a
# truth.json that scripts/lmms-evaluate.py reads. A project whose render fails or times out is
# reported and skipped; OUTROOT/READY lists the projects rendered. With NAMEs (file names without
# .mmp/.mmpz), only those.
#
#   scripts/lmms-native.sh OUTROOT [PROJECT_NAME...]
#
# docs/lmms-corpus.md ("Native renders") says what these deliveries test and what was measured.
set -uo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
OUT=$1; shift
HERE=$(cd "$(dirname "$0")" && pwd)
DEMOS=${LMMS_DEMOS:-/usr/share/lmms/projects/demos}
ONLY=("$@")
rm -f "$OUT/READY"
mkdir -p "$OUT"
done_list=()
while IFS= read -r path; do
  name=$(basename "$path"); name=${name%%.*}
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " == *" $name "* ]]; then continue; fi
  ok=1
  for v in native native-removed native-gain native-late; do
    rc=0
    "${PYTHON:-python3}" "$HERE/lmms/native.py" "$path" "$v" "$OUT/$name/$v" || rc=$?
    if [ $rc -eq 3 ]; then rm -rf "${OUT:?}/$name/$v"; continue; fi
    if [ $rc -ne 0 ]; then
      echo "$name/$v: not rendered (see above)" >&2
      rm -rf "${OUT:?}/$name/$v"
      ok=0
      break
    fi
  done
  [ $ok -eq 1 ] && done_list+=("$name")
done < <(find "$DEMOS" -name '*.mmp*' | sort)
printf '%s\n' "${done_list[@]}" > "$OUT/READY"
echo "READY: ${#done_list[@]} projects in $OUT" >&2
