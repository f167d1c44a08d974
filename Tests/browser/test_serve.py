"""`lantern serve` in real headless Chromium: a real preview server on loopback, started here on
a copy of the sample site whose files the test edits on disk. The page must follow each edit by
itself (no reload from the test) within 2 s, show the site's errors with file, line and column
while it has any, come back once they are fixed, and reload only the pages an edit shows on.
Preview as a member: on 2026-03-05 the 三八 storefront is there for a woman, not for a man."""
import csv
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANTERN, REPO

THEME = "content/themes/dragon-boat-2026.md"
LIVE = 2.0  # seconds a page may take to follow an edit


class Preview:
    def __init__(self, root: Path, today: str):
        # What it says on stderr (a line per reload, the errors) goes to a file: a pipe nobody
        # reads would fill and stop the server.
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([str(LANTERN), "serve", "--site", str(root), "--listen", "127.0.0.1:0",
                                         "--today", today], stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.process.stdout.readline()
        found = re.search(r"http://[0-9.]+:\d+", line)
        assert found, f"no address in {line!r}; stderr: {self.said()}"
        self.base = found.group(0)

    def said(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail("lantern serve did not stop on SIGTERM within 10 s")


@pytest.fixture(scope="module")
def site():
    root = Path(tempfile.mkdtemp(prefix="lantern-serve-"))
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    preview = Preview(root, "2026-06-10")
    yield root, preview
    preview.close()
    # The preview writes nothing: no output, no private folder, no secret.
    assert not (root / "public").exists() and not (root / "private").exists()
    shutil.rmtree(root)


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def mark(driver):
    """A flag on the page's window: gone once the page reloaded."""
    driver.execute_script("window.__lanternTestMark = true;")


def reloaded(driver):
    return driver.execute_script("return window.__lanternTestMark !== true;")


def text(driver):
    return driver.execute_script("return document.body ? document.body.textContent : '';")


def wait_for(driver, condition, what, seconds=LIVE):
    started = time.monotonic()
    WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d), message=what)
    return time.monotonic() - started


def open_as(driver, base, member, day=None):
    """Through the bar's own form, as an author would: the member's id, the day, Show."""
    driver.get(base + "/")
    box = driver.find_element(By.CSS_SELECTOR, "#lantern-preview input[name=q]")
    box.clear()
    box.send_keys(member)
    if day:
        driver.execute_script("document.querySelector('#lantern-preview input[name=day]').value = arguments[0];", day)
    portal = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "#lantern-preview button[type=submit]").click()
    WebDriverWait(driver, 10).until(staleness_of(portal), message="the form's answer loaded")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_a_storefront_follows_edits_errors_and_fixes(browser, site):
    root, preview = site
    driver = browser
    open_as(driver, preview.base, "E1001")
    assert "/m/" in driver.current_url
    driver.get(driver.current_url + "dragon-boat-2026/")
    storefront = driver.current_url
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".choice"), "the storefront's items loaded", 10)
    banner = driver.find_element(By.CSS_SELECTOR, "#lantern-preview .lp-banner").text
    assert "Preview" in banner and "张伟" in banner and "2026-06-10" in banner

    # A second window on a page the theme's greeting and the catalog do not show on.
    driver.switch_to.new_window("tab")
    driver.get(preview.base + "/menu/")
    mark(driver)
    menu = driver.current_window_handle
    driver.switch_to.window(driver.window_handles[0])

    # The greeting's text, edited on disk.
    mark(driver)
    edit(root / THEME, "粽叶飘香，又是一年端午时。", "粽叶飘香，预览里改过的一句。")
    took = wait_for(driver, lambda d: reloaded(d) and "预览里改过的一句" in text(d), "the edited greeting shown")
    print(f"greeting edit shown after {took:.2f} s")

    # Front matter broken: the overlay names the file, line and column, with the line itself.
    theme = (root / THEME).read_text(encoding="utf-8")
    broken_line = theme.splitlines().index("budget: 200") + 1
    mark(driver)
    edit(root / THEME, "budget: 200", "budget: [200")
    wait_for(driver, lambda d: reloaded(d) and d.find_elements(By.CSS_SELECTOR, ".lp-overlay"), "the error overlay")
    places = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".lp-overlay .lp-place")]
    assert any(re.fullmatch(rf"{re.escape(THEME)}:\d+:\d+", p) for p in places), places
    lines = {int(p.split(":")[1]) for p in places if p.startswith(THEME)}
    assert lines and min(abs(line - broken_line) for line in lines) <= 1, (places, broken_line)
    excerpt = driver.find_element(By.CSS_SELECTOR, ".lp-overlay .lp-excerpt").text
    assert "budget: [200" in excerpt
    assert driver.find_element(By.CSS_SELECTOR, ".lp-overlay .lp-message").text.strip()
    assert driver.current_url == storefront
    # Whose page it was stays in the bar while the site does not load.
    assert "张伟" in driver.find_element(By.CSS_SELECTOR, "#lantern-preview .lp-banner").text
    # The terminal says it too.
    wait_for(driver, lambda d: f"{THEME}:" in preview.said(), "the error on the terminal")

    # Fixed: the storefront comes back by itself.
    mark(driver)
    edit(root / THEME, "budget: [200", "budget: 200")
    wait_for(driver, lambda d: reloaded(d) and not d.find_elements(By.CSS_SELECTOR, ".lp-overlay")
             and "预览里改过的一句" in text(d), "the storefront back after the fix")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".choice"), "the items back", 10)

    # The menu page showed neither the greeting nor the error... but it did show the error:
    # every page does while the site has one. It reloaded then and came back.
    driver.switch_to.window(menu)
    assert reloaded(driver) and not driver.find_elements(By.CSS_SELECTOR, ".lp-overlay")
    mark(driver)
    driver.switch_to.window(driver.window_handles[0])

    # A partial of the item list the storefront loads: the storefront reloads.
    mark(driver)
    edit(root / "templates/partials/choices.mustache", '<span class="item-name">{{name}}</span>',
         '<span class="item-name">{{name}}（改）</span>')
    wait_for(driver, lambda d: reloaded(d) and "（改）" in text(d), "the edited partial shown")

    # A catalog price: the storefront shows the new price.
    mark(driver)
    edit(root / "content/catalog.csv", "DB-001,嘉禾轩鲜肉粽礼盒（8只装）,节令食品,128.00,", "DB-001,嘉禾轩鲜肉粽礼盒（8只装）,节令食品,127.00,")
    wait_for(driver, lambda d: reloaded(d) and "127.00" in text(d), "the new price shown")

    # Neither the partial nor the price is on the menu page: it stayed as it was.
    driver.switch_to.window(menu)
    assert not reloaded(driver), "the menu page reloaded for a change it does not show"
    driver.close()
    driver.switch_to.window(driver.window_handles[0])


def test_preview_as_a_woman_and_a_man_on_womens_day(browser, site):
    root, preview = site
    driver = browser
    # 王芳 (E1002, F, 上海) and 张伟 (E1001, M, 北京), on 2026-03-05.
    open_as(driver, preview.base, "E1002", "2026-03-05")
    home = driver.current_url
    assert "/m/" in home
    assert "王芳" in driver.find_element(By.CSS_SELECTOR, "#lantern-preview .lp-banner").text
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='womens-day-2026']")]
    assert links, "her home page links to the 三八 storefront"
    driver.get(home + "womens-day-2026/")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".choice"), "her items", 10)
    assert "王芳" in text(driver)
    items = {e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, ".choice input[name=sku]")}
    with open(root / "content/catalog.csv", encoding="utf-8-sig", newline="") as f:
        rows = {row["sku"]: row for row in csv.DictReader(f)}
    assert items, "her storefront lists items"
    for sku in items:
        tags, cities = rows[sku]["tags"].split("|"), rows[sku]["cities"].split("|")
        assert tags == [""] or "womens-day" in tags, (sku, tags)
        assert cities == ["*"] or "上海" in cities, (sku, cities)
    assert any("womens-day" in rows[sku]["tags"].split("|") for sku in items)
    # The day chosen stays: the portal shows the 三八 shop open.
    driver.get(preview.base + "/")
    assert "2026-03-05" in driver.find_element(By.CSS_SELECTOR, "#lantern-preview .lp-banner").text

    open_as(driver, preview.base, "E1001", "2026-03-05")
    banner = driver.find_element(By.CSS_SELECTOR, "#lantern-preview .lp-banner").text
    assert "张伟" in banner and "2026-03-05" in banner
    assert not driver.find_elements(By.CSS_SELECTOR, "main a[href*='womens-day-2026']")
    if "/m/" in driver.current_url:
        driver.get(driver.current_url + "womens-day-2026/")
        assert driver.find_elements(By.CSS_SELECTOR, ".lp-notice"), "no 三八 storefront for him"
    else:
        assert "no pages" in driver.find_element(By.CSS_SELECTOR, ".lp-notice h1").text


def test_the_audit_opens_the_site_as_each_member_with_a_storefront(browser, site):
    root, preview = site
    driver = browser
    driver.get(preview.base + "/_lantern/as?q=&day=2026-03-05")  # the day, as a visitor
    driver.find_element(By.LINK_TEXT, "Audit").click()
    WebDriverWait(driver, 10).until(lambda d: "/_lantern/audit" in d.current_url)
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, ".lp-audit tbody tr") if "womens-day-2026" in r.text)
    details = row.find_element(By.CSS_SELECTOR, "details")
    details.find_element(By.TAG_NAME, "summary").click()
    links = details.find_elements(By.CSS_SELECTOR, "a")
    with open(root / "content/roster.csv", encoding="utf-8-sig", newline="") as f:
        roster = {row["id"]: row for row in csv.DictReader(f)}
    listed = [re.search(r"\((E\d+),", li.text).group(1) for li in details.find_elements(By.TAG_NAME, "li")]
    assert listed and len(listed) == int(details.find_element(By.CSS_SELECTOR, "summary .lp-count").text)
    # 三八 is for women: every member listed is one, and every active woman is listed.
    assert all(roster[m]["gender"] == "F" for m in listed), listed
    assert set(listed) == {m for m, r in roster.items() if r["gender"] == "F" and r["status"] == "active"}
    first = listed[0]
    links[0].click()
    WebDriverWait(driver, 10).until(lambda d: "/m/" in d.current_url)
    assert roster[first]["name"] in driver.find_element(By.CSS_SELECTOR, "#lantern-preview .lp-banner").text
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href*='womens-day-2026']")
