#!/bin/sh
# Word-segmentation F1 against the SIGHAN 2005 bakeoff gold standard (CityU: Hong Kong, Traditional;
# PKU: Simplified), for `provisio segment` and for plain ICU (`provisio segment --plain-icu`).
# usage: bench/eval_segment.sh PROVISIO_BINARY [SIGHAN_DIR]   (default: ../shared/data/sighan2005)
# The bakeoff's files are read where they are and never copied into the project.
set -eu
provisio=$1
data=${2:-$(dirname "$0")/../../shared/data/sighan2005}
if [ ! -f "$data/score.py" ]; then
  echo "eval-segment: no SIGHAN 2005 data at $data; skipped"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-8s %-28s %s\n' corpus segmenter "precision / recall / F1 (gold words, predicted words)"
for corpus in cityu pku; do
  for mode in full plain-icu; do
    if [ "$mode" = full ]; then flag=""; else flag="--plain-icu"; fi
    # shellcheck disable=SC2086
    "$provisio" segment $flag < "$data/${corpus}_test.utf8" > "$out/$corpus-$mode.txt"
    result=$(python3 "$data/score.py" "$data/${corpus}_test_gold.utf8" "$out/$corpus-$mode.txt" --name x)
    label="provisio segment"
    [ "$mode" = full ] || label="plain ICU BreakIterator"
    printf '%-8s %-28s %s\n' "$corpus" "$label" "${result#x  }"
  done
done
