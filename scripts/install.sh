#!/usr/bin/env bash
# `make install` and `make uninstall` (docs/packaging.md): copies what scripts/stage.sh made in
# .build/stage to the folders the Makefile exports (DESTDIR, BINDIR, MANDIR, DOCDIR,
# BASHCOMPDIR, ZSHCOMPDIR, FISHCOMPDIR), and removes it again.
#
# install writes INSTALL_MANIFEST (unless empty): one line per file it installed ("f PATH") and
# per folder it had to create ("d PATH"), paths without DESTDIR. uninstall removes those files,
# then those folders if they are empty, then the manifest: exactly what install put there,
# whatever the stage holds by then. An install over an older one first removes the files of the
# old manifest that the new one no longer has, and keeps its list of created folders.
#   usage: scripts/install.sh install|uninstall
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DESTDIR=}" "${PREFIX:=/usr/local}" "${BINDIR:=$PREFIX/bin}" "${MANDIR:=$PREFIX/share/man}"
: "${DOCDIR:=$PREFIX/share/doc/remotes}" "${BASHCOMPDIR:=$PREFIX/share/bash-completion/completions}"
: "${ZSHCOMPDIR:=$PREFIX/share/zsh/site-functions}" "${FISHCOMPDIR:=$PREFIX/share/fish/vendor_completions.d}"
: "${INSTALL_MANIFEST=$DOCDIR/install-manifest.txt}"
stage=.build/stage

say() { echo "$1" >&2; }

# The files of an old manifest (without DESTDIR), one a line; nothing when there is none.
manifest_lines() {
    local kind=$1
    if [ -n "$INSTALL_MANIFEST" ] && [ -f "$DESTDIR$INSTALL_MANIFEST" ]; then
        sed -n "s/^$kind //p" "$DESTDIR$INSTALL_MANIFEST"
    fi
}

do_install() {
    [ -f "$stage/.complete" ] || { say "install: nothing staged; run make first"; exit 1; }
    local -a files=() created=()
    mapfile -t created < <(manifest_lines d)

    # Creates the folder (and its parents) and remembers those that did not exist.
    # Folders above PREFIX (and DESTDIR itself) are made if missing but not recorded.
    make_dir() {
        local dir=$1 missing=()
        while [ "$dir" != / ] && [ ! -d "$DESTDIR$dir" ]; do
            missing=("$dir" "${missing[@]}")
            dir=$(dirname "$dir")
        done
        for dir in "${missing[@]}"; do
            install -d -m 0755 "$DESTDIR$dir"
            case "$dir/" in
                "${PREFIX%/}"/*) created+=("$dir") ;;
            esac
        done
    }
    put() {
        local mode=$1 source=$2 target=$3
        make_dir "$(dirname "$target")"
        install -m "$mode" "$source" "$DESTDIR$target"
        files+=("$target")
    }

    put 0755 "$stage/bin/remotes" "$BINDIR/remotes"
    local page
    for page in "$stage"/man/*.1; do
        put 0644 "$page" "$MANDIR/man1/$(basename "$page")"
    done
    put 0644 "$stage/completion/remotes.bash" "$BASHCOMPDIR/remotes"
    put 0644 "$stage/completion/remotes.zsh" "$ZSHCOMPDIR/_remotes"
    put 0644 "$stage/completion/remotes.fish" "$FISHCOMPDIR/remotes.fish"
    put 0644 "$stage/doc/README.md" "$DOCDIR/README.md"
    local doc
    for doc in "$stage"/doc/docs/*.md; do
        put 0644 "$doc" "$DOCDIR/docs/$(basename "$doc")"
    done

    if [ -n "$INSTALL_MANIFEST" ]; then
        # Files an older install put there that this one does not have any more.
        local old
        while IFS= read -r old; do
            if ! printf '%s\n' "${files[@]}" | grep -qxF -- "$old"; then
                rm -f -- "$DESTDIR$old"
                say "install: removed $old (no longer installed)"
            fi
        done < <(manifest_lines f)
        make_dir "$(dirname "$INSTALL_MANIFEST")"
        {
            echo "# Installed by remotes' make install $(cat "$stage/VERSION"); make uninstall removes these."
            printf 'f %s\n' "${files[@]}"
            if [ "${#created[@]}" -gt 0 ]; then printf 'd %s\n' "${created[@]}"; fi
        } > "$DESTDIR$INSTALL_MANIFEST.new"
        chmod 0644 "$DESTDIR$INSTALL_MANIFEST.new"
        mv "$DESTDIR$INSTALL_MANIFEST.new" "$DESTDIR$INSTALL_MANIFEST"
    fi
    say "install: remotes $(cat "$stage/VERSION"): ${#files[@]} files under ${DESTDIR}${PREFIX}"
}

do_uninstall() {
    if [ -z "$INSTALL_MANIFEST" ] || [ ! -f "$DESTDIR$INSTALL_MANIFEST" ]; then
        say "uninstall: no manifest at $DESTDIR$INSTALL_MANIFEST: nothing was installed there by make install"
        exit 1
    fi
    local path count=0
    while IFS= read -r path; do
        rm -f -- "$DESTDIR$path"
        count=$((count + 1))
    done < <(manifest_lines f)
    local -a dirs=()
    mapfile -t dirs < <(manifest_lines d)
    rm -f -- "$DESTDIR$INSTALL_MANIFEST"
    # Deepest first; a folder that holds anything else stays.
    local i
    for ((i = ${#dirs[@]} - 1; i >= 0; i--)); do
        rmdir --ignore-fail-on-non-empty -- "$DESTDIR${dirs[i]}" 2>/dev/null || true
    done
    say "uninstall: removed $count files from ${DESTDIR}${PREFIX}"
}

case "${1:-}" in
    install) do_install ;;
    uninstall) do_uninstall ;;
    *) echo "usage: scripts/install.sh install|uninstall" >&2; exit 64 ;;
esac
