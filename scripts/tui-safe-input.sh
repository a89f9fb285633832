#!/usr/bin/env bash
# End-to-end test of the UI's input in tmux, with the real binary on temporary files: a paste
# without brackets (tmux paste-buffer without -p) must not remove anything; a bracketed paste
# (paste-buffer -p) goes into a form field, and outside one is dropped with a note; Home sent as
# ESC[1~ to a UI whose TERM does not know it (xterm-256color) moves the caret in a form and
# selects the first row in pane 3; below the minimum size, d and y remove nothing; a mouse click
# selects a row and the wheel moves; q quits below the minimum size. Every step checks the
# screen, and the file is compared byte for byte.
#
#   scripts/tui-safe-input.sh [PATH-TO-remotes]
#
# Needs tmux; no TTY. Prints PASS or FAIL with the last screen, and exits non-zero on failure.
set -euo pipefail

NAME=tui-safe-input
source "$(dirname "$0")/lib/tmux-harness.sh"

mkdir -p "$WORK/home/.apptainer"
CONFIG="$WORK/home/.apptainer/remote.yaml"
cat > "$CONFIG" <<'YAML'
Active: lab
Remotes:
    lab:
        URI: lab.example.org
        System: false
        Exclusive: false
    zeta:
        URI: zeta.example.org
        System: false
        Exclusive: false
Credentials:
    - URI: docker://registry.example.com
      Insecure: false
    - URI: docker://second.example.com
      Insecure: false
YAML
chmod 600 "$CONFIG"
cp "$CONFIG" "$WORK/original.yaml"

# settle: give the UI time to act on what was sent, then capture the screen.
settle() { sleep "$(awk "BEGIN { print 0.5 * $SLACK }")"; $T capture-pane -t t -p > "$OUT"; }
unchanged() { cmp -s "$CONFIG" "$WORK/original.yaml" || fail "$1: the file changed"; }
screen_lacks() { ! grep -qE -- "$1" "$OUT" || fail "$2"; }

# TERM=xterm-256color (tmux sets its own TERM for the pane, so set it on the command): its
# terminfo names Home \EOH, while tmux sends \E[1~.
$T new-session -d -s t -x 80 -y 24 -e LANG=C.UTF-8 -e HOME="$WORK/home" \
  "TERM=xterm-256color '$BIN' --config '$CONFIG' --system-config '$WORK/no-system.yaml' --user-only; echo EXIT=\$?; exec sleep 600"

step "first frame"
wait_for '1 Endpoints'
grep -q '^> lab ' "$OUT" || fail "lab is not selected"

step "a paste without brackets (paste-buffer without -p) runs no command"
# d of docker would ask to remove lab, the y of registry answer, the a of example open a form.
$T set-buffer -b plain 'docker://registry.example.org'
$T paste-buffer -d -b plain -t t
settle
unchanged "a paste without brackets"
screen_lacks 'Remove remote' "a confirmation is open after the paste"
screen_lacks 'Add remote endpoint' "a form is open after the paste"
grep -q '^> lab ' "$OUT" || fail "lab is no longer selected"
wait_for 'paste'

step "a bracketed paste (paste-buffer -p) outside a field is dropped with a note"
$T set-buffer -b bracketed 'docker://registry.example.org'
$T paste-buffer -p -d -b bracketed -t t
settle
unchanged "a bracketed paste"
screen_lacks 'Remove remote' "a confirmation is open after the bracketed paste"
wait_for 'paste'

step "a bracketed paste goes into a form field"
$T send-keys -t t a
wait_for 'Add remote endpoint'
$T set-buffer -b name 'lab2'
$T paste-buffer -p -d -b name -t t
wait_for 'Name: +\[lab2 '

step "Home as ESC[1~ moves the caret in the form and keeps its text"
$T send-keys -t t -H 1b 5b 31 7e
$T send-keys -t t -l 'x'
wait_for 'Name: +\[xlab2 '
grep -q 'Add remote endpoint' "$OUT" || fail "the form closed"
$T send-keys -t t Escape
wait_for 'a add +d remove'
unchanged "the cancelled form"

step "Home as ESC[1~ in pane 3 selects its first row and stays there"
$T send-keys -t t 3 Down
wait_for '^> docker://second.example.com'
$T send-keys -t t -H 1b 5b 31 7e
wait_for '^> docker://registry.example.com'
grep -qE '3 Authenticated Logins 1/2' "$OUT" || fail "pane 3 lost the focus"

step "below the minimum size d and y remove nothing"
$T send-keys -t t 1
wait_for '1 Endpoints 2/3'
$T resize-window -t t -x 50 -y 12
wait_for 'Terminal too small: 50×12'
$T send-keys -t t d
sleep 0.3
$T send-keys -t t y
sleep 0.3
$T send-keys -t t a
settle
unchanged "d and y below the minimum size"
$T resize-window -t t -x 80 -y 24
wait_for '1 Endpoints'
screen_lacks 'Remove remote' "a confirmation opened behind the small screen"
screen_lacks 'Add remote endpoint' "a form opened behind the small screen"

step "a mouse click selects a row and focuses its pane, the wheel moves"
$T send-keys -t t 3
wait_for '━━ 3 Authenticated Logins'
# An SGR mouse report (as xterm and tmux send them): the left button on the zeta row (row 6, 1-based).
$T send-keys -t t -H 1b 5b 3c 30 3b 35 3b 36 4d
wait_for '^> zeta '
grep -q '━━ 1 Endpoints 3/3' "$OUT" || fail "the click did not focus the Endpoints pane"
# The wheel up (button 64) over the Endpoints pane.
$T send-keys -t t -H 1b 5b 3c 36 34 3b 35 3b 35 4d
wait_for '^> DefaultRemote '
unchanged "the mouse"

step "q quits below the minimum size"
$T resize-window -t t -x 40 -y 10
wait_for 'Terminal too small'
$T send-keys -t t q
wait_for 'EXIT=0'
unchanged "the whole run"

echo "PASS"
