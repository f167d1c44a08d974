"""A storefront loads its group's shared item list (PRODUCT.md, Scale), and without JavaScript
still leads the member to that list."""
import html
import re
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def list_template(public, storefront_path):
    """The <section data-choices> of the member's list page, read from the files (not from the browser)."""
    page = (public / storefront_path).read_text(encoding="utf-8")
    src = re.search(r'data-choices-src="([^"]+)"', page).group(1)
    listing = ((public / storefront_path).parent / src).resolve().read_text(encoding="utf-8")
    return listing.split('<section class="choices" data-choices>')[1].split("</section>")[0]


def list_skus(public, storefront_path):
    """The SKUs the member's list page offers."""
    return re.findall(r'name="sku" value="([^"]+)"', list_template(public, storefront_path))


def list_names(public, storefront_path):
    """The names of the items the member's list page offers."""
    return [html.unescape(name) for name in re.findall(r'<span class="item-name">([^<]+)</span>', list_template(public, storefront_path))]


def test_storefront_shows_the_members_items(browser, plain_site):
    base, links, public = plain_site
    for member in ("E1001", "E1014", "E1026"):  # 北京, 乌鲁木齐, and another city
        path = links[member]["url"] + "dragon-boat-2026/index.html"
        browser.get(base + path)
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
        shown = [box.get_attribute("value") for box in browser.find_elements(By.CSS_SELECTOR, "input[name=sku]")]
        expected = list_skus(public, path)
        assert expected, member
        assert shown == expected, member
        assert links[member]["name"] in browser.find_element(By.ID, "main").text


def test_without_javascript_the_storefront_links_to_the_list(plain_site):
    base, links, public = plain_site
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    try:
        path = links["E1001"]["url"] + "dragon-boat-2026/index.html"
        driver.get(base + path)
        assert not driver.find_elements(By.CSS_SELECTOR, "input[name=sku]")  # JavaScript really is off
        driver.find_element(By.CSS_SELECTOR, ".choices-fallback a").click()
        WebDriverWait(driver, 10).until(lambda d: "/lists/" in d.current_url)
        text = driver.find_element(By.ID, "main").text
        for name in list_names(public, path):
            assert name in text
        # The SKU (to write in a mail) is there on demand: in each item's details.
        for sku in list_skus(public, path):
            assert sku not in text
        for summary in driver.find_elements(By.CSS_SELECTOR, ".item-more summary"):
            summary.click()
        text = driver.find_element(By.ID, "main").text
        for sku in list_skus(public, path):
            assert sku in text
    finally:
        driver.quit()
