"""A member whose roster `language` is `en` reads English (issue 12): `lang="en"` on the page, and
no Chinese word of the interface. Chinese may appear only inside an element declared Chinese
(`lang="zh-CN"`): the site's own content (catalog rows, the site's and union's names, a greeting
that has no English version), which the templates mark so a screen reader says it in Chinese.

A greeting's or letter's body is the member's own content, written by comms staff with the
member's variables in it (the union's name, the department): it is left out, and so are the
site's and the union's names wherever they stand (a title, a sentence).

Emily Carter (E1016) is the sample's English reader: 海外事业部, 上海, and the overseas letter."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, Server, build_site

CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"

# Every text node and every attribute a member reads or hears, with the language of the
# nearest element that declares one.
READ_TEXT = r"""
const found = [];
const cjk = new RegExp(arguments[0]);
const langOf = el => (el.closest('[lang]') || document.documentElement).getAttribute('lang');
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!el || el.closest('script, style, template, [hidden], .card-greeting, .letter-body')) continue;
  const text = node.textContent.trim();
  if (text && cjk.test(text)) found.push([langOf(el), text, el.outerHTML.slice(0, 120)]);
}
for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit], button')) {
  for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
    const value = el.getAttribute(name);
    if (value && cjk.test(value)) found.push([langOf(el), value, el.outerHTML.slice(0, 120)]);
  }
}
if (cjk.test(document.title)) found.push([document.documentElement.lang, document.title, '<title>']);
return found;
"""


@pytest.fixture(scope="module")
def site():
    public, links = build_site("")
    server = Server(public)
    yield server.base, links, public
    server.close()


SITE_NAMES = [line.split(":", 1)[1].split(" #")[0].strip() for line in (REPO / "content" / "site.yaml").read_text(encoding="utf-8").splitlines()
              if line.startswith(("name:", "union:"))]


def chinese_outside_chinese_parts(browser):
    def interface(text):
        for name in SITE_NAMES:
            text = text.replace(name, "")
        return text
    return [(lang, text, html) for lang, text, html in browser.execute_script(READ_TEXT, CJK)
            if not (lang or "").lower().startswith("zh") and re.search(CJK, interface(text))]


def pages_of(links, member):
    home = links[member]["url"]
    return [home, home + "dragon-boat-2026/index.html"]


def test_an_english_members_pages_have_no_chinese_interface(browser, site):
    base, links, _ = site
    for path in pages_of(links, "E1016"):
        browser.get(base + path)
        WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        if path.endswith("dragon-boat-2026/index.html"):
            WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", path
        assert chinese_outside_chinese_parts(browser) == [], path


def test_the_english_pages_say_in_english_what_the_chinese_ones_say(browser, site):
    base, links, _ = site
    browser.get(base + links["E1016"]["url"] + "dragon-boat-2026/index.html")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    main = browser.find_element(By.ID, "main").text
    assert "CNY 200.00" in main
    assert re.search(r"\b\d{1,2} (June|July) 2026\b", main), main
    # A Chinese member of the same city reads Chinese.
    browser.get(base + links["E1002"]["url"] + "dragon-boat-2026/index.html")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    assert "¥200.00" in browser.find_element(By.ID, "main").text


def test_the_portal_and_shops_are_in_the_sites_language(browser, site):
    base, _, _ = site
    for path in ("index.html", "shop/dragon-boat-2026/index.html", "menu/index.html"):
        browser.get(base + path)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN", path
