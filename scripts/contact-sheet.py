#!/usr/bin/env python3
"""Builds the sample site for two occasions (端午 on 2026-06-10, 三八 on 2026-03-05) into temporary
folders, screenshots each page kind at 360 px in headless Chromium (a phone with WeChat's user
agent) and lays them out, labelled, in one PNG: docs/pages.png, so a reader sees what members see.

    make contact-sheet                      # or: python3 scripts/contact-sheet.py [--out FILE]

Needs a built lantern (.build/debug/lantern), Chromium, Selenium and Pillow
(scripts/install-test-deps.sh installs them). Not part of `make test`."""
import argparse
import base64
import io
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "browser"))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from conftest import Server, build_site, chromium  # noqa: E402
from pages import PHONE, emulate, page_kinds, wait_ready  # noqa: E402

OCCASIONS = [("2026-06-10", "dragon-boat-2026", "端午 · 2026-06-10"), ("2026-03-05", "womens-day-2026", "三八 · 2026-03-05")]
KINDS = [("portal", "门户 portal"), ("shop", "专区 shop"), ("storefront", "个人选礼 storefront"),
         ("item-list", "礼品清单 item list"), ("member", "个人首页 member home"), ("letter", "慰问信 letter"),
         ("menu-index", "慰问菜单 menu"), ("menu-package", "慰问项目 menu package")]
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def screenshot(driver, url: str, height_cap: int) -> Image.Image:
    """The page at 360 px, full length up to `height_cap`: the screen is made that tall, so
    what sticks to its bottom (the storefront's order bar) shows at the bottom of the picture."""
    width, height = PHONE
    emulate(driver, width, height)
    driver.get("about:blank")
    driver.get(url)
    wait_ready(driver)
    full = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    emulate(driver, width, min(full, height_cap), mobile=True)
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")


def first_member(public: Path, links: dict, theme: str) -> str:
    """The first member with a storefront for the theme (三八 is for female members)."""
    return next(member for member, row in links.items() if (public / row["url"].split("#")[0] / theme / "index.html").exists())


def letter_member(public: Path, links: dict) -> str:
    return next(member for member, row in links.items() if 'class="letter"' in (public / row["url"] / "index.html").read_text(encoding="utf-8"))


def sheet(rows: list, scale: float) -> Image.Image:
    """Rows of (label, [(kind label, image)]) laid out as a grid, each tile scaled by `scale`."""
    pad, head, caption = 16, 44, 30
    tile_w = round(PHONE[0] * scale)
    tile_h = max(round(img.height * scale) for _, tiles in rows for _, img in tiles)
    columns = max(len(tiles) for _, tiles in rows)
    width = pad + columns * (tile_w + pad)
    height = pad + len(rows) * (head + caption + tile_h + pad)
    out = Image.new("RGB", (width, height), "#f2efe9")
    draw = ImageDraw.Draw(out)
    title_font, label_font = ImageFont.truetype(BOLD, 26), ImageFont.truetype(FONT, 17)
    y = pad
    for label, tiles in rows:
        draw.text((pad, y + 4), label, fill="#222", font=title_font)
        y += head
        for i, (kind, img) in enumerate(tiles):
            x = pad + i * (tile_w + pad)
            draw.text((x, y), kind, fill="#333", font=label_font)
            small = img.resize((tile_w, round(img.height * scale)), Image.LANCZOS)
            out.paste(small, (x, y + caption))
            draw.rectangle((x - 1, y + caption - 1, x + tile_w, y + caption + small.height), outline="#999")
        y += caption + tile_h + pad
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "pages.png"))
    parser.add_argument("--height", type=int, default=1500, help="crop each page at this many CSS px")
    parser.add_argument("--scale", type=float, default=0.6, help="tile size against the 360 px screenshot")
    parser.add_argument("--tiles", help="also save each screenshot, full size, in this folder")
    args = parser.parse_args()
    driver = chromium()
    rows = []
    try:
        for today, theme, label in OCCASIONS:
            public, links = build_site("", today=today, root=Path(tempfile.mkdtemp(prefix="lantern-sheet-")))
            server = Server(public)
            try:
                kinds = page_kinds(public, links, first_member(public, links, theme), theme, letter_member(public, links))
                tiles = [(name, screenshot(driver, server.base + kinds[kind], args.height)) for kind, name in KINDS if kind in kinds]
            finally:
                server.close()
            rows.append((label, tiles))
            if args.tiles:
                Path(args.tiles).mkdir(parents=True, exist_ok=True)
                for (kind, _), (_, img) in zip([k for k in KINDS if k[0] in kinds], tiles):
                    img.save(Path(args.tiles) / f"{today}-{kind}.png")
            print(f"{label}: {len(tiles)} pages", file=sys.stderr)
    finally:
        driver.quit()
    image = sheet(rows, args.scale)
    # A palette of 192 colours keeps the sheet small (text and flat colours dominate).
    image = image.quantize(colors=192, method=Image.MEDIANCUT, dither=Image.Dither.NONE)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    image.save(args.out, optimize=True)
    print(f"{args.out}: {image.width}×{image.height}, {Path(args.out).stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
