#!/usr/bin/env python3
"""Generate a synthetic Lantern site for benchmarks from the sample site's rows.

    python3 scripts/bench/generate.py --members 10000 --skus 2000 --out /tmp/site [--seed 1]
                                      [--images none|sample|photos]

Writes DIR/content/ (site.yaml, catalog.csv, roster.csv, themes/, menu/, policies/) and
DIR/templates/ (copied from the repository). The same arguments give byte-identical files.

Item pictures (`--images`): `none` (the default) leaves every `image` cell empty; `sample` keeps
the sample's picture names and copies content/images/ (82 drawings shared by all SKUs);
`photos` gives every SKU a photo of its own, as suppliers send them: `content/images/<sku>.jpg`,
1200 × 1200, about 0.3 MB (the sample drawing of its row, enlarged, with film grain, JPEG
quality 88, made by `vips`), each made distinct by a JPEG comment naming the SKU, so every
photo has its own digest and versions.

On --today 2026-06-10 three themes are open: 2026 端午 (dragon-boat-2026), 防暑降温
(summer-2026, a custom theme) and birthdays (for members whose birthday is 06-03 … 06-17).
See scripts/bench/README.md for the shape of the data.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# The sample's seven cities first, then nine more, so that items restricted to a few cities split
# the members into 16 delivery-city groups.
CITIES = ["北京", "上海", "广州", "深圳", "武汉", "成都", "乌鲁木齐",
          "杭州", "南京", "西安", "重庆", "天津", "哈尔滨", "长沙", "郑州", "青岛"]
# Members per city, roughly like a big group: more in the large cities.
CITY_WEIGHTS = [14, 14, 9, 9, 8, 8, 3, 7, 6, 5, 6, 4, 2, 2, 2, 1]

# Share of rows that keep a dragon-boat tag of their sample row. The sample is a 端午-heavy
# 76-row catalog (~37 % dragon-boat); at 2,000 SKUs that would put ~600 items into every
# storefront. Half of them keeps the 端午 shop at ~300 items (~240 per member) — still plenty.
DRAGON_BOAT_KEEP = 0.5
# Share of goods/services rows in summer-ish categories that get the `summer` tag.
SUMMER_SHARE = 0.15
SUMMER_CATEGORIES = {"生鲜水果", "茶饮", "家居日用", "节令食品", "粮油副食", "文体用品", "个护美妆", "生活服务", "健康服务"}
# Rows not restricted in the sample that get restricted to 1–3 cities (the sample's restricted
# rows stay restricted): ~25 % of all rows end up restricted.
EXTRA_RESTRICTED = 0.11

SUMMER_THEME = """---
title: 2026 防暑降温 · 清凉一夏
date: 2026-06-12
opens: 10
closes: 10
budget: 150
tags: [summer]
summary: 盛夏将至，工会为每位会员送上防暑降温用品，请在额度内自选。
palette:
  primary: "#1b6ca8"
  accent: "#f4b942"
  background: "#eef6fb"
  ink: "#13293d"
---

亲爱的 {{name}}：

天气渐热，{{union_name}}提醒您注意防暑降温、劳逸结合。{{#department}}感谢您在{{department}}的坚守，{{/department}}这是您与我们同行的第 {{service_year}} 年。

本次「{{theme_title}}」为您准备了 **{{budget}}** 的清凉额度：绿豆糕、酸梅汤、时令水果和夏日好物任您挑选。

祝您清凉一夏，平安健康！
"""


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), [dict(row) for row in reader]


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """LF line ends, minimal quoting, UTF-8 without BOM: run.py rewrites rows the same way."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def fmt_price(fen: int, like: str) -> str:
    """Formats like the sample row's price: `128`, `89.9` or `128.00`."""
    if "." not in like:
        return str(round(fen / 100))
    decimals = len(like.split(".", 1)[1])
    return f"{fen / 100:.{decimals}f}"


def price_fen(text: str) -> int:
    yuan, _, cents = text.strip().partition(".")
    return int(yuan) * 100 + int((cents + "00")[:2])


def pick_cities(rng: random.Random) -> str:
    return "|".join(sorted(rng.sample(CITIES, rng.randint(1, 3)), key=CITIES.index))


def catalog(n: int, seed: int) -> tuple[list[str], list[dict[str, str]]]:
    header, sample = read_csv(REPO / "content" / "catalog.csv")
    base = [r for r in sample if not r["sku"].startswith("BAD-")]
    rng = random.Random(f"{seed}:catalog")
    rows = []
    for i in range(n):
        b = base[i % len(base)]
        cycle = i // len(base)
        row = dict(b)
        row["sku"] = f"S{i + 1:06d}"
        if cycle:
            row["name"] = f"{b['name']}（{cycle + 1}号款）"
        # Price: ±8 %, rounded like the sample row (whole yuan, or to 0.1 yuan).
        fen = price_fen(b["price"])
        fen = max(100, round(fen * (1 + rng.uniform(-0.08, 0.08)) / 10) * 10)
        row["price"] = fmt_price(fen, b["price"])
        tags = [t for t in b["tags"].split("|") if t]
        if "dragon-boat" in tags and cycle and rng.random() >= DRAGON_BOAT_KEEP:
            tags.remove("dragon-boat")
        if (b["kind"] or "goods") != "voucher" and b["category"] in SUMMER_CATEGORIES \
                and rng.random() < SUMMER_SHARE:
            tags.append("summer")  # the custom occasion's policy allows no vouchers
        row["tags"] = "|".join(tags)
        if b["cities"] not in ("", "*"):
            # Restricted in the sample (cold chain, cake shops): the first pass keeps the
            # sample's cities, later passes draw 1–3 of the 16.
            row["cities"] = b["cities"] if cycle == 0 else pick_cities(rng)
        elif rng.random() < EXTRA_RESTRICTED:
            row["cities"] = pick_cities(rng)
        else:
            row["cities"] = "*"
        stock = b["stock"].strip()
        if stock not in ("", "0"):
            row["stock"] = str(max(1, round(int(stock) * rng.uniform(0.5, 1.5))))
        rows.append(row)
    return header, rows


def roster(n: int, seed: int) -> tuple[list[str], list[dict[str, str]]]:
    header, base = read_csv(REPO / "content" / "roster.csv")
    rng = random.Random(f"{seed}:roster")
    today = dt.date(2026, 6, 10)
    rows = []
    for j in range(n):
        b = base[j % len(base)]
        row = dict(b)
        number = j + 1
        row["id"] = f"M{number:07d}"
        latin = b["name"][:1].isascii()
        row["name"] = f"{b['name']} {number}" if latin else f"{b['name']}{number}"
        birth_year = min(2004, max(1960, int(b["birthday"][:4]) + rng.randint(-3, 3)))
        if rng.random() < 0.03:
            # Lunar: month 1–12, day 1–30 (a 30th in a 29-day month falls on the 29th).
            row["birthday"] = f"{birth_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 30):02d}"
            row["birthday_calendar"] = "lunar"
        else:
            start = dt.date(birth_year, 1, 1)
            days = (dt.date(birth_year + 1, 1, 1) - start).days
            row["birthday"] = (start + dt.timedelta(days=rng.randrange(days))).isoformat()
            row["birthday_calendar"] = ""
        hire = dt.date(birth_year + rng.randint(19, 26), 1, 1) + dt.timedelta(days=rng.randrange(365))
        row["hire_date"] = min(hire, today - dt.timedelta(days=10 + rng.randrange(60))).isoformat()
        row["city"] = rng.choices(CITIES, weights=CITY_WEIGHTS)[0]
        row["email"] = f"m{number:07d}@example.com"
        row["phone"] = "" if rng.random() < 0.02 else f"139{number:08d}"
        row["status"] = "active"
        rows.append(row)
    return header, rows


def site_yaml() -> str:
    lines = []
    for line in (REPO / "content" / "site.yaml").read_text(encoding="utf-8").splitlines():
        stripped = line.lstrip("# ").strip()
        if stripped.startswith("base_url:"):
            continue
        lines.append(line)
        if line.startswith("policy:"):
            if line.strip() != "policy: policies/heilongjiang.yaml":
                sys.exit(f"generate.py: the sample's policy line changed: {line!r}")
            lines.append("base_url: https://welfare.example.com/")
    if "base_url: https://welfare.example.com/" not in lines:
        sys.exit("generate.py: no `policy:` line in content/site.yaml to put base_url after")
    return "\n".join(lines) + "\n"


PHOTO_SIZE = 1200


def jpeg_with_comment(jpeg: bytes, text: str) -> bytes:
    """The JPEG with a comment segment (COM) after its start marker: other bytes, same pixels."""
    if jpeg[:2] != b"\xff\xd8":
        sys.exit("generate.py: not a JPEG")
    body = text.encode("utf-8")
    return jpeg[:2] + b"\xff\xfe" + (len(body) + 2).to_bytes(2, "big") + body + jpeg[2:]


def photo_bases(names: list[str], scratch: Path) -> dict[str, bytes]:
    """Each sample drawing as a supplier's photo: enlarged, with grain, JPEG."""
    vips = shutil.which("vips")
    if not vips:
        sys.exit("generate.py: --images photos needs `vips` (Debian libvips-tools)")
    run = lambda *args: subprocess.run([vips, *map(str, args)], check=True, capture_output=True)  # noqa: E731
    noise = scratch / "noise.v"
    run("gaussnoise", noise, PHOTO_SIZE, PHOTO_SIZE, "--sigma", 6, "--mean", 0)
    bases = {}
    for name in names:
        big, grainy, flat, out = (scratch / f"{stem}.v" for stem in ("big", "grainy", "flat", "out"))
        run("resize", REPO / "content" / "images" / name, big, PHOTO_SIZE / 600)
        run("add", big, noise, grainy)
        run("cast", grainy, flat, "uchar")
        run("jpegsave", flat, scratch / "photo.jpg", "--Q", 88, "--strip")
        bases[name] = (scratch / "photo.jpg").read_bytes()
    return bases


def pictures(mode: str, content: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    if mode == "none":
        for row in rows:
            row["image"] = ""
    elif mode == "sample":
        shutil.copytree(REPO / "content" / "images", content / "images")
    else:
        (content / "images").mkdir()
        with tempfile.TemporaryDirectory() as scratch:
            bases = photo_bases(sorted({row["image"] for row in rows}), Path(scratch))
        for row in rows:
            name = f"{row['sku'].lower()}.jpg"
            (content / "images" / name).write_bytes(jpeg_with_comment(bases[row["image"]], row["sku"]))
            row["image"] = name


def generate(out: Path, members: int, skus: int, seed: int, force: bool, images: str = "none") -> None:
    if out.exists() and any(out.iterdir()):
        if not force:
            sys.exit(f"generate.py: {out} is not empty (use --force to replace its content/ and templates/)")
        for sub in ("content", "templates"):
            shutil.rmtree(out / sub, ignore_errors=True)
    content = out / "content"
    (content / "themes").mkdir(parents=True)
    shutil.copytree(REPO / "templates", out / "templates")
    shutil.copytree(REPO / "content" / "policies", content / "policies")
    shutil.copytree(REPO / "content" / "menu", content / "menu")
    for name in ("dragon-boat-2026.md", "birthday.md"):
        shutil.copy2(REPO / "content" / "themes" / name, content / "themes" / name)
    (content / "themes" / "summer-2026.md").write_text(SUMMER_THEME, encoding="utf-8")
    (content / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    header, rows = catalog(skus, seed)
    pictures(images, content, header, rows)
    write_csv(content / "catalog.csv", header, rows)
    write_csv(content / "roster.csv", *roster(members, seed))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, required=True)
    p.add_argument("--skus", type=int, default=2000)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--force", action="store_true", help="replace DIR/content and DIR/templates if present")
    p.add_argument("--images", choices=["none", "sample", "photos"], default="none",
                   help="item pictures: none (default), the sample's drawings, or a photo per SKU")
    a = p.parse_args()
    if a.members < 1 or a.skus < 1:
        p.error("--members and --skus must be positive")
    generate(a.out, a.members, a.skus, a.seed, a.force, a.images)
    print(f"generated {a.out}: {a.members} members, {a.skus} SKUs, seed {a.seed}, images: {a.images}")


if __name__ == "__main__":
    main()
