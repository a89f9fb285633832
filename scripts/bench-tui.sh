#!/usr/bin/env bash
# Benchmarks of the full-screen UI (release build; see docs/tui.md, "Benchmarks"):
#
#  1. exec -> first full frame, 1,000 remotes. hyperfine runs `remotes` under a pseudo-terminal
#     (`script -qfec`, 80x24) with REMOTES_TUI_EXIT_AFTER_FIRST_FRAME=1, which makes the UI
#     leave, restoring the terminal, right after its first full frame is on the terminal. The
#     same run of `true` under `script` gives the cost of script and the pty, shown beside it.
#  2. in process, one key and the frame after it, 10,000 remotes: remotes-tui-bench, which
#     runs the real key table, state update and views on a MemoryScreen of 80x24.
#
#   usage: scripts/bench-tui.sh [RUNS]
#
# SCRATCH_PATH names the build folder (default .build). Needs hyperfine and script (util-linux).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
scratch=${SCRATCH_PATH:-.build}
command -v hyperfine >/dev/null || { echo "bench-tui: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
command -v script >/dev/null || { echo "bench-tui: needs script (util-linux)" >&2; exit 1; }

swift build -c release --scratch-path "$scratch" --product remotes >&2
swift build -c release --scratch-path "$scratch" --product remotes-tui-bench >&2
bindir=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
work=$(mktemp -d /tmp/remotes-bench-tui.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home TERM=xterm-256color LANG=C.UTF-8
mkdir -p "$HOME/.apptainer"

# 1,000 remotes in the form Apptainer writes: every tenth with two keyservers of its own, every
# fourth logged in (made-up tokens), and 20 logins.
python3 - "$HOME/.apptainer/remote.yaml" <<'PY'
import sys
names = [f"lab-{i:05d}" for i in range(1000)]
with open(sys.argv[1], "w") as f:
    f.write(f"Active: {names[0]}\nRemotes:\n")
    for i, name in enumerate(names):
        f.write(f"    {name}:\n        URI: {name}.example.org\n")
        if i % 4 == 0:
            f.write(f"        Token: not-a-real-token-{i}\n")
        f.write("        System: false\n        Exclusive: false\n")
        if i % 10 == 0:
            f.write("        Keyservers:\n")
            for host in ("keys", "pgp"):
                f.write(f"            - URI: https://{host}.{name}.example.org\n"
                        "              Skip: false\n              External: true\n              Insecure: false\n")
    f.write("Credentials:\n")
    for i in range(20):
        f.write(f"    - URI: docker://registry-{i}.example.org\n      Insecure: false\n")
PY
chmod 600 "$HOME/.apptainer/remote.yaml"

ui="env REMOTES_TUI_EXIT_AFTER_FIRST_FRAME=1 $bindir/remotes --system-config $work/none.yaml"
# The first frame must really be the full UI (1,000 remotes and the built-in DefaultRemote):
# check the typescript once.
script -qfec "$ui" "$work/typescript" </dev/null >/dev/null
grep -qE '1 Endpoints [0-9]+/1001 ' "$work/typescript" || { echo "bench-tui: no full first frame:" >&2; cat -v "$work/typescript" >&2; exit 1; }

echo "# remotes TUI benchmark ($(date -u +%Y-%m-%dT%H:%MZ), release build, $(nproc) cores)"
echo
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/start.json" \
    "script -qfec '$ui' /dev/null" "script -qfec true /dev/null" \
    "$bindir/remotes --system-config $work/none.yaml list" </dev/null >/dev/null
python3 - "$work/start.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ui, base, listing = r
ms = lambda seconds: f"{seconds * 1000:.1f} ms"
print(f"exec -> first full frame, 1,000 remotes, under script (pty 80x24), {len(ui['times'])} runs:")
print(f"  remotes (UI):        median {ms(ui['median'])}, mean {ms(ui['mean'])} ± {ms(ui['stddev'])},"
      f" CPU user {ms(ui['user'])} + system {ms(ui['system'])} (script included)")
print(f"  script running true: median {ms(base['median'])}; UI minus that: {ms(ui['median'] - base['median'])}")
print(f"  remotes list (same file, no pty, for reference): median {ms(listing['median'])},"
      f" CPU user {ms(listing['user'])} + system {ms(listing['system'])}")
PY
echo
echo "in process, key + full frame, 10,000 remotes (target: under 5 ms):"
"$bindir/remotes-tui-bench" --remotes 10000 --repeats 200 | sed 's/^/  /'
