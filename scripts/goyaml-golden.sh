#!/usr/bin/env bash
# Regenerates Tests/RemotesCoreTests/GoYAML/golden.jsonl: what go-yaml v3 (Debian's
# golang-gopkg-yaml.v3-dev, the yaml.v3 3.0.1 source Apptainer's Marshal goes back to) writes for
# the strings of scripts/goyaml/cases.py in every position, so that the tests compare our emitter
# with real go-yaml output without Go on the machine. Not part of the test run.
# With --check it instead reads what our emitter writes for every case back with go-yaml's own
# reader (Apptainer's), after a `swift build --build-tests`.
#   usage: scripts/goyaml-golden.sh [--check]
#   needs: apt-get install golang-go golang-gopkg-yaml.v3-dev
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /usr/share/gocode/src/gopkg.in/yaml.v3 ] || { echo "needs golang-go and golang-gopkg-yaml.v3-dev" >&2; exit 2; }
work=$(mktemp -d /tmp/remotes-goyaml.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp scripts/goyaml/oracle.go "$work/main.go"
(cd "$work" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/cache" go build -o oracle .)
golden=Tests/RemotesCoreTests/GoYAML/golden.jsonl
if [ "${1:-}" = --check ]; then
    REMOTES_GOYAML_DUMP="$work/ours.jsonl" swift test --skip-build --filter GoYAMLGoldenTests >&2
    python3 - "$golden" "$work/ours.jsonl" >"$work/pairs.jsonl" <<'PY'
import json, sys
golden = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
for line in open(sys.argv[2], encoding="utf-8"):
    ours = json.loads(line)
    print(json.dumps({"in": golden[int(ours["line"]) - 1]["in"], "yaml": ours["yaml"], "line": ours["line"]}))
PY
    "$work/oracle" -read <"$work/pairs.jsonl"
    echo "go-yaml reads back all $(wc -l <"$work/pairs.jsonl") documents we write"
    exit 0
fi
mkdir -p "$(dirname "$golden")"
python3 scripts/goyaml/cases.py | "$work/oracle" >"$golden"
wc -l "$golden"
