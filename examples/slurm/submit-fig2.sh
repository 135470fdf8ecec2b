#!/bin/sh
# Submits the array (one Figure 2 shard per task) and the merge job, which starts only when every
# shard has succeeded (afterok) and writes the merged results.jsonl, fig2.svg and the verdicts.
# Prints the two job ids. Run from the package root: sh examples/slurm/submit-fig2.sh
# VV_SHARDS (default 20) shards; VV_SCALE, VV_SEED, VV_RUNS as in fig2.sbatch.
set -eu
runs="${VV_RUNS:-runs/fig2}"
array=$(sbatch --parsable --array="1-${VV_SHARDS:-20}" examples/slurm/fig2.sbatch)
array=${array%%;*}
merge=$(sbatch --parsable --job-name=vv-fig2-merge --dependency="afterok:${array}" \
  --wrap "npx vv merge ${runs}/shard-* --out ${runs}/merged")
echo "${array} ${merge%%;*}"
