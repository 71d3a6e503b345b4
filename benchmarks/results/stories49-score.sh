#!/usr/bin/env bash
# Score a project's code on the held-out stories49 set: usage score49.sh PROJECT_DIR LABEL [SET_DIR]
# SET_DIR (default tests/golden/stories49 of PROJECT_DIR, else /tmp/s49) holds <story>/{articles,TRUTH.md,gold.yaml,facts}.
set -euo pipefail
PROJ=$(cd "$1" && pwd); LABEL=$2; SET=${3:-$PROJ/tests/golden/stories49}
[ -d "$SET" ] || SET=/tmp/s49
SHARED=${SHARED:-/work/shared}
T=$(mktemp -d)
for d in "$SET"/*/; do
  s=$(basename "$d"); [ -f "$d/gold.yaml" ] || continue
  mkdir -p "$T/stories/$s" "$T/proj/examples/$s"
  ln -s "$d/articles" "$T/stories/$s/articles"; cp "$d/TRUTH.md" "$T/stories/$s/"
  { echo "articles:"; sed -e '/^\s*$/d' -e 's/^/  /' "$d/gold.yaml"; } > "$T/stories/$s/gold.yaml"
  ln -s "$d/facts" "$T/proj/examples/$s/facts"
done
cd "$T/proj"
echo "== $LABEL all facts"
PY="$PROJ/.venv/bin/python" "$PROJ/.venv/bin/python" "$SHARED/dev/score_stories.py" "$T/proj" "$T/stories" | grep -v "^$"
echo "== $LABEL TRUTH ids only"
PY="$PROJ/.venv/bin/python" "$PROJ/.venv/bin/python" "$PROJ/benchmarks/score_truth.py" "$T/proj" "$T/stories" | grep -v "^$"
