#!/usr/bin/env bash
# Instructions per streamed article, in total and for each stage of `compare --stdin-jsonl`.
#
# Wall time on a shared machine drifts by 2x between sessions; instruction counts do not. For each
# stage this runs `valgrind --tool=callgrind --toggle-collect=<function>` (which counts only inside
# that function and what it calls) on one thread, over N_HIGH and N_LOW generated records, and
# prints (count(N_HIGH) - count(N_LOW)) / (N_HIGH - N_LOW): the cost of one article, without the
# start-up (reading the official text, compiling the patterns). A stage the compiler inlined into
# its caller counts 0 and is marked so.
#
# Environment: OFFICIAL (data/vn-kr-2025/official.txt), SEED (7), N_LOW (50), N_HIGH (150),
# OUT (target/profile-stages). Needs valgrind. Takes about 30 s per stage on 2 vCPUs.
set -euo pipefail
cd "$(dirname "$0")/.."

OFFICIAL=${OFFICIAL:-data/vn-kr-2025/official.txt}
SEED=${SEED:-7}
N_LOW=${N_LOW:-50}
N_HIGH=${N_HIGH:-150}
OUT=${OUT:-target/profile-stages}

command -v valgrind >/dev/null || { echo "profile-stages: valgrind is needed" >&2; exit 1; }
[ "$N_HIGH" -gt "$N_LOW" ] || { echo "profile-stages: N_HIGH must be above N_LOW" >&2; exit 1; }
cargo build --release --quiet --bin crosscheck --example gen-corpus
BIN=target/release/crosscheck
mkdir -p "$OUT"
for n in "$N_LOW" "$N_HIGH"; do
  target/release/examples/gen-corpus --official "$OFFICIAL" --n "$n" --seed "$SEED" --out "$OUT/articles-$n" \
    --jsonl "$OUT/articles-$n.jsonl" >/dev/null
done

# Instructions of one callgrind run over n records, counting inside `$2` only (everything when empty).
count() {
  local n=$1 toggle=$2 log="$OUT/callgrind.log"
  local args=(--tool=callgrind --callgrind-out-file=/dev/null)
  [ -n "$toggle" ] && args+=("--toggle-collect=$toggle")
  valgrind "${args[@]}" "$BIN" compare "$OFFICIAL" --stdin-jsonl --threads 1 \
    <"$OUT/articles-$n.jsonl" >/dev/null 2>"$log"
  grep -o 'Collected : [0-9]*' "$log" | awk '{print $3}'
}

echo "official: $OFFICIAL, seed $SEED, per article = (N=$N_HIGH - N=$N_LOW) / $((N_HIGH - N_LOW))"
printf '%14s  %s\n' instructions stage
stages=(
  ""
  "*Parser::parse_str"
  "*Aligner::align"
  "*Index::candidates_in"
  "*Explained::by"
  "*Aligner::check"
  "*DocFacts::read"
  "*checks::naming"
)
for stage in "${stages[@]}"; do
  high=$(count "$N_HIGH" "$stage")
  low=$(count "$N_LOW" "$stage")
  per=$(((high - low) / (N_HIGH - N_LOW)))
  name=${stage:-"whole article (parse, align, check, JSON)"}
  if [ "$per" -eq 0 ]; then
    printf '%14s  %s\n' "inlined" "$name"
  else
    printf '%14d  %s\n' "$per" "$name"
  fi
done
