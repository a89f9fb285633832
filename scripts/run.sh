#!/usr/bin/env bash
# Builds and runs remotes (see README). Without arguments it opens the terminal UI; with a
# subcommand (`./scripts/run.sh list`) it runs that. With no configuration of your own it
# shows Apptainer's built-in default. Installs the ncurses headers first if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg-query -W -f='${Status}' libncurses-dev 2>/dev/null | grep -q "install ok installed"; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q libncurses-dev >/dev/null ||
        { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q libncurses-dev >/dev/null; }
fi
swift build --product remotes >&2
exec .build/debug/remotes "$@"
