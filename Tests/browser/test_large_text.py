"""The phone's text at 200 % (issue 12): the storefront's order bar stays at most a fifth of a
360 × 740 screen, with nothing chosen, with a choice and over budget, and no page kind scrolls
sideways. 200 % is simulated with CDP Page.setFontSizes (standard 32 px instead of 16: the
setting Chromium's `webkit.webprefs.default_font_size` preference and Android's font scale
change, so 1rem doubles), see pages.emulate."""
from selenium.webdriver.common.by import By

from pages import DEFAULT_FONT_SIZE, PHONE, emulate, open_page

LARGE = 2 * DEFAULT_FONT_SIZE



def bar_share(browser) -> float:
    return browser.execute_script(
        "return document.querySelector('.order-bar').getBoundingClientRect().height / innerHeight")


def test_the_order_bar_is_at_most_a_fifth_of_the_screen_at_200_percent(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE, font_size=LARGE)
    open_page(browser, pages_in.urls["storefront"])
    assert browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)") == LARGE
    boxes = sorted(browser.find_elements(By.CSS_SELECTOR, "input[name=sku]"), key=lambda b: int(b.get_attribute("data-price-fen")))
    budget = int(browser.find_element(By.CSS_SELECTOR, "form[data-budget-fen]").get_attribute("data-budget-fen"))
    shares = {"nothing chosen": bar_share(browser)}
    browser.execute_script("arguments[0].click()", boxes[0])
    shares["one item"] = bar_share(browser)
    total = int(boxes[0].get_attribute("data-price-fen"))
    for box in boxes[1:]:
        browser.execute_script("arguments[0].click()", box)
        total += int(box.get_attribute("data-price-fen"))
        if total > budget:
            break
    assert browser.find_element(By.CSS_SELECTOR, "form.order").get_attribute("class").split().count("is-over") == 1
    shares["over budget"] = bar_share(browser)
    # The bar still says budget, sum and how much over, and the button is there.
    bar = browser.find_element(By.CSS_SELECTOR, ".order-bar")
    assert ("超出" if "zh" in str(bar.parent.find_element(By.TAG_NAME, "html").get_attribute("lang")) else "Over") in bar.text and bar.find_element(By.CSS_SELECTOR, "[data-submit]").is_displayed()
    too_big = {state: share for state, share in shares.items() if share > 0.2}
    assert not too_big, f"the order bar covers {too_big} of the screen"
    assert no_sideways_scroll(browser), "storefront over budget"


def no_sideways_scroll(browser) -> bool:
    return browser.execute_script("return document.documentElement.scrollWidth <= innerWidth")


def test_no_page_kind_scrolls_sideways_at_200_percent(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE, font_size=LARGE)
    wide = []
    for kind, url in pages_in.urls.items():
        open_page(browser, url)
        # Every item's details open too: the longest lines a member can bring up.
        browser.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
        if not no_sideways_scroll(browser):
            wide.append((kind, browser.execute_script("return document.documentElement.scrollWidth")))
    assert not wide, wide
