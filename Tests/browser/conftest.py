"""Fixtures for the browser tests: a site built by the real `lantern` binary, served on
127.0.0.1 by Python's http.server (WebCrypto needs a secure context: localhost counts), and a
headless Chromium driven by Selenium (Debian's chromium + chromium-driver).

The browser also reaches the server as http://lantern.test:PORT/ (`INSECURE_HOST`, mapped to
127.0.0.1 by a resolver rule): plain HTTP to a name that is not localhost, which is not a secure
context. (Every 127.x.x.x address is loopback, and Chromium counts it as secure.)"""
import csv
import functools
import http.server
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
INSECURE_HOST = "lantern.test"
LANTERN = REPO / ".build" / "debug" / "lantern"


# 64 hex digits: Lantern refuses a secret of fewer than 32 bytes.
SECRET_ENV = {"LANTERN_SECRET": "62726f777365722d746573742d7365637265742d6f662d33322d62797465732e"}


def build_site(extra_yaml: str, today: str = "2026-06-10", edit=None, root: Path = None):
    """Copies the sample site, appends to its site.yaml (after `edit`, a function of its text,
    when given), builds it; returns (public, links)."""
    root = root or Path(tempfile.mkdtemp(prefix="lantern-browser-"))
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    config = root / "content" / "site.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text((edit(text) if edit else text) + extra_yaml, encoding="utf-8")
    env = dict(os.environ, **SECRET_ENV)
    subprocess.run([str(LANTERN), "build", "--site", str(root), "--today", today],
                   check=True, env=env, capture_output=True)
    with open(root / "private" / "links.csv", encoding="utf-8-sig", newline="") as f:
        links = {row["id"]: row for row in csv.DictReader(f)}
    return root / "public", links


class Server:
    def __init__(self, folder: Path):
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chromium(javascript: bool = True):
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,1200",
                f"--host-resolver-rules=MAP {INSECURE_HOST} 127.0.0.1"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture
def phone(browser):
    """The shared browser for a test that changes its screen, text size or media, put back
    as it was afterwards (pages.reset) so that later tests see the browser they expect."""
    from pages import reset
    yield browser
    reset(browser)


@pytest.fixture
def phone_without_javascript(browser_without_javascript):
    from pages import reset
    yield browser_without_javascript
    reset(browser_without_javascript)


@pytest.fixture(scope="session")
def browser_without_javascript():
    driver = chromium(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def encrypted_site():
    public, links = build_site("privacy:\n  encrypt: true\n")
    server = Server(public)
    yield server.base, links
    server.close()


@pytest.fixture(scope="module")
def plain_site():
    public, links = build_site("")
    server = Server(public)
    yield server.base, links, public
    server.close()


THEME = "dragon-boat-2026"
# For each language the sample roster has: the member whose pages are looked at, and one with
# a letter (E1016 has both: an English speaker posted abroad). The site's own language is set
# to match, for the shared pages.
LANGUAGES = {"zh-CN": ("E1001", "E1012"), "en": ("E1016", "E1016")}


@dataclass
class SitePages:
    language: str
    member: str
    urls: dict  # page kind → URL
    public: Path
    links: dict


def in_language(language: str):
    return lambda text: text.replace("language: zh-CN", f"language: {language}")


@pytest.fixture(scope="session", params=sorted(LANGUAGES))
def pages_in(request):
    """Every page kind a member meets, in one language, served: the plain site's pages and the
    locked shell of an encrypted storefront (opened without its key)."""
    from pages import member_folder, page_kinds
    language = request.param
    member, letter = LANGUAGES[language]
    public, links = build_site("", edit=in_language(language))
    sealed, sealed_links = build_site("privacy:\n  encrypt: true\n", edit=in_language(language))
    servers = [Server(public), Server(sealed)]
    kinds = page_kinds(public, links, member, THEME, letter if letter != member else None)
    urls = {kind: servers[0].base + path for kind, path in kinds.items()}
    urls["locked"] = servers[1].base + member_folder(sealed_links, member) + THEME + "/index.html"
    yield SitePages(language, member, urls, public, links)
    for server in servers:
        server.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def collecting_site():
    """The sample site served on one port, with its order endpoint a collector on another."""
    root = Path(tempfile.mkdtemp(prefix="lantern-collect-"))
    server = Server(root / "public")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}/orders"
    public, links = build_site(f"base_url: {server.base}\n", root=root,
                               edit=lambda text: text.replace("https://oa.example.com/welfare/orders", endpoint))
    database = root / "private" / "collect.sqlite"
    collector = subprocess.Popen([str(LANTERN), "collect", "--site", str(root), "--today", "2026-06-10",
                                  "--listen", f"127.0.0.1:{port}", "--db", str(database)],
                                 env=dict(os.environ, **SECRET_ENV), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = collector.stdout.readline()
    assert f"listening on http://127.0.0.1:{port}" in line, line
    yield server.base, links, public, database
    collector.kill()
    collector.wait()
    server.close()
