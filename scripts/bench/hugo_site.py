#!/usr/bin/env python3
"""Generate the Hugo site equivalent to a (generated) Lantern site, for the benchmark comparison.

    python3 scripts/bench/hugo_site.py --site DIR --out HUGO_DIR [--today 2026-06-10]

The equivalent work, as the issue defines it: one page per active member with an open theme,
holding the member's greeting card(s) (Markdown with the member's fields filled in, rendered by
Hugo's Goldmark through `.RenderString`) and the items the member may pick, rendered into HTML by
Hugo's layout template; plus one shop page per open or upcoming theme.

Python applies Lantern's rules (policy, tags, categories, vouchers, active, stock, budget,
audience, birthdays incl. lunar ones) and writes per theme and delivery city the *data* of the
item list (data/items/<theme>.json); Hugo turns it into HTML for every member page. No HTML is
made here except the layouts. Installs Debian's `hugo` when it is missing (--install-hugo).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CALENDAR = REPO / "Tests" / "Fixtures" / "calendar"

try:
    import yaml  # Debian: python3-yaml
except ImportError:  # pragma: no cover
    yaml = None


# --------------------------------------------------------------------------- loading

def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return [{k.strip(): (v or "").strip().strip("\u3000") for k, v in row.items() if k}
            for row in csv.DictReader(io.StringIO(text, newline=""))]


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8-sig")
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n?(.*)", text, re.S)
    if not m:
        sys.exit(f"hugo_site.py: {path}: no front matter")
    return yaml.safe_load(m.group(1)) or {}, m.group(2)


def fen(text) -> int:
    s = str(text).strip()
    yuan, _, cents = s.partition(".")
    return int(yuan) * 100 + int((cents + "00")[:2])


def money(f: int) -> str:
    return f"¥{f // 100}.{f % 100:02d}"


def day(text) -> dt.date:
    return text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))


def load_occasions() -> dict[tuple[str, int], dt.date]:
    path = CALENDAR / "occasions-1950-2100.csv"
    if not path.exists():
        sys.exit(f"hugo_site.py: needs the repository's {path} (the festival dates)")
    return {(r["occasion"], int(r["year"])): day(r["date"]) for r in read_csv(path)}


def load_lunar_months() -> dict[tuple[int, int, bool], tuple[dt.date, int]]:
    path = CALENDAR / "lunar-months-1949-2100.csv"
    if not path.exists():
        sys.exit(f"hugo_site.py: needs the repository's {path} (lunar birthdays)")
    return {(int(r["year"]), int(r["month"]), r["leap"] == "1"): (day(r["first_day"]), int(r["days"]))
            for r in read_csv(path)}


# --------------------------------------------------------------------------- rules

def birthday_dates(member: dict, lunar_months, years) -> list[dt.date]:
    """This member's birthday in each of `years` (solar or lunar), as Lantern celebrates it."""
    text = member.get("birthday", "")
    if not text:
        return []
    out = []
    if member.get("birthday_calendar", "") == "lunar":
        m = re.fullmatch(r"(\d{4})-(L?)(\d{2})-(\d{2})", text)
        leap, month, d = m.group(2) == "L", int(m.group(3)), int(m.group(4))
        for y in years:
            key = (y, month, True) if leap and (y, month, True) in lunar_months else (y, month, False)
            if key not in lunar_months:
                continue
            first, length = lunar_months[key]
            out.append(first + dt.timedelta(days=min(d, length) - 1))
    else:
        _, month, d = (int(x) for x in text.split("-"))
        for y in years:
            if month == 2 and d == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
                out.append(dt.date(y, 2, 28))
            else:
                out.append(dt.date(y, month, d))
    return out


def admits(audience: dict, member: dict) -> bool:
    g = audience.get("gender")
    if g and member.get("gender", "") != g:
        return False
    deps = audience.get("departments") or []
    if deps and member.get("department", "") not in deps:
        return False
    tags = audience.get("tags") or []
    if tags and not set(tags) & set(filter(None, member.get("tags", "").split("|"))):
        return False
    return True


def shop_items(theme: dict, catalog: list[dict], policy: dict) -> list[dict]:
    rule = (policy.get("occasions") or {}).get(theme["policy_key"]) or {}
    vouchers = set(rule.get("vouchers") or [])
    forbidden_cats = set(policy.get("forbidden_categories") or [])
    forbidden_words = policy.get("forbidden_words") or []
    items = []
    for it in catalog:
        kind = it.get("kind") or "goods"
        voucher = it.get("voucher", "")
        if it["category"] in forbidden_cats or any(w in it["name"] for w in forbidden_words):
            continue
        if kind == "voucher" and not voucher:
            continue
        if not set(filter(None, it.get("tags", "").split("|"))) & set(theme["tags"]):
            continue
        if theme.get("categories") and it["category"] not in theme["categories"]:
            continue
        if kind == "voucher" and voucher not in vouchers:
            continue
        if (it.get("active") or "true").lower() not in ("true", "yes", "1", "是"):
            continue
        if it.get("stock", "") not in ("",) and int(it["stock"]) <= 0:
            continue
        if fen(it["price"]) > theme["budget_fen"]:
            continue
        items.append(it)
    return items


def cities_of(item: dict):
    c = item.get("cities", "")
    return None if c in ("", "*") else [x.strip() for x in c.split("|") if x.strip()]


KIND_LABEL = {"goods": "商品", "service": "服务", "voucher": "兑换券"}


def item_data(it: dict) -> dict:
    cities = cities_of(it)
    kind = it.get("kind") or "goods"
    return {"sku": it["sku"], "name": it["name"], "price": money(fen(it["price"])), "price_fen": fen(it["price"]),
            "supplier": it.get("supplier", ""), "kind": kind, "kind_label": KIND_LABEL[kind],
            "description": it.get("description", ""),
            "cities_note": "全国" if cities is None else "限 " + "、".join(cities)}


def by_category(items: list[dict]) -> list[dict]:
    cats: dict[str, list] = {}
    for it in items:
        cats.setdefault(it["category"], []).append(item_data(it))
    return [{"name": name, "anchor": f"cat-{i + 1}", "count": len(v), "items": v}
            for i, (name, v) in enumerate(cats.items())]


MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")


def md_escape(value: str) -> str:
    """Member data goes into Markdown as plain text: escape what Markdown would interpret."""
    return MD_SPECIAL.sub(r"\\\1", value)


def fill(template: str, values: dict[str, str]) -> str:
    """The Mustache subset greetings use: {{x}}, {{#x}}…{{/x}}, {{^x}}…{{/x}}."""
    def section(m):
        inverted, key, body = m.group(1) == "^", m.group(2), m.group(3)
        return body if bool(values.get(key)) != inverted else ""
    prev = None
    while prev != template:
        prev = template
        template = re.sub(r"\{\{([#^])\s*(\w+)\s*\}\}(.*?)\{\{/\s*\2\s*\}\}", section, template, flags=re.S)
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: md_escape(values.get(m.group(1), "")), template)


# --------------------------------------------------------------------------- the Hugo site

CONFIG = """baseURL = "{base_url}"
languageCode = "zh-CN"
defaultContentLanguage = "zh"
title = {title}
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
[markup.goldmark.renderer]
unsafe = false
[params]
union = {union}
"""

BASEOF = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="format-detection" content="telephone=no">
{{- if .Params.member }}
<meta name="robots" content="noindex,nofollow">
<meta name="referrer" content="no-referrer">
{{- end }}
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="stylesheet" href="{{ "assets/lantern.css" | relURL }}">
<link rel="stylesheet" href="{{ "assets/themes.css" | relURL }}">
</head>
<body class="page">
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<a class="site-name" href="{{ "index.html" | relURL }}">{{ site.Title }}</a>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
{{- if .Params.member }}
<p>这是您的个人专属页面，请勿转发他人。</p>
{{- end }}
<p>{{ site.Params.union }}</p>
</footer>
</body>
</html>
"""

# The categories → items markup of Lantern's storefront (one checkbox per item).
CHOICES = """{{ range . }}
<fieldset class="category" id="{{ .anchor }}">
<legend>{{ .name }}</legend>
<div class="item-grid">
{{- range .items }}
<div class="choice">
<input type="checkbox" id="sku-{{ .sku }}" name="sku" value="{{ .sku }}" data-price-fen="{{ .price_fen }}" data-name="{{ .name }}" aria-describedby="sku-{{ .sku }}-info">
<label for="sku-{{ .sku }}"><span class="item-name">{{ .name }}</span> <span class="item-price money">{{ .price }}</span></label>
<div class="choice-info" id="sku-{{ .sku }}-info">
<p class="item-meta"><span class="kind kind-{{ .kind }}">{{ .kind_label }}</span> {{ .supplier }}</p>
{{- with .description }}
<p class="item-desc">{{ . }}</p>
{{- end }}
<p class="item-cities">配送范围：{{ .cities_note }}</p>
</div>
</div>
{{- end }}
</div>
</fieldset>
{{- else }}
<p class="empty">暂无可选商品。如有疑问，请联系工会。</p>
{{- end }}
"""

# A member page: for each open theme, the greeting card (Markdown rendered by Hugo) and the
# member's items (data for the member's theme and city, rendered by the partial above).
SINGLE = """{{ define "main" }}
<h1>{{ .Params.member }}，您好</h1>
{{- $page := . }}
{{- range .Params.cards }}
<section class="card-entry theme-{{ .theme }}">
<article class="greeting-card">
<h2 class="card-title">{{ .title }}</h2>
<p class="card-date"><time datetime="{{ .date }}">{{ .date }}</time></p>
<div class="card-greeting">
{{ $page.RenderString (dict "display" "block") .greeting }}
</div>
<p class="card-sign">{{ site.Params.union }}</p>
</article>
<section class="choose">
<h2>挑选礼品</h2>
<p class="budget">您的预算：<strong class="money">{{ .budget }}</strong>。请在 <time datetime="{{ .closes_on }}">{{ .closes_on }}</time> 前提交选择，合计不超过预算。</p>
<form class="order" method="post" action="{{ site.Params.endpoint }}" data-budget-fen="{{ .budget_fen }}">
<input type="hidden" name="member" value="{{ $page.Params.member_id }}">
<input type="hidden" name="theme" value="{{ .theme }}">
{{ partial "choices.html" (index site.Data.items .theme $page.Params.city) }}
<div class="order-bar"><button type="submit" class="button">提交选择</button></div>
</form>
</section>
</section>
{{- end }}
{{ end }}
"""

SHOP = """{{ define "main" }}
<header class="page-head">
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.summary }}</p>
</header>
<p class="notice">本页为商品展示。请打开工会发给您的个人链接，在预算内挑选礼品。</p>
{{- range (index site.Data.items .Params.theme "shop") }}
<section class="category" id="{{ .anchor }}">
<h2>{{ .name }}</h2>
<div class="item-grid">
{{- range .items }}
<article class="item">
<h3 class="item-name">{{ .name }}</h3>
<p class="item-price money">{{ .price }}</p>
<p class="item-meta"><span class="kind kind-{{ .kind }}">{{ .kind_label }}</span> {{ .supplier }}</p>
{{- with .description }}
<p class="item-desc">{{ . }}</p>
{{- end }}
<p class="item-cities">配送范围：{{ .cities_note }}</p>
</article>
{{- end }}
</div>
</section>
{{- end }}
{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
"""

INDEX = """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<ul class="link-list">
{{- range where site.RegularPages "Section" "shop" }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{ end }}
"""


def ensure_hugo() -> None:
    if shutil.which("hugo"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("hugo_site.py: installing Debian's hugo (apt-get install -y hugo)", file=sys.stderr)
    if subprocess.run(sudo + ["apt-get", "install", "-y", "hugo"], env=env).returncode != 0:
        subprocess.run(sudo + ["apt-get", "update"], env=env, check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "hugo"], env=env, check=True)
    if not shutil.which("hugo"):
        sys.exit("hugo_site.py: hugo is still not on PATH after apt-get install hugo")


def generate(site: Path, out: Path, today: dt.date) -> dict:
    if yaml is None:
        sys.exit("hugo_site.py: needs PyYAML (Debian: apt-get install -y python3-yaml)")
    content = site / "content"
    config = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8-sig")) or {}
    policy = yaml.safe_load((content / (config.get("policy") or "policy.yaml")).read_text(encoding="utf-8-sig"))
    catalog = read_csv(content / "catalog.csv")
    roster = read_csv(content / "roster.csv")
    occasions = load_occasions()
    lunar = load_lunar_months()
    years = [today.year - 1, today.year, today.year + 1]

    themes = []
    for path in sorted((content / "themes").glob("*.md")):
        fm, body = front_matter(path)
        occasion = fm.get("occasion")
        t = {"slug": path.stem, "title": str(fm["title"]), "summary": str(fm.get("summary") or ""),
             "opens": int(fm.get("opens", 7)), "closes": int(fm.get("closes", 3)),
             "budget_fen": fen(fm["budget"]), "tags": [str(x) for x in fm.get("tags") or []],
             "categories": fm.get("categories"), "audience": dict(fm.get("audience") or {}), "body": body,
             "birthday": occasion == "birthday"}
        if occasion == "birthday":
            t["policy_key"] = "birthday"
        elif occasion:
            t["policy_key"] = occasion
            t["date"] = occasions[(occasion, int(fm["year"]))]
        else:
            t["policy_key"] = "custom"
            t["date"] = day(fm["date"])
        rule = (policy.get("occasions") or {}).get(t["policy_key"]) or {}
        if not t["audience"].get("gender") and (rule.get("audience") or {}).get("gender"):
            t["audience"]["gender"] = rule["audience"]["gender"]
        if t["birthday"]:
            t["status"] = "open"  # per member
        else:
            lo, hi = t["date"] - dt.timedelta(days=t["opens"]), t["date"] + dt.timedelta(days=t["closes"])
            t["status"] = "open" if lo <= today <= hi else "upcoming" if today < lo else "closed"
            t["closes_on"] = hi
        themes.append(t)
    listed = [t for t in themes if t["status"] in ("open", "upcoming")]

    if out.exists():
        shutil.rmtree(out)
    for sub in ("content/m", "content/shop", "data/items", "layouts/_default", "layouts/shop", "layouts/partials",
                "static"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    q = json.dumps
    (out / "config.toml").write_text(CONFIG.format(
        base_url=config.get("base_url") or "https://welfare.example.com/", title=q(str(config["name"]), ensure_ascii=False),
        union=q(str(config["union"]), ensure_ascii=False)) +
        f"endpoint = {q(str((config.get('order') or {}).get('endpoint', '')))}\n", encoding="utf-8")
    (out / "layouts/_default/baseof.html").write_text(BASEOF, encoding="utf-8")
    (out / "layouts/_default/single.html").write_text(SINGLE, encoding="utf-8")
    (out / "layouts/_default/list.html").write_text(LIST, encoding="utf-8")
    (out / "layouts/index.html").write_text(INDEX, encoding="utf-8")
    (out / "layouts/shop/single.html").write_text(SHOP, encoding="utf-8")
    (out / "layouts/partials/choices.html").write_text(CHOICES, encoding="utf-8")
    if (site / "templates" / "assets").exists():
        shutil.copytree(site / "templates" / "assets", out / "static" / "assets")

    # Item lists per theme: the shop, and one per delivery city ("-" = no city: nationwide only).
    cities = sorted({m.get("city", "") for m in roster})
    city_key = {c: f"c{i:03d}" for i, c in enumerate(cities)}
    shop_of = {}
    for t in listed:
        items = shop_items(t, catalog, policy)
        shop_of[t["slug"]] = items
        data = {"shop": by_category(items)}
        if t["status"] == "open":
            for c in cities:
                data[city_key[c]] = by_category([it for it in items if (cities_of(it) is None or c in cities_of(it))])
        (out / "data/items" / f"{t['slug']}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        fm = {"title": t["title"], "summary": t["summary"], "theme": t["slug"]}
        (out / "content/shop" / f"{t['slug']}.md").write_text(json.dumps(fm, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "content/_index.md").write_text('{"title": "首页"}\n', encoding="utf-8")
    (out / "content/m/_index.md").write_text('{"title": "m"}\n', encoding="utf-8")
    (out / "content/shop/_index.md").write_text('{"title": "shop"}\n', encoding="utf-8")

    open_themes = [t for t in themes if t["status"] == "open"]
    pages = cards_total = 0
    for m in roster:
        if (m.get("status") or "active") != "active":
            continue
        cards = []
        for t in open_themes:
            if not admits(t["audience"], m):
                continue
            if t["birthday"]:
                hits = [d for d in birthday_dates(m, lunar, years)
                        if d - dt.timedelta(days=t["opens"]) <= today <= d + dt.timedelta(days=t["closes"])]
                if not hits:
                    continue
                d, closes_on = hits[0], hits[0] + dt.timedelta(days=t["closes"])
            else:
                d, closes_on = t["date"], t["closes_on"]
            hire = m.get("hire_date", "")
            years_of_service = ""
            service_year = ""
            if hire:
                h = day(hire)
                yos = today.year - h.year - ((today.month, today.day) < (h.month, h.day))
                years_of_service, service_year = str(max(0, yos)), str(max(0, yos) + 1)
            values = {"name": m["name"], "department": m.get("department", ""), "city": m.get("city", ""),
                      "years_of_service": years_of_service, "service_year": service_year,
                      "budget": money(t["budget_fen"]), "theme_title": t["title"],
                      "festival_date": f"{d.month}月{d.day}日", "union_name": str(config["union"]),
                      "site_name": str(config["name"])}
            cards.append({"theme": t["slug"], "title": t["title"], "date": d.isoformat(),
                          "budget": money(t["budget_fen"]), "budget_fen": t["budget_fen"],
                          "closes_on": closes_on.isoformat(), "greeting": fill(t["body"], values)})
        if not cards:
            continue
        fm = {"title": f"{m['name']}，您好", "member": m["name"], "member_id": m["id"],
              "city": city_key[m.get("city", "")], "cards": cards}
        (out / "content/m" / f"{m['id'].lower()}.md").write_text(json.dumps(fm, ensure_ascii=False) + "\n",
                                                                 encoding="utf-8")
        pages += 1
        cards_total += len(cards)
    return {"member_pages": pages, "cards": cards_total, "shops": len(listed),
            "open_themes": [t["slug"] for t in open_themes],
            "shop_items": {k: len(v) for k, v in shop_of.items()}}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--site", type=Path, required=True, help="a Lantern site folder (content/, templates/)")
    p.add_argument("--out", type=Path, required=True, help="the Hugo site folder to (re)create")
    p.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 6, 10))
    p.add_argument("--install-hugo", action="store_true", help="apt-get install hugo when missing")
    a = p.parse_args()
    if a.install_hugo:
        ensure_hugo()
    summary = generate(a.site, a.out, a.today)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
