#!/usr/bin/env python3
"""`make bench-serve`: `lantern serve` (the authors' preview) on a generated site.

1. Generates a synthetic site (`generate.py`, default 10,000 members) and builds the release
   binary (`run.py`'s build, `.build-bench/`).
2. Each round starts `lantern serve --today 2026-06-10` on a free loopback port and measures:
   - the time from starting the process to the portal's first 200 (nothing is built first: the
     site is loaded, checked and planned, and the portal rendered, on that request);
   - for `--members` members drawn at random, each member's own home page and 端午 storefront,
     found through the preview bar's `/_lantern/as?q=ID` (the redirect is not timed): the
     time of each GET, the first time that member is asked for (nothing of theirs is cached);
   - a theme's greeting edited on disk while a browser-like client listens on
     `/_lantern/events`: the time from the write to the `changed` event (the watcher's poll, the
     site loaded again and every page served so far rendered again to compare);
   - the server's peak resident memory (VmHWM from /proc) at the end.
3. Prints the figures and, with `--write`, puts them into BENCHMARKS.md between
   `<!-- bench-serve -->` markers (which `run.py` keeps when it rewrites the file).
Exit status 1 when a target of issue 13 is missed: portal within 2 s, a member page within
200 ms (median), peak memory under 300 MiB.
"""
import argparse
import csv
import http.client
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402  (the release build, logging, machine)

TODAY = "2026-06-10"
THEME = "dragon-boat-2026"
BEGIN, END = "<!-- bench-serve -->", "<!-- /bench-serve -->"


def get(port: int, path: str) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def peak_rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM")


def one_round(binary: Path, site: Path, ids: list[str]) -> dict:
    port = bench.free_port()
    started = time.perf_counter()
    process = subprocess.Popen([str(binary), "serve", "--site", str(site), "--listen", f"127.0.0.1:{port}", "--today", TODAY],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    try:
        portal = None
        while portal is None:
            if process.poll() is not None:
                raise RuntimeError(f"lantern serve exited {process.returncode} (run it by hand to see why)")
            try:
                status, _, body = get(port, "/")
                if status != 200 or b"lantern-preview" not in body:
                    raise RuntimeError(f"portal answered {status}")
                portal = time.perf_counter() - started
            except (ConnectionRefusedError, ConnectionResetError):
                time.sleep(0.005)
        homes, storefronts, lists = [], [], []
        for member in ids:
            status, headers, _ = get(port, f"/_lantern/as?q={member}&day={TODAY}")
            if status not in (302, 303) or "/m/" not in headers.get("Location", ""):
                raise RuntimeError(f"/_lantern/as?q={member}: {status} {headers.get('Location')}")
            home = urlsplit(headers["Location"]).path
            t0 = time.perf_counter()
            status, _, body = get(port, home)
            homes.append(time.perf_counter() - t0)
            if status != 200:
                raise RuntimeError(f"{home}: {status}")
            if f'href="{THEME}/index.html"'.encode() not in body:
                continue  # no 端午 storefront for this member today
            t0 = time.perf_counter()
            status, _, page = get(port, home + THEME + "/")
            storefronts.append(time.perf_counter() - t0)
            found = re.search(rb'data-choices-src="([^"]+)"', page)
            if status != 200 or not found:
                raise RuntimeError(f"{home}{THEME}/: {status}")
            source = os.path.normpath(home + THEME + "/" + found.group(1).decode())
            t0 = time.perf_counter()
            status, _, _ = get(port, source)
            lists.append(time.perf_counter() - t0)
            if status != 200:
                raise RuntimeError(f"{source}: {status}")
        reload = edit_and_wait(port, site)
        rss = peak_rss(process.pid)
        return {"portal": portal, "homes": homes, "storefronts": storefronts, "lists": lists, "reload": reload, "rss": rss}
    finally:
        process.terminate()
        process.wait(timeout=20)


def edit_and_wait(port: int, site: Path) -> float:
    """The greeting edited while a client listens: seconds from the write to the event."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.sendall(b"GET /_lantern/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    received = b""
    while b"retry:" not in received:
        received += sock.recv(65536)
    theme = site / "content" / "themes" / f"{THEME}.md"
    text = theme.read_text(encoding="utf-8")
    marker = f"（bench {time.time_ns()}）"
    lines = text.split("\n")
    # The last line of the body: the greeting's closing words.
    last = max(i for i, line in enumerate(lines) if line.strip())
    lines[last] += marker
    t0 = time.perf_counter()
    theme.write_text("\n".join(lines), encoding="utf-8")
    while b"event: changed" not in received:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("the event stream closed before a change")
        received += chunk
    took = time.perf_counter() - t0
    sock.close()
    theme.write_text(text, encoding="utf-8")
    return took


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (p90 {sorted(values)[int(len(values) * 0.9)] * 1000:.0f}, max {max(values) * 1000:.0f})"


def markdown(a, m, rounds: list[dict]) -> tuple[str, bool]:
    portal = statistics.median(r["portal"] for r in rounds)
    homes = [t for r in rounds for t in r["homes"]]
    fronts = [t for r in rounds for t in r["storefronts"]]
    lists = [t for r in rounds for t in r["lists"]]
    reload = statistics.median(r["reload"] for r in rounds)
    rss = max(r["rss"] for r in rounds)
    member = statistics.median(homes + fronts)
    ok = portal <= 2.0 and member <= 0.2 and rss < 300 * 2**20
    lines = [BEGIN, "## Preview (`make bench-serve`)", "",
             f"Measured {m['date']} by `scripts/bench/serve.py` on {m['cpu']}, {m['nproc']} cores; {a.size:,} members "
             f"(`generate.py`), release build, `lantern serve --today {TODAY}` on loopback, {len(rounds)} rounds, "
             f"each a fresh process; {a.members} members drawn at random per round, each asked for once.", "",
             "| round | portal after start | member home (median) | storefront (median) | item list (median) | edit → reload event | peak RSS |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for i, r in enumerate(rounds, 1):
        lines.append(f"| {i} | {r['portal']:.2f} s | {statistics.median(r['homes']) * 1000:.0f} ms | "
                     f"{statistics.median(r['storefronts']) * 1000:.0f} ms | {statistics.median(r['lists']) * 1000:.0f} ms | "
                     f"{r['reload']:.2f} s | {bench.mib(r['rss'])} |")
    lines += ["",
              f"Median over rounds: **portal {portal:.2f} s after start** (target ≤ 2 s; nothing is built first: the site is "
              f"loaded, checked and planned on that request); **a member's page {member * 1000:.0f} ms** "
              f"(target ≤ 200 ms; home {ms(homes)}, storefront {ms(fronts)}, item list {ms(lists)}); "
              f"**peak RSS {bench.mib(rss)}** (target < 300 MiB). A greeting edited on disk reaches the listening "
              f"browsers as a `changed` event {reload:.2f} s after the write (median; the 200 ms poll, the site "
              f"loaded again, and every page served so far rendered again to compare).", END]
    return "\n".join(lines), ok


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=10_000, help="members of the generated site (default 10,000)")
    p.add_argument("--members", type=int, default=40, help="members asked for per round (default 40)")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--binary", type=Path)
    p.add_argument("--workdir", type=Path)
    p.add_argument("--write", nargs="?", type=Path, const=bench.REPO / "BENCHMARKS.md")
    a = p.parse_args()
    binary = a.binary or bench.build_release()
    work = a.workdir or Path(tempfile.mkdtemp(prefix="lantern-bench-serve-"))
    site = work / "site"
    bench.log(f"generating {a.size:,} members into {site}")
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--members", str(a.size), "--out", str(site), "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(site / "content" / "roster.csv", encoding="utf-8-sig", newline="") as f:
        active = [row["id"] for row in csv.DictReader(line for line in f if not line.startswith("#")) if row.get("status", "active") == "active"]
    rng = random.Random(1)
    rounds = []
    for i in range(a.rounds):
        r = one_round(binary, site, rng.sample(active, a.members))
        bench.log(f"round {i + 1}: portal {r['portal']:.2f} s, member home {statistics.median(r['homes']) * 1000:.0f} ms, "
                  f"storefront {statistics.median(r['storefronts']) * 1000:.0f} ms, reload event {r['reload']:.2f} s, "
                  f"peak RSS {bench.mib(r['rss'])}")
        rounds.append(r)
    md, ok = markdown(a, bench.machine(), rounds)
    print(md)
    if a.write:
        bench.write_section(a.write, BEGIN, END, md)
    if not a.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
