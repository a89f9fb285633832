#!/usr/bin/env bash
# End-to-end test of the full-screen UI in tmux, on temporary config files: add a remote
# through the form, make it the default, remove it with confirmation, reorder keyservers,
# resize, quit; then SIGTERM and NO_COLOR runs. Every step checks the screen and the file.
#
#   scripts/tui-e2e.sh [PATH-TO-remotes]
#
# Needs tmux; no TTY (works under CI with stdin=/dev/null). Prints PASS or FAIL with the last
# screen, and exits non-zero on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-${REMOTES_BIN:-$ROOT/.build/debug/remotes}}
[ -x "$BIN" ] || { echo "FAIL: no remotes binary at $BIN (swift build --product remotes)"; exit 1; }
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }

WORK=$(mktemp -d)
SOCK="tui-e2e-$$"
T="tmux -L $SOCK -f /dev/null"
OUT="$WORK/screen.txt"
cleanup() {
  $T kill-server 2>/dev/null || true
  rm -rf "$WORK"
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}
trap cleanup EXIT

mkdir -p "$WORK/home/.apptainer"
CONFIG="$WORK/home/.apptainer/remote.yaml"
cat > "$CONFIG" <<'YAML'
Active: lab
Remotes:
    lab:
        URI: lab.example.org
        System: false
        Exclusive: false
        Keyservers:
            - URI: https://keys.lab.example.org
              Skip: false
              External: true
              Insecure: false
            - URI: hkp://pgp.example.net
              Skip: false
              External: true
              Insecure: true
YAML
chmod 600 "$CONFIG"

step() { echo "--- $*"; }
fail() { echo "FAIL: $*"; echo "last screen:"; cat "$OUT" 2>/dev/null || true; echo "file:"; cat "$CONFIG"; exit 1; }

# wait_for REGEX [timeout_s]: poll the screen until it matches.
wait_for() {
  local re=$1 deadline=$(( $(date +%s) + ${2:-10} ))
  while (( $(date +%s) < deadline )); do
    $T capture-pane -t t -p > "$OUT" 2>/dev/null || true
    grep -qE -- "$re" "$OUT" && return 0
    sleep 0.05
  done
  fail "screen never matched /$re/"
}
file_has() { grep -qE -- "$1" "$CONFIG" || fail "file lacks /$1/"; }
file_lacks() { ! grep -qE -- "$1" "$CONFIG" || fail "file still has /$1/"; }
keyserver_order() { grep -E '^ +- URI:' "$CONFIG" | awk '{print $3}' | paste -sd' '; }

# start NAME ENV...: run remotes in a fresh tmux session; the shell reports the exit code and
# whether the terminal modes were restored, then stays so the last screen can be read.
start() {
  local name=$1; shift
  $T new-session -d -s "$name" -x 80 -y 24 -e LANG=C.UTF-8 -e HOME="$WORK/home" "$@" \
    "S=\$(stty -g); '$BIN' --config '$CONFIG' --system-config '$WORK/no-system.yaml' --user-only; \
     echo EXIT=\$?; [ \"\$(stty -g)\" = \"\$S\" ] && echo TTY=restored; exec sleep 600"
}

step "first frame"
start t
wait_for '1 Endpoints'
grep -q 'read-only (not root)' "$OUT" || fail "title does not say global entries are read-only"
grep -q '^> lab ' "$OUT" || fail "the default remote is not selected"
# Reverse video is SGR 7, alone or combined (\e[1;7m).
REVERSE=$'\e\\[([0-9]+;)*7m'
SGR=$'(\e\\[[0-9;]*m)*'
$T capture-pane -t t -p -e | grep -qE "$REVERSE$SGR> lab" || fail "selected row is not in reverse video"

step "add a remote through the form"
$T send-keys -t t a
wait_for 'Add remote endpoint'
$T send-keys -t t -l 'lab2'
$T send-keys -t t Tab
$T send-keys -t t -l 'https://lab2.example.org:8443'
$T send-keys -t t Enter
wait_for 'Remote "lab2" added'
file_has '^Active: lab2$'
file_has '^    lab2:$'
file_has 'URI: https://lab2.example.org:8443'

step "a rejected field keeps the form open"
$T send-keys -t t a
wait_for 'Add remote endpoint'
$T send-keys -t t -l 'lab2'
$T send-keys -t t Tab
$T send-keys -t t -l 'x.example.org'
$T send-keys -t t Enter
wait_for 'lab2 is already a remote'
$T send-keys -t t Escape
wait_for 'a add +d remove'

step "make lab the default again"
$T send-keys -t t Up
wait_for '^> lab '
$T send-keys -t t u
wait_for 'Remote "lab" now in use'
file_has '^Active: lab$'

step "remove lab2: Enter on the untouched dialog says No"
$T send-keys -t t Down d
wait_for 'Remove remote "lab2"'
$T send-keys -t t Enter
wait_for 'Remove remote: cancelled'
file_has '^    lab2:$'
$T send-keys -t t d
wait_for 'Remove remote "lab2"'
$T send-keys -t t y
wait_for 'Remote "lab2" removed'
file_lacks 'lab2'

step "reorder keyservers of lab with Shift-Up and J"
$T send-keys -t t Home j
wait_for '^> lab '
[ "$(keyserver_order)" = "https://keys.lab.example.org hkp://pgp.example.net" ] || fail "unexpected start order"
$T send-keys -t t 2 Down
wait_for '^> #2 +hkp://pgp.example.net'
$T send-keys -t t S-Up
wait_for 'moved to position 1'
[ "$(keyserver_order)" = "hkp://pgp.example.net https://keys.lab.example.org" ] || fail "order after Shift-Up: $(keyserver_order)"
$T send-keys -t t J
wait_for 'moved to position 2'
[ "$(keyserver_order)" = "https://keys.lab.example.org hkp://pgp.example.net" ] || fail "order after J: $(keyserver_order)"

step "resize below the minimum and back"
$T resize-window -t t -x 50 -y 12
wait_for 'Terminal too small: 50×12'
$T resize-window -t t -x 100 -y 30
wait_for '2 Keyservers of lab'

step "bracketed paste into the token field shows only dots; without a network layer login says so"
$T send-keys -t t 1 l
wait_for 'Log in to lab'
# The trailing newline arrives inside the paste brackets, so it must not submit the form.
$T set-buffer -b secret $'pasted-secret-value\n'
$T paste-buffer -p -d -b secret -t t
wait_for 'Access Token: +\[•{19} '
sleep 0.2
$T capture-pane -t t -p > "$OUT"
grep -q 'not available yet' "$OUT" && fail "the pasted newline submitted the form"
grep -q 'pasted-secret' "$OUT" && fail "the pasted secret is on the screen"
$T send-keys -t t Enter
wait_for 'remote login is not available yet'
grep -q '•' "$OUT" && fail "the token field was not cleared after submit"
$T send-keys -t t Escape
wait_for 'a add +d remove'
file_lacks 'Token:'

step "a change made by another program shows up without a key press"
cat > "$CONFIG.new" <<'YAML'
Active: lab
Remotes:
    elsewhere:
        URI: elsewhere.example.org
        System: false
        Exclusive: false
    lab:
        URI: lab.example.org
        System: false
        Exclusive: false
YAML
chmod 600 "$CONFIG.new"
mv "$CONFIG.new" "$CONFIG"
wait_for 'changed by another program; reloaded'
grep -qE '^  elsewhere +elsewhere.example.org' "$OUT" || fail "the new remote is not shown"

step "quit with q restores the terminal"
$T send-keys -t t q
wait_for 'EXIT=0'
wait_for 'TTY=restored'

step "SIGTERM restores the terminal"
start s
for _ in $(seq 100); do $T capture-pane -t s -p | grep -q '1 Endpoints' && break; sleep 0.05; done
SHELL_PID=$($T display-message -p -t s '#{pane_pid}')
UI_PID=$(pgrep -P "$SHELL_PID" | head -1)
[ -n "$UI_PID" ] || fail "no remotes process to signal"
kill -TERM "$UI_PID"
for _ in $(seq 100); do $T capture-pane -t s -p > "$OUT"; grep -q 'TTY=restored' "$OUT" && break; sleep 0.05; done
grep -q 'EXIT=143' "$OUT" || fail "SIGTERM did not end the UI with 143"
grep -q 'TTY=restored' "$OUT" || fail "terminal modes not restored after SIGTERM"

step "Ctrl-C restores the terminal, even from a form"
start c
for _ in $(seq 100); do $T capture-pane -t c -p | grep -q '1 Endpoints' && break; sleep 0.05; done
$T send-keys -t c a
for _ in $(seq 100); do $T capture-pane -t c -p | grep -q 'Add remote endpoint' && break; sleep 0.05; done
$T send-keys -t c C-c
for _ in $(seq 100); do $T capture-pane -t c -p > "$OUT"; grep -q 'TTY=restored' "$OUT" && break; sleep 0.05; done
grep -q 'EXIT=130' "$OUT" || fail "Ctrl-C did not end the UI with 130"
grep -q 'TTY=restored' "$OUT" || fail "terminal modes not restored after Ctrl-C"

step "NO_COLOR: no colour codes, selection still in reverse video"
start n -e NO_COLOR=1
for _ in $(seq 100); do $T capture-pane -t n -p | grep -q '1 Endpoints' && break; sleep 0.05; done
$T capture-pane -t n -p -e > "$OUT"
grep -qE "$REVERSE" "$OUT" || fail "no reverse video under NO_COLOR"
COLOUR=$'\e\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|38|48)(;[0-9]+)*m'
! grep -qE "$COLOUR" "$OUT" || fail "colour codes under NO_COLOR"
$T send-keys -t n q

echo "PASS"
