"""What a page costs a member on a phone (issue 12, Budgets): the HTML, CSS and JavaScript each
page kind loads, the item list a storefront fetches included and pictures left out, is at most
60 KB before compression; pictures below the first screen load lazily; and with CSS but no
JavaScript, a storefront's first screen (360 × 740, WeChat's user agent) shows the budget and
the way to choose."""
from selenium.webdriver.common.by import By

from pages import PHONE, emulate, open_page

BUDGET = 60 * 1024
IMAGE = (".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".svg")

# What the page loaded, from the browser's own account (Resource Timing): the document and every
# resource with its size before compression (the test server compresses nothing).
LOADED = """
return [performance.getEntriesByType('navigation')[0]].concat(performance.getEntriesByType('resource'))
  .map(function (e) { return [e.name, e.initiatorType, e.decodedBodySize]; });
"""



def test_each_page_kind_loads_at_most_60_kb_of_html_css_and_javascript(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE)
    # The cache would hide what a member's first visit loads.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    weights, seen = {}, set()
    try:
        for kind, url in pages_in.urls.items():
            open_page(browser, url)
            loaded = browser.execute_script(LOADED)
            # Not counted: pictures; the browser's own favicon request; the collector's answer on
            # the current choice (another origin, unreachable here: example.com).
            counted = [(name, size) for name, initiator, size in loaded
                       if initiator not in ("img", "image") and not name.split("?")[0].lower().endswith(IMAGE)
                       and not name.endswith("/favicon.ico") and name.startswith(url.split("/", 3)[0] + "//" + url.split("/", 3)[2] + "/")]
            weights[kind] = sum(size for _, size in counted)
            seen.update(name.rsplit("/", 1)[-1] for name, _ in counted)
            assert all(size > 0 for _, size in counted), (kind, counted)
    finally:
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    # Not vacuous: the stylesheets, the scripts and the storefront's list were counted.
    assert {"lantern.css", "lantern.js", "unlock.js"} <= seen, seen
    assert any(name.endswith(".html") and "/lists/" not in name for name in seen)
    over = {kind: weight for kind, weight in weights.items() if weight > BUDGET}
    assert not over, f"over {BUDGET:,} bytes: {over} (all: {weights})"


def test_pictures_below_the_first_screen_load_lazily(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE)
    checked = 0
    for kind, url in pages_in.urls.items():
        open_page(browser, url)
        # Below the first screen, or not shown at all (in a closed <details>): lazy.
        eager = browser.execute_script("""
            var out = [];
            document.querySelectorAll('img').forEach(function (img) {
              var box = img.getBoundingClientRect(), shown = img.getClientRects().length > 0;
              if ((!shown || box.top + scrollY >= innerHeight) && img.loading !== 'lazy') out.push(img.outerHTML.slice(0, 160));
            });
            return [document.images.length, out];""")
        checked += eager[0]
        assert eager[1] == [], kind
    assert checked > 0, "no page had a picture"


def test_without_javascript_the_first_screen_shows_the_budget_and_the_way_to_choose(phone_without_javascript, pages_in):
    browser = phone_without_javascript
    emulate(browser, *PHONE)
    open_page(browser, pages_in.urls["storefront"], javascript=False)
    assert not browser.find_elements(By.CSS_SELECTOR, "input[name=sku]")  # JavaScript really is off
    assert "MicroMessenger" in browser.execute_script("return navigator.userAgent")
    for selector in (".budget", ".order-bar .money", "button[data-order-form]", ".choices-fallback a"):
        assert in_first_screen(browser, selector), selector


def test_with_javascript_the_first_items_are_on_the_first_screen(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE)
    open_page(browser, pages_in.urls["storefront"])
    assert in_first_screen(browser, ".choice label")
    assert in_first_screen(browser, ".order-bar [data-submit]")


def in_first_screen(browser, selector) -> bool:
    """Whether the first element `selector` finds lies wholly in the first screen and is on top
    there (the sticky bars cover nothing of it)."""
    return browser.execute_script("""
        var el = document.querySelector(arguments[0]);
        if (!el) { return false; }
        var box = el.getBoundingClientRect();
        if (box.width === 0 || box.top < 0 || box.bottom > innerHeight) { return false; }
        var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !!hit && (el.contains(hit) || (hit.control === el) || hit.contains(el) && hit.tagName === 'LABEL');""", selector)
