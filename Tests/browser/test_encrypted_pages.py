"""Encrypted member pages open with the personal link and only with it (PRODUCT.md, Privacy)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

LOCKED = "请从您的专属链接打开此页面"


def main_text(browser):
    return browser.find_element(By.ID, "main").text


def wait_for(browser, condition, timeout=10):
    WebDriverWait(browser, timeout).until(lambda d: condition(d))


def test_the_personal_link_shows_the_members_name(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1001"]
    assert "#k=" in row["url"]
    browser.get(base + row["url"])
    wait_for(browser, lambda d: row["name"] in main_text(d))
    assert LOCKED not in main_text(browser)


def test_without_the_fragment_the_page_stays_locked(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1001"]
    browser.get(base + row["url"].split("#")[0])
    browser.execute_script("return 1")  # let unlock.js run
    wait_for(browser, lambda d: LOCKED in main_text(d))
    assert row["name"] not in browser.page_source


def test_a_wrong_key_keeps_the_page_locked(browser, encrypted_site):
    base, links = encrypted_site
    row, other = links["E1001"], links["E1002"]
    wrong = row["url"].split("#")[0] + "#" + other["url"].split("#")[1]
    browser.get(base + wrong)
    browser.implicitly_wait(0)
    wait_for(browser, lambda d: LOCKED in main_text(d))
    # Give WebCrypto time to fail, then check again.
    browser.execute_async_script("setTimeout(arguments[0], 500)")
    assert LOCKED in main_text(browser)
    assert row["name"] not in browser.page_source


def test_the_key_follows_to_the_storefront_and_the_total_works(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1001"]
    browser.get(base + row["url"])
    wait_for(browser, lambda d: row["name"] in main_text(d))
    browser.find_element(By.CSS_SELECTOR, "a[href*='dragon-boat-2026']").click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    assert row["name"] in main_text(browser)
    box = browser.find_element(By.CSS_SELECTOR, "input[name=sku][value='DB-001']")
    browser.execute_script("arguments[0].click()", box)
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "output[name=total]").text == "¥128.00")
