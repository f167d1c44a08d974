"""Encrypted member pages open with the personal link and only with it (PRODUCT.md, Privacy)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import INSECURE_HOST

LOCKED = "请从您的专属链接打开此页面"
INCOMPLETE = "此链接不完整"
HTTPS = "请通过 HTTPS 打开此链接"


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


def fresh(browser, url):
    """Opens `url` as a new document (not a jump to a fragment of the page already open)."""
    browser.get("about:blank")
    browser.get(url)


def test_the_key_leaves_the_address_bar_and_follows_the_members_own_links(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1003"]
    path, key = row["url"].split("#k=")
    browser.get("about:blank")
    entries = browser.execute_script("return history.length")
    browser.get(base + row["url"])
    wait_for(browser, lambda d: row["name"] in main_text(d))
    # history.replaceState took the fragment out of the address bar (and so out of history),
    # replacing the entry rather than adding one.
    assert browser.current_url == base + path
    assert browser.execute_script("return location.hash") == ""
    assert browser.execute_script("return history.length") == entries + 1
    # Links to the member's own pages carry the key on; the next page drops it from the address too.
    store = browser.find_element(By.CSS_SELECTOR, "a[href*='dragon-boat-2026']")
    assert store.get_attribute("href") == base + path + "dragon-boat-2026/index.html#k=" + key
    store.click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    assert row["name"] in main_text(browser)
    assert browser.current_url == base + path + "dragon-boat-2026/index.html"
    home = browser.find_element(By.CSS_SELECTOR, "a[data-keep-key][href*='index.html']")
    assert home.get_attribute("href") == base + path + "index.html#k=" + key
    home.click()
    wait_for(browser, lambda d: row["name"] in main_text(d) and d.current_url == base + path + "index.html")
    # Nothing kept the key: the same address loaded again is locked.
    browser.refresh()
    wait_for(browser, lambda d: LOCKED in main_text(d))
    assert row["name"] not in browser.page_source


def test_over_plain_http_the_page_says_to_open_it_over_https(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1001"]
    insecure = base.replace("127.0.0.1", INSECURE_HOST)
    assert insecure != base
    fresh(browser, insecure + row["url"])
    assert browser.execute_script("return window.isSecureContext") is False
    wait_for(browser, lambda d: HTTPS in main_text(d))
    assert "https://" in main_text(browser)
    assert INCOMPLETE not in main_text(browser)
    assert row["name"] not in browser.page_source
    # An English reader's locked page says it in English (E1016's language is en).
    fresh(browser, insecure + links["E1016"]["url"])
    wait_for(browser, lambda d: "Please open this link over HTTPS." in main_text(d))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert HTTPS not in main_text(browser) and LOCKED not in main_text(browser)


def test_a_truncated_key_says_the_link_is_incomplete(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1001"]
    for cut in (1, 20, 43):
        fresh(browser, base + row["url"][:-cut])
        wait_for(browser, lambda d: INCOMPLETE in main_text(d))
        assert "链接中 # 之后的部分缺失或有误" in main_text(browser)
        assert LOCKED in main_text(browser) and HTTPS not in main_text(browser)
        assert row["name"] not in browser.page_source
        assert "#k=" in browser.current_url  # a page that did not open keeps its address


def test_a_wrong_key_says_the_link_is_incomplete(browser, encrypted_site):
    base, links = encrypted_site
    row, other = links["E1001"], links["E1002"]
    fresh(browser, base + row["url"].split("#")[0] + "#" + other["url"].split("#")[1])
    wait_for(browser, lambda d: INCOMPLETE in main_text(d))
    assert row["name"] not in browser.page_source and other["name"] not in browser.page_source


def test_without_the_fragment_no_reason_is_given_but_the_link(browser, encrypted_site):
    base, links = encrypted_site
    row = links["E1001"]
    fresh(browser, base + row["url"].split("#")[0])
    wait_for(browser, lambda d: LOCKED in main_text(d))
    browser.execute_async_script("setTimeout(arguments[0], 300)")
    assert INCOMPLETE not in main_text(browser) and HTTPS not in main_text(browser)
