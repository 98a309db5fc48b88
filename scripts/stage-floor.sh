#!/usr/bin/env bash
# How fast `compare --stdin-jsonl` would be with whole stages left out: the floor each stage puts
# under the stream's time.
#
# It exports the committed tree (HEAD) to $OUT/tree, applies scripts/stage-floor.patch there (the
# stream reads a SKIP variable: `checks` leaves out the consistency checks, `diffs` the word diffs,
# `align` everything after reading and parsing the record) and builds it into $OUT/target. Then, on
# N generated records (examples/gen-corpus.rs, fixed seed), it streams each variant RUNS times with
# the output sent to /dev/null, under /usr/bin/time, and prints wall time and articles per second.
# The patched build is for this measurement only; the product has no such switch.
#
# Environment: OFFICIAL (data/vn-kr-2025/official.txt), N (10000), SEED (7), RUNS (3), THREADS
# (empty: one per CPU), OUT (target/stage-floor, relative to the repository's root).
set -euo pipefail
cd "$(dirname "$0")/.."

OFFICIAL=${OFFICIAL:-data/vn-kr-2025/official.txt}
N=${N:-10000}
SEED=${SEED:-7}
RUNS=${RUNS:-3}
THREADS=${THREADS:-}
OUT=${OUT:-target/stage-floor}

[ -x /usr/bin/time ] || { echo "stage-floor: /usr/bin/time (GNU time) is needed" >&2; exit 1; }
command -v patch >/dev/null || { echo "stage-floor: patch is needed" >&2; exit 1; }
rm -rf "$OUT/tree"
mkdir -p "$OUT/tree"
git archive HEAD | tar -x -C "$OUT/tree"
patch -p1 --quiet -d "$OUT/tree" <scripts/stage-floor.patch
cargo build --release --quiet --manifest-path "$OUT/tree/Cargo.toml" --bin crosscheck --target-dir "$OUT/target"
cargo build --release --quiet --example gen-corpus
"${CARGO_TARGET_DIR:-target}/release/examples/gen-corpus" --official "$OFFICIAL" --n "$N" --seed "$SEED" \
  --jsonl "$OUT/articles.jsonl" >/dev/null
BIN=$OUT/target/release/crosscheck
threads=()
[ -n "$THREADS" ] && threads=(--threads "$THREADS")

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "commit $(git rev-parse --short HEAD), official: $OFFICIAL, N = $N, seed $SEED, threads ${THREADS:-all}"
printf '%-22s %9s %12s\n' "left out" seconds articles/s
for run in $(seq "$RUNS"); do
  for skip in "" checks diffs checks,diffs align; do
    /usr/bin/time -f '%e' -o "$OUT/time.log" env SKIP="$skip" "$BIN" compare "$OFFICIAL" --stdin-jsonl \
      "${threads[@]}" <"$OUT/articles.jsonl" >/dev/null
    secs=$(tail -n 1 "$OUT/time.log")
    printf '%-22s %9s %12s\n' "${skip:-nothing}" "$secs" "$(awk -v n="$N" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')"
  done
done
