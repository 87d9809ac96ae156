#!/usr/bin/env python3
"""Generate a benchmark corpus of N fictional reports from the sample reports in corpus/.

    scripts/gen-corpus.py N OUT_DIR [--pdf-every 5] [--html-every 5] [--seed 1]

Each report is one of corpus/*.txt|md with its region names replaced by other fictional ones (the region
names come from rules/entities.yaml, so nothing here names a place), every year shifted by the same few
years, and every quantity perturbed by up to ±15% (same number of decimals, thousands separators kept,
percentages kept at or below 100). Headings, page and list numbers are left alone. One report in
`--pdf-every` is rendered as a PDF the way ../shared/corpus/pdf was made (ReportLab, AR PL UMing body,
WenQuanYi Zen Hei headings, running header, `- N -` page numbers, ruled tables), one in `--html-every` as an
HTML article, the rest stay text or Markdown. Files go to OUT_DIR/pdf, OUT_DIR/html and OUT_DIR/text.

Needs (Debian): python3-reportlab fonts-arphic-uming fonts-wqy-zenhei.
"""
import argparse
import html
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Characters fictional place names are drawn from (two per name, never one of the sample's own).
FIRST = "澄枫桐栖棠蓉溪岚翠霞沐璟瑜琅岑汀沁芷蔚"
SECOND = "川湖源洲浦塘泽滨屿岗坪渚湾峪"


def region_stems(texts):
    """Stems (临湖 of 临湖区) of the regions in rules/entities.yaml that the sample reports use."""
    names, in_regions = [], False
    for line in (ROOT / "rules" / "entities.yaml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^\w", line):
            in_regions = line.startswith("regions:")
        match = re.match(r"^\s*-\s*name:\s*(\S+)", line)
        if in_regions and match:
            names.append(match.group(1))
    stems = {re.sub(r"(新区|市|区|县)$", "", name) for name in names}
    joined = "\n".join(texts)
    return sorted((s for s in stems if len(s) >= 2 and s in joined), key=len, reverse=True)


def fictional_names(stems, rng, used):
    mapping = {}
    for stem in stems:
        while True:
            name = rng.choice(FIRST) + rng.choice(SECOND)
            if name not in used and name not in stems:
                break
        used.add(name)
        mapping[stem] = name
    return mapping


NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*%|\s*％)?")
YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)")


TOC_ENTRY = re.compile(r"(\t|\.{3,}|…{2,})\s*\d{1,3}\s*$")


def perturb_numbers(line, rng):
    """Quantities move by up to ±15%; a number that opens the line (heading, list or page number) does not,
    nor does a table of contents entry."""
    if TOC_ENTRY.search(line) and not re.search(r"\d\s*\t", line):
        return line

    def replace(match):
        whole, decimals, percent = match.group(1), match.group(2) or "", match.group(3) or ""
        if match.start() == len(line) - len(line.lstrip()):
            return match.group(0)
        if not decimals and not percent and YEAR.fullmatch(whole):
            return match.group(0)
        value = float(whole.replace(",", "") + decimals) * rng.uniform(0.85, 1.15)
        if percent:
            value = min(value, 100.0)
        places = len(decimals) - 1 if decimals else 0
        text = f"{value:,.{places}f}" if "," in whole else f"{value:.{places}f}"
        return text + percent
    return NUMBER.sub(replace, line)


def vary(text, names, year_shift, rng):
    for stem, name in names.items():
        text = text.replace(stem, name)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)
    return "\n".join(perturb_numbers(line, rng) for line in text.split("\n"))


# --- rendering ---------------------------------------------------------------------------------------

HEADING = re.compile(r"^\s*(#+\s*|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(\.\d+)*\s+(?=\S))")


def blocks(text):
    """(kind, content) for a report's text: title, heading, paragraph or table (list of rows of cells)."""
    lines = [l.rstrip() for l in text.split("\n")]
    result, paragraph, table = [], [], []

    def flush():
        nonlocal paragraph, table
        if paragraph:
            result.append(("paragraph", "".join(paragraph)))
            paragraph = []
        if table:
            result.append(("table", table))
            table = []

    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if "\t" in stripped:
            if paragraph:
                flush()
            table.append([c.strip() for c in stripped.split("\t")])
            continue
        if table:
            flush()
        if not result and not paragraph:
            result.append(("title", stripped.lstrip("# ")))
            continue
        if HEADING.match(stripped) and len(stripped) < 40 and not stripped.endswith(("。", "；", "，")):
            flush()
            result.append(("heading", stripped.lstrip("# ")))
            continue
        if re.fullmatch(r"\d{1,3}", stripped):
            continue  # a page number of the text export
        paragraph.append(stripped)
        if stripped.endswith(("。", "；", "！", "？", "）", "」")) or len(stripped) < 20:
            flush()
    flush()
    return result


def render_html(text, path):
    parts = []
    title = "报告"
    for kind, content in blocks(text):
        if kind == "title":
            title = content
            parts.append(f"<h1>{html.escape(content)}</h1>")
        elif kind == "heading":
            parts.append(f"<h2>{html.escape(content)}</h2>")
        elif kind == "paragraph":
            parts.append(f"<p>{html.escape(content)}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in content)
            parts.append(f"<table>{rows}</table>")
    page = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'</head><body><div class="nav">首页 &gt; 信息公开</div><article>{"".join(parts)}</article>'
            f'<footer>版权所有</footer></body></html>')
    path.write_text(page, encoding="utf-8")


class PDFRenderer:
    def __init__(self):
        try:
            from reportlab.lib import colors
            from reportlab.lib.pagesizes import A4
            from reportlab.lib.styles import ParagraphStyle
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont
            from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
        except ImportError:
            sys.exit("reportlab is missing: apt-get install -y python3-reportlab fonts-arphic-uming fonts-wqy-zenhei "
                     "(and run this with /usr/bin/python3)")
        body = pathlib.Path("/usr/share/fonts/truetype/arphic/uming.ttc")
        heading = pathlib.Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
        for font in (body, heading):
            if not font.exists():
                sys.exit(f"{font} is missing: apt-get install -y fonts-arphic-uming fonts-wqy-zenhei")
        pdfmetrics.registerFont(TTFont("UMing", str(body), subfontIndex=0))
        pdfmetrics.registerFont(TTFont("ZenHei", str(heading), subfontIndex=0))
        self.m = dict(colors=colors, A4=A4, Paragraph=Paragraph, SimpleDocTemplate=SimpleDocTemplate,
                      Spacer=Spacer, Table=Table, TableStyle=TableStyle)
        self.body = ParagraphStyle("body", fontName="UMing", fontSize=11, leading=19, firstLineIndent=22,
                                   wordWrap="CJK")
        self.title = ParagraphStyle("title", fontName="ZenHei", fontSize=20, leading=30, alignment=1, spaceAfter=24)
        self.heading = ParagraphStyle("heading", fontName="ZenHei", fontSize=14, leading=22, spaceBefore=10,
                                      spaceAfter=6)
        self.cell = ParagraphStyle("cell", fontName="UMing", fontSize=9, leading=12, wordWrap="CJK")

    def render(self, text, path):
        m = self.m
        story, title = [], "报告"
        for kind, content in blocks(text):
            if kind == "title":
                title = content
                story.append(m["Paragraph"](html.escape(content), self.title))
            elif kind == "heading":
                story.append(m["Paragraph"](html.escape(content), self.heading))
            elif kind == "paragraph":
                story.append(m["Paragraph"](html.escape(content), self.body))
            else:
                width = max(len(r) for r in content)
                rows = [[m["Paragraph"](html.escape(c), self.cell) for c in r + [""] * (width - len(r))]
                        for r in content]
                table = m["Table"](rows, repeatRows=1)
                table.setStyle(m["TableStyle"]([("GRID", (0, 0), (-1, -1), 0.5, m["colors"].black)]))
                story += [m["Spacer"](1, 6), table, m["Spacer"](1, 6)]

        def furniture(canvas, document):
            canvas.saveState()
            canvas.setFont("UMing", 9)
            canvas.drawCentredString(m["A4"][0] / 2, m["A4"][1] - 40, title)
            canvas.line(72, m["A4"][1] - 46, m["A4"][0] - 72, m["A4"][1] - 46)
            canvas.drawCentredString(m["A4"][0] / 2, 36, f"- {document.page} -")
            canvas.restoreState()

        document = m["SimpleDocTemplate"](str(path), pagesize=m["A4"], title=title, creator="nianbao benchmark",
                                          leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=64)
        document.build(story, onFirstPage=furniture, onLaterPages=furniture)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--pdf-every", type=int, default=5)
    parser.add_argument("--html-every", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    sources = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".md") and
                     not p.name.lower().startswith("readme"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    stems = region_stems(texts)
    rng = random.Random(args.seed)
    renderer = PDFRenderer() if args.pdf_every > 0 else None
    for folder in ("pdf", "html", "text"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)

    used = set()
    for index in range(args.count):
        source, text = sources[index % len(sources)], texts[index % len(sources)]
        names = fictional_names(stems, rng, used if len(used) < 200 else set())
        varied = vary(text, names, rng.randint(-4, 1), rng)
        stem = f"{index:05d}-{source.stem}"
        # The format turns one step per round of sources, so every sample is rendered in every format.
        turn = index + index // len(sources)
        if args.pdf_every > 0 and turn % args.pdf_every == 0:
            renderer.render(varied, args.out / "pdf" / f"{stem}.pdf")
        elif args.html_every > 0 and turn % args.html_every == 1:
            render_html(varied, args.out / "html" / f"{stem}.html")
        else:
            (args.out / "text" / f"{stem}{source.suffix}").write_text(varied, encoding="utf-8")
        if (index + 1) % 100 == 0:
            print(f"generated {index + 1} of {args.count}", file=sys.stderr)


if __name__ == "__main__":
    main()
