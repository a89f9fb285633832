#!/usr/bin/env bash
# No lost updates with the terminal UI open: while the real `remotes` UI runs in tmux on a user
# file, batch workers change the same file, and meanwhile the UI writes too (adds a remote
# through the form, moves a keyserver with K, makes a remote the default with u). Every UI
# write either lands or is refused with "changed by another program since it was read;
# reloaded" and is tried again; at the end the file holds every worker's operations and every
# UI change, and the UI shows the workers' remotes.
#
#   scripts/tui-concurrency.sh [PATH-TO-remotes]
#
# Needs tmux; no TTY (works under CI with stdin=/dev/null). Prints PASS or FAIL with the last
# screen, and exits non-zero on failure.
set -euo pipefail

NAME=tui-concurrency
source "$(dirname "$0")/lib/tmux-harness.sh"
cleanup_extra() { jobs -p | xargs -r kill 2>/dev/null || true; }

WORKERS=${WORKERS:-3}

mkdir -p "$WORK/home/.apptainer"
CONFIG="$WORK/home/.apptainer/remote.yaml"
SYSTEM="$WORK/no-system.yaml"
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
    other:
        URI: other.example.org
        System: false
        Exclusive: false
YAML
chmod 600 "$CONFIG"

remotes_in_file() { grep -E '^    [^ -].*:$' "$CONFIG" | sed 's/^    //; s/:$//' | sort | paste -sd' '; }
keyservers_of() { awk -v r="    $1:" '$0 == r { on = 1; next } on && /^    [^ ]/ { on = 0 } on && /- URI:/ { print $3 }' "$CONFIG" | paste -sd' '; }
workers_running() { [ -n "$(jobs -pr)" ]; }
batch() { "$BIN" --batch --user-only --config "$CONFIG" --system-config "$SYSTEM" "$@"; }

# worker W: 10 writes with pauses of 0.1 to 0.5 s: its remotes, a removal, two keyservers.
worker() {
  local w=$1 failures=0
  run() { sleep "0.$(( RANDOM % 5 + 1 ))"; batch "$@" 2>>"$WORK/worker-$w.err" || failures=$((failures + 1)); }
  run add --no-login -n "w$w-base" cloud.apptainer.org
  for j in 0 1 2 3 4 5; do
    run add --no-login -n "w$w-r$j" "r$j.w$w.example"
    case $j in
      1|5) run add-keyserver "w$w-base" "https://k$j.w$w.example" ;;
      3) run remove "w$w-r2" ;;
    esac
  done
  echo "$failures" > "$WORK/worker-$w.failures"
}
expected_remotes() {
  { echo DefaultRemote lab other tui-added
    for w in $(seq 0 $((WORKERS - 1))); do echo "w$w-base w$w-r0 w$w-r1 w$w-r3 w$w-r4 w$w-r5"; done
  } | tr ' ' '\n' | sort | paste -sd' '
}

step "the UI shows the file"
$T new-session -d -s t -x 120 -y 90 -e LANG=C.UTF-8 -e HOME="$WORK/home" \
  "'$BIN' --config '$CONFIG' --system-config '$SYSTEM' --user-only; echo EXIT=\$?; exec sleep 600"
wait_for '1 Endpoints'
grep -qE '^> lab ' "$OUT" || fail "the default remote is not selected"

step "$WORKERS batch workers start writing"
for w in $(seq 0 $((WORKERS - 1))); do worker "$w" & done

refused=0
landed_while_workers_ran=0
# attempt NAME SUCCESS-REGEX LANDED-COMMAND: after one key press (done by the caller), wait for
# the outcome: the change is in the file (and the UI says so), or the UI refused it.
outcome() {
  local success=$1 check=$2 deadline=$(( $(date +%s) + 10 * SLACK ))
  while (( $(date +%s) < deadline )); do
    capture
    if grep -qE -- "$success" "$OUT"; then
      eval "$check" || fail "the UI said /$success/ but the file does not have the change"
      if workers_running; then landed_while_workers_ran=$((landed_while_workers_ran + 1)); fi
      return 0
    fi
    if grep -q 'changed by another program since it was read; reloaded' "$OUT"; then
      eval "$check" && fail "the UI refused a write that is in the file"
      refused=$((refused + 1))
      return 1
    fi
    sleep 0.05
  done
  fail "no outcome /$success/ or a refusal"
}
# fresh: reload (r) and wait until the message line no longer holds an earlier outcome.
fresh() {
  $T send-keys -t t r
  wait_for 'Reloaded |The files were changed by another program; reloaded'
  ! grep -q 'since it was read' "$OUT" || fail "the refusal message stayed after a reload"
}
# fill_form: the add-remote form with tui-added (it becomes the default; u changes that later).
fill_form() {
  $T send-keys -t t a
  wait_for 'Add remote endpoint'
  $T send-keys -t t -l 'tui-added'
  $T send-keys -t t Tab
  $T send-keys -t t -l 'tui.example.org'
  # Enter only once the text is on the screen: sent with it, it would arrive as part of a paste.
  wait_for 'URI: +\[tui.example.org'
}
added='grep -q "^    tui-added:$" "$CONFIG"'

step "the UI adds a remote through the form; a worker's write while the form is open makes it refused first"
fill_form
# The form keeps the fingerprints of the files as the UI read them; wait until a worker writes.
seen=$(stat -c %i.%Y.%s "$CONFIG")
for _ in $(seq $((200 * SLACK))); do [ "$(stat -c %i.%Y.%s "$CONFIG")" != "$seen" ] && break; sleep 0.05; done
[ "$(stat -c %i.%Y.%s "$CONFIG")" != "$seen" ] || fail "no worker wrote while the form was open"
$T send-keys -t t Enter
outcome 'Remote "tui-added" added' "$added" && fail "a form submitted on stale data was not refused"
wait_for 'Add remote endpoint'
$T send-keys -t t Escape
wait_for 'a add +d remove'
for _ in $(seq 40); do
  fresh
  fill_form
  $T send-keys -t t Enter
  outcome 'Remote "tui-added" added' "$added" && break
  $T send-keys -t t Escape
  wait_for 'a add +d remove'
done
eval "$added" || fail "the form never landed"

step "the UI moves lab's second keyserver up with K"
moved=no
for _ in $(seq 40); do
  fresh
  $T send-keys -t t 1 Home Down 2 Home Down
  wait_for '^> #2 +hkp://pgp.example.net'
  $T send-keys -t t K
  if outcome 'moved to position 1' '[ "$(keyservers_of lab)" = "hkp://pgp.example.net https://keys.lab.example.org" ]'; then
    moved=yes; break
  fi
done
[ $moved = yes ] || fail "K never landed"

step "the UI makes other the default with u"
used=no
for _ in $(seq 40); do
  fresh
  $T send-keys -t t 1 Home Down Down
  wait_for '^> other '
  $T send-keys -t t u
  if outcome 'Remote "other" now in use' 'grep -q "^Active: other$" "$CONFIG"'; then used=yes; break; fi
done
[ $used = yes ] || fail "u never landed"

step "the workers finish"
wait
for w in $(seq 0 $((WORKERS - 1))); do
  [ "$(cat "$WORK/worker-$w.failures")" = 0 ] || fail "worker $w: $(cat "$WORK/worker-$w.err")"
done

step "the file holds every worker's operations and every UI change"
[ "$(remotes_in_file)" = "$(expected_remotes)" ] || fail "remotes: $(remotes_in_file), expected $(expected_remotes)"
for w in $(seq 0 $((WORKERS - 1))); do
  [ "$(keyservers_of "w$w-base")" = "https://keys.openpgp.org https://k1.w$w.example https://k5.w$w.example" ] \
    || fail "keyservers of w$w-base: $(keyservers_of "w$w-base")"
done
grep -q '^Active: other$' "$CONFIG" || fail "the UI's default is lost"
[ "$(keyservers_of lab)" = "hkp://pgp.example.net https://keys.lab.example.org" ] || fail "the UI's keyserver move is lost"
"$BIN" --batch --config "$CONFIG" --system-config "$SYSTEM" list >/dev/null || fail "the file does not read back"

step "the UI reloads by itself and shows every worker's remotes"
# Workers finish in any order, and the UI may have reloaded between two of their last writes:
# wait for each name (its next reload, within a second, brings the rest), not for one of them.
for name in $(expected_remotes); do
  wait_for "^[ >] $name " 10
done

step "quit"
$T send-keys -t t q
wait_for 'EXIT=0'
echo "UI writes refused and retried: $refused; landed while workers were writing: $landed_while_workers_ran of 3"
echo "PASS"
