"""`lantern deploy` to a real S3-compatible server: moto's server (PyPI `moto[server]`, pinned in
scripts/install-test-deps.sh) on 127.0.0.1, reached through rclone's `s3` backend with a
connection string, the real `lantern` binary building the sample site and deploying it. The
bucket is read back with boto3: the objects, their bytes, the headers the store serves back, and
(the bucket is versioned) how many times each object was written."""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
import pytest

REPO = Path(__file__).resolve().parents[2]
LANTERN = REPO / ".build" / "debug" / "lantern"
# 64 hex digits: Lantern refuses a secret of fewer than 32 bytes.
SECRET = "64706c6f792d746573742d7365637265742d6f662d33322d62797465732e2e2e"
TODAY = "2026-06-10"
BUCKET = "welfare"
PREFIX = "site"
# The headers an S3 store keeps with an object and serves back (Remote.storedHeaders).
STORED = ("cache-control", "content-disposition", "content-encoding", "content-language", "content-type")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(root: Path):
    """`lantern build` of the site at root; returns the number of files it wrote."""
    run = subprocess.run([str(LANTERN), "build", "--site", str(root), "--today", TODAY],
                         env=dict(os.environ, LANTERN_SECRET=SECRET), capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    written = re.search(r"(\d+) files written", run.stdout)
    assert written, run.stdout
    return int(written.group(1))


def deploy(root: Path, remote: str):
    """`lantern deploy --to remote`; returns (new, changed, deleted) from its summary line and its
    standard output. rclone gets an empty configuration of its own and no AWS_* variables of the
    machine's (rclone 1.60's S3 client refuses to start when AWS_CA_BUNDLE is set)."""
    config = root / "rclone.conf"
    config.touch()
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(root), "RCLONE_CONFIG": str(config), "LANTERN_SECRET": SECRET}
    run = subprocess.run([str(LANTERN), "deploy", "--site", str(root), "--to", remote],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    summary = re.search(r"(\d+) files sent \((\d+) new, (\d+) changed\), (\d+) deleted → ", run.stdout)
    assert summary, run.stdout
    sent, new, changed, deleted = map(int, summary.groups())
    assert sent == new + changed
    return (new, changed, deleted), run.stdout


def manifest(root: Path):
    """The output files the last build made, path → digest (private/state/manifest.tsv)."""
    lines = (root / "private" / "state" / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t")[:2] for line in lines if line)


def header_rules(text: str):
    """The rules of _headers as Lantern reads them (LanternDeploy/HostHeaders.swift): a pattern on
    a line of its own, its headers indented below it, `Name: value`."""
    rules = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t":
            if rules and ":" in stripped:
                name, value = stripped.split(":", 1)
                rules[-1][1].append((name.strip(), value.strip()))
        else:
            rules.append((stripped, []))
    return rules


def expected_headers(rules, path: str):
    """The stored headers a file gets, lower-case name → value: those of every rule whose pattern
    matches "/" + path (`*` matches anything, slashes included); the first rule's value wins."""
    chosen = {}
    for pattern, headers in rules:
        if re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), "/" + path):
            for name, value in headers:
                if name.lower() in STORED:
                    chosen.setdefault(name.lower(), value)
    return chosen


SERVED = {"cache-control": "CacheControl", "content-disposition": "ContentDisposition",
          "content-encoding": "ContentEncoding", "content-language": "ContentLanguage", "content-type": "ContentType"}


def check_headers(s3, public: Path, paths):
    """Each object's stored headers are those _headers gives its path; none it does not give
    (Content-Type aside: rclone sets it from the extension when _headers does not)."""
    rules = header_rules((public / "_headers").read_text(encoding="utf-8"))
    wrong = []
    for path in sorted(paths):
        head = s3.head_object(Bucket=BUCKET, Key=f"{PREFIX}/{path}")
        want = expected_headers(rules, path)
        for name, field in SERVED.items():
            got = head.get(field)
            if name in want:
                if got != want[name]:
                    wrong.append(f"{path}: {name} {got!r}, _headers says {want[name]!r}")
            elif name != "content-type" and got is not None:
                wrong.append(f"{path}: {name} {got!r}, _headers sets none")
        if path.endswith(".html") and "content-type" not in want and not head.get("ContentType", "").startswith("text/html"):
            wrong.append(f"{path}: content-type {head.get('ContentType')!r}")
    assert not wrong, "\n".join(wrong[:10])
    return rules


def bucket_objects(s3):
    """Every object in the bucket, key → number of versions written."""
    versions = {}
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=BUCKET):
        for version in page.get("Versions", []):
            versions[version["Key"]] = versions.get(version["Key"], 0) + 1
        assert not page.get("DeleteMarkers"), "nothing was deleted"
    return versions


@pytest.fixture(scope="module")
def moto():
    """moto's S3 server on a free loopback port, with an empty versioned bucket."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        assert server.poll() is None, "moto's server ended at once"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "moto's server did not listen within 20 s"
            time.sleep(0.1)
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    # The connection string as the README writes one: a value holding a `:` is quoted.
    remote = (f":s3,provider=Other,endpoint='{endpoint}',access_key_id=test,secret_access_key=test:"
              f"{BUCKET}/{PREFIX}")
    yield s3, remote
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def site():
    """A copy of the sample site, built, with a file in public/ that Lantern did not make."""
    root = Path(tempfile.mkdtemp(prefix="lantern-deploy-s3-"))
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    build(root)
    (root / "public" / "google1234567890abcdef.html").write_text("google-site-verification: google1234567890abcdef.html\n")
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def first_deploy(site, moto):
    counts, stdout = deploy(site, moto[1])
    return counts, stdout


def test_the_first_deploy_makes_the_bucket_exactly_what_lantern_made(site, moto, first_deploy):
    s3, _ = moto
    made = manifest(site)
    on_disk = {str(p.relative_to(site / "public")) for p in (site / "public").rglob("*") if p.is_file()}
    assert on_disk == set(made) | {"google1234567890abcdef.html"}
    assert len(made) > 100
    counts, stdout = first_deploy
    assert counts == (len(made), 0, 0), stdout
    assert "keeps no headers" not in stdout
    objects = bucket_objects(s3)
    assert set(objects) == {f"{PREFIX}/{path}" for path in made}, "the bucket holds the files Lantern made, and nothing else"
    assert set(objects.values()) == {1}, "each object written once"
    differ = [path for path in sorted(made)
              if s3.get_object(Bucket=BUCKET, Key=f"{PREFIX}/{path}")["Body"].read() != (site / "public" / path).read_bytes()]
    assert not differ, f"{len(differ)} objects differ from public/, e.g. {differ[:3]}"


def test_each_object_has_the_headers_of_its_path_in_the_headers_file(site, moto, first_deploy):
    s3, _ = moto
    made = manifest(site)
    rules = check_headers(s3, site / "public", made)
    # The three kinds of file the rules tell apart, each present and with what _headers says.
    member_page = next(p for p in sorted(made) if p.startswith("m/") and p.endswith("/index.html"))
    picture = next(p for p in sorted(made) if p.startswith("assets/images/"))
    shared_page = "shop/dragon-boat-2026/index.html"
    assert shared_page in made
    assert expected_headers(rules, member_page)["cache-control"] == "private, no-store"
    assert expected_headers(rules, picture)["cache-control"] == "public, max-age=31536000, immutable"
    assert "cache-control" not in expected_headers(rules, shared_page)
    heads = {path: s3.head_object(Bucket=BUCKET, Key=f"{PREFIX}/{path}") for path in (member_page, picture, shared_page)}
    assert heads[member_page]["CacheControl"] == "private, no-store"
    assert heads[picture]["CacheControl"] == "public, max-age=31536000, immutable"
    assert "CacheControl" not in heads[shared_page]
    assert heads[member_page]["ContentType"].startswith("text/html")
    assert heads[picture]["ContentType"].startswith("image/")


def test_after_a_one_price_rebuild_the_next_deploy_sends_only_what_the_build_wrote(site, moto, first_deploy):
    s3, remote = moto
    before = manifest(site)
    catalog = site / "content" / "catalog.csv"
    lines = catalog.read_text(encoding="utf-8").split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith("DB-001,")]
    assert ",128.00," in lines[index]
    lines[index] = lines[index].replace(",128.00,", ",118.00,", 1)
    catalog.write_text("\n".join(lines), encoding="utf-8")
    written = build(site)
    after = manifest(site)
    assert set(after) == set(before), "a price changes no file's existence"
    changed = {path for path in after if after[path] != before[path]}
    assert 0 < written == len(changed) < len(after) / 4

    counts, stdout = deploy(site, remote)
    assert counts == (0, written, 0), stdout
    objects = bucket_objects(s3)
    assert set(objects) == {f"{PREFIX}/{path}" for path in after}
    rewritten = {key[len(PREFIX) + 1:] for key, count in objects.items() if count > 1}
    assert rewritten == changed, "exactly the files the build wrote were sent again"
    assert all(count <= 2 for count in objects.values())
    shop = s3.get_object(Bucket=BUCKET, Key=f"{PREFIX}/shop/dragon-boat-2026/index.html")["Body"].read().decode()
    assert "118.00" in shop
    for path in changed:
        assert s3.get_object(Bucket=BUCKET, Key=f"{PREFIX}/{path}")["Body"].read() == (site / "public" / path).read_bytes()
    # The files sent again (the shop, its lists) and those left alone (member pages, pictures)
    # all still have the headers of their paths.
    assert "shop/dragon-boat-2026/index.html" in changed
    check_headers(s3, site / "public", after)

    # Nothing changed since: nothing is sent.
    counts, stdout = deploy(site, remote)
    assert counts == (0, 0, 0), stdout
    assert bucket_objects(s3) == objects
