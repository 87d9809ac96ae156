#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, from the Swift toolchain) of the readers and the number parser.
#
#   scripts/fuzz.sh TARGET [SECONDS]     TARGET: text | html | pdf | numbers | all; SECONDS per target (600)
#
# Builds Fuzz/ (a package of its own beside the main one) with -sanitize=fuzzer,address into .build-fuzz,
# seeds each target from the sample reports in corpus/ and the test fixtures, and fuzzes. Inputs that crash,
# time out (over 10 s) or run out of memory are written to Fuzz/findings/TARGET/ (crash-*, timeout-*, oom-*)
# and minimised with -minimize_crash; once fixed, each becomes a regression test with the minimised input as a
# fixture in Tests/NianbaoTests/Fixtures/fuzz/TARGET/ (also used here as seeds). Not run by CI.
#
# Environment: JOBS=1 parallel fuzzing processes per target; EXTRA="-max_len=65536" more libFuzzer flags.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET="${1:?usage: scripts/fuzz.sh text|html|pdf|numbers|all [SECONDS]}"
SECONDS_PER_TARGET="${2:-600}"
JOBS="${JOBS:-1}"
SCRATCH=.build-fuzz
WORK="${FUZZ_WORK:-$SCRATCH/work}"

echo "building the fuzz targets into $SCRATCH ..." >&2
# Without the embedded rules: the sanitizer flags would reach the rule-embedding build tool too.
NIANBAO_WITHOUT_SHIPPED_RULES=1 swift build -c release --package-path Fuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2

# Seeds: small, real-looking inputs of each kind; libFuzzer mutates from there.
seed() {
    local target="$1" dir="$WORK/$1/corpus"
    mkdir -p "$dir"
    case "$target" in
        text)
            for f in corpus/*.txt corpus/*.md; do head -c 20000 "$f" > "$dir/$(basename "$f")"; done
            iconv -f UTF-8 -t GB18030 corpus/linhu-2024.txt 2>/dev/null | head -c 20000 > "$dir/gb18030.txt" || true
            iconv -f UTF-8 -t UTF-16 corpus/linhu-2024.txt 2>/dev/null | head -c 20000 > "$dir/utf16.txt" || true ;;
        html)
            cp Tests/NianbaoTests/Fixtures/html/*.html "$dir/" ;;
        pdf)
            cp Tests/NianbaoTests/Fixtures/pdf/*.pdf "$dir/" ;;
        numbers)
            # awk stops at 400 itself: `head` closing the pipe made awk die of SIGPIPE under pipefail.
            cat corpus/*.txt corpus/*.md | awk 'length($0) > 4 && /[0-9一二三四五六七八九十百千万亿%％]/ && n++ < 400' \
                | split -l 1 - "$dir/line-" ;;
    esac
    if [ -d "Tests/NianbaoTests/Fixtures/fuzz/$target" ]; then cp Tests/NianbaoTests/Fixtures/fuzz/"$target"/* "$dir/" 2>/dev/null || true; fi
}

binary_of() {
    case "$1" in text) echo FuzzText ;; html) echo FuzzHTML ;; pdf) echo FuzzPDF ;; numbers) echo FuzzNumbers ;; esac
}

run() {
    local target="$1" binary findings
    binary="$SCRATCH/release/$(binary_of "$target")"
    findings="Fuzz/findings/$target"
    mkdir -p "$findings"
    seed "$target"
    local max_len=65536
    [ "$target" = numbers ] && max_len=512
    # Several processes (JOBS > 1) log to fuzz-N.log files in the current folder.
    local parallel=""
    [ "$JOBS" -gt 1 ] && parallel="-jobs=$JOBS -workers=$JOBS"
    echo "fuzzing $target for $SECONDS_PER_TARGET s (findings in $findings)" >&2
    # -rss_limit_mb: a reader that needs more than 2 GB on a small input is a finding, not a success.
    "$binary" "$WORK/$target/corpus" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -artifact_prefix="$findings/" -print_final_stats=1 $parallel \
        ${EXTRA:-} 2>&1 | tee "$WORK/$target.log" | grep -E "^#[0-9]+.*(pulse|DONE)|ERROR|SUMMARY|stat::" >&2 || true
    for crash in "$findings"/crash-* "$findings"/timeout-* "$findings"/oom-*; do
        [ -e "$crash" ] || continue
        case "$crash" in *.min) continue ;; esac
        "$binary" -minimize_crash=1 -runs=20000 -timeout=10 -exact_artifact_path="$crash.min" "$crash" >/dev/null 2>&1 || true
        echo "finding: $crash (minimised: $crash.min)" >&2
    done
}

if [ "$TARGET" = all ]; then
    for t in text html pdf numbers; do run "$t"; done
else
    run "$TARGET"
fi
