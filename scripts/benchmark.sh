#!/usr/bin/env bash
# Side by side: stemcheck vs what a QC script would do, on the same generated deliveries.
#
#   scripts/benchmark.sh [song|song-faulty|film|all]        (default: song)
#
# 1. builds stem-cli and stem-bench when their jars are missing (BUILD=1 forces it);
# 2. installs ffmpeg, python3-numpy, python3-soundfile and time from Debian when missing;
# 3. generates the delivery with our own code (skipped when present with the right size;
#    refused when less than twice its size is free): song = 4 min, 7 stereo stems + 2 mixes,
#    0.62 GB; song-faulty = the song with its bass delivered 3 dB hot and its FX stem missing
#    (`song` measures both); film = 2 h, 7 stereo stems + a printmaster, 16.6 GB; 48 kHz / 24-bit;
# 4. times, interleaved, RUNS times each (film: FILM_RUNS), after reading every file once so
#    that the page cache is warm the same way for all:
#      check   ./stemcheck check DIR   (every check on; the launcher: java -jar
#              stem-cli/target/stemcheck.jar with its cold-start options and class-data
#              archive, made once before the first timed run by an untimed `./stemcheck demo`)
#      decode  stemcheck decode-only: every sample through AudioFiles, files in parallel
#      ffmpeg  astats + ebur128=peak=true on every file, THREADS files at a time
#      numpy   scripts/numpy_baseline.py: peak, DC, RMS, null test, one process
#    Java runs use JAVA_OPTS (default -Xmx256m -XX:+UseG1GC) and a GC log for the peak heap;
#    every run's peak RSS comes from GNU time;
# 5. writes the medians, ratios and the machine into docs/benchmarks.md (section
#    "## Side by side: stemcheck vs ffmpeg vs numpy"; the rest of the file is kept).
#
# Environment: BENCH_DIR (deliveries; default stem-bench/target/deliveries), RUNS (3),
# FILM_RUNS (1), THREADS (nproc), JAVA_OPTS, DOC (docs/benchmarks.md), BUILD (0),
# BENCH_SECONDS (a shorter delivery, to try the harness; written to DIR/<kind>-<N>s).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

WHAT=${1:-song}
case "$WHAT" in
  song) KINDS=(song song-faulty) ;;
  song-faulty) KINDS=(song-faulty) ;;
  film) KINDS=(film) ;;
  all) KINDS=(song song-faulty film) ;;
  *) echo "usage: scripts/benchmark.sh [song|song-faulty|film|all]" >&2; exit 2 ;;
esac
BENCH_DIR=${BENCH_DIR:-$ROOT/stem-bench/target/deliveries}
RESULTS=${RESULTS:-$ROOT/stem-bench/target/bench-results}
RUNS=${RUNS:-3}
FILM_RUNS=${FILM_RUNS:-1}
THREADS=${THREADS:-$(nproc)}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseG1GC}
DOC=${DOC:-$ROOT/docs/benchmarks.md}
CLI_JAR=$ROOT/stem-cli/target/stemcheck.jar
LAUNCHER=$ROOT/stemcheck
BENCH_JAR=$ROOT/stem-bench/target/benchmarks.jar
PY=/usr/bin/python3   # Debian's python, where python3-numpy and python3-soundfile install

say() { printf '[benchmark] %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  [ -x /usr/bin/time ] || missing+=(time)
  "$PY" -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
  "$PY" -c 'import soundfile' 2>/dev/null || missing+=(python3-soundfile)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing from Debian's packages: ${missing[*]} (needed for the baselines)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "benchmark: missing ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_if_needed() {
  if [ "${BUILD:-0}" = 1 ] || [ ! -f "$CLI_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
    say "building stem-cli and stem-bench"
    ./mvnw -o -q -pl stem-cli,stem-bench -am package -DskipTests
  fi
}

now() { date +%s.%N; }

# CPU time the whole machine has been busy, in clock ticks (user, nice, system, irq, softirq, steal)
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# run_timed ID LABEL RUN LOGDIR CMD... : one timed run, appended to $OUT/runs.tsv
run_timed() {
  local id=$1 label=$2 run=$3 logs=$4; shift 4
  cat "$DIR"/*.wav >/dev/null   # the same warm page cache for every tool
  local gclog="$logs/$id-$run.gc.log" rsslog="$logs/$id-$run.rss" code=0
  local t0 t1 busy0 busy1
  busy0=$(cpu_busy)
  t0=$(now)
  GCLOG=$gclog /usr/bin/time -o "$rsslog" -f '%M %U %S' "$@" >"$logs/$id-$run.out" 2>"$logs/$id-$run.err" || code=$?
  t1=$(now)
  busy1=$(cpu_busy)
  if [ "$code" -ge 2 ] || { [ "$code" -eq 1 ] && [ "$id" != check ]; }; then
    say "$label failed (exit $code); see $logs/$id-$run.err"
    tail -5 "$logs/$id-$run.err" >&2
    exit 1
  fi
  [ "$code" -eq 1 ] && say "$label exited 1 (findings?); timed all the same"
  local secs heap rss load cpu others
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  heap=-
  [ -f "$gclog" ] && heap=$(java -cp "$BENCH_JAR" org.stemcheck.bench.harness.GcLog "$gclog")
  # GNU time's line (after a "Command exited ..." line when the exit status is not 0)
  rss=$(awk 'NF == 3 && $1 ~ /^[0-9]+$/ { printf "%.0f", $1 / 1024 }' "$rsslog")
  cpu=$(awk 'NF == 3 && $1 ~ /^[0-9]+$/ { printf "%.2f", $2 + $3 }' "$rsslog")
  # what the rest of the machine used meanwhile: busy time not the tool's (its children included)
  others=$(awk -v a="$busy0" -v b="$busy1" -v c="${cpu:-0}" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { o = (b - a) / hz - c; printf "%.2f", o < 0 ? 0 : o }')
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$label" "$run" "$secs" "$heap" "$load" "${rss:--}" \
    "${cpu:--}" "$others" >>"$OUT/runs.tsv"
  say "$(printf '%-55s run %s: %8.2f s  cpu %s s  heap %s MiB  rss %s MiB  others %s s' "$label" "$run" "$secs" \
    "${cpu:--}" "$heap" "${rss:--}" "$others")"
}

java_gc() { # java with the GC log named by $GCLOG (set per run by run_timed)
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS "-Xlog:gc,gc+heap+exit:file=$GCLOG" "$@"
}
stemcheck_gc() { # the launcher with the GC log named by $GCLOG; its JAVA_OPTS come after its own options
  JAVA_OPTS="$JAVA_OPTS -Xlog:gc,gc+heap+exit:file=$GCLOG" STEMCHECK_JAR=$CLI_JAR exec "$LAUNCHER" "$@"
}
export -f java_gc stemcheck_gc
export JAVA_OPTS LAUNCHER CLI_JAR

ffmpeg_all() { # every file of $1, $THREADS at a time, logs into $2
  find -H "$1" -maxdepth 1 -name '*.wav' -print0 | sort -z |
    xargs -0 -n 1 -P "$THREADS" sh -c \
      'ffmpeg -nostdin -hide_banner -nostats -i "$1" -af astats,ebur128=peak=true -f null - 2>"$0/$(basename "$1").log"' "$2"
}
export -f ffmpeg_all
export THREADS

machine_properties() {
  local cpu ram os pyver
  cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
  ram=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
  os="$(uname -sr), Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
  pyver=$("$PY" -c 'import sys, numpy, soundfile; print("Python %d.%d.%d, numpy %s, soundfile %s (%s)" % (sys.version_info[:3] + (numpy.__version__, soundfile.__version__, soundfile.__libsndfile_version__)))')
  cat <<EOF
date=$(date -u '+%Y-%m-%d %H:%M UTC')
command=scripts/benchmark.sh $WHAT
cpu=${cpu:-unknown}
cores=$(nproc)
ram=$ram
java=$(java -version 2>&1 | head -1 | tr -d '"')
ffmpeg=$(ffmpeg -version | head -1 | awk '{ print $1, $2, $3 }')
python=$pyver
os=$os
jvm_options=$JAVA_OPTS
check_launcher=./stemcheck
threads=$THREADS
EOF
}

install_missing
build_if_needed
# the launcher's class-data archive for this java and jar, so that no timed run pays for writing it
say "priming the launcher's class-data archive (untimed: ./stemcheck demo)"
STEMCHECK_JAR=$CLI_JAR "$LAUNCHER" demo --dir "$RESULTS/launcher-demo" >/dev/null 2>&1 || true
for KIND in "${KINDS[@]}"; do
  NAME=$KIND
  SECONDS_ARG=()
  if [ -n "${BENCH_SECONDS:-}" ]; then
    NAME=$KIND-${BENCH_SECONDS}s
    SECONDS_ARG=("$BENCH_SECONDS")
  fi
  DIR=$BENCH_DIR/$NAME
  say "$KIND: generating into $DIR (skipped when present)"
  java -cp "$BENCH_JAR" org.stemcheck.bench.harness.GenerateDelivery "$KIND" "$DIR" "${SECONDS_ARG[@]}"

  OUT=$RESULTS/$KIND
  LOGS=$OUT/logs
  rm -rf "$OUT"
  mkdir -p "$LOGS/ffmpeg"
  runs=$RUNS
  [ "$KIND" = film ] && runs=$FILM_RUNS
  files=$(find -H "$DIR" -maxdepth 1 -name '*.wav' | wc -l)
  bytes=$(find -H "$DIR" -maxdepth 1 -name '*.wav' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }')
  seconds=${BENCH_SECONDS:-$([ "$KIND" = film ] && echo 7200 || echo 240)}
  {
    echo "name=$NAME"; echo "files=$files"; echo "bytes=$bytes"; echo "seconds=$seconds"; echo "runs=$runs"
    machine_properties
  } >"$OUT/run.properties"
  : >"$OUT/runs.tsv"

  for run in $(seq 1 "$runs"); do
    run_timed check "stemcheck check (every check)" "$run" "$LOGS" \
      bash -c 'stemcheck_gc check "$0"' "$DIR"
    run_timed decode "stemcheck decode-only ($THREADS threads)" "$run" "$LOGS" \
      bash -c 'java_gc -cp "$0" org.stemcheck.bench.harness.DecodeOnly "$1" "$THREADS"' "$BENCH_JAR" "$DIR"
    run_timed ffmpeg "ffmpeg astats + ebur128=peak=true ($THREADS files at a time)" "$run" "$LOGS" \
      bash -c 'ffmpeg_all "$0" "$1"' "$DIR" "$LOGS/ffmpeg"
    run_timed numpy "numpy/soundfile peak, DC, RMS, null test (1 process)" "$run" "$LOGS" \
      "$PY" "$ROOT/scripts/numpy_baseline.py" "$DIR"
  done
  say "$KIND: decode-only said: $(cat "$LOGS/decode-1.out")"
  say "$KIND: numpy said: $(tail -1 "$LOGS/numpy-1.out")"
done
java -cp "$BENCH_JAR" org.stemcheck.bench.harness.BenchReport "$RESULTS" "$DOC"
