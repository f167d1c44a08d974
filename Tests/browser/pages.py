"""The page kinds of a built site as a member's browser reaches them, and a phone to open them
on: shared by the access and budget tests and by scripts/contact-sheet.py."""
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# WeChat's in-app browser on Android (XWEB): members open their links there most often.
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
             "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin "
             "NetType/WIFI Language/zh_CN ABI/arm64")

PHONE = (360, 740)
DESKTOP = (1280, 800)
# Chromium's default text size; the phone's "large text" setting at 200 % doubles it.
DEFAULT_FONT_SIZE = 16


def emulate(driver, width: int, height: int, mobile: bool = None, font_size: int = DEFAULT_FONT_SIZE):
    """Sizes the viewport (CDP Emulation.setDeviceMetricsOverride; `mobile` honours the page's
    viewport meta, as a phone does) and sets the browser's default font size with CDP
    Page.setFontSizes, the setting Chromium's `webkit.webprefs.default_font_size` preference and
    Android's text scaling change: 1rem follows it, so 32 is the phone's text at 200 %."""
    mobile = width < 600 if mobile is None else mobile
    if not hasattr(driver, "lantern_user_agent"):
        driver.lantern_user_agent = driver.execute_script("return navigator.userAgent")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    driver.execute_cdp_cmd("Network.setUserAgentOverride",
                           {"userAgent": WECHAT_UA if mobile else driver.lantern_user_agent.replace("HeadlessChrome", "Chrome")})
    set_font_size(driver, font_size)


def set_font_size(driver, font_size: int):
    driver.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": font_size, "fixed": round(font_size * 13 / 16)}})


def emulate_media(driver, **features):
    """CDP Emulation.setEmulatedMedia, e.g. prefers_reduced_motion="reduce"."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": name.replace("_", "-"), "value": value} for name, value in features.items()]})


def reset(driver):
    """The browser as chromium() made it: its own screen, user agent, text size and media."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if hasattr(driver, "lantern_user_agent"):
        driver.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": driver.lantern_user_agent})
    set_font_size(driver, DEFAULT_FONT_SIZE)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


def member_folder(links: dict, member: str) -> str:
    """The member's folder below the site root, `m/<token>/`, without the key of an encrypted link."""
    return links[member]["url"].split("#")[0]


def item_list(public: Path, storefront: str) -> str:
    """The shared list page a storefront loads, as a path below the site root."""
    import re
    page = (public / storefront).read_text(encoding="utf-8")
    src = re.search(r'data-choices-src="([^"]+)"', page).group(1)
    return str(((public / storefront).parent / src).resolve().relative_to(public.resolve()))


def page_kinds(public: Path, links: dict, member: str, theme: str, letter_member: str = None) -> dict:
    """Every page kind a member meets, as paths below the site root (encrypted links keep their key)."""
    home = links[member]["url"]
    folder = member_folder(links, member)
    key = home[len(folder):]
    storefront = folder + theme + "/index.html"
    kinds = {
        "portal": "index.html",
        "shop": f"shop/{theme}/index.html",
        "item-list": item_list(public, storefront) if (public / storefront).exists() and "data-choices-src" in (public / storefront).read_text(encoding="utf-8") else None,
        "member": folder + "index.html" + key,
        "storefront": storefront + key,
        "menu-index": "menu/index.html",
        "menu-package": sorted(str(p.relative_to(public)) for p in (public / "menu").glob("*/index.html"))[0],
    }
    if letter_member:
        kinds["letter"] = member_folder(links, letter_member) + "index.html" + links[letter_member]["url"][len(member_folder(links, letter_member)):]
    return {kind: path for kind, path in kinds.items() if path}


def wait_ready(driver, javascript: bool = True, timeout: float = 10):
    """Waits until the page is loaded and, with JavaScript, until an encrypted page opened (when
    its address holds the key) and a storefront's order form is live (`form.is-live`)."""
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if not javascript:
        return
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "return !document.querySelector('#sealed[data-sealed]') || !/[#&]k=/.test(location.hash) || "
        "!!document.querySelector('[data-locked-reason]')"))
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "var f = document.querySelector('form[data-budget-fen]'); return !f || f.classList.contains('is-live')"))


def open_page(driver, url: str, javascript: bool = True):
    """Opens `url` as a new document (not a jump within the page open) and waits until it is ready."""
    driver.get("about:blank")
    driver.get(url)
    wait_ready(driver, javascript=javascript)
