"""For older fingers and eyes (issue 12, Access for everyone), on a phone (360 × 740):

- everything a member taps (links, buttons, the labels of checkboxes and radio buttons, the
  summaries that open details, selects) is at least 44 × 44 CSS px; links inside running text
  are exempt, as WCAG 2.5.8 allows for inline targets;
- with `prefers-reduced-motion: reduce` (CDP Emulation.setEmulatedMedia) nothing moves: no
  transition, no animation, no smooth scrolling;
- dark mode is declined on purpose: every page says `color-scheme: light` (meta, and CSS on
  Lantern's pages), and a browser that prefers dark shows it exactly as in light."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pages import PHONE, emulate, emulate_media, open_page
from test_axe import collector_form_url

# The targets a member taps that are too small, each with its size. Skipped: what is not
# shown (display none, a closed <details>, the skip link until it has the focus) and links
# whose block holds other text too (inline in a sentence).
SMALL_TARGETS = r"""
var out = [];
var targets = document.querySelectorAll('a[href], button, summary, select, input[type=submit], label');
for (var i = 0; i < targets.length; i++) {
  var el = targets[i];
  if (el.tagName === 'LABEL' && !(el.control && /^(checkbox|radio)$/.test(el.control.type))) { continue; }
  if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') { continue; }
  var box = el.getBoundingClientRect();
  if (box.width <= 1 && box.height <= 1) { continue; }
  if (el.tagName === 'A') {
    var block = el.parentElement;
    while (block && /^inline/.test(getComputedStyle(block).display)) { block = block.parentElement; }
    if (block && block.textContent.trim().length > el.textContent.trim().length) { continue; }
  }
  if (box.width < 44 || box.height < 44) {
    out.push(el.outerHTML.slice(0, 90) + ' ' + Math.round(box.width) + '×' + Math.round(box.height));
  }
}
return [targets.length, out];
"""



def test_everything_a_member_taps_is_at_least_44_px(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE)
    small, counted = {}, 0
    for kind, url in pages_in.urls.items():
        open_page(browser, url)
        for state in ("closed", "open"):
            if state == "open":  # what the details hold counts too
                browser.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
            total, found = browser.execute_script(SMALL_TARGETS)
            counted += total
            if found:
                small[f"{kind} ({state})"] = found
    assert counted > 100
    assert not small, small


def test_the_collectors_form_and_confirmation_have_44_px_targets(phone, collecting_site):
    browser = phone
    base, links, public, database = collecting_site
    emulate(browser, *PHONE)
    open_page(browser, collector_form_url(base, public, links, "E1004"))
    pages = {"form": browser.execute_script(SMALL_TARGETS)}
    browser.find_elements(By.CSS_SELECTOR, "label[for^=sku-]")[0].click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-receipt]"))
    pages["confirmation"] = browser.execute_script(SMALL_TARGETS)
    assert pages["form"][0] > 3
    assert not {page: found for page, (_, found) in pages.items() if found}


MOVING = r"""
var out = [];
var all = [document.documentElement].concat(Array.prototype.slice.call(document.querySelectorAll('body, body *')));
all.forEach(function (el) {
  [null, '::before', '::after'].forEach(function (pseudo) {
    var s = getComputedStyle(el, pseudo);
    var moves = s.transitionDuration.split(',').some(function (d) { return parseFloat(d) > 0; }) ||
                (s.animationName !== 'none' && s.animationDuration.split(',').some(function (d) { return parseFloat(d) > 0; })) ||
                s.scrollBehavior === 'smooth';
    if (moves) { out.push(el.tagName + '.' + el.className + (pseudo || '')); }
  });
});
return out;
"""


def test_with_reduced_motion_nothing_moves(phone, pages_in):
    browser = phone
    emulate(browser, *PHONE)
    emulate_media(browser, prefers_reduced_motion="reduce")
    moving = {}
    for kind, url in pages_in.urls.items():
        open_page(browser, url)
        assert browser.execute_script("return matchMedia('(prefers-reduced-motion: reduce)').matches")
        found = browser.execute_script(MOVING)
        if found:
            moving[kind] = found[:10]
    assert not moving, moving


COLOURS = r"""
var root = getComputedStyle(document.documentElement), body = getComputedStyle(document.body);
var meta = document.querySelector('meta[name=color-scheme]');
var sample = document.querySelector('.button, a[href], h1');
return {scheme: root.colorScheme, meta: meta && meta.content, background: body.backgroundColor, ink: body.color,
        sample: sample && [getComputedStyle(sample).color, getComputedStyle(sample).backgroundColor],
        dark: matchMedia('(prefers-color-scheme: dark)').matches};
"""


def test_dark_mode_is_declined_and_the_page_stays_as_designed(phone, pages_in, collecting_site):
    browser = phone
    base, links, public, database = collecting_site
    emulate(browser, *PHONE)
    urls = dict(pages_in.urls, collector=collector_form_url(base, public, links, "E1005"))
    looks = {}
    for scheme in ("light", "dark"):
        emulate_media(browser, prefers_color_scheme=scheme)
        for kind, url in urls.items():
            open_page(browser, url)
            looks[kind, scheme] = browser.execute_script(COLOURS)
    for kind in urls:
        light, dark = looks[kind, "light"], looks[kind, "dark"]
        assert dark.pop("dark") is True and light.pop("dark") is False, kind
        # The collector's own page declares it with the meta alone (its inline CSS is checked by
        # an older CSS grammar, which has no color-scheme); Lantern's pages in their CSS too.
        assert light["meta"] == "light" and light["scheme"] == ("normal" if kind == "collector" else "light"), (kind, light)
        assert dark == light, kind
