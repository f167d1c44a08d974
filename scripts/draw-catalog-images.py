#!/usr/bin/env python3
"""Draws the sample catalog's item pictures into content/images/ and names them in catalog.csv.

    scripts/draw-catalog-images.py [--check]

One picture per catalog row: a rounded tile in the category's colour with a simple object drawn
on it (a zongzi, a tea tin, a bottle, a cake, a ticket…): no text, no brands, no photos of real
products. Each is written as an SVG, rasterised once at 600 × 600 by `rsvg-convert` (Debian
librsvg2-bin) and saved by `vips` (libvips-tools) as JPEG, PNG or WebP in turn, so the sample
holds the three formats suppliers send. The objects keep to the middle of the tile, so a card
that crops the picture to 4:3 keeps all of it.

The output is committed; run this again only to change the drawings. `--check` draws into a
temporary folder and fails when the result differs from what is committed (the same tools give
the same bytes).
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CATALOG = REPO / "content" / "catalog.csv"
IMAGES = REPO / "content" / "images"
SIZE = 600
FORMATS = ["jpg", "png", "webp"]
SAVE = {"jpg": "[Q=82,strip,optimize_coding]", "png": "[compression=9,palette,strip]", "webp": "[Q=82,strip]"}

# Tile colours by category: soft, so the object stands out.
TILES = {
    "节令食品": ("#fbe3d3", "#f6c9ae"), "粮油副食": ("#f7ecd0", "#efd9a4"), "茶饮": ("#dfeedd", "#bfdcb9"),
    "生鲜水果": ("#fde2e2", "#f7c1c1"), "个护美妆": ("#f3e1f0", "#e4c1df"), "家居日用": ("#dde9f4", "#bcd3ea"),
    "文体用品": ("#e6e4f6", "#c9c4ee"), "生活服务": ("#dff0ef", "#b9e0dc"), "健康服务": ("#e2f0e9", "#bfe0cf"),
    "购物卡": ("#ececec", "#d6d6d6"), "高档酒": ("#f1e6dc", "#dfc9b4"),
}
INK = "#3b2f2a"


def shade(color: str, factor: float) -> str:
    """`color` darker (factor < 1) or lighter (> 1)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    if factor < 1:
        r, g, b = (int(c * factor) for c in (r, g, b))
    else:
        r, g, b = (int(c + (255 - c) * (factor - 1)) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def fill(color: str, width: float = 5) -> str:
    return f'fill="{color}" stroke="{shade(color, .62)}" stroke-width="{width}" stroke-linejoin="round" stroke-linecap="round"'


def line(color: str, width: float = 6) -> str:
    return f'fill="none" stroke="{color}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"'


def rect(x, y, w, h, color, r=14, width=5):
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" {fill(color, width)}/>'


def circle(cx, cy, r, color, width=5):
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" {fill(color, width)}/>'


def ellipse(cx, cy, rx, ry, color, width=5):
    return f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" {fill(color, width)}/>'


def path(d, color, width=5):
    return f'<path d="{d}" {fill(color, width)}/>'


def stroke(d, color, width=6):
    return f'<path d="{d}" {line(color, width)}/>'


# --------------------------------------------------------------------------- objects
# Each draws around the tile's centre (300, 300), between y ≈ 120 and 470, in its colour `c`
# with `a` as the accent.

def zongzi(c, a):
    leaf = "#6f9e4f"
    out = path("M300 130 L430 410 Q300 450 170 410 Z", leaf)
    out += stroke("M300 140 L300 430", shade(leaf, .75), 4)
    out += stroke("M240 260 L360 260", shade(leaf, .75), 4)
    out += path("M190 330 Q300 360 410 330 L420 352 Q300 384 180 352 Z", a, 4)
    out += stroke("M300 130 Q330 100 350 120", a, 6)
    return out


def zongzi_pair(c, a):
    leaf = "#7aa95a"
    out = ""
    for dx, s in ((-75, .85), (80, 1.0)):
        x = 300 + dx
        out += path(f"M{x} {170 + (1 - s) * 120} L{x + 110 * s} 420 Q{x} 450 {x - 110 * s} 420 Z", shade(leaf, s + .1 if s < 1 else 1))
        out += path(f"M{x - 90 * s} 362 Q{x} 385 {x + 90 * s} 362 L{x + 96 * s} 380 Q{x} 404 {x - 96 * s} 380 Z", a, 4)
    return out


def box(c, a, ribbon=True):
    out = rect(170, 220, 260, 220, c, 16)
    out += rect(155, 180, 290, 60, shade(c, 1.25), 14)
    if ribbon:
        out += rect(285, 180, 30, 260, a, 4, 4)
        out += path("M300 180 Q250 120 230 165 Q240 190 300 180 Z", a, 4)
        out += path("M300 180 Q350 120 370 165 Q360 190 300 180 Z", a, 4)
    return out


def box_with(inner):
    def draw(c, a):
        return box(c, a, ribbon=False) + inner(c, a)
    return draw


def eggs(c, a):
    out = path("M150 380 Q300 470 450 380 L430 430 Q300 490 170 430 Z", "#c99a5b")
    for x, y, col in ((230, 330, "#f4efe6"), (300, 310, "#e8d8c4"), (370, 330, "#f4efe6"), (265, 370, "#efe2d0"),
                      (335, 370, "#f4efe6")):
        out += ellipse(x, y, 46, 58, col, 4)
    return out


def sachet(c, a):
    out = stroke("M300 120 L300 175", a, 6)
    out += path("M220 200 Q300 160 380 200 Q420 320 300 400 Q180 320 220 200 Z", c)
    out += circle(300, 275, 38, shade(c, 1.35), 4)
    out += stroke("M300 400 L300 445 M285 445 L300 470 L315 445", a, 6)
    return out


def cake_squares(c, a):
    out = ""
    for x, y in ((180, 250), (300, 250), (240, 340), (360, 340)):
        out += rect(x - 50, y - 40, 100, 80, c, 12)
        out += circle(x, y, 16, shade(c, .85), 3)
    return out


def soap(c, a):
    out = ""
    for i, col in enumerate((shade(c, .9), c, shade(c, 1.2))):
        out += rect(170 + i * 15, 330 - i * 70, 260, 80, col, 26)
    out += path("M360 170 Q400 140 430 160 Q400 200 360 170 Z", "#7aa95a", 4)
    return out


def ticket(c, a, emblem=None):
    out = path("M140 210 H460 V270 A30 30 0 0 0 460 330 V390 H140 V330 A30 30 0 0 0 140 270 Z", c)
    out += stroke("M380 220 V380", shade(c, .7), 4).replace('stroke-linecap="round"', 'stroke-dasharray="10 10"')
    out += (emblem or (lambda: circle(260, 300, 45, a)))()
    out += rect(410, 285, 30, 30, a, 6, 3)
    return out


def ticket_with(emblem):
    def draw(c, a):
        return ticket(c, a, lambda: emblem(c, a))
    return draw


def rice_bag(c, a):
    out = path("M200 170 Q300 150 400 170 L420 440 Q300 460 180 440 Z", "#f3ead8")
    out += stroke("M205 200 Q300 185 395 200", shade("#f3ead8", .6), 5)
    out += circle(300, 320, 60, c)
    for dx in (-20, 0, 20):
        out += ellipse(300 + dx, 320 + abs(dx) / 2, 8, 14, "#fffaf0", 3)
    return out


def bottle(c, a, liquid=None):
    liquid = liquid or "#e8b93b"
    out = rect(275, 120, 50, 40, a, 8)
    out += path("M280 160 H320 V200 Q380 230 380 290 V440 Q300 460 220 440 V290 Q220 230 280 200 Z", "#f4f1e6")
    out += path("M226 300 H374 V436 Q300 454 226 436 Z", liquid, 4)
    out += rect(245, 320, 110, 70, c, 10, 4)
    return out


def mushrooms(c, a):
    out = ""
    for x, y, s in ((220, 330, .9), (360, 320, 1.05), (290, 380, .8)):
        out += rect(x - 18 * s, y, 36 * s, 80 * s, "#efe3cf", 10)
        out += path(f"M{x - 80 * s} {y + 10} Q{x} {y - 110 * s} {x + 80 * s} {y + 10} Z", c)
    return out


def noodles(c, a):
    out = ""
    for i in range(9):
        x = 200 + i * 25
        out += rect(x, 150, 14, 300, "#f6ecd2", 7, 3)
    out += rect(180, 270, 240, 60, c, 10)
    return out


def tin(c, a):
    out = rect(210, 160, 180, 50, shade(c, .85), 14)
    out += rect(200, 200, 200, 250, c, 20)
    out += circle(300, 320, 55, shade(c, 1.3), 4)
    out += path("M300 280 Q340 320 300 360 Q260 320 300 280 Z", "#6f9e4f", 4)
    return out


def cup(c, a, steam=True):
    out = ellipse(300, 440, 150, 22, shade(c, 1.2), 4)
    out += path("M190 270 H410 L390 420 Q300 450 210 420 Z", c)
    out += path("M408 300 Q470 300 460 350 Q450 395 395 390", shade(c, .8), 7).replace(f'fill="{shade(c, .8)}"', 'fill="none"')
    out += ellipse(300, 272, 110, 18, a, 4)
    if steam:
        for x in (260, 300, 340):
            out += stroke(f"M{x} 240 Q{x - 18} 205 {x} 180 Q{x + 18} 155 {x} 130", shade(c, .9), 5)
    return out


def tea_cake(c, a):
    out = ellipse(300, 320, 160, 120, "#a0704a")
    out += ellipse(300, 320, 120, 88, "#b98559", 4)
    out += ellipse(300, 320, 30, 22, "#7b5234", 3)
    out += path("M150 320 Q300 190 450 320", "#e9dcc3", 4).replace('fill="#e9dcc3"', 'fill="none"')
    return out


def teapot(c, a):
    out = ellipse(300, 330, 120, 95, c)
    out += path("M410 320 Q470 290 470 250", c, 8).replace(f'fill="{c}"', 'fill="none"')
    out += path("M190 290 Q130 300 150 370 Q170 400 200 380", c, 8).replace(f'fill="{c}"', 'fill="none"')
    out += rect(260, 220, 80, 22, shade(c, .85), 10)
    out += circle(300, 212, 14, a, 4)
    return out


def lychee(c, a):
    out = ""
    for x, y in ((240, 330), (330, 300), (360, 385), (270, 405)):
        out += circle(x, y, 52, "#d64545")
        out += circle(x - 12, y - 14, 9, "#ee8a8a", 0)
    out += path("M330 250 Q360 170 420 150 Q380 210 350 255 Z", "#6f9e4f", 4)
    return out


def melon(c, a):
    out = ellipse(300, 320, 150, 120, "#d9c46a")
    for dx in (-100, -50, 0, 50, 100):
        out += stroke(f"M{300 + dx * .6} 205 Q{300 + dx} 320 {300 + dx * .6} 435", "#b7a24a", 4)
    return out


def grapes(c, a):
    out = stroke("M300 150 Q310 120 340 110", "#7b5234", 7)
    out += path("M310 150 Q380 120 400 160 Q350 180 310 150 Z", "#6f9e4f", 4)
    rows = [(3, 200), (4, 255), (3, 310), (2, 365), (1, 415)]
    for n, y in rows:
        for i in range(n):
            out += circle(300 + (i - (n - 1) / 2) * 62, y, 32, "#9fcf6a", 4)
    return out


def berries(c, a, color="#a3243b"):
    out = path("M180 340 Q300 480 420 340 Z", "#e8dcc8")
    for x, y in ((220, 320), (270, 300), (330, 300), (380, 320), (250, 350), (300, 345), (350, 350)):
        out += circle(x, y, 34, color, 4)
    return out


def cherries(c, a):
    out = stroke("M240 360 Q270 250 320 170 M360 350 Q340 250 320 170", "#6f9e4f", 7)
    out += path("M320 170 Q380 140 410 170 Q370 195 320 170 Z", "#6f9e4f", 4)
    out += circle(235, 385, 60, "#b3203a") + circle(365, 375, 60, "#c42a45")
    return out


def fruit_basket(c, a):
    out = circle(240, 300, 55, "#f0a23b") + circle(330, 290, 60, "#d64545") + circle(290, 350, 45, "#9fcf6a")
    out += path("M150 330 H450 L420 440 Q300 460 180 440 Z", "#c99a5b")
    out += stroke("M170 370 H430 M185 405 H415", shade("#c99a5b", .7), 4)
    return out


def tube(c, a):
    out = ""
    for i, col in enumerate((shade(c, 1.2), c, shade(c, .9))):
        x = 200 + i * 80
        out += path(f"M{x} 170 H{x + 60} L{x + 55} 400 H{x + 5} Z", col)
        out += rect(x + 10, 400, 40, 40, a, 8, 4)
    return out


def scarf(c, a):
    out = path("M160 200 Q300 150 440 200 L420 260 Q300 220 180 260 Z", c)
    out += path("M330 240 L400 440 L340 450 L290 250 Z", shade(c, .88))
    out += path("M270 250 L220 430 L280 445 L320 255 Z", c)
    for x in (230, 250, 270):
        out += stroke(f"M{x} 440 L{x - 5} 470", a, 4)
    out += circle(300, 210, 14, a, 3)
    return out


def mask_sheets(c, a):
    out = ""
    for i in range(3):
        out += rect(180 + i * 20, 170 + i * 25, 220, 240, shade(c, 1.25 - i * .15), 24)
    out += ellipse(320, 320, 70, 90, "#ffffff", 4)
    out += ellipse(295, 300, 12, 8, shade(c, .8), 0) + ellipse(345, 300, 12, 8, shade(c, .8), 0)
    return out


def vials(c, a):
    out = ""
    for i, col in enumerate((c, a, shade(c, .8))):
        x = 210 + i * 75
        out += rect(x + 12, 190, 36, 40, "#4b3a33", 6, 3)
        out += path(f"M{x} 230 H{x + 60} V430 Q{x + 30} 445 {x} 430 Z", col)
    out += ellipse(300, 445, 160, 20, "#e8e2d8", 3)
    return out


def pump_bottles(c, a):
    out = ""
    for i, (h, col) in enumerate(((230, c), (270, shade(c, .85)), (210, a))):
        x = 190 + i * 80
        top = 440 - h
        out += rect(x + 28, top - 40, 14, 40, "#e8e2d8", 4, 3) + rect(x + 20, top - 50, 40, 14, "#e8e2d8", 4, 3)
        out += rect(x, top, 70, h, col, 18)
    return out


def balm(c, a):
    out = ""
    for x in (240, 350):
        out += rect(x - 30, 250, 60, 190, c, 16)
        out += rect(x - 30, 180, 60, 80, a, 16)
    return out


def herb_bag(c, a):
    out = path("M200 200 Q300 180 400 200 L410 430 Q300 450 190 430 Z", c)
    out += stroke("M200 230 Q300 210 400 230", a, 6)
    out += path("M300 280 Q350 320 300 390 Q250 320 300 280 Z", "#6f9e4f", 4)
    return out


def thermos(c, a):
    out = rect(245, 130, 110, 60, shade(c, .8), 16)
    out += rect(235, 180, 130, 270, c, 30)
    out += rect(235, 250, 130, 24, shade(c, 1.3), 6, 3)
    return out


def neck_massager(c, a):
    out = path("M170 260 Q170 430 300 430 Q430 430 430 260 L380 260 Q380 380 300 380 Q220 380 220 260 Z", c)
    out += circle(195, 250, 32, a) + circle(405, 250, 32, a)
    out += circle(300, 405, 12, "#ffffff", 3)
    return out


def hand_warmer(c, a):
    out = rect(200, 190, 200, 250, c, 70)
    out += path("M300 260 C250 220 220 290 300 350 C380 290 350 220 300 260 Z", a, 4)
    return out


def bedding(c, a):
    out = ""
    for i, col in enumerate((shade(c, .85), c, shade(c, 1.2))):
        out += rect(170, 360 - i * 70, 260, 70, col, 16)
    out += stroke("M190 395 H410 M190 325 H410", "#ffffff", 4)
    return out


def pan(c, a):
    out = rect(400, 300, 140, 28, "#4b3a33", 14)
    out += ellipse(290, 320, 140, 100, "#50504f")
    out += ellipse(290, 315, 110, 76, "#6b6b69", 4)
    return out


def towels(c, a):
    out = ""
    for i, col in enumerate((c, a, shade(c, 1.25), shade(a, 1.2))):
        out += rect(180 + (i % 2) * 10, 380 - i * 60, 240, 60, col, 28)
    return out


def massage_gun(c, a):
    out = rect(190, 200, 220, 90, c, 40)
    out += rect(270, 270, 60, 170, shade(c, .85), 24)
    out += circle(175, 245, 40, a)
    return out


def humidifier(c, a):
    out = path("M210 440 Q190 300 300 220 Q410 300 390 440 Z", c)
    out += ellipse(300, 440, 95, 18, shade(c, .85), 4)
    for x in (280, 310):
        out += stroke(f"M{x} 200 Q{x - 20} 170 {x} 145", shade(c, .8), 5)
    out += circle(300, 360, 18, a, 3)
    return out


def containers(c, a):
    out = ""
    for x, y, w, h in ((170, 300, 150, 130), (300, 250, 140, 180), (200, 200, 120, 90)):
        out += rect(x, y, w, h, "#eaf3f7", 16)
        out += rect(x - 5, y - 16, w + 10, 24, c, 10, 4)
    return out


def yoga_mat(c, a):
    out = rect(170, 240, 180, 190, c, 24)
    out += circle(370, 335, 95, shade(c, .9))
    out += circle(370, 335, 55, shade(c, 1.15), 4)
    out += rect(250, 250, 18, 170, a, 6, 3)
    return out


def rackets(c, a):
    out = ""
    for x, rot in ((250, -18), (350, 18)):
        out += f'<g transform="rotate({rot} {x} 330)">'
        out += ellipse(x, 240, 62, 82, "#f5f1e8", 8)
        for k in range(-2, 3):
            out += stroke(f"M{x + k * 22} 165 V315 M{x - 55} {240 + k * 25} H{x + 55}", "#cfc8bb", 3)
        out += rect(x - 9, 320, 18, 130, c, 6, 4)
        out += "</g>"
    out += circle(300, 160, 20, "#ffffff", 4)
    return out


def brush_ink(c, a):
    out = rect(150, 360, 300, 70, "#4b3a33", 20)
    out += ellipse(260, 385, 60, 18, "#2a2a2a", 0)
    out += rect(330, 130, 30, 200, "#c99a5b", 12)
    out += path("M330 330 H360 L352 390 Q345 410 338 390 Z", "#2a2a2a", 4)
    out += rect(160, 200, 130, 140, "#fbf7ee", 6)
    return out


def jump_rope(c, a):
    out = stroke("M210 170 Q160 420 300 430 Q440 420 390 170", a, 10)
    out += rect(185, 130, 40, 100, c, 18) + rect(375, 130, 40, 100, c, 18)
    return out


def backpack(c, a):
    out = stroke("M265 180 Q265 135 300 135 Q335 135 335 180", shade(c, .7), 10)
    out += rect(200, 170, 200, 270, c, 60)
    out += rect(235, 320, 130, 90, shade(c, 1.2), 20)
    out += stroke("M240 250 H360", shade(c, .7), 6)
    return out


def mooncake(c, a):
    out = ""
    for x, y, r in ((230, 340, 90), (370, 330, 80)):
        out += circle(x, y, r, "#d99a4e")
        out += circle(x, y, r * .7, "#e5b06a", 4)
        for k in range(8):
            ang = k * math.pi / 4
            out += circle(x + math.cos(ang) * r * .45, y + math.sin(ang) * r * .45, r * .1, "#c9863c", 0)
    return out


def nuts(c, a):
    out = path("M170 300 Q300 470 430 300 Z", "#c99a5b")
    for x, y, col in ((220, 290, "#a86b3c"), (270, 270, "#d9b27c"), (330, 275, "#a86b3c"), (380, 292, "#e7c998"),
                      (300, 300, "#8d5a33"), (250, 310, "#d9b27c"), (350, 315, "#a86b3c")):
        out += ellipse(x, y, 30, 22, col, 3)
    return out


def gift_bag(c, a):
    out = stroke("M250 200 Q250 130 300 130 Q350 130 350 200", shade(c, .7), 10)
    out += path("M180 200 H420 L440 450 H160 Z", c)
    out += circle(300, 310, 45, a)
    return out


def tangyuan(c, a):
    out = path("M160 300 H440 Q430 440 300 450 Q170 440 160 300 Z", "#ffffff")
    out += stroke("M180 340 Q300 370 420 340", shade(c, .8), 6)
    for x, y in ((240, 285), (300, 270), (360, 285), (270, 305), (330, 305)):
        out += circle(x, y, 34, "#fbf7ee", 4)
    return out


def dates(c, a):
    out = path("M170 320 Q300 470 430 320 Z", "#e8dcc8")
    for x, y in ((220, 310), (270, 290), (330, 290), (380, 310), (250, 330), (300, 320), (350, 330)):
        out += ellipse(x, y, 24, 34, "#9b2d2d", 4)
    return out


def cake(c, a):
    out = rect(180, 300, 240, 140, "#fbf1e4", 20)
    out += path("M180 330 Q200 360 220 330 Q240 360 260 330 Q280 360 300 330 Q320 360 340 330 Q360 360 380 330 Q400 360 420 330 V320 H180 Z", c, 4)
    out += rect(200, 220, 200, 90, "#fff8ee", 18)
    for x in (250, 300, 350):
        out += rect(x - 6, 160, 12, 60, a, 4, 3)
        out += path(f"M{x} 130 Q{x + 12} 148 {x} 158 Q{x - 12} 148 {x} 130 Z", "#f0a23b", 3)
    return out


def broom(c, a):
    out = rect(285, 120, 30, 220, "#c99a5b", 12)
    out += path("M230 330 H370 L400 450 H200 Z", c)
    for x in (240, 270, 300, 330, 360):
        out += stroke(f"M{x} 350 L{x + (x - 300) * .3} 440", shade(c, .7), 4)
    return out


def health_cross(c, a):
    out = circle(300, 300, 140, "#ffffff")
    out += path("M265 200 H335 V265 H400 V335 H335 V400 H265 V335 H200 V265 H265 Z", a)
    return out


def shirt(c, a):
    out = stroke("M300 150 Q300 120 320 125 Q340 135 320 160 L300 180", "#7d7d7d", 6)
    out += path("M230 200 L300 180 L370 200 L450 260 L410 310 L380 290 V440 H220 V290 L190 310 L150 260 Z", c)
    out += path("M270 190 L300 230 L330 190", shade(c, 1.3), 4)
    return out


def clay_pot(c, a):
    out = path("M220 230 Q180 330 230 430 H370 Q420 330 380 230 Z", "#c9865b")
    out += ellipse(300, 230, 85, 22, "#b0714a", 4)
    out += stroke("M215 330 Q300 350 385 330", "#f1d2b4", 6)
    return out


def lotus_hands(c, a):
    out = ""
    for ang in (-50, -25, 0, 25, 50):
        out += f'<g transform="rotate({ang} 300 400)">' + path("M300 400 Q260 300 300 200 Q340 300 300 400 Z", shade(c, 1.35 - abs(ang) / 250)) + "</g>"
    out += ellipse(300, 410, 130, 26, "#6f9e4f")
    return out


def tooth(c, a):
    out = path("M210 200 Q250 160 300 190 Q350 160 390 200 Q420 260 380 330 L360 430 Q345 450 330 430 L300 350 L270 430 Q255 450 240 430 L220 330 Q180 260 210 200 Z", "#ffffff")
    out += path("M400 160 L410 185 L435 195 L410 205 L400 230 L390 205 L365 195 L390 185 Z", a, 3)
    return out


def car(c, a):
    out = path("M150 360 V310 Q160 290 200 285 L240 230 Q255 215 280 215 H350 Q375 215 390 235 L425 285 Q455 290 455 320 V360 Z", c)
    out += path("M255 240 H300 V285 H225 Z M320 240 H355 L385 285 H320 Z", "#dff0fb", 4)
    out += circle(220, 370, 36, "#4b4b4b") + circle(385, 370, 36, "#4b4b4b")
    for x, y in ((430, 190), (180, 200)):
        out += circle(x, y, 14, "#ffffff", 3)
    return out


def eye(c, a):
    out = path("M140 300 Q300 160 460 300 Q300 440 140 300 Z", "#ffffff")
    out += circle(300, 300, 70, c)
    out += circle(300, 300, 30, "#2a2a2a", 0)
    out += circle(285, 285, 10, "#ffffff", 0)
    return out


def snowflake_ac(c, a):
    out = rect(150, 170, 300, 120, "#f7f7f5", 24)
    out += stroke("M180 250 H420 M180 268 H420", "#cfcfcb", 4)
    cx, cy = 300, 380
    for k in range(3):
        ang = k * math.pi / 3
        dx, dy = math.cos(ang) * 70, math.sin(ang) * 70
        out += stroke(f"M{cx - dx:.1f} {cy - dy:.1f} L{cx + dx:.1f} {cy + dy:.1f}", a, 8)
    return out


def flowers(c, a):
    out = path("M230 330 L300 460 L370 330 Z", "#c9b28a")
    for x, y, col in ((240, 250, c), (300, 210, a), (360, 250, shade(c, .85)), (300, 290, shade(a, 1.2))):
        for k in range(5):
            ang = k * 2 * math.pi / 5
            out += circle(x + math.cos(ang) * 26, y + math.sin(ang) * 26, 22, col, 3)
        out += circle(x, y, 14, "#f0c23b", 3)
    out += path("M300 300 Q250 320 240 350 Q280 345 300 320 Z", "#6f9e4f", 3)
    return out


def card(c, a):
    out = rect(150, 210, 300, 190, c, 22)
    out += rect(150, 250, 300, 36, shade(c, .7), 0, 0)
    out += rect(180, 330, 80, 40, a, 8, 4)
    return out


def red_envelope(c, a):
    out = rect(200, 150, 200, 290, "#c8102e", 18)
    out += path("M200 170 Q300 260 400 170 V168 Q400 150 382 150 H218 Q200 150 200 168 Z", "#a50d26", 4)
    out += circle(300, 240, 30, "#f0c23b", 4)
    return out


def liquor(c, a):
    out = rect(280, 130, 40, 60, "#8b1a1a", 10)
    out += path("M270 190 H330 Q400 220 400 300 V420 Q300 450 200 420 V300 Q200 220 270 190 Z", "#f4f1e6")
    out += rect(240, 300, 120, 80, "#8b1a1a", 10, 4)
    return out


# Tickets for vouchers show what they are exchanged for.
def crab_emblem(c, a):
    return ellipse(260, 305, 55, 38, "#d2552f") + stroke("M215 280 L195 250 M305 280 L325 250", "#d2552f", 8)


def zongzi_emblem(c, a):
    return path("M260 245 L310 350 Q260 365 210 350 Z", "#6f9e4f")


def cake_emblem(c, a):
    return rect(215, 290, 90, 55, "#fbf1e4", 10) + rect(255, 255, 10, 35, a, 3, 3)


def ecard_emblem(c, a):
    return rect(210, 260, 100, 80, "#ffffff", 10) + circle(260, 300, 18, a, 3)


OBJECTS = {
    "DB-001": zongzi, "DB-002": zongzi_pair, "DB-003": zongzi, "DB-004": zongzi_pair, "DB-005": box_with(eggs),
    "DB-006": eggs, "DB-007": eggs, "DB-008": sachet, "DB-009": cake_squares, "DB-010": box, "DB-011": soap,
    "DB-012": zongzi_pair, "DB-013": ticket_with(zongzi_emblem), "DB-014": box, "DB-015": zongzi,
    "GEN-001": rice_bag, "GEN-002": bottle, "GEN-003": mushrooms, "GEN-004": bottle, "GEN-005": mushrooms,
    "GEN-006": lambda c, a: bottle(c, a, "#8a5a2b"), "GEN-007": noodles, "GEN-008": box,
    "TEA-001": tin, "TEA-002": tin, "TEA-003": cup, "TEA-004": tea_cake, "TEA-005": cup, "TEA-006": teapot, "TEA-007": cup,
    "FRU-001": lychee, "FRU-002": melon, "FRU-003": grapes, "FRU-004": berries, "FRU-005": ticket_with(crab_emblem),
    "FRU-006": cherries, "FRU-007": fruit_basket,
    "BEA-001": tube, "BEA-002": scarf, "BEA-003": mask_sheets, "BEA-004": vials, "BEA-005": pump_bottles, "BEA-006": balm,
    "BEA-007": scarf, "BEA-008": pump_bottles, "BEA-009": herb_bag,
    "HOM-001": thermos, "HOM-002": neck_massager, "HOM-003": hand_warmer, "HOM-004": bedding, "HOM-005": pan,
    "HOM-006": towels, "HOM-007": massage_gun, "HOM-008": humidifier, "HOM-009": containers,
    "SPT-001": yoga_mat, "SPT-002": rackets, "SPT-003": brush_ink, "SPT-004": jump_rope, "SPT-005": backpack,
    "FES-001": mooncake, "FES-002": nuts, "FES-003": gift_bag, "FES-004": tangyuan, "FES-005": cake_squares, "FES-006": dates,
    "BIR-001": cake, "BIR-002": cake,
    "SVC-001": broom, "SVC-002": health_cross, "SVC-003": shirt, "SVC-004": clay_pot, "SVC-005": lotus_hands,
    "SVC-006": tooth, "SVC-007": car, "SVC-008": eye, "SVC-009": snowflake_ac, "SVC-010": flowers,
    "BAD-001": card, "BAD-002": red_envelope, "BAD-003": liquor, "BAD-004": ticket_with(ecard_emblem),
}

# Object colours, taken in turn so neighbours differ.
COLOURS = [("#e2574c", "#f0c23b"), ("#3f8f7a", "#e2574c"), ("#e58a3a", "#3f6fb0"), ("#8a5fb4", "#f0c23b"),
           ("#3f6fb0", "#e58a3a"), ("#c8405f", "#6f9e4f"), ("#5d9c4b", "#c8405f"), ("#d4a03a", "#8a5fb4")]


def svg(sku: str, category: str, index: int) -> str:
    tile, ring = TILES.get(category, ("#eeeeee", "#dddddd"))
    colour, accent = COLOURS[index % len(COLOURS)]
    body = OBJECTS[sku](colour, accent)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 600 600">'
            f'<rect width="600" height="600" rx="64" fill="{tile}"/>'
            f'<circle cx="300" cy="300" r="205" fill="{ring}" opacity=".55"/>'
            f'<ellipse cx="300" cy="462" rx="175" ry="20" fill="{INK}" opacity=".12"/>'
            f"{body}</svg>\n")


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if not found:
        sys.exit(f"draw-catalog-images: `{name}` is missing (Debian {package})")
    return found


def draw(rows: list[dict[str, str]], out: Path) -> dict[str, str]:
    rsvg, vips = tool("rsvg-convert", "librsvg2-bin"), tool("vips", "libvips-tools")
    out.mkdir(parents=True, exist_ok=True)
    names = {}
    with tempfile.TemporaryDirectory() as scratch:
        for index, row in enumerate(rows):
            sku = row["sku"]
            source = Path(scratch) / f"{sku}.svg"
            source.write_text(svg(sku, row["category"], index), encoding="utf-8")
            raster = Path(scratch) / f"{sku}.png"
            subprocess.run([rsvg, "--width", str(SIZE), "--height", str(SIZE), "--output", str(raster), str(source)], check=True)
            ext = FORMATS[index % len(FORMATS)]
            name = f"{sku.lower()}.{ext}"
            # Flattened on the tile's corner colour: JPEG has no transparency.
            subprocess.run([vips, "flatten", str(raster), str(out / name) + SAVE[ext], "--background",
                            " ".join(str(int(TILES.get(row['category'], ('#eeeeee',))[0][i:i + 2], 16)) for i in (1, 3, 5))],
                           check=True)
            names[sku] = name
    return names


def read_catalog() -> tuple[list[str], list[dict[str, str]], str]:
    text = CATALOG.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader), text


def write_catalog(header: list[str], rows: list[dict[str, str]]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail when the committed pictures differ from a fresh drawing")
    args = parser.parse_args()
    header, rows, text = read_catalog()
    missing = [r["sku"] for r in rows if r["sku"] not in OBJECTS]
    if missing:
        sys.exit(f"draw-catalog-images: no drawing for {', '.join(missing)}: add them to OBJECTS")
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            names = draw(rows, Path(scratch))
            differ = [n for n in names.values() if (Path(scratch) / n).read_bytes() != (IMAGES / n).read_bytes()]
        wrong = [r["sku"] for r in rows if r["image"] != names[r["sku"]]]
        if differ or wrong:
            print(f"differ: {differ}; catalog rows not naming their picture: {wrong}", file=sys.stderr)
            return 1
        print(f"ok: {len(names)} pictures as committed")
        return 0
    names = draw(rows, IMAGES)
    for row in rows:
        row["image"] = names[row["sku"]]
    CATALOG.write_text(write_catalog(header, rows), encoding="utf-8")
    total = sum((IMAGES / n).stat().st_size for n in names.values())
    print(f"{len(names)} pictures in {IMAGES.relative_to(REPO)}, {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
