#!/usr/bin/env bash
# Start-up, peak RSS and terminal writes of the dashboard, measured inside a real
# pseudo-terminal, side by side with the bare ratatui program of the performance anchors
# (examples/bare.rs: init, one bordered "hello" frame, restore).
#
#   benches/startup.sh [SIZE...]        SIZE is COLSxROWS; default 120x40. E.g. 120x40 250x70
#
# Environment: RUNS (300) and RUNS_10K (20) hyperfine runs, ROUNDS (6) rounds for RUNS;
# OUT (target/startup) for results.
# Needs hyperfine, tmux, GNU time, strace and jq; they are installed with apt-get if missing.
#
# How it measures (the method of the performance anchors (shared/reference/perf-anchors.md) §3 and §4):
#   * Each SIZE gets its own tmux server (tmux -L, so no other session is touched) and a
#     detached session of exactly that size:  tmux -L S new-session -d -x 120 -y 40 ...
#     This script runs again inside that pane (--in-pane), so every program measured has the
#     pane's pty as its terminal and really enters the alternate screen, draws and leaves.
#   * Start-up:  hyperfine -N --output=inherit --style none --warmup 10 --runs RUNS/ROUNDS
#                  -n bare      target/release/examples/bare
#                  -n dashboard "target/release/aifactories --today 2026-11-24"
#     in ROUNDS rounds (6), the bare program first in odd rounds and last in even ones: on a
#     shared VM the speed drifts by tens of percent from minute to minute, and one block of
#     each would compare them at different speeds. The times of all rounds are pooled; the
#     summary gives their medians, their ratio, and the ratio in each round.
#     and the same with --data big10k.ron (10,000 synthetic factories, examples/synth.rs)
#     at RUNS_10K runs. The dashboard draws its first frame and exits because
#     AIFACTORIES_EXIT_AFTER_FIRST_FRAME=1 is exported: with it, src/main.rs/src/tui.rs
#     draw the first frame of the dashboard proper (after the data is loaded) and return,
#     restoring the terminal as on `q`. The script checks that the binary honours it (it must
#     exit by itself within 10 s) and skips the dashboard rows otherwise.
#     `aifactories list` (output to /dev/null: the command path, no terminal) is timed too,
#     with the embedded data and with big10k.ron, as the cost of loading the data.
#   * Peak RSS:  /usr/bin/time -f %M (KiB), 5 runs each, in the pane: bare, dashboard,
#     dashboard with big10k.ron, and `list` (> /dev/null) with both data sets.
#   * Terminal writes:  strace -f -e trace=write: write(2) calls to the terminal (fd 1) and
#     their bytes for the whole run (enter, first frame, restore); the largest write is the
#     frame itself, since the dashboard buffers a frame into one write. Plus `strace -f -c`,
#     the count of every syscall of the run.
# Results: $OUT/COLSxROWS/{summary.txt,startup*.json,startup*.md,strace-*.txt,syscalls-*.txt};
# the summaries are printed at the end.

set -euo pipefail

TODAY=2026-11-24
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/target/release/aifactories
BARE=$ROOT/target/release/examples/bare
SYNTH=$ROOT/target/release/examples/synth
OUT=${OUT:-$ROOT/target/startup}
BIG=$OUT/big10k.ron
RUNS=${RUNS:-300}
ROUNDS=${ROUNDS:-6}
RUNS_10K=${RUNS_10K:-20}

# ---------------------------------------------------------------------------------------
# Inside the pane: the measurements proper. Arguments: COLS ROWS DIR.
in_pane() {
    local cols=$1 rows=$2 dir=$3
    mkdir -p "$dir"
    exec 2>"$dir/stderr.log"
    local summary=$dir/summary.txt
    : >"$summary"
    say() { printf '%s\n' "$*" >>"$summary"; }

    local size
    size=$(stty size </dev/tty)
    say "== ${cols}x${rows} (stty size: $size; TERM=$TERM) $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    say "$(uname -srm); $(nproc) CPUs; $(hyperfine --version); $(tmux -V)"
    say "binary: $BIN ($(stat -c %s "$BIN") bytes); big10k.ron: $(stat -c %s "$BIG") bytes"
    [ "$size" = "$rows $cols" ] || say "WARNING: the pane is not ${cols}x${rows}"

    export AIFACTORIES_EXIT_AFTER_FIRST_FRAME=1
    local dash="$BIN --today $TODAY" dash10k="$BIN --today $TODAY --data $BIG"
    # --foreground: without it timeout runs the program in a background process group, where
    # setting raw mode stops it with SIGTTOU.
    local hook=yes
    timeout --foreground 10 $dash >/dev/tty || hook=no
    if [ $hook = no ]; then
        say "NOTE: the dashboard did not exit after its first frame (AIFACTORIES_EXIT_AFTER_FIRST_FRAME);"
        say "      dashboard rows skipped."
    fi

    # Start-up, side by side, in rounds that alternate which goes first.
    local r first=(-n bare "$BARE") second=()
    [ $hook = yes ] && second=(-n dashboard "$dash")
    for r in $(seq "$ROUNDS"); do
        local cmds=("${first[@]}" "${second[@]}")
        [ $((r % 2)) = 0 ] && cmds=("${second[@]}" "${first[@]}")
        hyperfine -N --output=inherit --style none --warmup 10 \
            --runs $(((RUNS + ROUNDS - 1) / ROUNDS)) \
            --export-json "$dir/startup-round$r.json" "${cmds[@]}" >/dev/tty
    done
    # Pooled: one result per program with the times of every round.
    jq -s '{results: [map(.results[]) | group_by(.command)[]
            | {command: .[0].command, times: (map(.times[]))}
            | (.times | sort) as $t | ($t | length) as $n | (($t | add) / $n) as $m
            | . + {median: (if $n % 2 == 1 then $t[($n - 1) / 2]
                            else ($t[$n / 2 - 1] + $t[$n / 2]) / 2 end),
                   min: $t[0], max: $t[-1], mean: $m,
                   stddev: (($t | map((. - $m) * (. - $m)) | add) / $n | sqrt)}]
            | sort_by(.command != "bare")}' "$dir"/startup-round*.json >"$dir/startup.json"
    if [ $hook = yes ]; then
        hyperfine -N --output=inherit --style none --warmup 2 --runs "$RUNS_10K" \
            --export-json "$dir/startup-10k.json" --export-markdown "$dir/startup-10k.md" \
            -n dashboard-10k "$dash10k" >/dev/tty
    fi
    # The command path with each data set: load + print, no terminal.
    hyperfine -N --output=null --style none --warmup 3 --runs "$RUNS_10K" \
        --export-json "$dir/list.json" --export-markdown "$dir/list.md" \
        -n list "$BIN --today $TODAY list" -n list-10k "$BIN --today $TODAY --data $BIG list" >/dev/tty

    say ""
    say "start-up, whole process, ms: median (min / p95 / max) [mean ± sd], N runs"
    local f
    for f in "$dir"/startup.json "$dir"/startup-10k.json "$dir"/list.json; do
        [ -f "$f" ] || continue
        jq -r '.results[] | (.times | sort) as $t
            | "  \(.command | .[0:14] | . + " " * (14 - length))"
              + " \(.median * 1000 | . * 100 | round / 100)"
              + " (\(.min * 1000 | . * 100 | round / 100)"
              + " / \($t[(($t | length) * 0.95 | ceil) - 1] * 1000 | . * 100 | round / 100)"
              + " / \(.max * 1000 | . * 100 | round / 100))"
              + " [\(.mean * 1000 | . * 100 | round / 100) ± \(.stddev * 1000 | . * 100 | round / 100)]"
              + ", \($t | length) runs"' "$f" >>"$summary"
    done

    if [ $hook = yes ]; then
        jq -r '(.results | map({(.command): .median}) | add) as $m
            | "  dashboard / bare: \($m.dashboard / $m.bare * 100 | round / 100)x (pooled medians)"' \
            "$dir/startup.json" >>"$summary"
        local ratios
        ratios=$(for f in "$dir"/startup-round*.json; do
            jq -r '(.results | map({(.command): .median}) | add) as $m
                | "\($m.dashboard / $m.bare * 100 | round / 100)x"' "$f"
        done | paste -sd ' ')
        say "  dashboard / bare, round by round: $ratios"
    fi

    # Peak RSS, 5 runs each.
    say ""
    say "peak RSS (/usr/bin/time -f %M), KiB, 5 runs: min-max"
    rss() {
        local name=$1 sink=$2
        shift 2
        local i vals=()
        for i in 1 2 3 4 5; do
            /usr/bin/time -f %M -o "$dir/rss.tmp" "$@" >"$sink"
            vals+=("$(tail -n 1 "$dir/rss.tmp")")
        done
        local sorted
        sorted=$(printf '%s\n' "${vals[@]}" | sort -n)
        say "  $(printf '%-14s' "$name") $(head -n 1 <<<"$sorted")-$(tail -n 1 <<<"$sorted")   ($*)"
    }
    rss bare /dev/tty "$BARE"
    if [ $hook = yes ]; then
        rss dashboard /dev/tty $dash
        rss dashboard-10k /dev/tty $dash10k
    fi
    rss list /dev/null $BIN --today $TODAY list
    rss list-10k /dev/null $BIN --today $TODAY --data "$BIG" list
    rm -f "$dir/rss.tmp"

    # Terminal writes and syscalls of one whole run.
    say ""
    say "one run under strace -f: write(2) to the terminal: calls, bytes, largest; all syscalls"
    writes() {
        local name=$1
        shift
        strace -f -qq -e trace=write -o "$dir/strace-$name.txt" "$@" >/dev/tty
        strace -f -qq -c -o "$dir/syscalls-$name.txt" "$@" >/dev/tty
        local w total
        w=$(awk '/write\(1,/ { n++; b += $NF; if ($NF > m) m = $NF }
                 END { printf "%d writes, %d bytes, largest %d", n, b, m }' "$dir/strace-$name.txt")
        total=$(awk '$NF == "total" { print $4 }' "$dir/syscalls-$name.txt")
        say "  $(printf '%-14s' "$name") $w; $total syscalls in all"
    }
    writes bare "$BARE"
    if [ $hook = yes ]; then
        writes dashboard $dash
        writes dashboard-10k $dash10k
    fi
}

if [ "${1:-}" = --in-pane ]; then
    in_pane "$2" "$3" "$4"
    exit 0
fi

# ---------------------------------------------------------------------------------------
# Outside: tools, builds, data, then one tmux server per size.
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v tmux >/dev/null || need+=(tmux)
[ -x /usr/bin/time ] || need+=(time)
command -v strace >/dev/null || need+=(strace)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update && $sudo apt-get install -y "${need[@]}"
fi

cd "$ROOT"
cargo build --release --bin aifactories --example bare --example synth
mkdir -p "$OUT"
if [ ! -s "$BIG" ] || [ "$SYNTH" -nt "$BIG" ]; then
    "$SYNTH" 10000 >"$BIG"
fi

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(120x40)
for size in "${sizes[@]}"; do
    cols=${size%x*}
    rows=${size#*x}
    dir=$OUT/$size
    rm -rf "$dir"
    mkdir -p "$dir"
    server=aif-startup-$$
    tmux -L "$server" -f /dev/null new-session -d -s bench -x "$cols" -y "$rows" \
        "bash '$ROOT/benches/startup.sh' --in-pane $cols $rows '$dir'; tmux -L $server wait-for -S done"
    timeout 3600 tmux -L "$server" wait-for done || echo "startup.sh: the pane did not finish" >&2
    tmux -L "$server" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$server"
    cat "$dir/summary.txt"
    if [ -s "$dir/stderr.log" ]; then
        echo "  (stderr of the pane: $dir/stderr.log)"
    fi
    echo
done
