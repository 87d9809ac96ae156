#!/usr/bin/env bash
# PDF extraction speed of nianbao against pdftotext, on one core.
#
#   scripts/benchmark.sh [DIR]        DIR defaults to ../shared/corpus/pdf
#
# Builds the release binary, then runs `nianbao extract FILE --format text` and `pdftotext FILE -` over every
# PDF in DIR (each pinned to one core with taskset when available), and prints pages/s for both, their ratio
# (the target is nianbao >= 0.7x pdftotext) and peak memory.
#
# Needs: poppler-utils (pdftotext, pdfinfo) and GNU time (`apt-get install -y time` if /usr/bin/time is missing).
# Environment: SCRATCH=.build-xyz to build into another scratch path; RUNS=3 repeats each file (best of).
# (A throughput line for the rules stage can be added here once `nianbao numbers` exists.)
set -euo pipefail

cd "$(dirname "$0")/.."
DIR="${1:-../shared/corpus/pdf}"
SCRATCH="${SCRATCH:-.build}"
RUNS="${RUNS:-3}"

for tool in pdftotext pdfinfo; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y poppler-utils" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install -y time" >&2; exit 1; }
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)

shopt -s nullglob
FILES=("$DIR"/*.pdf)
[ ${#FILES[@]} -gt 0 ] || { echo "no PDFs in $DIR" >&2; exit 1; }

echo "building release into $SCRATCH ..." >&2
swift build -c release --scratch-path "$SCRATCH" --product nianbao >&2
NIANBAO="$SCRATCH/release/nianbao"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Best-of-RUNS wall time and peak RSS of one command: prints "seconds kilobytes".
# Wall time comes from date's nanoseconds (GNU time's %e has only 10 ms resolution); RSS from GNU time.
measure() {
    local best="" peak=0 run seconds kb start end
    for run in $(seq "$RUNS"); do
        start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$TMP/time" "${PIN[@]}" "$@" >/dev/null 2>"$TMP/stderr" || {
            echo "failed: $* ($(head -c 300 "$TMP/stderr"))" >&2; echo "0 0"; return; }
        end=$(date +%s%N)
        seconds=$(awk "BEGIN{printf \"%.4f\", ($end - $start) / 1e9}")
        read -r kb < "$TMP/time"
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    echo "$best $peak"
}

pages=0; ours=0; theirs=0; ours_peak=0; theirs_peak=0
printf "%-40s %6s %10s %10s\n" "file" "pages" "nianbao s" "pdftotext s"
for file in "${FILES[@]}"; do
    n=$(pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ {print $2}')
    read -r ours_s ours_kb < <(measure "$NIANBAO" extract "$file" --format text)
    read -r theirs_s theirs_kb < <(measure pdftotext "$file" -)
    printf "%-40s %6s %10s %10s\n" "$(basename "$file")" "$n" "$ours_s" "$theirs_s"
    pages=$((pages + n))
    ours=$(awk "BEGIN{print $ours + $ours_s}")
    theirs=$(awk "BEGIN{print $theirs + $theirs_s}")
    [ "$ours_kb" -gt "$ours_peak" ] && ours_peak=$ours_kb
    [ "$theirs_kb" -gt "$theirs_peak" ] && theirs_peak=$theirs_kb
done

# The Swift binary's own start (dynamic linking, runtime) is paid once per file; show it separately.
read -r start_s _ < <(measure "$NIANBAO" --help)

awk -v p="$pages" -v a="$ours" -v b="$theirs" -v am="$ours_peak" -v bm="$theirs_peak" \
    -v s="$start_s" -v f="${#FILES[@]}" 'BEGIN {
    ra = (a > 0) ? p / a : 0; rb = (b > 0) ? p / b : 0
    printf "nianbao   %8.1f pages/s  peak %6.1f MB\n", ra, am / 1024
    printf "pdftotext %8.1f pages/s  peak %6.1f MB\n", rb, bm / 1024
    printf "ratio     %8.2fx pdftotext (target >= 0.70)\n", (rb > 0) ? ra / rb : 0
    rest = a - f * s
    if (rest > 0 && rb > 0)
        printf "nianbao without its %.3f s process start per file: %.1f pages/s, %.2fx pdftotext\n", s, p / rest, (p / rest) / rb
}'
