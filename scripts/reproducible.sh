#!/usr/bin/env bash
# Reproducible builds: builds one commit twice, each in a fresh copy of its tracked files, and
# compares every jar the build makes byte for byte (sha256). The two builds differ in what must
# not matter: the folder they run in, the time of day, the time zone and the umask. Prints one
# line per jar and a verdict; exits 1 when any jar differs (diffoscope A B shows where).
#
#   scripts/reproducible.sh [REV]        REV: a commit (default HEAD; uncommitted changes are not built)
#
# Environment: WORK (where the two copies go; default a new folder under /tmp, removed at the end
# unless KEEP=1), MAVEN_ARGS_EXTRA (more Maven arguments, e.g. -o).
# Builds with -Prelease package -DskipTests: the jars, test-jar, shaded jars, sources and javadoc
# jars of every module; it never installs anything into ~/.m2. docs/releasing.md has the result.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REV=${1:-HEAD}
COMMIT=$(git rev-parse --verify "$REV^{commit}")
WORK=${WORK:-$(mktemp -d /tmp/stemcheck-reproducible.XXXXXX)}
KEEP=${KEEP:-0}
mkdir -p "$WORK"
if [ "$KEEP" != 1 ]; then
  trap 'rm -rf "$WORK/a" "$WORK/b"' EXIT
fi

build() {   # build NAME TZ UMASK
  local dir=$WORK/$1
  rm -rf "$dir"; mkdir -p "$dir"
  git -C "$ROOT" archive "$COMMIT" | tar -x -C "$dir"
  echo "build $1: $dir (TZ=$2, umask $3)" >&2
  (cd "$dir" && umask "$3" && TZ=$2 ./mvnw -B -q -Prelease package -DskipTests ${MAVEN_ARGS_EXTRA:-} >"$dir.log" 2>&1) \
    || { echo "build $1 failed: $dir.log" >&2; tail -30 "$dir.log" >&2; exit 2; }
}

build a UTC 022
sleep 2   # another second on the clock, whatever the build would take from it
build b Asia/Kolkata 002

cd "$WORK"
(cd a && find . -path '*/target/*' -name '*.jar' | sort) > jars.txt
(cd b && find . -path '*/target/*' -name '*.jar' | sort) | diff -u jars.txt - \
  || { echo "the two builds made different sets of jars" >&2; exit 1; }

echo "commit $COMMIT"
differ=0
while read -r jar; do
  ha=$(sha256sum "a/$jar" | cut -d' ' -f1)
  hb=$(sha256sum "b/$jar" | cut -d' ' -f1)
  if [ "$ha" = "$hb" ]; then
    printf '%s  same       %s\n' "$ha" "${jar#./}"
  else
    printf '%s  DIFFERENT  %s (b: %s)\n' "$ha" "${jar#./}" "$hb"
    differ=$((differ + 1))
  fi
done < jars.txt
total=$(wc -l < jars.txt)
if [ "$differ" -eq 0 ]; then
  echo "reproducible: all $total jars are byte for byte the same in both builds"
else
  echo "NOT reproducible: $differ of $total jars differ (KEEP=1 keeps both builds in $WORK)"
  exit 1
fi
