#!/usr/bin/env bash
# Benchmark of `remotes registry status` (docs/logins.md, "Benchmark"): 20 stored logins on 20
# registries (each a `remotes-test-server` playing a Basic-auth registry at /v2/) that each
# answer after 200 ms. A check is two answers in a row (the unauthenticated ping, then /v2/ with
# the credentials), so one login takes at least 2 x 200 ms; checked one after the other, 20 would
# take 8 s. The goal is under 3 x 200 ms for all 20, which only checking them at the same time
# reaches.
# Uses the release build of scripts/build-release.sh (SKIP_BUILD=1 to use an existing one), and
# hyperfine when installed (else a timing loop). Nothing outside a temporary folder is touched:
# HOME and the system config point inside it.
set -euo pipefail

cd "$(dirname "$0")/.."
REGISTRIES=${REGISTRIES:-20}
DELAY_MS=${DELAY_MS:-200}
RUNS=${RUNS:-10}
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    scripts/build-release.sh remotes-test-server >/dev/null
fi
BIN=$(dirname "$(scripts/build-release.sh remotes)")
[[ -x "$BIN/remotes" && -x "$BIN/remotes-test-server" ]] || { echo "release build missing in $BIN" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/remotes-bench-logins.XXXXXX")
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

PASSWORD="bench-$(head -c 24 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9')"
ADDRESSES=()
for i in $(seq 1 "$REGISTRIES"); do
    "$BIN/remotes-test-server" --print-port --registry-user "bench:$PASSWORD" --registry-delay-ms "$DELAY_MS" \
        >"$WORK/server$i.out" 2>"$WORK/server$i.err" &
    PIDS+=($!)
done
for i in $(seq 1 "$REGISTRIES"); do
    for _ in $(seq 200); do
        grep -q '^listening on ' "$WORK/server$i.out" 2>/dev/null && break
        sleep 0.05
    done
    BASE=$(sed -n 's/^listening on http:\/\///p' "$WORK/server$i.out" | head -1)
    [[ -n "$BASE" ]] || { echo "test server $i did not start: $(cat "$WORK/server$i.err")" >&2; exit 1; }
    ADDRESSES+=("$BASE")
done

export HOME="$WORK/home" REMOTES_SYSTEM_CONFIG="$WORK/system.yaml" NO_COLOR=1
mkdir -p "$HOME"
printf 'Active: ""\nRemotes: {}\n' >"$REMOTES_SYSTEM_CONFIG"
for address in "${ADDRESSES[@]}"; do
    printf '%s' "$PASSWORD" | "$BIN/remotes" login --batch -u bench --password-stdin "docker://$address" 2>/dev/null
done

# One run to check the output: every login valid, exit 0.
"$BIN/remotes" registry status --batch >"$WORK/status.out" 2>"$WORK/status.err" || {
    echo "registry status failed:" >&2
    cat "$WORK/status.out" "$WORK/status.err" >&2
    exit 1
}
VALID=$(grep -c '  valid  ' "$WORK/status.out" || true)
echo "registry status: $VALID logins valid (expected $REGISTRIES)"
[[ "$VALID" == "$REGISTRIES" ]] || { cat "$WORK/status.out" >&2; exit 1; }
if grep -q "$PASSWORD" "$WORK/status.out" "$WORK/status.err"; then echo "the password was printed" >&2; exit 1; fi

source scripts/lib/median.sh  # the working folder is the repository

STATUS_MS=$(median_ms "$BIN/remotes registry status --batch")
ONE_MS=$(median_ms "$BIN/remotes registry status --batch docker://${ADDRESSES[0]}")

ratio() { python3 -c "print(f'{$1 / $DELAY_MS:.2f}')"; }
echo "machine: $(nproc) cores; median of $RUNS runs$(command -v hyperfine >/dev/null && echo ' (hyperfine)')"
echo "registry status, $REGISTRIES logins on $REGISTRIES registries, every answer after $DELAY_MS ms:"
echo "  all $REGISTRIES:  ${STATUS_MS} ms = $(ratio "$STATUS_MS") x one answer (goal < 3.00)"
echo "  one login: ${ONE_MS} ms = $(ratio "$ONE_MS") x one answer (a check is 2 answers in a row)"
echo "  one after the other would take at least $((REGISTRIES * 2 * DELAY_MS)) ms"
python3 -c "import sys; sys.exit(0 if $STATUS_MS < 3 * $DELAY_MS else 1)" || { echo "FAIL: registry status is not under 3 x $DELAY_MS ms" >&2; exit 1; }
echo "PASS"
