#!/usr/bin/env python3
"""The file system's floor for a Lantern-shaped output: create the same folders and files, with
nothing rendered, and time it.

    python3 scripts/bench/fsfloor.py --members 10000 [--pages 3] [--size 4000] [--dir /tmp]

Per member: m/<token>/index.html plus (pages - 1) storefronts m/<token>/<theme>/index.html, each
a folder and a file of --size bytes, as Lantern writes them (one process, one thread). The tree is
removed afterwards; that time is printed too. Compare with Lantern's full build in BENCHMARKS.md.
"""
import argparse
import os
import shutil
import tempfile
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--pages", type=int, default=3, help="pages per member (home + storefronts)")
    parser.add_argument("--size", type=int, default=4000, help="bytes per page")
    parser.add_argument("--dir", default=None, help="where to make the tree (same disk as the benchmark)")
    parser.add_argument("--keep", action="store_true",
                        help="leave the tree in place and print its folder (run.py deletes it at the end: a "
                             "deletion slows the next file creations on ext4 without a journal)")
    args = parser.parse_args()
    base = tempfile.mkdtemp(prefix="lantern-fsfloor-", dir=args.dir)
    data = b"x" * args.size
    start = time.monotonic()
    os.mkdir(os.path.join(base, "m"))
    for i in range(args.members):
        folder = os.path.join(base, "m", f"{i:032x}")
        os.mkdir(folder)
        with open(os.path.join(folder, "index.html"), "wb") as f:
            f.write(data)
        for page in range(1, args.pages):
            sub = os.path.join(folder, f"theme-{page}")
            os.mkdir(sub)
            with open(os.path.join(sub, "index.html"), "wb") as f:
                f.write(data)
    made = time.monotonic() - start
    files = args.members * args.pages
    if args.keep:
        print(f"{args.members:,} members: {files:,} files and {files:,} folders created in {made:.2f} s")
        print(base)
        return
    start = time.monotonic()
    shutil.rmtree(base)
    removed = time.monotonic() - start
    print(f"{args.members:,} members: {files:,} files and {files:,} folders created in {made:.2f} s, removed in {removed:.2f} s")


if __name__ == "__main__":
    main()
