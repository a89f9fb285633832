#!/usr/bin/env bash
# Proves that remotes installs like real software (docs/packaging.md); run by scripts/test.sh
# after the test suite, as root (or with sudo). Each step prints its time.
#   1. `make deb`: the package, built with dpkg-buildpackage and debhelper;
#   2. lintian on it: no error, and no warning other than those docs/packaging.md explains;
#   3. `make install` into /usr/local: remotes, `man -w remotes`, the bash completion found
#      where bash looks by itself; then `make uninstall` leaves /usr/local as it was;
#   4. `make install DESTDIR=…` next to files of others: uninstall removes exactly its own;
#   5. `apt-get install ./remotes_*.deb`: /usr/bin/remotes --version, `man -w remotes`, the
#      man page holds every command and option of `--help`, `bash -ic` finds the completion,
#      `remotes --batch list` works for a fresh user (nobody, empty HOME); then
#      `apt-get purge` leaves nothing of the package behind.
# The release binary is built once: REMOTES_BINARY=PATH reuses one that scripts/build-release.sh
# made already; without it, `make` calls that script, and SwiftPM rebuilds nothing up to date.
#   usage: scripts/check-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "check-package: run as root (or install sudo): it installs the package" >&2
    exit 1
fi

started=$(date +%s)
step_started=$started
step() {
    local now
    now=$(date +%s)
    if [ -n "${step_name:-}" ]; then
        echo "-- $step_name: $((now - step_started)) s"
    fi
    step_name=$1
    step_started=$now
    [ -z "$step_name" ] || echo "-- $step_name"
}
fail() {
    echo "check-package: FAILED: $*" >&2
    exit 1
}
scratch=$(mktemp -d /tmp/remotes-check-package.XXXXXX)
chmod 0755 "$scratch"
# A failed check leaves nothing installed behind it.
installed_local=
installed_deb=
cleanup() {
    if [ -n "$installed_local" ]; then
        "${sudo[@]}" make --no-print-directory uninstall >/dev/null 2>&1 || true
    fi
    if [ -n "$installed_deb" ]; then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q remotes >/dev/null 2>&1 || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

# What a fresh user gets: a new HOME with Debian's default .bashrc (which loads bash-completion).
fresh_home() {
    local home
    home=$(mktemp -d "$scratch/home.XXXXXX")
    cp /etc/skel/.bashrc "$home/.bashrc"
    chown -R nobody:nogroup "$home"
    echo "$home"
}
as_fresh_user() {
    local home=$1
    shift
    "${sudo[@]}" setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all \
        env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin TERM=dumb LANG=C.UTF-8 "$@"
}

# The bash completion that bash itself finds and loads (bash-completion loads a command's
# completion on first use, from the folders it searches), and what it offers after `remotes l`.
check_bash_completion() {
    local home
    home=$(fresh_home)
    # shellcheck disable=SC2016 # expanded by the interactive bash
    as_fresh_user "$home" bash -ic '
        __load_completion remotes || exit 3
        complete -p remotes || exit 4
        function=$(complete -p remotes | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
        COMP_WORDS=(remotes l); COMP_CWORD=1; COMP_LINE="remotes l"; COMP_POINT=${#COMP_LINE}
        "$function" remotes l remotes
        printf "offers: %s\n" "${COMPREPLY[*]}"
        [[ " ${COMPREPLY[*]} " == *" list "* && " ${COMPREPLY[*]} " == *" login "* ]]
    ' 2>"$scratch/bash.err" || { cat "$scratch/bash.err" >&2; fail "bash does not complete remotes"; }
}

# Every subcommand and every option that `remotes --help` lists, and those of each subcommand's
# `--help` in turn, are in `man remotes`.
help_words() {
    local help
    help=$("$@" --help </dev/null)
    { grep -oE -- '--[a-z][a-z-]+|(^|[ ,])-[a-z]\b' <<<"$help" || true; } | tr -d ' ,'
    awk '/^SUBCOMMANDS:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z][a-z-]*( |$)/ { print $1 }' <<<"$help" |
        while IFS= read -r subcommand; do
            echo "$subcommand"
            [ "$subcommand" = help ] || help_words "$@" "$subcommand"
        done
}
check_man_page_covers_help() {
    local remotes=$1 page text word missing=()
    page=$(man -w remotes)
    text=$(MANWIDTH=200 man -l "$page" 2>/dev/null | col -b)
    local -a words=()
    mapfile -t words < <(help_words "$remotes" | sort -u)
    [ "${#words[@]}" -gt 30 ] || fail "could not read the commands and options of remotes --help: ${words[*]}"
    for word in "${words[@]}"; do
        grep -qE -- "(^|[^-[:alnum:]])$word([^-[:alnum:]]|\$)" <<<"$text" || missing+=("$word")
    done
    [ "${#missing[@]}" -eq 0 ] || fail "man remotes lacks ${missing[*]} (from remotes … --help)"
    echo "man remotes ($page) has all ${#words[@]} commands and options of every remotes … --help"
}

check_fresh_user_list() {
    local home out
    home=$(fresh_home)
    out=$(as_fresh_user "$home" remotes --batch list) || fail "remotes --batch list failed for a fresh user"
    grep -q DefaultRemote <<<"$out" || fail "remotes --batch list shows no DefaultRemote: $out"
    echo "remotes --batch list as nobody with an empty HOME: ok"
}

# Path, type and mode of everything under the folders (a missing one is simply empty).
snapshot() { { find "$@" -printf '%p %y %m\n' 2>/dev/null || true; } | LC_ALL=C sort; }

step "make deb"
deb=$(./scripts/make-deb.sh)
version=$(dpkg-deb -f "$deb" Version)
upstream=$(cat .build/stage/VERSION)
echo "$deb: $(stat -c %s "$deb") bytes; Depends: $(dpkg-deb -f "$deb" Depends)"
depends=$(dpkg-deb -f "$deb" Depends)
for library in libc6 libncursesw6 zlib1g; do
    [[ "$depends" == *"$library "* || "$depends" == *"$library" ]] || fail "Depends lacks $library: $depends"
done
[[ "$version" == "$upstream-"* ]] || fail "package version $version is not remotes --version ($upstream)"
outside=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | grep -vE '^\./(usr/.*)?$' || true)
[ -z "$outside" ] || fail "files outside /usr: $outside"
for path in ./usr/bin/remotes ./usr/share/man/man1/remotes.1.gz ./usr/share/doc/remotes/copyright \
    ./usr/share/doc/remotes/changelog.Debian.gz ./usr/share/bash-completion/completions/remotes \
    ./usr/share/zsh/vendor-completions/_remotes ./usr/share/fish/vendor_completions.d/remotes.fish; do
    dpkg-deb -c "$deb" | awk '{ print $6 }' | grep -qxF "$path" || fail "the package has no $path"
done

step "lintian"
# Warnings kept on purpose, each explained in docs/packaging.md; anything else fails.
kept='^(initial-upload-closes-no-bugs|bad-whatis-entry)$'
lintian --fail-on error --display-level '>=warning' --tag-display-limit 0 "$deb" | tee "$scratch/lintian.txt" ||
    fail "lintian reports an error"
unexpected=$(awk '$1 == "W:" { print $3 }' "$scratch/lintian.txt" | grep -vE "$kept" || true)
[ -z "$unexpected" ] || fail "lintian warnings not explained in docs/packaging.md: $unexpected"

step "make install and make uninstall in /usr/local"
[ ! -e /usr/local/bin/remotes ] || fail "/usr/local/bin/remotes exists already: not ours to test over"
before=$(snapshot /usr/local)
installed_local=1
"${sudo[@]}" make --no-print-directory install
[ "$(/usr/local/bin/remotes --version)" = "$upstream" ] || fail "/usr/local/bin/remotes --version"
# (Debian's /usr/local/man is a link to share/man.)
[ "$(readlink -f "$(man -w remotes)")" = /usr/local/share/man/man1/remotes.1 ] || fail "man -w remotes: $(man -w remotes)"
check_man_page_covers_help /usr/local/bin/remotes
check_bash_completion
check_fresh_user_list
"${sudo[@]}" make --no-print-directory uninstall
installed_local=
after=$(snapshot /usr/local)
[ "$before" = "$after" ] || fail "make uninstall left /usr/local changed: $(diff <(echo "$before") <(echo "$after"))"
echo "/usr/local is as it was"

step "make install DESTDIR=… beside files of others"
root=$scratch/destdir
mkdir -p "$root/opt/r/share/man/man1" "$root/opt/r/bin"
touch "$root/opt/r/share/man/man1/other.1" "$root/opt/r/bin/other"
before=$(cd "$root" && snapshot .)
make --no-print-directory install DESTDIR="$root" PREFIX=/opt/r
manifest=$root/opt/r/share/doc/remotes/install-manifest.txt
installed=$(cd "$root" && find . -type f | sed 's/^\.//' | grep -v -e '/other' -e '/install-manifest.txt$' | LC_ALL=C sort)
listed=$(sed -n 's/^f //p' "$manifest" | LC_ALL=C sort)
[ "$installed" = "$listed" ] || fail "the manifest does not list what was installed: $(diff <(echo "$listed") <(echo "$installed"))"
echo "installed $(wc -l <<<"$installed") files, all in the manifest"
make --no-print-directory uninstall DESTDIR="$root" PREFIX=/opt/r
after=$(cd "$root" && snapshot .)
[ "$before" = "$after" ] || fail "make uninstall did not restore DESTDIR: $(diff <(echo "$before") <(echo "$after"))"
echo "make uninstall removed exactly those files and the folders it had made"

step "apt-get install ./$(basename "$deb")"
if dpkg-query -W -f='${Status}' remotes 2>/dev/null | grep -q 'ok installed'; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q remotes
fi
# Where the package puts files, and dpkg's own record of it.
watched=(/usr/bin /usr/share/man/man1 /usr/share/doc /usr/share/bash-completion /usr/share/zsh
    /usr/share/fish /etc /var/lib/dpkg/info)
before=$(snapshot "${watched[@]}")
installed_deb=1
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./${deb#"$PWD"/}"
[ "$(dpkg-query -W -f='${Version}' remotes)" = "$version" ] || fail "remotes $version is not installed"
[ "$(/usr/bin/remotes --version)" = "$upstream" ] || fail "/usr/bin/remotes --version"
[ "$(command -v remotes)" = /usr/bin/remotes ] || fail "remotes on PATH is $(command -v remotes)"
[ "$(man -w remotes)" = /usr/share/man/man1/remotes.1.gz ] || fail "man -w remotes: $(man -w remotes)"
man -w remotes.keyserver.login >/dev/null || fail "no man page for remotes keyserver login"
check_man_page_covers_help /usr/bin/remotes
check_bash_completion
check_fresh_user_list
files=$(dpkg -L remotes)
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q remotes
installed_deb=
! dpkg-query -W -f='${Status}' remotes 2>/dev/null | grep -q 'ok installed' || fail "remotes is still installed"
left=$(while IFS= read -r path; do [ "$path" = /. ] || [ ! -e "$path" ] || [ -d "$path" ] || echo "$path"; done <<<"$files")
[ -z "$left" ] || fail "apt-get purge left files: $left"
after=$(snapshot "${watched[@]}")
changed=$(diff <(echo "$before") <(echo "$after") || true)
[ -z "$changed" ] || fail "/usr, /etc or dpkg's database differ after install and purge: $changed"
echo "apt-get purge: nothing of remotes is left in /usr, /etc or dpkg's database"

step ""
echo "check-package: all passed in $(($(date +%s) - started)) s ($(basename "$deb"))"
