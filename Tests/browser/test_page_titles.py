"""The title a browser tab shows names the page (issue 12): `<theme> · 张伟` on a storefront,
`张伟 · <site>` on the member's home. An encrypted page's title names no member until it is
opened: then unlock.js sets the member's title, which was sealed with the page."""
from selenium.webdriver.support.ui import WebDriverWait

from pages import member_folder

THEME = "dragon-boat-2026"
SITE = "云帆智造职工福利站"
SHOP = "2026 端午安康 · 粽情好礼"


def titles(browser, base, links, member):
    folder = base + member_folder(links, member)
    key = links[member]["url"][len(member_folder(links, member)):]
    out = {}
    for page, url in (("home", folder + "index.html" + key), ("storefront", folder + THEME + "/index.html" + key)):
        browser.get("about:blank")
        browser.get(url)
        WebDriverWait(browser, 10).until(lambda d: links[member]["name"] in d.find_element("id", "main").text
                                         or "请从您的专属链接打开此页面" in d.find_element("id", "main").text)
        out[page] = browser.title
    return out


def test_titles_name_the_member_and_the_page(browser, plain_site):
    base, links, _ = plain_site
    name = links["E1001"]["name"]
    assert titles(browser, base, links, "E1001") == {"home": f"{name} · {SITE}", "storefront": f"{SHOP} · {name}"}


def test_an_encrypted_page_names_the_member_only_once_open(browser, encrypted_site):
    base, links = encrypted_site
    name = links["E1001"]["name"]
    locked = dict(links, E1001=dict(links["E1001"], url=links["E1001"]["url"].split("#")[0]))
    assert titles(browser, base, locked, "E1001") == {"home": SITE, "storefront": f"{SHOP} · {SITE}"}
    opened = titles(browser, base, links, "E1001")
    assert opened == {"home": f"{name} · {SITE}", "storefront": f"{SHOP} · {name}"}
    # The carrier of the title is gone from the page once it is set.
    assert not browser.find_elements("css selector", "template[data-page-title]")
