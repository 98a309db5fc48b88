#!/usr/bin/env bash
# Whole-process benchmark of `crosscheck compare` on generated corpora.
#
# For each N (default 100, 1000, 10000) it generates N synthetic articles about the official text
# (examples/gen-corpus.rs, fixed seed), then runs the whole compare with JSON output twice under
# /usr/bin/time -v: on the directory of files, and streaming with --stdin-jsonl. It prints wall
# time, articles per second and peak resident memory for each run.
#
# Environment: OFFICIAL (the official text), SIZES ("100 1000 10000"), SEED (7), THREADS (empty:
# one per CPU), OUT (target/bench-corpus; the corpora and outputs stay there for inspection).
set -euo pipefail
cd "$(dirname "$0")/.."

OFFICIAL=${OFFICIAL:-data/vn-kr-2025/official.txt}
SIZES=${SIZES:-"100 1000 10000"}
SEED=${SEED:-7}
OUT=${OUT:-target/bench-corpus}
THREADS=${THREADS:-}

[ -x /usr/bin/time ] || { echo "bench-corpus: /usr/bin/time (GNU time) is needed" >&2; exit 1; }
cargo build --release --quiet --bin crosscheck --example gen-corpus
BIN=target/release/crosscheck
GEN=target/release/examples/gen-corpus
threads=()
[ -n "$THREADS" ] && threads=(--threads "$THREADS")

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "official: $OFFICIAL, seed $SEED, threads ${THREADS:-all}"
printf '%-7s %-12s %9s %12s %12s %12s\n' N input seconds articles/s "peak RSS MB" "output MB"

# Prints "seconds peak_rss_kb" from a /usr/bin/time -v log.
measure() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%s %s\n", s, rss }' "$1"
}

report() { # n input log output
  read -r secs rss < <(measure "$3")
  awk -v n="$1" -v input="$2" -v s="$secs" -v rss="$rss" -v bytes="$(stat -c %s "$4")" 'BEGIN {
    printf "%-7d %-12s %9.2f %12.0f %12.1f %12.1f\n", n, input, s, (s > 0 ? n / s : 0), rss / 1024, bytes / 1048576 }'
}

for n in $SIZES; do
  dir="$OUT/n$n"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$GEN" --official "$OFFICIAL" --n "$n" --seed "$SEED" --out "$dir/articles" --jsonl "$dir/articles.jsonl"

  /usr/bin/time -v "$BIN" compare "$OFFICIAL" "$dir/articles" --format json "${threads[@]}" \
    >"$dir/out.json" 2>"$dir/time-directory.log"
  report "$n" directory "$dir/time-directory.log" "$dir/out.json"

  /usr/bin/time -v "$BIN" compare "$OFFICIAL" --stdin-jsonl "${threads[@]}" \
    <"$dir/articles.jsonl" >"$dir/out.jsonl" 2>"$dir/time-stdin.log"
  report "$n" stdin-jsonl "$dir/time-stdin.log" "$dir/out.jsonl"
  lines=$(wc -l <"$dir/out.jsonl")
  [ "$lines" -eq "$n" ] || { echo "bench-corpus: $lines output lines for $n records" >&2; exit 1; }
done
