#!/usr/bin/env bash
# Makes Tests/NianbaoTests/Fixtures/pdf/scanned-report-page.pdf: one page of a real report as a poor scan
# (100 dpi, tilted 0.6°, Gaussian noise, blur, JPEG at quality 45), wrapped as an image-only PDF, for
# OCRAccuracyTests. Needs poppler-utils, imagemagick and img2pdf (only to remake the fixture; the tests
# need tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils). The noise is seeded, so the image is the same every time (the PDF's /ID is not).
# Usage: scripts/make_scan_fixture.sh [SOURCE_PDF PAGE]
set -euo pipefail
cd "$(dirname "$0")/.."
source_pdf=${1:-../shared/corpus/pdf/003_a3d54043216b8f91.pdf}
page=${2:-9}
out=Tests/NianbaoTests/Fixtures/pdf/scanned-report-page.pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -f "$page" -l "$page" -r 100 -gray -png -singlefile "$source_pdf" "$work/page"
convert "$work/page.png" -seed 7 -rotate 0.6 -background white -flatten -attenuate 1.5 +noise Gaussian \
    -blur 0x0.6 -colorspace Gray -quality 45 "$work/scan.jpg"
img2pdf --imgsize 100dpi --nodate -o "$out" "$work/scan.jpg"
echo "wrote $out ($(stat -c %s "$out") bytes)"
