#!/usr/bin/env bash
# Peak memory (RSS) of `crosscheck parse` on very large inputs: a 50 MB single-line file, the same
# line in NFD (combining diacritics), one 50 MB sentence, and a 100,000-line file; then of the whole
# `crosscheck compare` (align and checks, JSON out) on a 50 MB one-line article of words drawn at
# random from the official text (the worst case for the checks). Target: under 1 GB each.
# Not run in CI (it builds in release and takes minutes): `scripts/memory-bound.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

limit_kb=$((1024 * 1024))
size=$((50 * 1024 * 1024))
command -v /usr/bin/time >/dev/null || { echo "memory-bound: needs GNU time (/usr/bin/time)" >&2; exit 2; }

cargo build --release --quiet
bin=target/release/crosscheck
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# One Vietnamese sentence (NFC), repeated on one line up to 50 MB, whole sentences only.
sentence='Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư, hướng tới kim ngạch 150 tỷ USD vào năm 2030.'
# The same sentence with every diacritic as a combining mark (NFD), as some Mac and PDF exports write it.
nfd=$(printf 'Hai be\u0302n nha\u0302\u0301t tri\u0301 ta\u0306ng cu\u031bo\u031b\u0300ng ho\u031b\u0323p ta\u0301c kinh te\u0302\u0301, thu\u031bo\u031bng ma\u0323i va\u0300 \u0111a\u0302\u0300u tu\u031b, hu\u031bo\u031b\u0301ng to\u031b\u0301i kim nga\u0323ch 150 ty\u0309 USD va\u0300o na\u0306m 2030.')
one_line() { # sentence, output file
  local bytes=$(( $(printf '%s ' "$1" | wc -c) ))
  awk -v s="$1" -v n=$((size / bytes)) 'BEGIN { for (i = 0; i < n; i++) printf "%s ", s }' > "$2"
}
one_line "$sentence" "$dir/single-line.txt"
one_line "$nfd" "$dir/single-line-nfd.txt"
# One 50 MB sentence with no full stop (every per-sentence check runs on all of it).
one_line "từ khóa," "$dir/one-sentence.txt"
# 100,000 short lines, numbered like points, in paragraphs of four.
seq 1 100000 | awk '{ printf "%d. Hai bên nhất trí hợp tác trong lĩnh vực số %d.\n", $1, $1; if ($1 % 4 == 0) print "" }' \
  > "$dir/100k-lines.txt"

status=0
printf '%-22s %10s %8s %12s %s\n' file size lines "peak RSS" result
for f in single-line.txt single-line-nfd.txt one-sentence.txt 100k-lines.txt; do
  path="$dir/$f"
  report=$(/usr/bin/time -v "$bin" parse "$path" 2>&1 >/dev/null) || { echo "$f: crosscheck failed: $report" >&2; status=1; continue; }
  rss=$(printf '%s\n' "$report" | awk -F': ' '/Maximum resident set size/ { print $2 }')
  secs=$(printf '%s\n' "$report" | awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }')
  verdict=ok
  if [ "$rss" -ge "$limit_kb" ]; then verdict="OVER 1 GB"; status=1; fi
  printf '%-22s %8s MB %8s %9s MB %s (%s wall)\n' "$f" "$(( $(wc -c < "$path") / 1024 / 1024 ))" \
    "$(wc -l < "$path")" "$(( rss / 1024 ))" "$verdict" "$secs"
done

# Words of the official text in a random order (fixed seed), 50 MB on one line.
official=data/vn-kr-2025/official.txt
tr -s ' \n' '\n\n' < "$official" | awk -v size="$size" 'BEGIN { srand(7) } { w[n++] = $0 }
  END { while (total < size) { x = w[int(rand() * n)]; printf "%s ", x; total += length(x) + 1 } }' \
  > "$dir/word-salad.txt"
report=$(/usr/bin/time -v "$bin" compare "$official" "$dir/word-salad.txt" --format json 2>&1 >/dev/null) \
  || { echo "word-salad.txt: crosscheck compare failed: $report" >&2; exit 1; }
rss=$(printf '%s\n' "$report" | awk -F': ' '/Maximum resident set size/ { print $2 }')
secs=$(printf '%s\n' "$report" | awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }')
verdict=ok
if [ "$rss" -ge "$limit_kb" ]; then verdict="OVER 1 GB"; status=1; fi
printf '%-22s %8s MB %8s %9s MB %s (%s wall, compare)\n' word-salad.txt \
  "$(( $(wc -c < "$dir/word-salad.txt") / 1024 / 1024 ))" 1 "$(( rss / 1024 ))" "$verdict" "$secs"
exit $status
