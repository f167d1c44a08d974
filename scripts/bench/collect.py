#!/usr/bin/env python3
"""`make bench-collect`: the collector under load, its durability under kill -9, and the report.

1. Generates a synthetic site (`generate.py`, default 100,000 members) and builds it with the
   release binary (`run.py`'s build), so every member's storefront carries its real code.
2. Reads each member's storefront (code, item list) from the output and writes request bodies:
   valid choices (the member's cheapest item), forged codes, and over-budget choices.
3. Starts `lantern collect` (release) on loopback and drives it with `wrk` (Debian, installed
   when missing) and a Lua script cycling through the bodies: requests per second, accepted per
   second, latency percentiles.
4. Kill test: a Python client posts valid choices from several threads and counts every answer
   200 with its receipt; the collector is killed with SIGKILL in the middle, started again, and
   every receipt answered must be in the SQLite file.
5. Fills a fresh store with one current choice per eligible member (up to 100,000 orders) and
   times `lantern report`.

Writes its figures into BENCHMARKS.md between `<!-- bench-collect -->` markers (`--write`), which
`run.py` keeps when it rewrites the file.
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402  (the release build, logging, apt)

TODAY = "2026-06-10"
THEME = "dragon-boat-2026"
BEGIN, END = "<!-- bench-collect -->", "<!-- /bench-collect -->"


class Collector:
    def __init__(self, binary: Path, site: Path, private: Path, db: Path, port: int):
        env = dict(os.environ, LANTERN_SECRET=bench.SECRET)
        self.process = subprocess.Popen([str(binary), "collect", "--site", str(site), "--private", str(private),
                                         "--today", TODAY, "--listen", f"127.0.0.1:{port}", "--db", str(db)],
                                        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if "listening on" not in line:
            raise bench.BenchError(f"the collector did not start: {line!r}")
        self.port = port

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def storefronts(public: Path, links: list[dict]) -> list[dict]:
    """Each member's storefront for THEME: member, code, budget and items (sku, price in fen)."""
    lists: dict[Path, list[tuple[str, int]]] = {}
    found = []
    for link in links:
        page = public / link["url"].split("://", 1)[-1].split("/", 1)[-1] / THEME / "index.html" \
            if "://" in link["url"] else public / link["url"] / THEME / "index.html"
        if not page.exists():
            continue
        html = page.read_text(encoding="utf-8")
        code = re.search(r'name="code" value="([^"]+)"', html).group(1)
        budget = int(re.search(r'data-budget-fen="(\d+)"', html).group(1))
        src = (page.parent / re.search(r'data-choices-src="([^"]+)"', html).group(1)).resolve()
        if src not in lists:
            listing = src.read_text(encoding="utf-8")
            lists[src] = [(sku, int(fen)) for sku, fen in
                          re.findall(r'name="sku" value="([^"]+)" data-price-fen="(\d+)"', listing)]
        found.append({"member": link["id"], "code": code, "budget": budget, "items": lists[src]})
    return found


def body(member: str, code: str, skus: list[str]) -> str:
    return "&".join([f"member={member}", f"theme={THEME}", f"code={code}"] + [f"sku={s}" for s in skus])


def bodies(fronts: list[dict], rng: random.Random) -> tuple[list[str], dict]:
    valid, forged, over = [], [], []
    for f in fronts:
        items = sorted(f["items"], key=lambda item: item[1])
        if not items:
            continue
        valid.append(body(f["member"], f["code"], [items[0][0]]))
        forged.append(body(f["member"], "a" * len(f["code"]), [items[0][0]]))
        dear, total = [], 0
        for sku, fen in reversed(items):
            dear.append(sku)
            total += fen
            if total > f["budget"]:
                over.append(body(f["member"], f["code"], dear))
                break
    mix = valid * 8 + forged + over
    rng.shuffle(mix)
    return mix, {"valid": len(valid), "forged": len(forged), "over_budget": len(over)}


LUA = """
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/orders", nil, bodies[i])
end
"""


def wrk(port: int, body_file: Path, seconds: int, connections: int) -> dict:
    script = body_file.with_suffix(".lua")
    script.write_text(LUA)
    p = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
                        f"http://127.0.0.1:{port}/orders"], env=dict(os.environ, BODIES=str(body_file)),
                       capture_output=True, text=True, check=True)
    out = p.stdout

    def ms(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value = float(m.group(1))
        return value / 1000 if m.group(2) == "us" else value * 1000 if m.group(2) == "s" else value

    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or re.search(r"()", "")).group(1) or 0)
    return {"requests": total, "non2xx": non2xx, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": ms("50"), "p90": ms("90"), "p99": ms("99"), "seconds": seconds, "raw": out}


def kill_test(binary, site, private, db, valid_bodies: list[str], threads: int = 6) -> dict:
    port = bench.free_port()
    collector = Collector(binary, site, private, db, port)
    answered: list[int] = []
    lock = threading.Lock()
    stop = threading.Event()
    errors = [0]

    def worker(chunk):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        for b in chunk:
            if stop.is_set():
                return
            try:
                conn.request("POST", "/orders", b, {"Content-Type": "application/x-www-form-urlencoded",
                                                    "Accept": "application/json"})
                r = conn.getresponse()
                data = r.read()
                if r.status == 200:
                    receipt = json.loads(data)["receipt"]
                    with lock:
                        answered.append(int(receipt[1:]))
            except (OSError, http.client.HTTPException, ValueError):
                errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    chunks = [valid_bodies[i::threads] for i in range(threads)]
    pool = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    for t in pool:
        t.start()
    time.sleep(3)
    collector.kill()  # SIGKILL in the middle of the stream
    stop.set()
    for t in pool:
        t.join()
    restarted = Collector(binary, site, private, db, bench.free_port())
    restarted.stop()
    with sqlite3.connect(db) as conn:
        kept = {row[0] for row in conn.execute("SELECT id FROM submission WHERE status = 'accepted'")}
    lost = [r for r in answered if r not in kept]
    # The kill must cut the stream: some bodies were never answered.
    return {"answered": len(answered), "of": len(valid_bodies), "kept": len(kept), "lost": len(lost),
            "errors_after_kill": errors[0]}


def report_time(binary, site, private, db, fronts, runs: int) -> dict:
    """One current choice per member with items, straight into a fresh store, then `lantern report`."""
    port = bench.free_port()
    Collector(binary, site, private, db, port).stop()  # creates the schema
    now = time.time()
    with sqlite3.connect(db) as conn:
        for i, f in enumerate(fronts, 1):
            sku, fen = min(f["items"], key=lambda item: item[1])
            conn.execute("INSERT INTO submission (id, time, member, theme, status, skus, total_fen) VALUES (?, ?, ?, ?, 'accepted', ?, ?)",
                         (i, now, f["member"], THEME, sku, fen))
            conn.execute("INSERT INTO choice (member, theme, submission, count) VALUES (?, ?, ?, 1)", (f["member"], THEME, i))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([str(binary), "report", "--site", str(site), "--private", str(private), "--today", TODAY, "--db", str(db)],
                       env=dict(os.environ, LANTERN_SECRET=bench.SECRET), check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"orders": len(fronts), "seconds": times, "median": statistics.median(times)}


def markdown(a, m, load, kill, rep, mix) -> str:
    lines = [BEGIN, "## Collector (`make bench-collect`)", "",
             f"Measured {m['date']} by `scripts/bench/collect.py` on {m['cpu']}, {m['nproc']} cores; {a.members:,} members, "
             f"release build, `lantern collect --today {TODAY}` on loopback, load from `wrk -t2 -c{a.connections}` "
             f"on the same 2 cores, {a.seconds} s per round. Bodies cycle through valid choices (the member's cheapest "
             f"item; {mix['valid']:,} members), forged codes and over-budget choices, 8 : 1 : 1.", "",
             "| round | requests/s | accepted/s | p50 ms | p90 ms | p99 ms | refused |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for i, r in enumerate(load, 1):
        accepted = (r["requests"] - r["non2xx"]) / r["seconds"]
        lines.append(f"| {i} | {r['rps']:,.0f} | {accepted:,.0f} | {r['p50']:.2f} | {r['p90']:.2f} | {r['p99']:.2f} | {r['non2xx']:,} |")
    med_acc = statistics.median((r["requests"] - r["non2xx"]) / r["seconds"] for r in load)
    med_p99 = statistics.median(r["p99"] for r in load)
    lines += ["", f"Median: **{med_acc:,.0f} accepted submissions/s** (target ≥ 1,000), **p99 {med_p99:.1f} ms** "
              "(target < 50 ms).", "",
              f"Kill test: {kill['answered']:,} of {kill['of']:,} submissions answered 200 by the collector before `kill -9` "
              "(3 s into the stream, 6 client threads); after a restart "
              f"the SQLite file holds {kill['kept']:,} accepted submissions and **{kill['lost']} answered ones are missing** "
              "(target 0).", "",
              f"`lantern report` over {rep['orders']:,} orders ({a.members:,} members): "
              + ", ".join(f"{s:.2f} s" for s in rep["seconds"]) + f"; median **{rep['median']:.2f} s** (target < 10 s).",
              END]
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=100_000)
    p.add_argument("--seconds", type=int, default=20)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--binary", type=Path)
    p.add_argument("--workdir", type=Path)
    p.add_argument("--write", nargs="?", type=Path, const=bench.REPO / "BENCHMARKS.md")
    a = p.parse_args()
    if not shutil.which("wrk"):
        bench.apt_install("wrk")
    binary = a.binary or bench.build_release()
    work = a.workdir or Path(tempfile.mkdtemp(prefix="lantern-bench-collect-"))
    site = work / "site"
    bench.log(f"generating {a.members:,} members into {site}")
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--members", str(a.members), "--out", str(site), "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    public, private = work / "public", work / "private"
    bench.log("building the site")
    subprocess.run([str(binary), "build", "--site", str(site), "--output", str(public), "--private", str(private), "--today", TODAY,
                    "--quiet"], env=dict(os.environ, LANTERN_SECRET=bench.SECRET), check=True, capture_output=True)
    import csv
    with open(private / "links.csv", encoding="utf-8-sig", newline="") as f:
        links = list(csv.DictReader(f))
    fronts = [f for f in storefronts(public, links) if f["items"]]
    bench.log(f"{len(fronts):,} storefronts for {THEME}")
    mix, counts = bodies(fronts, random.Random(1))
    body_file = work / "bodies.txt"
    body_file.write_text("\n".join(mix) + "\n")

    load = []
    for round_ in range(a.rounds):
        db = work / f"load-{round_}.sqlite"
        collector = Collector(binary, site, private, db, bench.free_port())
        try:
            bench.log(f"round {round_ + 1}: wrk for {a.seconds} s")
            load.append(wrk(collector.port, body_file, a.seconds, a.connections))
        finally:
            collector.stop()
        bench.log(f"round {round_ + 1}: {load[-1]['rps']:,.0f} requests/s, p99 {load[-1]['p99']:.2f} ms, "
                  f"{load[-1]['non2xx']:,} refused")
    bench.log("kill test")
    valid = [body(f["member"], f["code"], [min(f["items"], key=lambda i: i[1])[0]]) for f in fronts]
    kill = kill_test(binary, site, private, work / "kill.sqlite", valid)
    bench.log(f"kill test: {kill}")
    bench.log("report")
    rep = report_time(binary, site, private, work / "report.sqlite", fronts, runs=3)
    bench.log(f"report: {rep}")
    m = bench.machine()
    md = markdown(a, m, load, kill, rep, counts)
    print(md)
    if a.write:
        bench.write_section(a.write, BEGIN, END, md)
    shutil.rmtree(work, ignore_errors=True) if not a.workdir else None
    failed = kill["lost"] > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
