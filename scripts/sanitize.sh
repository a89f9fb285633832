#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and/or ThreadSanitizer (docs/reliability.md,
# "Sanitizers"). Each sanitizer builds in its own scratch path, so the normal .build stays as
# it is: .build-asan and .build-tsan (ignored by git through the .build-*/ rule).
#
#   scripts/sanitize.sh [address|thread|all]     (default: address)
#
# The built `remotes` binary is sanitized too, so every end-to-end test (the CLI, the tmux TUI,
# the kill and concurrency tests) runs sanitized code. Prints the wall time of the build and of
# the tests, and exits non-zero when a test fails or a sanitizer reports an error.
set -euo pipefail
cd "$(dirname "$0")/.."

case ${1:-address} in
    address) sanitizers=(address) ;;
    thread) sanitizers=(thread) ;;
    all) sanitizers=(address thread) ;;
    *) echo "usage: $0 [address|thread|all]" >&2; exit 64 ;;
esac

# Swift's backtracer would handle a sanitizer's crash itself (and trips ASan); let the
# sanitizer report. The tests pass these variables on to the binaries they run.
export SWIFT_BACKTRACE=enable=no
# Any report fails the process that made it, and the test that ran it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1:exitcode=86}
# Leaks reported at exit in code that is not ours are suppressed, each with its reason.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:exitcode=86:second_deadlock_stack=1}
export REMOTES_REQUIRE_PEERS=1

status=0
for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in address) scratch=.build-asan ;; thread) scratch=.build-tsan ;; esac
    export REMOTES_SANITIZER=$sanitizer
    mkdir -p "$scratch"
    log="$scratch/test.log"
    start=$(date +%s)
    if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$scratch/build.log" 2>&1; then
        tail -30 "$scratch/build.log"
        echo "$sanitizer: the build failed after $(($(date +%s) - start)) s (log in $scratch/build.log)"
        status=1
        continue
    fi
    built=$(date +%s)
    if swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --parallel >"$log" 2>&1; then
        result=passed
    else
        result=FAILED
        status=1
    fi
    end=$(date +%s)
    grep -E '^(✘|Test run|.*(AddressSanitizer|ThreadSanitizer|LeakSanitizer))' "$log" | grep -v '^✘ Test.*started' | tail -40 || true
    if [ $result = FAILED ]; then
        # The whole text of each failed expectation (a script test's output spans many lines).
        echo "--- the failed expectations in full:"
        awk '/recorded an issue/ { on = 1 } /^(✔|◇|↳)/ { on = 0 } /^✘/ && !/recorded an issue/ { on = 0 } on' "$log" | head -300
    fi
    echo "$sanitizer: $result (build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s; log in $log)"
done
exit $status
