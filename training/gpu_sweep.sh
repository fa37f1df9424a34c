#!/usr/bin/env bash
# Train several NER configurations side by side on one leased GPU machine (many cores, one GPU),
# each for a fixed time (--budget), so one short lease compares them all on NEREL dev.
#
#   training/gpu_sweep.sh start DATA NAVEC_TAR RUNS_DIR BUDGET_S [CONFIG_FILE]   # launch, detached
#   training/gpu_sweep.sh status RUNS_DIR                          # each run's last line
#   training/gpu_sweep.sh wait RUNS_DIR SECONDS                    # until every run wrote its weights
#   training/gpu_sweep.sh collect RUNS_DIR OUT N                   # the N best runs' weights + all logs
#
# DATA holds NEREL train/ and dev/ only (test is never read); NAVEC_TAR is natasha's navec or a
# sample of it (a machine without natasha). The runs are the lines of CONFIGS below, or of
# CONFIG_FILE: name, then train_ner arguments. The GPU is the bottleneck: 12 runs at once took
# 20 s an epoch each (stop 29). Runs are detached (setsid): they outlive the command that started them.
set -euo pipefail

CONFIGS=(
  "swap_s13   --seed 13 --swap 0.2"
  "swap_s21   --seed 21 --swap 0.2"
  "swap_s34   --seed 34 --swap 0.2"
  "plain_s13  --seed 13"
  "swap_ema   --seed 13 --swap 0.2 --ema 0.999"
  "swap_d3    --seed 13 --swap 0.2 --dropout 0.3"
  "swap_w100  --seed 13 --swap 0.2 --word-dim 100 --lemma-dim 64"
  "swap_l4    --seed 13 --swap 0.2 --dilations 1,2,4,8"
  "swap_c300  --seed 13 --swap 0.2 --channels 300"
  "swap_l6    --seed 13 --swap 0.2 --dilations 1,2,4,1,2,4"
  "big        --seed 13 --swap 0.2 --channels 300 --dilations 1,2,4,8 --span-dim 192 --dropout 0.3"
  "swap3_ema  --seed 17 --swap 0.3 --ema 0.999"
)

cmd=${1:?start, status or collect}
case "$cmd" in
start)
  data=$2 navec=$3 runs=$4 budget=$5
  [ -n "${6:-}" ] && mapfile -t CONFIGS < <(grep -v '^ *\(#\|$\)' "$6")
  mkdir -p "$runs"
  for line in "${CONFIGS[@]}"; do
    read -r name args <<<"$line"
    mkdir -p "$runs/$name"
    # one CPU thread each (features, dev scoring); the GPU is shared
    OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONUNBUFFERED=1 \
      setsid nohup python3 -m training.train_ner --data "$data" --navec "$navec" --device cuda \
        --epochs 200 --budget "$budget" $args --out "$runs/$name/weights.npz" \
        >"$runs/$name/log" 2>&1 </dev/null &
  done
  echo "started ${#CONFIGS[@]} runs in $runs" ;;
wait)
  end=$((SECONDS + $3))
  while [ $SECONDS -lt $end ] && [ "$(grep -l '^weights →' "$2"/*/log 2>/dev/null | wc -l)" -lt "$(ls -d "$2"/*/ | wc -l)" ]; do
    sleep 5
  done ;;
status)
  for d in "$2"/*/; do
    printf '%-11s %s\n' "$(basename "$d")" "$(grep -E '^epoch|^best|^tuned|^weights|Error' "$d/log" | tail -1 | cut -c1-110)"
  done ;;
collect)
  runs=$2 out=$3 n=$4
  tar -czf "$out/logs.tgz" -C "$runs" $(cd "$runs" && ls -d */log)
  # best dev F1 first; a run that did not finish has no 'tuned on dev' line and is left out
  for d in "$runs"/*/; do
    f=$(sed -n 's/^tuned on dev: .* dev F1 \([0-9.]*\)$/\1/p' "$d/log")
    [ -n "$f" ] && [ -f "$d/weights.npz" ] && echo "$f $(basename "$d")"
  done | sort -rn | head -n "$n" | while read -r f name; do
    cp "$runs/$name/weights.npz" "$out/$name.npz"
    echo "$name $f"
  done ;;
esac
