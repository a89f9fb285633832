#!/usr/bin/env bash
# Makes, in .build/stage, everything `make install` and the Debian package install
# (docs/packaging.md):
#   bin/remotes          the release binary of scripts/build-release.sh, stripped
#   man/*.1              man pages from swift-argument-parser's generate-manual plugin: remotes.1
#                        (every command and option, as one page) and one page per subcommand
#   completion/remotes.{bash,zsh,fish}   from `remotes --generate-completion-script`
#   doc/                 README.md and docs/*.md
# The version shown everywhere is the binary's own (`remotes --version`, RemotesVersion.swift).
#   usage: scripts/stage.sh [RELEASE_BINARY]   (default: $REMOTES_BINARY, else build it)
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-${REMOTES_BINARY:-}}
if [ -z "$binary" ]; then
    binary=$(./scripts/build-release.sh)
fi
[ -x "$binary" ] || { echo "stage: no release binary at $binary" >&2; exit 1; }

stage=.build/stage
rm -rf "$stage" "$stage.new"
mkdir -p "$stage.new"/{bin,man,completion,doc/docs}
new=$stage.new

# Stripped: the symbol tables and DWARF are most of an unstripped build's size, and the Swift
# runtime needs neither (it reads its metadata from the swift5_* sections).
strip --strip-all -o "$new/bin/remotes" "$binary"
version=$("$new/bin/remotes" --version)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([~+.-][0-9A-Za-z.~+-]*)?$ ]] ||
    { echo "stage: '$binary --version' printed '$version', not a version" >&2; exit 1; }

# The man pages' date: SOURCE_DATE_EPOCH (set by dpkg-buildpackage from debian/changelog), else
# the last commit's, else today; the same sources give the same pages.
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)
else
    date=$(git log -1 --format=%cd --date=format:%F 2>/dev/null || date -u +%F)
fi

# The plugin builds the package (debug: the release products keep their own flags and are never
# rebuilt by it), then runs its generate-manual tool on every ArgumentParser executable.
# Its output folder is cleared first so that a removed subcommand leaves no page behind.
manual_out=.build/plugins/GenerateManual/outputs/remotes
rm -rf "$manual_out"
pages() {
    swift package --disable-sandbox plugin generate-manual --configuration debug \
        --date "$date" "$@" >&2
    # Every page's footer says which remotes it documents (generate-manual leaves `.Os` empty).
    for page in "$manual_out"/*.1; do
        sed -i "s/^\.Os\$/.Os remotes $version/" "$page"
    done
}
# 1. one page per subcommand (remotes.add.1, remotes.keyserver.login.1, …) and their SEE ALSO;
pages --multi-page
cp "$manual_out"/remotes.*.1 "$new/man/"
# 2. remotes.1 as one page: every subcommand with every option, as `--help` lists them.
rm -rf "$manual_out"
pages
cp "$manual_out"/remotes.1 "$new/man/"
grep -q "^\.Os remotes $version\$" "$new/man/remotes.1" ||
    { echo "stage: remotes.1 has no '.Os remotes $version' line" >&2; exit 1; }

for shell in bash zsh fish; do
    "$new/bin/remotes" --generate-completion-script "$shell" > "$new/completion/remotes.$shell"
done
# bash-completion sources the file: its `#!/bin/bash` line would only mislead (lintian's
# bash-completion-with-hashbang).
sed -i '1{/^#!/d}' "$new/completion/remotes.bash"

cp README.md "$new/doc/"
cp docs/*.md "$new/doc/docs/"

echo "$version" > "$new/VERSION"
touch "$new/.complete"
mv "$new" "$stage"
echo "stage: remotes $version in $stage ($(stat -c %s "$stage/bin/remotes") bytes stripped," \
    "$(find "$stage/man" -name '*.1' | wc -l) man pages)" >&2
