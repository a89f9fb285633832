#!/usr/bin/env bash
# Shows, with readelf, that an executable is built hardened, and fails (exit 1) naming each
# property that is missing (docs/startup.md; issue 11 item 12):
#   PIE        ELF type DYN with the PIE flag in FLAGS_1 (loaded at a random address);
#   RELRO      a GNU_RELRO segment (relocated data made read-only after start-up);
#   BIND_NOW   every symbol bound at start (BIND_NOW or FLAGS_1 NOW), so with RELRO the whole
#              GOT is read-only: "full RELRO";
#   NX stack   a GNU_STACK segment without E (the stack is not executable);
#   canary     __stack_chk_fail referenced (some function checks a stack canary); with
#              --functions also which functions of our own Swift modules and of the C code
#              linked in check one (from the disassembly; slower).
#   usage: scripts/check-hardening.sh [--functions] BINARY
set -euo pipefail
functions=false
if [ "${1:-}" = --functions ]; then functions=true; shift; fi
bin=${1:?usage: check-hardening.sh [--functions] BINARY}
[ -f "$bin" ] || { echo "check-hardening: no such file: $bin" >&2; exit 2; }
missing=()
report() { # NAME OK EVIDENCE
    if [ "$2" = yes ]; then printf '  ok       %-9s %s\n' "$1" "$3"; else printf '  MISSING  %-9s %s\n' "$1" "$3"; missing+=("$1"); fi
}
header=$(readelf -hW "$bin")
dynamic=$(readelf -dW "$bin")
segments=$(readelf -lW "$bin")
type=$(awk '/^ *Type:/ {print $2}' <<<"$header")
flags1=$(grep -E '\(FLAGS_1\)' <<<"$dynamic" | sed -E 's/.*Flags: *//' || true)
flags=$(grep -E '\(FLAGS\)' <<<"$dynamic" | sed -E 's/.*\(FLAGS\) *//' || true)
relro=$(grep -E '^ *GNU_RELRO' <<<"$segments" | tr -s ' ' | sed 's/^ //' || true)
stack=$(grep -E '^ *GNU_STACK' <<<"$segments" | tr -s ' ' | sed 's/^ //' || true)
canary=$(readelf --dyn-syms -W "$bin" | grep -E ' __stack_chk_fail(@|$)' | awk '{print $8}' | head -1 || true)
echo "hardening of $bin (readelf):"
pie=no; [ "$type" = DYN ] && grep -qw PIE <<<"$flags1" && pie=yes
report PIE "$pie" "Type: $type; FLAGS_1: ${flags1:-none}"
report RELRO "$([ -n "$relro" ] && echo yes || echo no)" "${relro:-no GNU_RELRO segment}"
now=no; { grep -qw BIND_NOW <<<"$flags" || grep -qw NOW <<<"$flags1" || grep -q '(BIND_NOW)' <<<"$dynamic"; } && now=yes
report BIND_NOW "$now" "FLAGS: ${flags:-none}; FLAGS_1: ${flags1:-none}"
nx=no; [ -n "$stack" ] && ! awk '{print $7}' <<<"$stack" | grep -q E && nx=yes
report "NX stack" "$nx" "${stack:-no GNU_STACK segment (the stack would be executable)}"
report canary "$([ -n "$canary" ] && echo yes || echo no)" "${canary:-__stack_chk_fail not referenced}"
if $functions && [ -n "$canary" ]; then
    # Functions whose code calls __stack_chk_fail, by the module their mangled name names.
    callers=$(mktemp)
    trap 'rm -f "$callers"' EXIT
    objdump -d --no-show-raw-insn "$bin" | awk '
        /^[0-9a-f]+ <.*>:$/ { fn = $2 }
        /call.*__stack_chk_fail/ { if (!(fn in seen)) { seen[fn] = 1; print fn } }' >"$callers"
    for module in RemotesCore RemotesNetwork RemotesTUI remotes; do
        # Swift mangles a name of module M as $s<length of M>M...
        count=$(grep -c "<\$s${#module}$module" "$callers" || true)
        echo "  canary checked in $count functions of Swift module $module"
    done
    echo "  canary checked in $(grep -c '<CNIOBoringSSL_' "$callers" || true) functions of the C code of BoringSSL, $(wc -l <"$callers") in all"
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "check-hardening: $bin lacks: ${missing[*]}" >&2
    exit 1
fi
