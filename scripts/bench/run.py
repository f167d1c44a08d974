#!/usr/bin/env python3
"""The benchmark harness behind `make bench`.

    python3 scripts/bench/run.py [--sizes 10000,100000] [--runs 3] [--write]

Builds the release binary (`swift build -c release --product lantern --scratch-path .build-bench`),
installs GNU time and hugo when missing, and for each size generates a synthetic site
(scripts/bench/generate.py) and times, with `/usr/bin/time -v`:

  (a) full build      fresh output and private folders every run
  (b) no-op rebuild   the same inputs into the already built output
  (c) one-SKU price   one nationwide 端午 item under budget changes price (a different SKU each run)
  (d) one member      one new member row is appended (another one each run)

Files and bytes written are measured independently of Lantern's own report: the output and private
trees are snapshotted as {path: (inode, mtime_ns, size)} before and after each build; a file is
written when it is new or its inode or mtime changed (hard-linked unchanged files keep both).
For the 10,000-member case the equivalent Hugo site (scripts/bench/hugo_site.py) is built too.

Item pictures (--image-sizes, default 10000): the same site with a 1200 × 1200 JPEG photo of its
own per SKU (generate.py --images photos), timed for (a) and (b) and for

  (e) one photo   one SKU's photo (on every 端午 list) is replaced by another (another SKU each run)

beside (c), so the cost of pictures is read against the table without them.

Results are printed as a table; with --write they go to BENCHMARKS.md at the repository root,
otherwise the Markdown is printed. A failed build stops the harness with its stderr (exit 1).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCRATCH = ".build-bench"
BUILD_CMD = ["swift", "build", "-c", "release", "--product", "lantern", "--scratch-path", SCRATCH]
GNU_TIME = "/usr/bin/time"
# 64 hex digits (32 bytes): Lantern refuses a shorter or repetitive secret.
SECRET = "6c616e7465726e2d62656e63682d7365637265742d33322d62797465732d6f6b"
# ext4 without a journal (this machine's root) passes over inodes freed in the last 60 s when it
# allocates new ones (the kernel's `recently_deleted`), and over those freed in the last six
# minutes once their inode table block is dirty again, which allocating a neighbour makes it:
# after a big tree is deleted, making files costs several times more for minutes. So nothing is
# deleted until every run is done: old outputs are moved aside (a rename) into a trash folder.
# Before the first run the harness syncs and waits, for what other work deleted just before.
SETTLE_SECONDS = 65
GiB = 1024 ** 3


class BenchError(Exception):
    pass


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- tools

def sudo() -> list[str]:
    return [] if os.geteuid() == 0 else ["sudo"]


def apt_install(package: str) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log(f"installing Debian package `{package}`")
    if subprocess.run(sudo() + ["apt-get", "install", "-y", package], env=env).returncode != 0:
        subprocess.run(sudo() + ["apt-get", "update"], env=env, check=True)
        subprocess.run(sudo() + ["apt-get", "install", "-y", package], env=env, check=True)


def ensure_tools(hugo: bool) -> None:
    if not os.access(GNU_TIME, os.X_OK):
        apt_install("time")
    if hugo and not shutil.which("hugo"):
        apt_install("hugo")
    if hugo:
        try:
            import yaml  # noqa: F401  (hugo_site.py reads front matter and the policy)
        except ImportError:
            apt_install("python3-yaml")
    for tool, pkg in [(GNU_TIME, "time")] + ([("hugo", "hugo")] if hugo else []):
        if not (os.access(tool, os.X_OK) or shutil.which(tool)):
            raise BenchError(f"{tool} is missing after installing `{pkg}`")


def free_port() -> int:
    """A free loopback port, for a server the harness starts."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_section(path: Path, begin: str, end: str, md: str) -> None:
    """Puts `md` (which starts with `begin` and ends with `end`) into the file in place of the
    section between those markers, or at its end when it has none."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if begin in text and end in text:
        text = text[:text.index(begin)] + md + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + md + "\n"
    path.write_text(text, encoding="utf-8")
    log(f"wrote {path}")


def build_release() -> Path:
    log("building: " + " ".join(BUILD_CMD))
    t0 = time.perf_counter()
    p = subprocess.run(BUILD_CMD, cwd=REPO, capture_output=True, text=True)
    if p.returncode != 0:
        raise BenchError(f"release build failed (exit {p.returncode}):\n{tail(p.stdout, 60)}\n{tail(p.stderr, 60)}")
    binary = REPO / SCRATCH / "release" / "lantern"
    if not binary.exists():
        raise BenchError(f"release build succeeded but {binary} does not exist")
    log(f"release build done in {time.perf_counter() - t0:.0f} s")
    return binary


def tail(text: str, lines: int) -> str:
    return "\n".join((text or "").splitlines()[-lines:])


# --------------------------------------------------------------------------- measuring

Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path) -> Snapshot:
    """{relative path: (inode, mtime_ns, size)} of every file (and symlink) under root."""
    out: Snapshot = {}
    if not root.exists():
        return out
    stack = [str(root)]
    prefix = len(str(root)) + 1
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    st = e.stat(follow_symlinks=False)
                    out[e.path[prefix:]] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


@dataclass
class Diff:
    files: int = 0
    bytes: int = 0
    removed: int = 0
    total_files: int = 0
    total_bytes: int = 0


def diff(before: Snapshot, after: Snapshot) -> Diff:
    d = Diff(total_files=len(after), total_bytes=sum(v[2] for v in after.values()))
    for path, (ino, mtime, size) in after.items():
        old = before.get(path)
        if old is None or old[0] != ino or old[1] != mtime:
            d.files += 1
            d.bytes += size
    d.removed = sum(1 for p in before if p not in after)
    return d


@dataclass
class Run:
    seconds: float
    rss_kb: int
    user_s: float
    sys_s: float
    public: Diff
    private: Diff
    summary: str = ""   # the tool's own last line, for reference only

    @property
    def files(self) -> int:
        return self.public.files + self.private.files


def gnu_time(cmd: list[str], env: dict, timeout: float | None) -> tuple[float, int, float, float, str, str]:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        try:
            p = subprocess.run([GNU_TIME, "-v", "-o", tf.name] + cmd, env=env, capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired as e:
            raise BenchError(f"timed out after {timeout} s: {' '.join(cmd)}\n{tail(str(e.stderr or ''), 40)}")
        seconds = time.perf_counter() - t0
        report = tf.read()
    if p.returncode != 0:
        raise BenchError(f"command failed (exit {p.returncode}): {' '.join(cmd)}\n--- stdout\n{tail(p.stdout, 40)}"
                         f"\n--- stderr\n{tail(p.stderr, 80)}\n--- /usr/bin/time\n{tail(report, 30)}")

    def field(name: str) -> str:
        m = re.search(rf"^\s*{re.escape(name)}: (.*)$", report, re.M)
        if not m:
            raise BenchError(f"no `{name}` in /usr/bin/time -v output:\n{report}")
        return m.group(1).strip()
    return (seconds, int(field("Maximum resident set size (kbytes)")), float(field("User time (seconds)")),
            float(field("System time (seconds)")), p.stdout, p.stderr)


@dataclass
class Target:
    site: Path
    public: Path
    private: Path


def lantern_run(binary: Path, t: Target, today: str, timeout: float | None) -> Run:
    before_pub, before_priv = snapshot(t.public), snapshot(t.private)
    env = dict(os.environ, LANTERN_SECRET=SECRET)
    cmd = [str(binary), "build", "--site", str(t.site), "--output", str(t.public), "--private", str(t.private),
           "--today", today]
    seconds, rss, user, sys_, out, _ = gnu_time(cmd, env, timeout)
    after_pub, after_priv = snapshot(t.public), snapshot(t.private)
    lines = [line for line in out.splitlines() if line.strip()]
    return Run(seconds, rss, user, sys_, diff(before_pub, after_pub), diff(before_priv, after_priv),
               next((line for line in lines if line.startswith("built ")), lines[-1] if lines else ""))


class Trash:
    """Where old outputs go: moved, not deleted, until every run is done (see SETTLE_SECONDS)."""

    def __init__(self, work: Path, drop_caches: bool = False):
        self.folder = work / "trash"
        self.drop_caches = drop_caches

    def discard(self, path: Path) -> None:
        if path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.rename(self.folder / str(time.monotonic_ns()))

    def settle(self, wait: bool) -> None:
        """Before a phase: optionally sync and wait; with --drop-caches, empty the inode cache."""
        if wait:
            log(f"sync, then waiting {SETTLE_SECONDS} s")
            subprocess.run(["sync"], check=False)
            time.sleep(SETTLE_SECONDS)
        if self.drop_caches:
            # Millions of cached inodes make every new one slower to hash in (a machine that
            # has been busy for days); start each phase like a freshly booted one.
            subprocess.run(["sync"], check=False)
            try:
                Path("/proc/sys/vm/drop_caches").write_text("2\n")
            except OSError as e:
                raise BenchError(f"--drop-caches needs root: {e}")
            log(f"kernel caches dropped: {cached_inodes()} inodes cached")

    def empty(self) -> None:
        """After every run: deletes what was discarded."""
        shutil.rmtree(self.folder, ignore_errors=True)


def hugo_run(source: Path, dest: Path, cache: Path, timeout: float | None, trash: Trash) -> Run:
    trash.discard(dest)
    cmd = ["hugo", "--quiet", "--source", str(source), "--destination", str(dest), "--cacheDir", str(cache)]
    seconds, rss, user, sys_, _, _ = gnu_time(cmd, dict(os.environ), timeout)
    return Run(seconds, rss, user, sys_, diff({}, snapshot(dest)), Diff())


# --------------------------------------------------------------------------- site edits

def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    r = csv.DictReader(io.StringIO(text, newline=""))
    return list(r.fieldnames or []), list(r)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def fen(text: str) -> int:
    yuan, _, cents = text.strip().partition(".")
    return int(yuan) * 100 + int((cents + "00")[:2])


def theme_budget_fen(site: Path, slug: str) -> int:
    text = (site / "content" / "themes" / f"{slug}.md").read_text(encoding="utf-8")
    return fen(re.search(r"^budget:\s*([0-9.]+)", text, re.M).group(1))


def price_candidates(site: Path, runs: int) -> list[str]:
    """Nationwide, active, in-stock 端午 goods whose price +¥1 stays within the 端午 budget: each is
    on every member's 端午 storefront."""
    budget = theme_budget_fen(site, "dragon-boat-2026")
    _, rows = read_rows(site / "content" / "catalog.csv")
    ok = [r["sku"] for r in rows
          if "dragon-boat" in r["tags"].split("|") and r["cities"] in ("", "*") and (r["kind"] or "goods") == "goods"
          and r["active"] == "true" and r["stock"] != "0" and fen(r["price"]) + 100 <= budget]
    # Prefer items on the 端午 lists only, so that every run changes the same number of lists.
    qualifying = set(ok)
    only = [r["sku"] for r in rows if r["sku"] in qualifying and r["tags"] == "dragon-boat"]
    ok = only if len(only) >= runs else ok
    if len(ok) < runs:
        raise BenchError(f"only {len(ok)} SKUs qualify for the price-change scenario, need {runs}")
    return [ok[(i * len(ok)) // runs + len(ok) // (2 * runs)] for i in range(runs)]


def change_price(site: Path, sku: str) -> str:
    path = site / "content" / "catalog.csv"
    original = path.read_bytes()
    header, rows = read_rows(path)
    write_rows(path, header, rows)
    if path.read_bytes() != original:
        path.write_bytes(original)
        raise BenchError("catalog.csv does not round-trip through csv byte for byte; cannot edit it safely")
    row = next(r for r in rows if r["sku"] == sku)
    old_text = row["price"]
    new = fen(old_text) + 100
    decimals = len(old_text.split(".", 1)[1]) if "." in old_text else 0
    row["price"] = f"{new / 100:.{decimals}f}"   # +¥1.00, written in the row's own style
    write_rows(path, header, rows)
    return f"{sku} {old_text} → {row['price']}"


def add_member(site: Path, k: int) -> str:
    path = site / "content" / "roster.csv"
    header = read_csv_header(path)
    row = {h: "" for h in header}
    row.update({"id": f"N{k:07d}", "name": f"新同事{k}", "department": "研发中心", "gender": "F",
                "birthday": "1993-01-15", "hire_date": "2026-05-06", "city": "北京",
                "email": f"n{k:07d}@example.com", "phone": f"137{k:08d}", "language": "zh-CN", "status": "active"})
    buf = io.StringIO(newline="")
    csv.DictWriter(buf, fieldnames=header, lineterminator="\n").writerow(row)
    data = path.read_bytes()
    if not data.endswith(b"\n"):
        data += b"\n"
    path.write_bytes(data + buf.getvalue().encode("utf-8"))
    return row["id"]


def read_csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


# --------------------------------------------------------------------------- scenarios

@dataclass
class Scenario:
    name: str
    runs: list[Run] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    def med(self, f) -> float:
        return statistics.median(f(r) for r in self.runs)

    @property
    def peak_rss_kb(self) -> int:
        return max(r.rss_kb for r in self.runs)


@dataclass
class SizeResult:
    members: int
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    hugo: Scenario | None = None
    hugo_info: dict = field(default_factory=dict)
    skipped: str = ""
    output_files: int = 0
    output_bytes: int = 0
    private_bytes: int = 0
    load_before: float = -1.0
    floor: str = ""


def loadavg() -> float:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return -1.0


def run_size(n: int, a, binary: Path, work: Path, prev: SizeResult | None) -> SizeResult:
    res = SizeResult(n)
    if prev and prev.output_bytes and not a.ignore_disk:
        # Every run's output stays in the trash until the end: a runs' worth, and kept trees.
        need = (prev.output_bytes + prev.private_bytes) * n / prev.members * (2 * a.runs + 1) + 2 * GiB
        free = shutil.disk_usage(work).free
        if need > free:
            res.skipped = (f"not run: the output would need about {need / GiB:.1f} GiB "
                           f"(from the {prev.members:,}-member run), {free / GiB:.1f} GiB free in {work}")
            log(res.skipped)
            return res
    site = work / f"site-{n}"
    log(f"{n:,} members: generating {site}")
    generate(site, n, a, "none")
    hugo_site = work / f"hugo-site-{n}"
    if n in a.hugo_sizes:
        log(f"{n:,} members: generating the Hugo site {hugo_site}")
        p = subprocess.run([sys.executable, str(HERE / "hugo_site.py"), "--site", str(site), "--out", str(hugo_site),
                            "--today", a.today], capture_output=True, text=True)
        if p.returncode != 0:
            raise BenchError(f"hugo_site.py failed:\n{p.stdout}\n{p.stderr}")
        res.hugo_info = json.loads(p.stdout.strip().splitlines()[-1])

    t = Target(site, work / f"out-{n}" / "public", work / f"out-{n}" / "private")
    res.load_before = loadavg()
    if res.load_before > 0.5:
        log(f"warning: load average {res.load_before:.2f} before the runs: something else is using the CPUs, "
            "timings will be noisy")

    def go(sc: Scenario, label: str) -> Run:
        r = lantern_run(binary, t, a.today, a.timeout)
        sc.runs.append(r)
        log(f"{n:,} {sc.name} #{len(sc.runs)}: {r.seconds:.2f} s, RSS {r.rss_kb / 1024:.0f} MiB, "
            f"written {r.public.files:,} files/{mib(r.public.bytes)} public + {r.private.files:,} private, "
            f"removed {r.public.removed + r.private.removed} {label}")
        return r

    trash = Trash(work, drop_caches=a.drop_caches)
    trash.settle(wait=prev is None)
    sc = res.scenarios["full"] = Scenario("full build")
    for _ in range(a.runs):
        trash.discard(t.public.parent)
        go(sc, "")
    sc = res.scenarios["noop"] = Scenario("no-op rebuild")
    for _ in range(a.runs):
        go(sc, "")
    sc = res.scenarios["price"] = Scenario("one-SKU price change")
    for sku in price_candidates(site, a.runs):
        change = change_price(site, sku)
        sc.notes.append(change)
        go(sc, f"({change})")
    sc = res.scenarios["member"] = Scenario("one-member addition")
    for k in range(1, a.runs + 1):
        sc.notes.append(add_member(site, k))
        go(sc, f"(+{sc.notes[-1]})")
    last = sc.runs[-1]
    res.output_files, res.output_bytes = last.public.total_files, last.public.total_bytes
    res.private_bytes = last.private.total_bytes

    if n in a.hugo_sizes:
        trash.settle(wait=False)
        hs = res.hugo = Scenario("Hugo full build")
        dest, cache = work / f"hugo-out-{n}", work / "hugo-cache"
        for _ in range(a.runs):
            r = hugo_run(hugo_site, dest, cache, a.timeout, trash)
            hs.runs.append(r)
            log(f"{n:,} hugo #{len(hs.runs)}: {r.seconds:.2f} s, RSS {r.rss_kb / 1024:.0f} MiB, "
                f"{r.public.files:,} files, {mib(r.public.bytes)}")
        if not a.keep:
            trash.discard(dest)
            trash.discard(hugo_site)
    trash.settle(wait=False)
    # The disk's floor: as many folders and files, created by Python with nothing rendered.
    pages = max(1, round(res.scenarios["full"].runs[-1].public.files / n))
    floor = subprocess.run([sys.executable, str(HERE / "fsfloor.py"), "--members", str(n),
                            "--pages", str(pages), "--dir", str(work), "--keep"], capture_output=True, text=True)
    lines = floor.stdout.strip().splitlines()
    res.floor = lines[0] if lines else floor.stderr.strip()
    if len(lines) > 1:
        trash.discard(Path(lines[1]))
    log(f"{n:,} file-system floor: {res.floor}")
    if not a.keep:
        trash.discard(t.public.parent)
        trash.discard(site)
    return res


def generate(site: Path, n: int, a, images: str) -> None:
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--members", str(n), "--skus", str(a.skus),
                    "--seed", str(a.seed), "--out", str(site), "--force", "--images", images],
                   check=True, stdout=subprocess.DEVNULL)


def change_photo(site: Path, sku: str, k: int) -> str:
    """Replaces the SKU's photo by another SKU's picture (other pixels, another digest)."""
    images = site / "content" / "images"
    mine = images / f"{sku.lower()}.jpg"
    others = sorted(p for p in images.iterdir() if p != mine)
    donor = others[(k * 37) % len(others)]
    data = donor.read_bytes()
    body = f"changed {k}".encode()
    mine.write_bytes(data[:2] + b"\xff\xfe" + (len(body) + 2).to_bytes(2, "big") + body + data[2:])
    return f"{mine.name} ← {donor.name}"


@dataclass
class ImageResult:
    members: int
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    photos: int = 0
    photo_bytes: int = 0
    versions: int = 0
    version_bytes: int = 0
    load_before: float = -1.0
    hugo: Scenario | None = None   # none: `scenario_rows` reads it


def run_images(n: int, a, binary: Path, work: Path) -> ImageResult:
    """The site of `run_size` with a photo per SKU: what pictures add to a build."""
    res = ImageResult(n)
    site = work / f"site-photos-{n}"
    log(f"{n:,} members with photos: generating {site}")
    generate(site, n, a, "photos")
    photos = list((site / "content" / "images").iterdir())
    res.photos, res.photo_bytes = len(photos), sum(p.stat().st_size for p in photos)
    t = Target(site, work / f"out-photos-{n}" / "public", work / f"out-photos-{n}" / "private")
    res.load_before = loadavg()
    trash = Trash(work, drop_caches=a.drop_caches)
    trash.settle(wait=False)

    def go(sc: Scenario, label: str) -> Run:
        r = lantern_run(binary, t, a.today, a.timeout)
        sc.runs.append(r)
        log(f"{n:,} photos {sc.name} #{len(sc.runs)}: {r.seconds:.2f} s, RSS {r.rss_kb / 1024:.0f} MiB, "
            f"written {r.public.files:,} files/{mib(r.public.bytes)} public {label}")
        return r

    sc = res.scenarios["full"] = Scenario("full build, with photos")
    for _ in range(a.runs):
        trash.discard(t.public.parent)
        go(sc, "")
    versions = [p for p in (t.public / "assets" / "images").iterdir()]
    res.versions, res.version_bytes = len(versions), sum(p.stat().st_size for p in versions)
    sc = res.scenarios["noop"] = Scenario("no-op rebuild, with photos")
    for _ in range(a.runs):
        go(sc, "")
    sc = res.scenarios["photo"] = Scenario("one-photo change")
    for k, sku in enumerate(price_candidates(site, a.runs), 1):
        sc.notes.append(change_photo(site, sku, k))
        go(sc, f"({sc.notes[-1]})")
    sc = res.scenarios["price"] = Scenario("one-SKU price change, with photos")
    for sku in price_candidates(site, a.runs):
        sc.notes.append(change_price(site, sku))
        go(sc, f"({sc.notes[-1]})")
    if not a.keep:
        trash.discard(t.public.parent)
        trash.discard(site)
    return res


def image_markdown(res: ImageResult, without: SizeResult | None) -> list[str]:
    n = res.members
    out = [f"## Item pictures, {n:,} members", "",
           f"The same site with a photo of its own for each of the {res.photos:,} SKUs (`generate.py --images photos`: "
           f"1200 × 1200 JPEG, {mib(res.photo_bytes)} in all); the pages show {res.versions // 2:,} of them, whose "
           f"{res.versions:,} versions (240 and 480 px WebP) take {mib(res.version_bytes)} in `public/assets/images/`. "
           f"Load average (1 min) before the runs: {res.load_before:.2f}.", "",
           "- **one-photo change**: one SKU's photo (a nationwide 端午 item, on every 端午 list) is replaced by "
           "another picture, another SKU each run.", "",
           md_table(HEAD, scenario_rows(res)), ""]
    for key in ("photo",):
        if res.scenarios[key].notes:
            out += [f"- {res.scenarios[key].name}: " + "; ".join(res.scenarios[key].notes), ""]
    if without and not without.skipped:
        full, full0 = res.scenarios["full"].median, without.scenarios["full"].median
        photo, price0 = res.scenarios["photo"].median, without.scenarios["price"].median
        out += [f"Against the site without pictures (the {n:,}-member table above): a full build takes "
                f"{full:.2f} s instead of {full0:.2f} s (+{full - full0:.2f} s, ×{full / full0:.1f}); a one-photo "
                f"rebuild {photo:.2f} s, against {price0:.2f} s for a one-SKU price change there; the one-SKU "
                f"price change with photos takes {res.scenarios['price'].median:.2f} s.", ""]
    return out


# --------------------------------------------------------------------------- reporting

def mib(b: float) -> str:
    if b >= GiB:
        return f"{b / GiB:.2f} GiB"
    if b >= 1024 ** 2:
        return f"{b / 1024 ** 2:.1f} MiB"
    if b >= 1024:
        return f"{b / 1024:.1f} KiB"
    return f"{int(b)} B"


def machine() -> dict:
    cpu = "unknown"
    try:
        m = re.search(r"^model name\s*:\s*(.*)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    mem = "unknown"
    try:
        kb = int(re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.M).group(1))
        mem = f"{kb / 1024 ** 2:.1f} GiB"
    except (OSError, AttributeError):
        pass

    def first_line(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "unavailable"
    nproc = first_line(["nproc"])
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": nproc, "cpu": cpu,
            "memory": mem, "kernel": platform.release(), "os": os_name(), "inodes": cached_inodes(),
            "swift": first_line(["swift", "--version"]), "hugo": first_line(["hugo", "version"]),
            "commit": git_head()}


def cached_inodes() -> str:
    """How many inodes the kernel holds in memory: with millions (a long-running machine), each
    new file's inode is hashed into long chains, and file creation is slower."""
    try:
        return f"{int(Path('/proc/sys/fs/inode-nr').read_text().split()[0]):,}"
    except (OSError, ValueError, IndexError):
        return "unknown"


def binary_id(binary: Path) -> str:
    """Which binary was measured: its hash and build time (the tree may change between runs)."""
    import hashlib
    h = hashlib.sha256(binary.read_bytes()).hexdigest()[:12]
    built = dt.datetime.fromtimestamp(binary.stat().st_mtime, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"sha256 {h}…, built {built}"


def os_name() -> str:
    try:
        return re.search(r'^PRETTY_NAME="?(.*?)"?$', Path("/etc/os-release").read_text(), re.M).group(1)
    except (OSError, AttributeError):
        return platform.platform()


def git_head() -> str:
    """The checked-out commit, read from .git without running git (the tree may have local changes)."""
    try:
        git = REPO / ".git"
        if git.is_file():
            git = (REPO / git.read_text().split(":", 1)[1].strip()).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head[:12]
        ref = head.split(" ", 1)[1]
        if (git / ref).exists():
            return f"{(git / ref).read_text().strip()[:12]} ({ref.rsplit('/', 1)[-1]})"
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return f"{line[:12]} ({ref.rsplit('/', 1)[-1]})"
    except OSError:
        pass
    return "unknown"


def targets(results: dict[int, SizeResult]) -> list[tuple[str, str, str]]:
    out = []

    def add(what, measured, ok):
        out.append((what, measured, "n/a" if ok is None else ("PASS" if ok else "FAIL")))
    r10, r100 = results.get(10000), results.get(100000)
    ok10 = r10 and not r10.skipped
    ok100 = r100 and not r100.skipped
    if ok10 and r10.hugo and r10.hugo.runs:
        ratio = r10.scenarios["full"].median / r10.hugo.median
        add("10,000: full build ≤ 1/5 of Hugo's time", f"{ratio:.3f} × Hugo ({r10.scenarios['full'].median:.2f} s "
            f"vs {r10.hugo.median:.2f} s)", ratio <= 0.2)
    else:
        add("10,000: full build ≤ 1/5 of Hugo's time", "not measured", None)
    if ok10:
        add("10,000: full build < 3 s", f"{r10.scenarios['full'].median:.2f} s", r10.scenarios["full"].median < 3)
    else:
        add("10,000: full build < 3 s", "not measured", None)
    if ok100:
        full = r100.scenarios["full"]
        add("100,000: full build < 30 s", f"{full.median:.2f} s", full.median < 30)
        rss = max(s.peak_rss_kb for s in r100.scenarios.values()) * 1024
        add("100,000: peak RSS ≤ 1 GiB (any scenario)", mib(rss), rss <= GiB)
        noop = r100.scenarios["noop"]
        files = max(r.files for r in noop.runs)
        pub = max(r.public.files for r in noop.runs)
        add("100,000: no-op rebuild writes 0 files", f"{files} files (public {pub}, private {files - pub})", files == 0)
        share = noop.median / full.median
        add("100,000: no-op rebuild < 10 % of the full build", f"{share * 100:.1f} % ({noop.median:.2f} s)", share < 0.1)
        price = r100.scenarios["price"]
        pct = max(r.public.bytes / r.public.total_bytes for r in price.runs) * 100
        add("100,000: one SKU's price rewrites ≤ 1 % of output bytes",
            f"{pct:.2f} % ({mib(max(r.public.bytes for r in price.runs))} of {mib(price.runs[-1].public.total_bytes)})",
            pct <= 1)
    else:
        why = r100.skipped if r100 else "not run"
        for w in ["100,000: full build < 30 s", "100,000: peak RSS ≤ 1 GiB (any scenario)",
                  "100,000: no-op rebuild writes 0 files", "100,000: no-op rebuild < 10 % of the full build",
                  "100,000: one SKU's price rewrites ≤ 1 % of output bytes"]:
            add(w, why, None)
    return out


def scenario_rows(res: SizeResult) -> list[list[str]]:
    rows = []
    for sc in list(res.scenarios.values()) + ([res.hugo] if res.hugo else []):
        runs = ", ".join(f"{r.seconds:.2f}" for r in sc.runs)
        pub_files = sorted({r.public.files for r in sc.runs})
        pub = f"{int(sc.med(lambda r: r.public.files)):,}" + ("" if len(pub_files) == 1 else
                                                               f" ({pub_files[0]:,}–{pub_files[-1]:,})")
        removed = int(sc.med(lambda r: r.public.removed + r.private.removed))
        pct = sc.med(lambda r: r.public.bytes / r.public.total_bytes * 100 if r.public.total_bytes else 0)
        rows.append([sc.name, f"{sc.median:.2f}", runs, pub, mib(sc.med(lambda r: r.public.bytes)), f"{pct:.2f} %",
                     f"{int(sc.med(lambda r: r.private.files)):,} / {mib(sc.med(lambda r: r.private.bytes))}",
                     f"{removed:,}", f"{sc.peak_rss_kb / 1024:.0f} MiB",
                     f"{sc.med(lambda r: r.user_s + r.sys_s):.2f}"])
    return rows


HEAD = ["scenario", "median s", "runs (s)", "files written", "bytes written", "% of output",
        "private files / bytes", "removed", "peak RSS", "CPU s"]


def md_table(head, rows) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def text_table(head, rows) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    fmt = lambda r: "  ".join(str(x).ljust(w) for x, w in zip(r, widths))  # noqa: E731
    return "\n".join([fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])


def markdown(results: dict[int, SizeResult], m: dict, a, binary_note: str) -> str:
    out = ["# Benchmarks", "",
           f"Measured {m['date']} by `scripts/bench/run.py` ({' '.join(a.argv_note)}). Reproduce with:", "",
           "```sh", ("make bench BENCH_FLAGS=--drop-caches    # = python3 scripts/bench/run.py --write --drop-caches"
                     if a.drop_caches else "make bench    # = python3 scripts/bench/run.py --write"), "```", "",
           "## Machine", "",
           f"- CPU: {m['cpu']}, {m['nproc']} cores (nproc)", f"- memory: {m['memory']}",
           f"- OS: {m['os']}, kernel {m['kernel']}; {m['inodes']} inodes in the kernel's cache before the runs", f"- Swift: {m['swift']}", f"- Hugo: {m['hugo']}",
           f"- Lantern: {binary_note}; checkout {m['commit']} plus any uncommitted changes", "",
           "## Method", "",
           f"Synthetic sites from `scripts/bench/generate.py` (seed {a.seed}): {a.skus:,} SKUs derived from the sample "
           "catalog (16 delivery cities, ~25 % of items restricted to 1–3 cities), members derived from the sample "
           "roster, three open themes on "
           f"`--today {a.today}` (2026 端午, 防暑降温 `summer-2026`, birthdays), `base_url` set (print sheets "
           f"on). Every build: `LANTERN_SECRET={SECRET} lantern build --site … --output … --private … --today "
           f"{a.today}` under `/usr/bin/time -v`; {a.runs} runs per scenario, median wall time (all runs listed).", "",
           "- **full build**: fresh output and private folders each run (the last run's are moved aside, not "
           "deleted: see below);",
           "- **no-op rebuild**: unchanged inputs into the output of the last full build;",
           "- **one-SKU price change**: +¥1.00 on one nationwide, in-stock 端午 item under budget (on every "
           "member's 端午 list), a different SKU each run;",
           "- **one-member addition**: one more active member row appended each run.", "",
           "*Files/bytes written* are measured outside Lantern: the output tree is snapshotted as "
           "{path: (inode, mtime_ns, size)} before and after the build; a file counts as written when it is new "
           "or its inode or mtime changed (hard-linked unchanged files keep both). *% of output* = bytes written / "
           "total bytes of `public/` after the build. The private folder (links, audit, print sheets, state) is "
           "counted separately. *Peak RSS* is the largest \"Maximum resident set size\" of the runs; *CPU s* is "
           "user + system time (median).", "",
           "Nothing is deleted until every run is done: old outputs (and the file-system floor's tree) are "
           "renamed into a trash folder, deleted at the end. Before the first run the harness syncs and waits "
           f"{SETTLE_SECONDS} s. On ext4 without a journal (this machine's disk) the kernel passes over inodes "
           "freed in the last 60 s when it allocates new ones, and over those freed in the last six minutes "
           "once their inode table block is dirty again (`recently_deleted` in fs/ext4/ialloc.c), so a build "
           "started within minutes of a big deletion creates its files several times slower: earlier versions "
           "of this harness, which deleted the last run's output before the next, timed their own clean-up. "
           + ("With `--drop-caches` the kernel's inode and dentry caches were dropped before each phase (after "
              "the pause), so each phase starts with few inodes cached, as on a freshly booted machine."
              if a.drop_caches else "The kernel's caches were not dropped (`--drop-caches` would)."), ""]
    for n, res in results.items():
        out.append(f"## {n:,} members")
        out.append("")
        if res.skipped:
            out += [f"**{res.skipped}**", ""]
            continue
        out.append(f"Output after the runs: {res.output_files:,} files, {mib(res.output_bytes)} in `public/`; "
                   f"{mib(res.private_bytes)} in `private/`. Load average (1 min) before the runs: "
                   f"{res.load_before:.2f}.")
        out.append("")
        out.append(md_table(HEAD, scenario_rows(res)))
        out.append("")
        if res.floor:
            out += [f"File-system floor (`scripts/bench/fsfloor.py`, the same number of folders and files made by "
                    f"one Python thread, nothing rendered): {res.floor}.", ""]
        for key in ("price", "member"):
            if res.scenarios[key].notes:
                out.append(f"- {res.scenarios[key].name}: " + "; ".join(res.scenarios[key].notes))
        if res.hugo:
            ratio = res.scenarios["full"].median / res.hugo.median
            info = res.hugo_info
            version = (m["hugo"].split() + ["", ""])[1]
            out += ["", f"**Hugo comparison** (hugo {version}): `hugo --quiet --destination <fresh folder>` on the "
                    "equivalent site from "
                    f"`scripts/bench/hugo_site.py`: {info.get('member_pages', '?'):,} member pages "
                    f"({info.get('cards', '?'):,} greeting cards, each followed by the member's item list), "
                    f"{info.get('shops', '?')} shop pages. Median {res.hugo.median:.2f} s vs Lantern's full build "
                    f"{res.scenarios['full'].median:.2f} s: **ratio Lantern / Hugo = {ratio:.3f}**."]
        out.append("")
    for n, res in a.image_results.items():
        out += image_markdown(res, results.get(n))
    out += ["## Targets", "", md_table(["target (release build, 2 cores)", "measured", "result"], targets(results)), ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- main

def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="10000,100000", help="member counts, comma-separated (default 10000,100000)")
    p.add_argument("--runs", type=int, default=3, help="runs per scenario (default 3)")
    p.add_argument("--skus", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--today", default="2026-06-10")
    p.add_argument("--hugo-sizes", default="10000", help="sizes to compare with Hugo (default 10000; '' for none)")
    p.add_argument("--image-sizes", default="10000",
                   help="sizes to measure again with a photo per SKU (default 10000; '' for none)")
    p.add_argument("--binary", type=Path, help="use this lantern binary instead of building the release one "
                                               "(the report says so)")
    p.add_argument("--workdir", type=Path, help="where sites and outputs go (default: a new folder under $TMPDIR)")
    p.add_argument("--keep", action="store_true", help="keep the generated sites and outputs")
    p.add_argument("--drop-caches", action="store_true",
                   help="before each phase, write 2 to /proc/sys/vm/drop_caches (root): file creation slows as the "
                        "kernel's inode cache grows, so this starts each phase like a freshly booted machine")
    p.add_argument("--timeout", type=float, default=3600, help="seconds one build may take (default 3600)")
    p.add_argument("--ignore-disk", action="store_true", help="run a size even when it may not fit on the disk")
    p.add_argument("--write", nargs="?", type=Path, const=REPO / "BENCHMARKS.md", metavar="FILE",
                   help="write the Markdown report to FILE (default FILE: BENCHMARKS.md at the repository root); "
                        "without --write it is printed")
    p.add_argument("--json", type=Path, help="also write the raw measurements as JSON")
    a = p.parse_args()
    a.argv_note = ["`" + " ".join(["run.py"] + sys.argv[1:]) + "`"]
    try:
        a.sizes = [int(s.replace("_", "").replace(",", "")) for s in a.sizes.split(",") if s.strip()]
        a.hugo_sizes = {int(s) for s in a.hugo_sizes.split(",") if s.strip()}
        a.image_sizes = [int(s) for s in a.image_sizes.split(",") if s.strip()]
    except ValueError:
        p.error("--sizes, --hugo-sizes and --image-sizes take comma-separated whole numbers")
    a.image_results = {}
    if a.runs < 1:
        p.error("--runs must be at least 1")

    try:
        ensure_tools(hugo=bool(a.hugo_sizes & set(a.sizes)))
        if a.binary:
            binary = a.binary.resolve()
            binary_note = f"**given binary `{binary}`** (not the harness's release build)"
        else:
            binary = build_release()
            binary_note = f"release build (`{' '.join(BUILD_CMD)}`)"
        binary_note += f", {binary_id(binary)}"
        work = a.workdir or Path(tempfile.mkdtemp(prefix="lantern-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        work = work.resolve()
        log(f"work folder {work} (left in place if a build fails)")
        results: dict[int, SizeResult] = {}
        prev = None
        for n in a.sizes:
            results[n] = run_size(n, a, binary, work, prev)
            if not results[n].skipped:
                prev = results[n]
        if a.image_sizes and not shutil.which("vips"):
            apt_install("libvips-tools")
        for n in a.image_sizes:
            a.image_results[n] = run_images(n, a, binary, work)
        if not a.keep and not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    except (BenchError, subprocess.CalledProcessError) as e:
        print(f"\nbench: FAILED: {e}", file=sys.stderr)
        return 1

    m = machine()
    print()
    for n, res in results.items():
        print(f"== {n:,} members" + (f": {res.skipped}" if res.skipped else
                                     f": output {res.output_files:,} files, {mib(res.output_bytes)}"))
        if not res.skipped:
            print(text_table(HEAD, scenario_rows(res)))
            if res.hugo:
                print(f"Lantern full / Hugo = {res.scenarios['full'].median:.2f} / {res.hugo.median:.2f} s = "
                      f"{res.scenarios['full'].median / res.hugo.median:.3f}")
        print()
    for n, res in a.image_results.items():
        print(f"== {n:,} members with a photo per SKU: {res.versions:,} versions, {mib(res.version_bytes)}")
        print(text_table(HEAD, scenario_rows(res)))
        print()
    print(text_table(["target", "measured", "result"], targets(results)))
    md = markdown(results, m, a, binary_note)
    if a.json:
        a.json.write_text(json.dumps({"machine": m, "results": {
            n: {"skipped": r.skipped, "hugo_info": r.hugo_info,
                "scenarios": {k: {"name": s.name, "notes": s.notes, "runs": [asdict(x) for x in s.runs]}
                              for k, s in list(r.scenarios.items()) + ([("hugo", r.hugo)] if r.hugo else [])}}
            for n, r in results.items()}}, ensure_ascii=False, indent=1))
    if a.write:
        # The collector's and the preview's figures (`collect.py`, `serve.py`, each between its
        # markers) stay as they are.
        old = a.write.read_text(encoding="utf-8") if a.write.exists() else ""
        kept = []
        for name in ("bench-collect", "bench-serve"):
            begin, end = f"<!-- {name} -->", f"<!-- /{name} -->"
            if begin in old and end in old:
                kept.append(old[old.index(begin):old.index(end) + len(end)])
        a.write.write_text(md + "\n" + "".join("\n" + k + "\n" for k in kept), encoding="utf-8")
        log(f"wrote {a.write}")
    else:
        print()
        print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
