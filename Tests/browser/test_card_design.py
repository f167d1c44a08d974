"""The greeting card on a phone (issue 12): Chinese titles break only between words at 320, 360
and 414 px (never inside 端午安康 or 三八妇女节), nothing is wider than the screen, and the card
prints alone, one card per page, from its own button (shown only when JavaScript runs)."""
import base64
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import Server, build_site, chromium

WIDTHS = (320, 360, 414)
TITLES = ".card-title, main h1, .theme-card h3"
# A line may end after a space, a middle dot or CJK punctuation, or before a space.
BREAK_AFTER = set(" \u00a0·・、，。！？：；）」』")

# For each title: the characters on each side of every line break, from Range client rects
# (one rect per character; a new line starts where a character's top moves down).
LINE_BREAKS = """
return Array.prototype.map.call(document.querySelectorAll(arguments[0]), function (title) {
  var walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT), range = document.createRange();
  var breaks = [], lastTop = null, previous = "", text = "", tops = [];
  while (walker.nextNode()) {
    var node = walker.currentNode;
    for (var i = 0; i < node.data.length; i++) {
      var ch = node.data[i];
      range.setStart(node, i); range.setEnd(node, i + 1);
      var rects = range.getClientRects();
      text += ch;
      if (!rects.length || rects[0].width === 0) { tops.push(null); previous = ch; continue; }
      var top = rects[0].top;
      tops.push(top);
      if (lastTop !== null && top > lastTop + 4) { breaks.push([previous, ch]); }
      lastTop = top; previous = ch;
    }
  }
  return {text: text, breaks: breaks, tops: tops};
});
"""


def set_width(driver, width, media="screen"):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


@pytest.fixture(scope="module")
def sites():
    """The sample site as of 端午 (2026-06-10: 端午 and birthday cards) and of 三八 (2026-03-05)."""
    servers = []
    built = {}
    for today in ("2026-06-10", "2026-03-05"):
        public, links = build_site("", today=today)
        server = Server(public)
        servers.append(server)
        built[today] = (server.base, links)
    yield built
    for server in servers:
        server.close()


def pages(sites):
    (june, links), (march, march_links) = sites["2026-06-10"], sites["2026-03-05"]
    home = june + links["E1001"]["url"]
    return [june + "index.html", june + "shop/dragon-boat-2026/index.html", home, home + "dragon-boat-2026/index.html",
            march + march_links["E1002"]["url"], march + "shop/womens-day-2026/index.html"]


@pytest.mark.parametrize("width", WIDTHS)
def test_titles_break_only_between_words(browser, sites, width):
    set_width(browser, width)
    seen = set()
    for url in pages(sites):
        browser.get(url)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width, url
        for title in browser.execute_script(LINE_BREAKS, TITLES):
            seen.add(title["text"])
            for before, after in title["breaks"]:
                assert before in BREAK_AFTER or after in " \u00a0", f"{width}px: {title['text']!r} breaks inside a word, {before}|{after} ({url})"
            for word in ("端午安康", "三八妇女节", "粽情好礼", "致敬她力量", "生日快乐"):
                start = title["text"].find(word)
                if start >= 0:
                    tops = {t for t in title["tops"][start:start + len(word)] if t is not None}
                    assert len(tops) == 1, f"{width}px: {word} is split in {title['text']!r}"
    # The sample's card titles were all measured, on both days.
    for title in ("2026 端午安康\u00a0· 粽情好礼", "2026 三八妇女节\u00a0· 致敬她力量", "生日快乐\u00a0· 工会的一份心意"):
        assert title in seen


def test_the_print_button_needs_javascript(browser_without_javascript, sites):
    base, links = sites["2026-06-10"]
    browser_without_javascript.get(base + links["E1001"]["url"])
    buttons = browser_without_javascript.find_elements(By.CSS_SELECTOR, "[data-print-card]")
    assert len(buttons) == 2 and not any(b.is_displayed() for b in buttons)


def pdf_pages(driver):
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"])
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_card_prints_alone_one_per_page(browser, sites):
    base, links = sites["2026-06-10"]
    set_width(browser, 360)
    browser.get(base + links["E1001"]["url"])
    buttons = browser.find_elements(By.CSS_SELECTOR, "[data-print-card]")
    assert [b.is_displayed() for b in buttons] == [True, True]
    # Printed as it is: the two cards, one per page, and nothing else of the page.
    set_width(browser, 360, media="print")
    shown = browser.execute_script("""
      return Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
        return e.getClientRects().length && !e.closest('.greeting-card'); }).map(function (e) { return e.tagName + '.' + e.className; });""")
    assert all(tag.startswith(("MAIN", "SECTION.card-entry")) for tag in shown), shown
    assert pdf_pages(browser) == 2
    # The birthday card's own button prints that card alone.
    set_width(browser, 360)
    browser.execute_script("window.print = function () { window.printed = document.querySelector('.is-printing').id; };")
    second = buttons[1]
    second.click()
    assert browser.execute_script("return window.printed") == second.get_attribute("data-print-card")
    assert "printing-card" in browser.execute_script("return document.documentElement.className")
    set_width(browser, 360, media="print")
    visible = [card.get_attribute("id") for card in browser.find_elements(By.CSS_SELECTOR, ".greeting-card") if card.is_displayed()]
    assert visible == [second.get_attribute("data-print-card")]
    assert pdf_pages(browser) == 1
    set_width(browser, 360)


def test_the_storefront_prints_only_its_card(browser, sites):
    base, links = sites["2026-06-10"]
    browser.get(base + links["E1001"]["url"] + "dragon-boat-2026/index.html")
    set_width(browser, 360, media="print")
    assert browser.find_element(By.CSS_SELECTOR, ".greeting-card").is_displayed()
    for hidden in (".choose", ".site-header", ".site-footer", ".back", ".card-print"):
        assert not browser.find_element(By.CSS_SELECTOR, hidden).is_displayed(), hidden
    assert pdf_pages(browser) == 1
    set_width(browser, 360)
