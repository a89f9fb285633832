# Sourced by the tmux scripts: SLACK stretches their waits under a sanitizer
# (scripts/sanitize.sh sets REMOTES_SANITIZER), where the UI runs several times slower.
# The same factors as SanitizerSlack in Sources/RemotesTestSupport.
case ${REMOTES_SANITIZER:-} in "") SLACK=1 ;; thread) SLACK=6 ;; *) SLACK=3 ;; esac
