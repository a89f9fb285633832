#!/usr/bin/env bash
# Runs the libFuzzer targets of Fuzz/ (see docs/reliability.md, "Fuzzing").
#   usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Each target starts from its committed seed corpus in Fuzz/corpus/<name>; new inputs go to a
# scratch copy. A crash stops that target, leaves the input in Fuzz/crashes/ and fails the
# script: turn it into a regression test and commit the input to the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
# A crash should be reported by libFuzzer, not by Swift's backtracer (which trips ASan).
export SWIFT_BACKTRACE=enable=no
seconds=${1:-60}
shift || true
declare -A corpus=([FuzzConfigReader]=config [FuzzConfigChange]=config-change [FuzzDiscoveryJSON]=discovery [FuzzURI]=uri
    [FuzzWWWAuthenticate]=www-authenticate [FuzzDockerConfig]=docker-config)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=()
    for t in "${!corpus[@]}"; do [ -d "Fuzz/Sources/$t" ] && targets+=("$t"); done
    IFS=$'\n' targets=($(sort <<<"${targets[*]}")); unset IFS
fi

flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
for t in "${targets[@]}"; do
    swift build --package-path Fuzz --product "$t" "${flags[@]}" >&2
done
bin=$(swift build --package-path Fuzz --show-bin-path "${flags[@]}")
scratch=$(mktemp -d /tmp/remotes-fuzz.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir -p Fuzz/crashes
status=0
printf '| target | seconds | runs | corpus | result |\n|---|---:|---:|---:|---|\n'
for t in "${targets[@]}"; do
    name=${corpus[$t]}
    mkdir -p "$scratch/$name"
    cp -r "Fuzz/corpus/$name/." "$scratch/$name/"
    log="$scratch/$t.log"
    if "$bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="Fuzz/crashes/$t-" "$scratch/$name" >"$log" 2>&1; then
        result="no crash"
    else
        result="CRASH: see Fuzz/crashes/ and $log"
        cp "$log" "Fuzz/crashes/$t.log"
        status=1
    fi
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    size=$(ls "$scratch/$name" | wc -l)
    printf '| %s | %s | %s | %s | %s |\n' "$t" "$seconds" "$runs" "$size" "$result"
done
exit $status
