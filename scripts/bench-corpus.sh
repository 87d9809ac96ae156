#!/usr/bin/env bash
# Whole-import benchmark on a generated corpus of N reports (default 1,000) made from the sample corpus/.
#
#   scripts/bench-corpus.sh [N]
#
# 1. builds the release binary; generates N reports with scripts/gen-corpus.py into $BENCH/corpus (kept
#    between runs for the same N): one in five a PDF rendered with ReportLab, one in five HTML, the rest text;
# 2. imports the whole corpus on all cores: documents/s, pages/s and peak memory (GNU time);
# 3. imports it again pinned to 1, 2, … cores (taskset) for the scaling;
# 4. imports it a second time into the same --out, unchanged (the re-import time), then after an edit to a
#    copy of rules/indicators.yaml (the rule-change time);
# 5. the PDFs alone: nianbao import against pdftotext on the same files (one process per file, as a user
#    runs it), and one big PDF (the generated PDFs joined into one of about 800 pages with pdfunite):
#    `nianbao extract` against `pdftotext` on it.
#
# Needs (Debian): poppler-utils time python3-reportlab fonts-arphic-uming fonts-wqy-zenhei (and util-linux's
# taskset, present on Debian). Environment: BENCH=.build-bench work folder; SCRATCH=.build scratch path;
# CORES="1 2" the core counts to scale over (default 1 … nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
N="${1:-1000}"
BENCH="${BENCH:-$ROOT/.build-bench}"
SCRATCH="${SCRATCH:-.build}"
NPROC="$(nproc)"
CORES="${CORES:-$(seq -s ' ' 1 "$NPROC")}"

for tool in pdftotext pdfinfo pdfunite taskset; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y poppler-utils util-linux" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time: apt-get install -y time" >&2; exit 1; }
# Debian's python3-reportlab is installed for Debian's python3; another python3 first on PATH may lack it.
PYTHON=python3
python3 -c 'import reportlab' 2>/dev/null || PYTHON=/usr/bin/python3
"$PYTHON" -c 'import reportlab' 2>/dev/null || {
    echo "missing reportlab: apt-get install -y python3-reportlab fonts-arphic-uming fonts-wqy-zenhei" >&2; exit 1; }

echo "building release into $SCRATCH ..." >&2
swift build -c release --scratch-path "$SCRATCH" --product nianbao >&2
NIANBAO="$ROOT/$SCRATCH/release/nianbao"

CORPUS="$BENCH/corpus-$N"
if [ ! -f "$CORPUS/.complete" ]; then
    rm -rf "$CORPUS"
    echo "generating $N reports into $CORPUS ..." >&2
    start=$(date +%s)
    "$PYTHON" scripts/gen-corpus.py "$N" "$CORPUS"
    echo "generated in $(( $(date +%s) - start )) s" >&2
    touch "$CORPUS/.complete"
fi
RULES="$BENCH/rules"
rm -rf "$RULES" && cp -r rules "$RULES"

documents=$(find "$CORPUS" -type f \( -name '*.pdf' -o -name '*.html' -o -name '*.txt' -o -name '*.md' \) | wc -l)
pdfs=$(find "$CORPUS/pdf" -name '*.pdf' | wc -l)
pdf_pages=0
for f in "$CORPUS"/pdf/*.pdf; do pdf_pages=$(( pdf_pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}') )); done

# Runs a command under GNU time; prints "seconds peak_MB exit_status".
timed() {
    local log="$BENCH/time.log" status=0
    /usr/bin/time -f "%e %M" -o "$log" "$@" >"$BENCH/last.out" 2>"$BENCH/last.err" || status=$?
    awk -v s="$status" '{printf "%s %.0f %s\n", $1, $2 / 1024, s}' "$log"
}

# Pages of an import, from its documents.jsonl.
pages_of() { grep -o '"pages":[0-9]*' "$1/documents.jsonl" | awk -F: '{s += $2} END {print s + 0}'; }

rate() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b > 0) ? a / b : 0}'; }

echo
echo "machine: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2}'), $NPROC cores, $(free -g | awk '/Mem:/ {print $2}') GB"
echo "corpus: $documents reports ($pdfs PDF, $pdf_pages PDF pages) in $CORPUS"
echo

OUT="$BENCH/out"
rm -rf "$OUT"
read -r first first_mb first_status < <(timed "$NIANBAO" import "$CORPUS" --out "$OUT" --rules "$RULES")
pages=$(pages_of "$OUT")
printf "first import, %d cores:     %7.1f s  %7s docs/s  %7s pages/s  peak %s MB  (exit %s, %d pages)\n" \
    "$NPROC" "$first" "$(rate "$documents" "$first")" "$(rate "$pages" "$first")" "$first_mb" "$first_status" "$pages"

for cores in $CORES; do
    rm -rf "$BENCH/out-cores"
    read -r s mb _ < <(timed taskset -c "0-$((cores - 1))" "$NIANBAO" import "$CORPUS" --out "$BENCH/out-cores" --rules "$RULES")
    printf "import on %d core(s):         %7.1f s  %7s docs/s  %7s pages/s  peak %s MB\n" \
        "$cores" "$s" "$(rate "$documents" "$s")" "$(rate "$pages" "$s")" "$mb"
done

read -r again again_mb _ < <(timed "$NIANBAO" import "$CORPUS" --out "$OUT" --rules "$RULES")
printf "re-import, unchanged:        %7.1f s  (%s%% of the first)  peak %s MB\n" "$again" \
    "$(awk -v a="$again" -v b="$first" 'BEGIN {printf "%.1f", 100 * a / b}')" "$again_mb"

echo "# benchmark edit $(date +%s)" >> "$RULES/indicators.yaml"
read -r ruled ruled_mb _ < <(timed "$NIANBAO" import "$CORPUS" --out "$OUT" --rules "$RULES")
printf "after a rule edit:           %7.1f s  (%s%% of the first)  peak %s MB\n" "$ruled" \
    "$(awk -v a="$ruled" -v b="$first" 'BEGIN {printf "%.1f", 100 * a / b}')" "$ruled_mb"

echo
rm -rf "$BENCH/out-pdf"
read -r ours ours_mb _ < <(timed "$NIANBAO" import "$CORPUS/pdf" --out "$BENCH/out-pdf" --rules "$RULES")
start=$(date +%s%N)
for f in "$CORPUS"/pdf/*.pdf; do pdftotext "$f" - >/dev/null; done
theirs=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN {printf "%.2f", (e - s) / 1e9}')
printf "PDFs only (%d files, %d pages):\n" "$pdfs" "$pdf_pages"
printf "  nianbao import, %d cores:   %7.2f s  %7s pages/s  peak %s MB\n" "$NPROC" "$ours" "$(rate "$pdf_pages" "$ours")" "$ours_mb"
printf "  pdftotext, file by file:   %7.2f s  %7s pages/s\n" "$theirs" "$(rate "$pdf_pages" "$theirs")"
printf "  ratio:                     %7.2fx pdftotext\n" "$(awk -v a="$ours" -v b="$theirs" 'BEGIN {print b / a}')"

BIG="$BENCH/big.pdf"
if [ ! -f "$BIG" ]; then
    # About 800 pages: as many generated PDFs as it takes, joined.
    list=(); total=0
    for f in "$CORPUS"/pdf/*.pdf; do
        list+=("$f"); total=$(( total + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}') ))
        [ "$total" -ge 800 ] && break
    done
    pdfunite "${list[@]}" "$BIG"
fi
big_pages=$(pdfinfo "$BIG" | awk '/^Pages:/ {print $2}')
best() { # best of 3 wall times of a command
    local b=""
    for _ in 1 2 3; do
        read -r s mb _ < <(timed "$@")
        if [ -z "$b" ] || awk -v s="$s" -v b="$b" 'BEGIN {exit !(s < b)}'; then b=$s; fi
    done
    echo "$b $mb"
}
read -r ex ex_mb < <(best "$NIANBAO" extract "$BIG")
read -r ex1 _ < <(best taskset -c 0 "$NIANBAO" extract "$BIG")
read -r pt pt_mb < <(best pdftotext "$BIG" -)
printf "one %d-page PDF:\n" "$big_pages"
printf "  nianbao extract, %d cores:  %7.2f s  %7s pages/s  peak %s MB\n" "$NPROC" "$ex" "$(rate "$big_pages" "$ex")" "$ex_mb"
printf "  nianbao extract, 1 core:   %7.2f s  %7s pages/s\n" "$ex1" "$(rate "$big_pages" "$ex1")"
printf "  pdftotext:                 %7.2f s  %7s pages/s  peak %s MB\n" "$pt" "$(rate "$big_pages" "$pt")" "$pt_mb"
printf "  ratio:                     %7.2fx pdftotext\n" "$(awk -v a="$ex" -v b="$pt" 'BEGIN {print b / a}')"
