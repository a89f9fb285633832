#!/usr/bin/env bash
# Benchmarks `remotes login docker://127.0.0.1:PORT` against `skopeo login` (Debian) on the same
# local docker-registry, side by side in one run: once with htpasswd Basic auth, once with token
# auth behind scripts/peers/token-server.py. Prints both medians and the ratio (target: ours at
# most half of skopeo's).
#
#   scripts/bench-login.sh            release build, then 30 runs of each command per mode
#
# The build is scripts/build-release.sh (static Swift runtime, hardened PIE), the way it
# is shipped on Linux: loading some twenty Swift shared libraries would add ~8 ms to every run.
# The runs of the two commands alternate in rounds (hyperfine runs one command's runs in a row),
# so that a change in the machine's load does not favour either.
#
# Environment:
#   RUNS=N                 runs per command (default 30, after 3 warm-up runs)
#   ROUNDS=N               rounds the runs are split into (default 3)
#   REMOTES_BUILD_PATH=DIR SwiftPM scratch path for the release build (default .build)
#   REMOTES_BIN=PATH       benchmark this binary instead of building one
#
# Needs docker-registry, apache2-utils (htpasswd), skopeo, python3 with cryptography, openssl
# and curl (scripts/install-test-deps.sh installs them). Uses hyperfine when installed, else
# timed runs and medians computed here. Everything lives in a temporary folder that is removed
# at the end; the registries and the token server are stopped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-30}
rounds=${ROUNDS:-3}
warmup=3

for program in docker-registry htpasswd skopeo python3 openssl curl; do
    if ! command -v "$program" >/dev/null 2>&1; then
        echo "bench-login: $program is missing (run scripts/install-test-deps.sh)" >&2
        exit 1
    fi
done

if [ -n "${REMOTES_BIN:-}" ]; then
    bin=$REMOTES_BIN
else
    bin=$(cd "$root" && scripts/build-release.sh remotes)
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d /tmp/remotes-bench-XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # URL: until it answers at all (401 is fine)
    for _ in $(seq 1 200); do
        if curl -s -o /dev/null --max-time 1 "$1"; then return 0; fi
        sleep 0.05
    done
    echo "bench-login: $1 does not answer" >&2
    exit 1
}

start_registry() { # NAME AUTH-BLOCK -> sets registry_port (not in a subshell: pids must stay ours)
    local name=$1 auth=$2 port
    port=$(free_port)
    mkdir -p "$work/$name"
    cat >"$work/$name/config.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/$name/data
http:
  addr: 127.0.0.1:$port
  secret: remotes-bench-not-secret
auth:
$auth
EOF
    docker-registry serve "$work/$name/config.yml" >"$work/$name/log" 2>&1 &
    pids+=($!)
    wait_for "http://127.0.0.1:$port/v2/"
    registry_port=$port
}

user=alice
password=s3cret-bench

# Basic auth.
htpasswd -Bbn "$user" "$password" >"$work/htpasswd" 2>/dev/null
start_registry basic "  htpasswd:
    realm: remotes-bench
    path: $work/htpasswd"
basic_port=$registry_port

# Token auth: our token server, signing with a throw-away key the registry trusts.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/token-key.pem" -out "$work/token-cert.pem" \
    -days 1 -subj "/CN=remotes-bench-token" >/dev/null 2>&1
token_port=$(free_port)
python3 "$root/scripts/peers/token-server.py" --key "$work/token-key.pem" --cert "$work/token-cert.pem" \
    --user "$user:$password" --issuer remotes-bench --port "$token_port" >"$work/token.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$token_port/token"
start_registry token "  token:
    realm: http://127.0.0.1:$token_port/token
    service: remotes-bench-registry
    issuer: remotes-bench
    rootcertbundle: $work/token-cert.pem"
registry_token_port=$registry_port

mkdir -p "$work/home-ours" "$work/home-skopeo"
# Both commands run through env(1) with a private HOME, so they pay the same exec overhead.
ours_command() { # PORT
    echo "env HOME=$work/home-ours REMOTES_SYSTEM_CONFIG=$work/no-system.yaml APPTAINER_LOGIN_USERNAME=$user APPTAINER_LOGIN_PASSWORD=$password $bin --batch login docker://127.0.0.1:$1"
}
skopeo_command() { # PORT
    echo "env HOME=$work/home-skopeo skopeo login --tls-verify=false --authfile $work/skopeo-auth.json -u $user -p $password 127.0.0.1:$1"
}

# One login of each first: both must succeed, or the timings mean nothing.
for port in "$basic_port" "$registry_token_port"; do
    $(ours_command "$port") 2>"$work/ours.err" || { cat "$work/ours.err" >&2; exit 1; }
    $(skopeo_command "$port") >/dev/null 2>"$work/skopeo.err" || { cat "$work/skopeo.err" >&2; exit 1; }
done

median_ms() { # FILE with one duration in seconds per line
    python3 -c 'import statistics, sys; print("%.1f" % (1000 * statistics.median(float(l) for l in open(sys.argv[1]) if l.strip())))' "$1"
}

measure() { # NAME PORT -> sets ours_ms, skopeo_ms
    local name=$1 port=$2 round per_round=$(((runs + rounds - 1) / rounds))
    if command -v hyperfine >/dev/null 2>&1; then
        for round in $(seq 1 "$rounds"); do
            hyperfine -N --style basic --warmup "$warmup" --runs "$per_round" \
                --export-json "$work/$name.$round.json" \
                -n "remotes ($name, round $round)" "$(ours_command "$port")" \
                -n "skopeo ($name, round $round)" "$(skopeo_command "$port")" >&2
        done
        python3 - "$work/$name" "$rounds" >"$work/$name.medians" <<'EOF'
import json, statistics, sys
prefix, rounds = sys.argv[1], int(sys.argv[2])
times = [[], []]
for round in range(1, rounds + 1):
    for index, result in enumerate(json.load(open(f"{prefix}.{round}.json"))["results"]):
        times[index] += result["times"]
print(" ".join("%.1f" % (1000 * statistics.median(t)) for t in times))
EOF
        read -r ours_ms skopeo_ms <"$work/$name.medians"
    else
        : >"$work/$name.ours"
        : >"$work/$name.skopeo"
        for i in $(seq 1 $((warmup + runs))); do
            for tool in ours skopeo; do
                local command start end
                if [ "$tool" = ours ]; then command=$(ours_command "$port"); else command=$(skopeo_command "$port"); fi
                start=$(date +%s.%N)
                $command >/dev/null 2>&1
                end=$(date +%s.%N)
                if [ "$i" -gt "$warmup" ]; then
                    python3 -c "print($end - $start)" >>"$work/$name.$tool"
                fi
            done
        done
        ours_ms=$(median_ms "$work/$name.ours")
        skopeo_ms=$(median_ms "$work/$name.skopeo")
    fi
}

summary=()
for mode in basic token; do
    if [ "$mode" = basic ]; then port=$basic_port; else port=$registry_token_port; fi
    measure "$mode" "$port"
    ratio=$(python3 -c "print('%.2f' % ($ours_ms / $skopeo_ms))")
    summary+=("$(printf '%-6s remotes %7s ms   skopeo %7s ms   ratio %s (target <= 0.50)' \
        "$mode" "$ours_ms" "$skopeo_ms" "$ratio")")
done

echo
echo "Median wall time of one login to a local registry (about $runs runs each, in $rounds alternating rounds):"
for line in "${summary[@]}"; do echo "$line"; done
