#!/usr/bin/env python3
"""The README's picture of the preview's error overlay, docs/overlay.png: `lantern serve` on a
copy of the sample site, 张伟's 端午 storefront open in headless Chromium, then the theme's front
matter broken on disk (`budget: [200`); the page shows the overlay by itself and is captured.

    python3 scripts/overlay-screenshot.py [--out FILE]

Needs a built lantern (.build/debug/lantern), Chromium and Selenium (scripts/install-test-deps.sh).
Not part of `make test` (Tests/browser/test_serve.py asserts what the picture shows)."""
import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "browser"))

from selenium.webdriver.common.by import By  # noqa: E402

from conftest import chromium  # noqa: E402
from test_serve import THEME, Preview, edit, open_as, wait_for  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=REPO / "docs" / "overlay.png")
    a = p.parse_args()
    root = Path(tempfile.mkdtemp(prefix="lantern-overlay-"))
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    preview = Preview(root, "2026-06-10")
    driver = chromium()
    try:
        driver.set_window_size(900, 760)
        open_as(driver, preview.base, "E1001")
        driver.get(driver.current_url + "dragon-boat-2026/")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".choice"), "the storefront", 10)
        edit(root / THEME, "budget: 200", "budget: [200")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".lp-overlay"), "the overlay", 10)
        a.out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(a.out))
        print(f"wrote {a.out}")
    finally:
        driver.quit()
        preview.close()
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
