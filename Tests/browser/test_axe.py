"""No axe-core violation of impact serious or critical, every rule on, on every page kind a
member meets (issue 12, Access for everyone), in both languages of the sample roster, on a
phone (360 px, WeChat's user agent) and a desktop (1280 px). The collector's own pages (the
form for browsers without JavaScript and its confirmation) are checked too.

Each page is opened by `check`, which is where a per-page assertion on the page's language
(`lang`, no Chinese interface text on an English member's pages) goes: one line."""
import html
import re
from urllib.parse import urlencode

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import axe
from conftest import LANGUAGES, THEME
from pages import DESKTOP, PHONE, emulate, open_page

WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def axe_source():
    return axe.source()


def check(browser, axe_source, url: str, language: str) -> list:
    """Opens `url` (a new document) and returns its serious and critical violations."""
    open_page(browser, url)
    return axe.serious(axe.violations(browser, axe_source))


@pytest.mark.parametrize("screen", sorted(WIDTHS))
def test_every_page_kind_has_no_serious_violation(phone, pages_in, axe_source, screen):
    browser = phone
    emulate(browser, *WIDTHS[screen])
    found = {kind: check(browser, axe_source, url, pages_in.language) for kind, url in pages_in.urls.items()}
    assert {"portal", "shop", "item-list", "member", "storefront", "menu-index", "menu-package", "locked"} <= set(found)
    failed = {kind: v for kind, v in found.items() if v}
    assert not failed, f"{pages_in.language}, {screen}:\n" + "\n".join(f"{kind}:\n{axe.describe(v)}" for kind, v in failed.items())


def collector_form_url(base, public, links, member) -> str:
    """The collector's form, as the storefront's button for browsers without JavaScript opens
    it (a GET of the order form's hidden fields to its formaction)."""
    page = (public / links[member]["url"].replace(base, "") / THEME / "index.html").read_text(encoding="utf-8")
    action = html.unescape(re.search(r'formaction="([^"]+)"', page).group(1))
    fields = [(name, html.unescape(value)) for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page)]
    return action + "?" + urlencode(fields)


@pytest.mark.parametrize("screen", sorted(WIDTHS))
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_collectors_form_and_confirmation_have_no_serious_violation(phone, collecting_site, axe_source, language, screen):
    browser = phone
    base, links, public, database = collecting_site
    member = {"zh-CN": "E1003", "en": LANGUAGES["en"][0]}[language]
    emulate(browser, *WIDTHS[screen])
    found = {"form": check(browser, axe_source, collector_form_url(base, public, links, member), language)}
    browser.find_elements(By.CSS_SELECTOR, "input[name=sku]")[0].click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-receipt]"))
    found["confirmation"] = axe.serious(axe.violations(browser, axe_source))
    failed = {kind: v for kind, v in found.items() if v}
    assert not failed, f"{language}, {screen}:\n" + "\n".join(f"{kind}:\n{axe.describe(v)}" for kind, v in failed.items())
