#!/usr/bin/env bash
# Benchmark of the endpoint network (docs/endpoint-network.md, "Benchmark"):
#   1. `remotes status --all` over 50 endpoints whose /version each answers after 200 ms
#      (Apptainer checks one remote at a time, 50 x 5 x 200 ms; the goal is < 3 x 200 ms);
#   2. a single `remotes login` against the same local server.
# Uses the release build of scripts/build-release.sh (set
# SKIP_BUILD=1 to use an existing one),
# the test-only `remotes-test-server`, and hyperfine when installed (else a timing loop).
# Nothing outside a temporary folder is touched: HOME and the system config point inside it.
set -euo pipefail

cd "$(dirname "$0")/.."
REMOTES_COUNT=${REMOTES_COUNT:-50}
DELAY_MS=${DELAY_MS:-200}
RUNS=${RUNS:-10}
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    scripts/build-release.sh remotes-test-server >/dev/null
fi
BIN=$(dirname "$(scripts/build-release.sh remotes)")
[[ -x "$BIN/remotes" && -x "$BIN/remotes-test-server" ]] || { echo "release build missing in $BIN" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/remotes-bench.XXXXXX")
SERVER_PID=
cleanup() {
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

TOKEN="bench-$(head -c 150 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 200)"
"$BIN/remotes-test-server" --print-port --token "$TOKEN" --version-delay-ms "$DELAY_MS" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$WORK/server.out" 2>/dev/null && break
    sleep 0.05
done
BASE=$(sed -n 's/^listening on //p' "$WORK/server.out" | head -1)
[[ -n "$BASE" ]] || { echo "the test server did not start: $(cat "$WORK/server.err")" >&2; exit 1; }

export HOME="$WORK/home" REMOTES_SYSTEM_CONFIG="$WORK/system.yaml" NO_COLOR=1
mkdir -p "$HOME"
printf 'Active: ""\nRemotes: {}\n' >"$REMOTES_SYSTEM_CONFIG"
for i in $(seq -w 1 "$REMOTES_COUNT"); do
    "$BIN/remotes" add --batch --insecure --no-login --no-default "ep$i" "$BASE/ep$i" 2>/dev/null
done
printf '%s\n' "$TOKEN" >"$WORK/token"
chmod 600 "$WORK/token"

# One run to check the output (and fill the discovery cache).
"$BIN/remotes" status --batch --all >"$WORK/status.out" 2>"$WORK/status.err" || {
    echo "status --all failed:" >&2
    cat "$WORK/status.err" >&2
    exit 1
}
ROWS=$(grep -c ' OK ' "$WORK/status.out" || true)
echo "status --all: $ROWS service rows OK (expected $((REMOTES_COUNT * 5)))"

STATUS_CMD="$BIN/remotes status --batch --all"
STATUS_REFRESH_CMD="$BIN/remotes status --batch --all --refresh"
LOGIN_CMD="$BIN/remotes login --batch --tokenfile $WORK/token ep01"
LOGIN_REFRESH_CMD="$BIN/remotes login --batch --refresh --tokenfile $WORK/token ep01"

source scripts/lib/median.sh  # the working folder is the repository

STATUS_MS=$(median_ms "$STATUS_CMD")
STATUS_REFRESH_MS=$(median_ms "$STATUS_REFRESH_CMD")
LOGIN_MS=$(median_ms "$LOGIN_CMD")
LOGIN_REFRESH_MS=$(median_ms "$LOGIN_REFRESH_CMD")
grep -q "Token: $TOKEN" "$HOME/.apptainer/remote.yaml" || { echo "login did not store the token" >&2; exit 1; }

ratio() { python3 -c "print(f'{$1 / $DELAY_MS:.2f}')"; }
echo "machine: $(nproc) cores; median of $RUNS runs$(command -v hyperfine >/dev/null && echo ' (hyperfine)')"
echo "status --all, $REMOTES_COUNT endpoints x 5 services, /version after $DELAY_MS ms:"
echo "  cached discovery:    ${STATUS_MS} ms = $(ratio "$STATUS_MS") x one answer (goal < 3.00)"
echo "  --refresh discovery: ${STATUS_REFRESH_MS} ms = $(ratio "$STATUS_REFRESH_MS") x one answer"
echo "  one at a time (Apptainer's way) would take at least $((REMOTES_COUNT * DELAY_MS)) ms"
echo "single login (discovery cached): ${LOGIN_MS} ms"
echo "single login (--refresh):        ${LOGIN_REFRESH_MS} ms"
python3 -c "import sys; sys.exit(0 if $STATUS_MS < 3 * $DELAY_MS else 1)" || { echo "FAIL: status --all is not under 3 x $DELAY_MS ms" >&2; exit 1; }
echo "PASS"
