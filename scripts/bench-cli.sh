#!/usr/bin/env bash
# Benchmark of the batch CLI (release build): median wall time and peak memory of `list` and
# `add` on configs of 10, 1,000 and 10,000 remotes, and `list` on the stock config side by
# side with `cat` of the same file. Needs hyperfine (apt-get install hyperfine).
#   usage: scripts/bench-cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
command -v hyperfine >/dev/null || { echo "bench-cli: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

bin=$(scripts/build-release.sh remotes)
work=$(mktemp -d /tmp/remotes-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home REMOTES_SYSTEM_CONFIG=$work/none.yaml
mkdir -p "$HOME"

# A user file of N remotes in the form Apptainer writes.
make_config() {
    python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
names = sorted(f"remote{i:05d}" for i in range(n))
with open(path, "w") as f:
    f.write(f"Active: {names[0]}\nRemotes:\n")
    for name in names:
        f.write(f"    {name}:\n        URI: {name}.example.org\n        System: false\n        Exclusive: false\n")
PY
}

median_ms() { # hyperfine JSON export -> median in ms of result $2
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print(f\"{r['median']*1000:.2f}\")" "$1" "$2"
}
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

echo "# remotes CLI benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $runs runs each, release build)"
echo
echo "binary: $bin ($(du -h "$bin" | cut -f1))"
echo

# 1. The stock config: list against cat of the same file, side by side.
printf 'Active: DefaultRemote\nRemotes:\n    DefaultRemote:\n        URI: cloud.apptainer.org\n        System: true\n        Exclusive: false\n' > "$work/stock.yaml"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/stock.json" \
    "$bin --config $work/stock.yaml list" "cat $work/stock.yaml" >/dev/null
list_ms=$(median_ms "$work/stock.json" 0); cat_ms=$(median_ms "$work/stock.json" 1)
ratio=$(python3 -c "print(f'{$list_ms/$cat_ms:.2f}')")
echo "stock config: list median ${list_ms} ms, cat median ${cat_ms} ms, ratio ${ratio} (target <= 4)"
echo

echo "| remotes | list median | list peak RSS | add median | add peak RSS |"
echo "|---:|---:|---:|---:|---:|"
for n in 10 1000 10000; do
    make_config "$n" "$work/base-$n.yaml"
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/list-$n.json" \
        "$bin --config $work/base-$n.yaml list" >/dev/null
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/add-$n.json" \
        --prepare "cp $work/base-$n.yaml $work/work-$n.yaml" \
        "$bin --batch --config $work/work-$n.yaml add --no-login -n newremote new.example.org" >/dev/null
    cp "$work/base-$n.yaml" "$work/work-$n.yaml"
    list_rss=$(peak_kb "$bin" --config "$work/base-$n.yaml" list)
    add_rss=$(peak_kb "$bin" --batch --config "$work/work-$n.yaml" add --no-login -n newremote new.example.org)
    echo "| $n | $(median_ms "$work/list-$n.json" 0) ms | $((list_rss / 1024)) MiB | $(median_ms "$work/add-$n.json" 0) ms | $((add_rss / 1024)) MiB |"
done
echo
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
m = {n: json.load(open(f"{w}/list-{n}.json"))["results"][0]["median"] for n in (1000, 10000)}
a = {n: json.load(open(f"{w}/add-{n}.json"))["results"][0]["median"] for n in (1000, 10000)}
print(f"growth 1,000 -> 10,000 remotes: list x{m[10000]/m[1000]:.1f}, add x{a[10000]/a[1000]:.1f} (linear: x10 at most)")
print(f"10,000 remotes listed in {m[10000]*1000:.0f} ms (target < 300 ms)")
PY
