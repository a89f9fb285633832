# Sourced by the tmux scripts (tui-e2e.sh, tui-concurrency.sh, tui-safe-input.sh) after they set
# NAME: the binary to test (first argument, REMOTES_BIN, or the debug build), a work folder and a
# private tmux server, cleaned up on exit, and the helpers every script uses. A script adds its
# own clean-up to cleanup_extra, and names a file in SEEN to keep every screen it looked at.
# It defines CONFIG (the file the UI edits) before fail can be called.

# SLACK: waits stretch under a sanitizer.
source "$(dirname "${BASH_SOURCE[0]}")/slack.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:-${REMOTES_BIN:-$ROOT/.build/debug/remotes}}
[ -x "$BIN" ] || { echo "FAIL: no remotes binary at $BIN (swift build --product remotes)"; exit 1; }
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }

WORK=$(mktemp -d)
SOCK="$NAME-$$"
T="tmux -L $SOCK -f /dev/null"
OUT="$WORK/screen.txt"
SEEN=
cleanup_extra() { :; }
cleanup() {
  cleanup_extra
  $T kill-server 2>/dev/null || true
  rm -rf "$WORK"
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}
trap cleanup EXIT

step() { echo "--- $*"; }
fail() { echo "FAIL: $*"; echo "last screen:"; cat "$OUT" 2>/dev/null || true; echo "file:"; cat "$CONFIG"; exit 1; }
# capture: the screen into OUT (and appended to SEEN when set).
capture() {
  $T capture-pane -t t -p > "$OUT" 2>/dev/null || true
  if [ -n "$SEEN" ]; then cat "$OUT" >> "$SEEN"; fi
}
# wait_for REGEX [timeout_s]: poll the screen until it matches.
wait_for() {
  local re=$1 deadline=$(( $(date +%s) + ${2:-10} * SLACK ))
  while (( $(date +%s) < deadline )); do
    capture
    grep -qE -- "$re" "$OUT" && return 0
    sleep 0.05
  done
  fail "screen never matched /$re/"
}
