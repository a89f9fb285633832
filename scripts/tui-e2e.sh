#!/usr/bin/env bash
# End-to-end test of the full-screen UI in tmux, on temporary config files: add a remote
# through the form, make it the default, remove it with confirmation, reorder keyservers,
# resize, log in to a local test server with a bad and a good token, check its status, quit;
# then SIGTERM, Ctrl-C and NO_COLOR runs. Every step checks the screen and the file.
#
#   scripts/tui-e2e.sh [PATH-TO-remotes]
#
# The test server is remotes-test-server next to the binary (REMOTES_TEST_SERVER names
# another). Needs tmux; no TTY (works under CI with stdin=/dev/null). Prints PASS or FAIL
# with the last screen, and exits non-zero on failure.
set -euo pipefail

NAME=tui-e2e
source "$(dirname "$0")/lib/tmux-harness.sh"
SERVER=${REMOTES_TEST_SERVER:-$(dirname "$BIN")/remotes-test-server}
[ -x "$SERVER" ] || { echo "FAIL: no test server at $SERVER (swift build --product remotes-test-server)"; exit 1; }
# Every screen the script looked at, to check at the end that no secret was ever drawn.
SEEN="$WORK/every-screen.txt"
SERVER_PID=
cleanup_extra() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; }

# A Library API endpoint on 127.0.0.1 that accepts one token. Each /version answer waits
# 600 ms, so that the status check's spinner can be seen.
GOOD_TOKEN="e2e-good-token-$$-$RANDOM$RANDOM"
BAD_TOKEN="e2e-wrong-token-$$"
"$SERVER" --token "$GOOD_TOKEN" --version-delay-ms 600 --print-port > "$WORK/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq $((200 * SLACK))); do grep -q '^listening on ' "$WORK/server.out" && break; sleep 0.05; done
SERVER_URL=$(sed -n 's/^listening on //p' "$WORK/server.out" | head -1)
[ -n "$SERVER_URL" ] || { echo "FAIL: the test server did not start"; cat "$WORK/server.out"; exit 1; }
SERVER_ADDRESS=${SERVER_URL#http://}

mkdir -p "$WORK/home/.apptainer"
CONFIG="$WORK/home/.apptainer/remote.yaml"
cat > "$CONFIG" <<YAML
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
    srv:
        URI: $SERVER_ADDRESS/e2e
        System: false
        Exclusive: false
        Insecure: true
YAML
chmod 600 "$CONFIG"

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
# Enter only once the text is on the screen: sent with it, it would arrive as part of a paste.
wait_for 'URI: +\[https://lab2.example.org:8443'
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
wait_for 'URI: +\[x.example.org'
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
$T send-keys -t t G
wait_for '^> srv '
$T send-keys -t t g
wait_for '^> DefaultRemote '
$T send-keys -t t j
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

step "log in to the test server: a pasted bad token is refused and the file is unchanged"
# One key at a time, as a person types: "1G" sent in one go would arrive as a paste.
$T send-keys -t t 1
wait_for '━━ 1 Endpoints'
$T send-keys -t t G
wait_for '^> srv '
$T send-keys -t t l
wait_for 'Log in to srv'
cp "$CONFIG" "$WORK/before-login.yaml"
# The trailing newline arrives inside the paste brackets, so it must not submit the form.
$T set-buffer -b secret "$BAD_TOKEN"$'\n'
$T paste-buffer -p -d -b secret -t t
wait_for "Access Token: +\\[•{${#BAD_TOKEN}} "
sleep 0.3
$T capture-pane -t t -p > "$OUT"
grep -q 'Invalid Credentials' "$OUT" && fail "the pasted newline submitted the form"
$T send-keys -t t Enter
wait_for 'error response from server: Invalid Credentials \(while verifying token\)'
grep -q 'Log in to srv' "$OUT" || fail "the form closed after a refused token"
grep -q '•' "$OUT" && fail "the token field was not cleared after submit"
cmp -s "$CONFIG" "$WORK/before-login.yaml" || fail "a refused token changed the file"
file_lacks 'Token:'

step "a good token is verified, then stored"
$T set-buffer -b secret "$GOOD_TOKEN"
$T paste-buffer -p -d -b secret -t t
wait_for "Access Token: +\\[•{${#GOOD_TOKEN}} "
$T send-keys -t t Enter
wait_for 'Access Token Verified!'
wait_for 'a add +d remove'
grep -qF "Token: $GOOD_TOKEN" "$CONFIG" || fail "the verified token is not in the file"
[ "$(grep -c 'Token:' "$CONFIG")" = 1 ] || fail "more than one token in the file"

step "status check: a spinner on the row, then the live status cell"
$T send-keys -t t s
wait_for '^> srv .*checking'
wait_for '^> srv .* OK *$'
wait_for 'Status of srv: OK'
grep -q 'Valid authentication token set (logged in).' "$OUT" || fail "the status does not say the token is valid"
# Discovery told the built-in keyserver of srv: the Keyservers pane shows it.
# The server speaks plain http: not secure (✗!), whatever Insecure says.
wait_for "#1 +$SERVER_URL/e2e/keys +✗! +built-in"

step "no token was ever on the screen"
grep -qF "$GOOD_TOKEN" "$SEEN" && fail "the good token was drawn"
grep -qF "$BAD_TOKEN" "$SEEN" && fail "the bad token was drawn"
grep -qF 'e2e-good-token' "$SEEN" && fail "part of the good token was drawn"

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
for _ in $(seq $((100 * SLACK))); do $T capture-pane -t s -p | grep -q '1 Endpoints' && break; sleep 0.05; done
SHELL_PID=$($T display-message -p -t s '#{pane_pid}')
UI_PID=$(pgrep -P "$SHELL_PID" | head -1)
[ -n "$UI_PID" ] || fail "no remotes process to signal"
kill -TERM "$UI_PID"
for _ in $(seq $((100 * SLACK))); do $T capture-pane -t s -p > "$OUT"; grep -q 'TTY=restored' "$OUT" && break; sleep 0.05; done
grep -q 'EXIT=143' "$OUT" || fail "SIGTERM did not end the UI with 143"
grep -q 'TTY=restored' "$OUT" || fail "terminal modes not restored after SIGTERM"

step "Ctrl-C restores the terminal, even from a form"
start c
for _ in $(seq $((100 * SLACK))); do $T capture-pane -t c -p | grep -q '1 Endpoints' && break; sleep 0.05; done
$T send-keys -t c a
for _ in $(seq $((100 * SLACK))); do $T capture-pane -t c -p | grep -q 'Add remote endpoint' && break; sleep 0.05; done
$T send-keys -t c C-c
for _ in $(seq $((100 * SLACK))); do $T capture-pane -t c -p > "$OUT"; grep -q 'TTY=restored' "$OUT" && break; sleep 0.05; done
grep -q 'EXIT=130' "$OUT" || fail "Ctrl-C did not end the UI with 130"
grep -q 'TTY=restored' "$OUT" || fail "terminal modes not restored after Ctrl-C"

step "NO_COLOR: no colour codes, selection still in reverse video"
start n -e NO_COLOR=1
for _ in $(seq $((100 * SLACK))); do $T capture-pane -t n -p | grep -q '1 Endpoints' && break; sleep 0.05; done
$T capture-pane -t n -p -e > "$OUT"
grep -qE "$REVERSE" "$OUT" || fail "no reverse video under NO_COLOR"
COLOUR=$'\e\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|38|48)(;[0-9]+)*m'
! grep -qE "$COLOUR" "$OUT" || fail "colour codes under NO_COLOR"
$T send-keys -t n q

echo "PASS"
