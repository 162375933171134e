#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a bounded time.
#
#   Fuzz/run.sh [seconds-per-target] [target ...]
#
# Targets: json csv names identifiers (default: all). Default time: 60 s per target.
# Each target is compiled from every SordCore source file plus Fuzz/FuzzSupport.swift and its own
# file, as one module named SordCore (so it can check internal pieces such as the JSON and CSV
# readers), with `swiftc -sanitize=fuzzer,address -O` into .build-fuzz/. Seeds come from
# Fuzz/corpus/<target>/ and are copied to a temporary folder that the fuzzer grows; the grown
# corpus is thrown away (set KEEP_CORPUS=1 to keep and print its path). Crash, timeout and
# out-of-memory inputs are written to .build-fuzz/artifacts/<target>/ and make the script exit 1.
# Fuzz/dict/<target>.dict, when present, gives libFuzzer the format's tokens. Extra libFuzzer flags
# go in FUZZ_FLAGS, e.g. FUZZ_FLAGS=-len_control=0 to try full-size (64 KiB) inputs at once.
# Prints libFuzzer's final "#N DONE cov: X ft: Y" line, total executions and exec/s per target.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json csv names identifiers)

build="$root/.build-fuzz"
mkdir -p "$build"
# Compile from a snapshot of the sources, so that an edit made while a target builds cannot break it.
rm -rf "$build/src"
mkdir -p "$build/src"
cp -R "$root/Sources/SordCore" "$build/src/SordCore"
mapfile -t sources < <(find "$build/src/SordCore" -name '*.swift' | sort)

source_file() {
    case "$1" in
        json) echo FuzzJSONDocument.swift ;;
        csv) echo FuzzCSVTranscriptRequest.swift ;;
        names) echo FuzzNameControl.swift ;;
        identifiers) echo FuzzIdentifiers.swift ;;
        *) echo "unknown target: $1 (json, csv, names, identifiers)" >&2; exit 2 ;;
    esac
}

max_len() {
    case "$1" in
        json|csv) echo 65536 ;;
        names) echo 1024 ;;
        identifiers) echo 64 ;;
    esac
}

# Swift's own crash backtracer trips AddressSanitizer (it reads memory out of bounds on purpose),
# which hides the real failure; libFuzzer reports the trap itself.
export SWIFT_BACKTRACE=enable=no

status=0
summary=()
for target in "${targets[@]}"; do
    file="$(source_file "$target")"
    binary="$build/fuzz-$target"
    inputs=("${sources[@]}" "$root/Fuzz/FuzzSupport.swift" "$root/Fuzz/$file")
    if [ -x "$binary" ] && [ -z "$(find "$root/Sources/SordCore" "$root/Fuzz/FuzzSupport.swift" "$root/Fuzz/$file" \
            -name '*.swift' -newer "$binary" -print -quit)" ]; then
        echo "== $target is up to date"
    else
        echo "== building $target"
        # Run from the build folder: with -g, swiftc leaves SordCore-1.swiftmodule and friends in
        # the current folder.
        (cd "$build" && swiftc -sanitize=fuzzer,address -parse-as-library -O -wmo -g -module-name SordCore \
            "${inputs[@]}" -o "$binary" 2> "$build/$target.build.log") \
            || { rm -f "$binary"; grep -v 'ld.gold: warning' "$build/$target.build.log" >&2; exit 1; }
    fi

    corpus="$(mktemp -d "${TMPDIR:-/tmp}/sord-fuzz-$target.XXXXXX")"
    cp "$root/Fuzz/corpus/$target/"* "$corpus/"
    artifacts="$build/artifacts/$target"
    mkdir -p "$artifacts"
    log="$build/$target.log"
    dict=()
    [ -f "$root/Fuzz/dict/$target.dict" ] && dict=("-dict=$root/Fuzz/dict/$target.dict")

    echo "== running $target for ${seconds}s (log: $log)"
    set +e
    # shellcheck disable=SC2086
    "$binary" "$corpus" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_FLAGS:-} \
        > "$log" 2>&1
    rc=$?
    set -e

    done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
    execs="$(awk '/stat::number_of_executed_units/ {s+=$2} END {print s+0}' "$log")"
    rate="$(awk '/stat::average_exec_per_sec/ {s+=$2} END {print s+0}' "$log")"
    entries="$(find "$corpus" -type f | wc -l)"
    if [ $rc -ne 0 ]; then
        status=1
        echo "!! $target FAILED (exit $rc); last lines of the log:"
        grep -E 'ERROR|Fatal error|fuzz property|SUMMARY|Test unit written|artifact' "$log" | tail -8 || true
    fi
    line="$target: ${done_line:-no DONE line} | execs $execs, exec/s $rate, corpus $entries files, exit $rc"
    echo "$line"
    summary+=("$line")
    if [ "${KEEP_CORPUS:-0}" = 1 ]; then echo "   grown corpus kept in $corpus"; else rm -rf "$corpus"; fi
done

echo
echo "== summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit $status
