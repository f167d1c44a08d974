"""Item pictures load where members see them: in the shop, in the shared item list, and in the
storefront, which takes the list's choices into its own page (another folder), so lantern.js
gives their addresses the list's folder; no picture is ever asked for at a wrong address."""
import re
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# Scrolls each picture into view in turn (they load lazily) and waits for it; reports those that
# did not load.
LOAD_ALL = """
const done = arguments[arguments.length - 1];
const images = Array.from(document.querySelectorAll(arguments[0]));
const broken = [];
function next(i, waited) {
  if (i === images.length) {
    return done({count: images.length, broken: broken, sources: images.map(img => img.currentSrc)});
  }
  const img = images[i];
  if (waited === 0) { img.scrollIntoView(); }
  if (img.complete && img.naturalWidth > 0) { return next(i + 1, 0); }
  if (waited > 3000) { broken.push(img.getAttribute('src')); return next(i + 1, 0); }
  setTimeout(() => next(i, waited + 25), 25);
}
next(0, 0);
"""

VERSION = re.compile(r"[0-9a-f]{16}-[0-9]+x[0-9]+\.webp$")

# Every picture the page asked for, with the status the server answered (0: none).
REQUESTED = """
return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'img')
  .map(e => [e.name, e.responseStatus || 0]);
"""


def load_all(browser, selector):
    browser.set_script_timeout(60)
    return browser.execute_async_script(LOAD_ALL, selector)


def expect_pictures(browser, selector, minimum):
    result = load_all(browser, selector)
    assert result["count"] >= minimum, result
    assert result["broken"] == [], result["broken"]
    assert all("/assets/images/" in src and src.endswith(".webp") for src in result["sources"]), result["sources"]
    requested = browser.execute_script(REQUESTED)
    # A version asked for anywhere but /assets/images/ (the list's address taken from the
    # storefront's folder), or any picture the server did not have.
    wrong = [(name, status) for name, status in requested
             if status >= 400 or (VERSION.search(name) and urlparse(name).path != "/assets/images/" + VERSION.search(name).group(0))]
    assert wrong == [], wrong


def test_the_shop_shows_every_items_picture(browser, plain_site):
    base, _, _ = plain_site
    browser.get(base + "shop/dragon-boat-2026/index.html")
    expect_pictures(browser, "img.item-img", 10)


def test_the_storefront_shows_the_pictures_of_its_list(browser, plain_site):
    base, links, _ = plain_site
    browser.get(base + links["E1001"]["url"] + "dragon-boat-2026/index.html")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[name=sku]")
    expect_pictures(browser, "img.item-img", len(boxes))


def test_an_encrypted_storefront_shows_them_once_opened(browser, encrypted_site):
    base, links = encrypted_site
    browser.get(base + links["E1001"]["url"].replace("#", "dragon-boat-2026/index.html#", 1))
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    expect_pictures(browser, "img.item-img", 10)
