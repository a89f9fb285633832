#!/usr/bin/env bash
# Makes the PNG screenshots in screenshots/ from the real program: builds remotes and the test
# server, starts the server on 127.0.0.1, writes temporary config files with a realistic set of
# remotes, keyservers and logins (no real secrets), runs remotes in tmux at 100x30, and renders
# tmux's screen (capture-pane -e) to PNG with pyte and Pillow (scripts/ansi2png.py).
#
#   scripts/screenshots.sh [--no-build]
#
# Needs tmux, python3 (venv) and fonts-dejavu-core. pyte and Pillow are installed with pip into
# .build/screenshots-venv (ignored by git). REMOTES_BIN and REMOTES_TEST_SERVER name other
# binaries; SCREENSHOT_PORT the server's port (default 18443, so URIs stay the same).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUTDIR="$ROOT/screenshots"
COLS=100
ROWS=30
if [ "${1:-}" != "--no-build" ]; then
  (cd "$ROOT" && swift build --product remotes >/dev/null && swift build --product remotes-test-server >/dev/null)
fi
BIN=${REMOTES_BIN:-$ROOT/.build/debug/remotes}
SERVER=${REMOTES_TEST_SERVER:-$(dirname "$BIN")/remotes-test-server}
[ -x "$BIN" ] && [ -x "$SERVER" ] || { echo "no remotes or remotes-test-server at $(dirname "$BIN")"; exit 1; }
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 1; }

VENV="$ROOT/.build/screenshots-venv"
if ! "$VENV/bin/python" -c 'import pyte, PIL' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet pyte pillow
fi

WORK=$(mktemp -d)
SOCK="remotes-shots-$$"
T="tmux -L $SOCK -f /dev/null"
SERVER_PID=
cleanup() {
  $T kill-server 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The endpoint: accepts one (made-up) token; answers /version after 300 ms so that checks take
# a moment, as they do on a real network.
TOKEN="demo-token-not-a-secret-$RANDOM"
start_server() {
  "$SERVER" --port "$1" --token "$TOKEN" --version-delay-ms 300 --print-port > "$WORK/server.out" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 200); do
    grep -q '^listening on ' "$WORK/server.out" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
# The fixed port keeps the URIs in the pictures the same from run to run; any port will do.
start_server "${SCREENSHOT_PORT:-18443}" || start_server 0 || true
URL=$(sed -n 's/^listening on //p' "$WORK/server.out" | head -1)
[ -n "$URL" ] || { echo "the test server did not start:"; cat "$WORK/server.out"; exit 1; }
HOST=${URL#http://}
CLOSED=$(( ${HOST##*:} + 1 ))   # nothing listens there: an unreachable endpoint

export HOME="$WORK"
mkdir -p "$HOME/.apptainer" "$HOME/etc/apptainer"
cat > "$HOME/etc/apptainer/remote.yaml" <<YAML
Active: DefaultRemote
Remotes:
    DefaultRemote:
        URI: cloud.apptainer.org
        System: true
        Exclusive: false
    site:
        URI: $HOST/site
        System: true
        Exclusive: false
        Insecure: true
YAML
cat > "$HOME/.apptainer/remote.yaml" <<YAML
Active: lab
Remotes:
    archive:
        URI: 127.0.0.1:$CLOSED/archive
        System: false
        Exclusive: false
        Insecure: true
    lab:
        URI: $HOST/lab
        Token: $TOKEN
        System: false
        Exclusive: false
        Insecure: true
        Keyservers:
            - URI: $URL/lab/keys
              Skip: false
              External: false
              Insecure: true
            - URI: https://keys.lab.example.org
              Skip: false
              External: true
              Insecure: false
            - URI: hkp://pgp.example.net
              Skip: false
              External: true
              Insecure: true
    staging:
        URI: $HOST/staging
        System: false
        Exclusive: false
        Insecure: true
Credentials:
    - URI: docker://registry.example.org
      Insecure: false
    - URI: oras://oras.example.io:5000
      Insecure: true
    - URI: https://keys.lab.example.org
      Auth: Basic ZGVtbzpub3QtYS1zZWNyZXQ=
      Insecure: false
YAML
chmod 600 "$HOME/.apptainer/remote.yaml"

wait_for() {
  local re=$1 deadline=$(( $(date +%s) + ${2:-10} ))
  while (( $(date +%s) < deadline )); do
    $T capture-pane -t s -p > "$WORK/screen.txt" 2>/dev/null || true
    grep -qE -- "$re" "$WORK/screen.txt" && return 0
    sleep 0.05
  done
  echo "screen never matched /$re/:"; cat "$WORK/screen.txt"; exit 1
}
shot() {
  sleep 0.2  # let the frame settle
  $T capture-pane -t s -p -e -N | "$VENV/bin/python" "$ROOT/scripts/ansi2png.py" "$COLS" "$ROWS" "$OUTDIR/$1"
  echo "screenshots/$1 ($(stat -c %s "$OUTDIR/$1") bytes)"
}

mkdir -p "$OUTDIR"
$T new-session -d -s s -x "$COLS" -y "$ROWS" -e LANG=C.UTF-8 -e HOME="$HOME" -e TERM=xterm-256color \
  "'$BIN' --system-config '$HOME/etc/apptainer/remote.yaml' --user-only; exec sleep 600"
$T set -g status off
wait_for '1 Endpoints'
shot endpoints.png

$T send-keys -t s S
wait_for 'archive .* N/A'
for _ in $(seq 100); do $T capture-pane -t s -p | grep -q 'checking' || break; sleep 0.05; done
$T send-keys -t s s
wait_for 'Status of lab: OK'
wait_for '^> lab .* OK *$'
shot status.png

# The details of the unreachable remote after its check, then the log of everything said.
$T send-keys -t s k
wait_for '^> archive '
$T send-keys -t s Enter
wait_for 'Remote archive'
shot details.png
# Wait for each Esc to land: Esc and the next key arriving together read as Alt with that key.
$T send-keys -t s Escape
wait_for 'a add +d remove'
$T send-keys -t s m
wait_for 'Message log'
shot log.png
$T send-keys -t s Escape
wait_for 'a add +d remove'
$T send-keys -t s j
wait_for '^> lab '

$T send-keys -t s 2
wait_for '2 Keyservers of lab 1/3'
$T send-keys -t s j
shot keyservers.png

$T send-keys -t s 3
wait_for '3 Authenticated Logins 1/3'
shot logins.png

# One key at a time, as a person types: "1a" sent in one go would arrive as a paste.
$T send-keys -t s 1
wait_for '━━ 1 Endpoints'
$T send-keys -t s a
wait_for 'Add remote endpoint'
$T send-keys -t s -l 'scratch'
$T send-keys -t s Tab
$T send-keys -t s -l 'https://scratch.example.org'
wait_for 'scratch.example.org'
shot add-remote.png
$T send-keys -t s Escape
wait_for 'a add +d remove'

$T send-keys -t s 3
wait_for '━━ 3 Authenticated Logins'
$T send-keys -t s a
wait_for 'Log in to a registry or keyserver'
$T send-keys -t s -l 'docker://registry.example.org'
$T send-keys -t s Tab
$T send-keys -t s -l 'alice'
$T send-keys -t s Tab
$T send-keys -t s -l 'not-a-real-password'
wait_for '•{19}'
shot login.png
$T send-keys -t s Escape
wait_for 'a login +o logout'

$T send-keys -t s 1
wait_for '━━ 1 Endpoints'
$T send-keys -t s '?'
wait_for 'All panes'
shot help.png
$T send-keys -t s Escape
wait_for 'a add +d remove'
$T send-keys -t s q
