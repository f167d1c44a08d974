#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for FUZZ_SECONDS, one after another, then prints
# a table: target, seconds, executions, crashes (the inputs saved), distinct reasons.
#   scripts/fuzz/run.sh [target …]      FUZZ_SECONDS=300 by default
# Seeds: Fuzz/corpus/<target>/ (committed). Working corpus, crashes and logs: Fuzz/out/<target>/
# (gitignored). Replay a crash: .build-fuzz/release/<target> Fuzz/out/<target>/crashes/crash-…
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${FUZZ_SECONDS:-300}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(FuzzCSV FuzzFrontMatter FuzzGreeting)
SWIFT=${SWIFT:-swift}
BIN=.build-fuzz/release

# The fuzz targets exist only with LANTERN_FUZZ=1 (see Package.swift). Each product is built
# on its own: building everything would also link `lantern`, whose main clashes with libFuzzer's.
# One comma-separated `-sanitize=` for Swift: of two separate flags (what `swift build
# --sanitize=fuzzer --sanitize=address` passes) swiftc keeps only the last, and Swift code got
# no coverage counters at all, so the fuzzer was blind. C code (libyaml) is instrumented too.
for target in "${TARGETS[@]}"; do
    LANTERN_FUZZ=1 "$SWIFT" build -c release --product "$target" --scratch-path .build-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
        -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld
done

summary=()
for target in "${TARGETS[@]}"; do
    out=Fuzz/out/$target
    mkdir -p "$out/corpus" "$out/crashes"
    log=$out/log.txt
    before=$(find "$out/crashes" -type f | wc -l)
    echo "== $target: $SECONDS_EACH s (log: $log)"
    # Fork mode with one worker keeps fuzzing after a crash (each crash is saved and a new
    # child goes on), so one run finds every bug it can in the time given, not only the first.
    # SWIFT_BACKTRACE off: Swift's own crash backtracer is slow and trips ASan; libFuzzer's
    # handler saves the input. The working corpus comes first: libFuzzer adds what it learns there, never to the seeds.
    # Leaks are not looked for: Swift globals (the loaders' key tables) live as long as the process.
    ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$BIN/$target" "$out/corpus" "Fuzz/corpus/$target" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/" >"$log" 2>&1 || true
    # In fork mode the parent's `#N` lines count the executions of all its children.
    executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    crashes=$(( $(find "$out/crashes" -type f | wc -l) - before ))
    # Distinct reasons: the contract's own message, or the sanitizer's / Swift runtime's summary.
    reasons=$(grep -hoE '^lantern fuzz: [^:]*|^SUMMARY: [A-Za-z]+: [a-z-]+|Fatal error: [^:]*|ERROR: libFuzzer: [a-z-]+' "$log" \
        | sort -u | wc -l || true)
    summary+=("$(printf '%-16s %8s %12s %8s %8s' "$target" "$SECONDS_EACH" "${executions:-0}" "$crashes" "$reasons")")
done

echo
printf '%-16s %8s %12s %8s %8s\n' target seconds executions crashes reasons
printf '%s\n' "${summary[@]}"
echo "Crashes are in Fuzz/out/<target>/crashes/; the reasons in Fuzz/out/<target>/log.txt."
