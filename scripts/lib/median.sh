# Sourced by the network benchmarks (bench-status.sh, bench-registry-status.sh).
# median_ms "<command>": the median wall time of RUNS runs of the command, in milliseconds,
# with hyperfine when it is installed (its JSON export goes to $WORK/h.json), else timed here.
median_ms() {
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" "$1" >/dev/null 2>&1
        python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000, 1))' "$WORK/h.json"
    else
        local times=()
        for _ in $(seq "$RUNS"); do
            local start end
            start=$(date +%s%N)
            $1 >/dev/null 2>&1
            end=$(date +%s%N)
            times+=($(((end - start) / 1000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m/1000}'
    fi
}
