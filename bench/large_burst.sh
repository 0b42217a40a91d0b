#!/usr/bin/env bash
# Many large messages at once: the heap's worst case. Starts the server as README's start command
# does (256 MiB heap, on a fresh SQLite store), posts MESSAGES raw e-mails of about SIZE MiB each
# (two text attachments, each under extraction.maxAttachmentSize so that both are read), CONCURRENCY
# at a time, and prints how they were answered, the time taken, the server's peak RSS and how many
# OutOfMemoryErrors its log shows. Without intake.maxBytesInFlight (before 2026-11-29) a 256 MiB
# heap answered 500 to most of them.
#
#   bench/large_burst.sh [--messages 32] [--concurrency 16] [--size 24] [--heap 256m]
#                        [--jar other.jar --config its-config.yml]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh

jar=target/pitchgate-0.1.0-SNAPSHOT.jar config=config.yml messages=32 concurrency=16 size=24 heap=256m
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --config) config=$(realpath "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$work/mail" "$messages" "$size" <<'PY'
import base64, os, random, sys
folder, count, size = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
os.makedirs(folder)
random.seed(7)
words = ("coworking partenariat offre service bureau membres nous proposons solution "
         "meeting café logiciel partnership offer members desk").split()
def text(n):
    out, length = [], 0
    while length < n:
        word = random.choice(words)
        out.append(word)
        length += len(word) + 1
    return " ".join(out).encode()
# Base64 makes 4 bytes of 3: two attachments of 3/8 of the size each fill it.
attachment = int(size * 1024 * 1024 * 3 / 8)
for i in range(count):
    parts = [base64.encodebytes(text(attachment)).decode() for _ in range(2)]
    mail = (f"From: vendor{i}@example.com\nTo: hello@space.example\nSubject: Offer {i}\n"
            f"Message-ID: <large-{i}-{os.getpid()}@example.com>\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"BOUNDARY\"\n\n--BOUNDARY\n"
            "Content-Type: text/plain; charset=utf-8\n\nBonjour, voici notre offre pour votre espace.\n")
    for n, part in enumerate(parts):
        mail += (f"--BOUNDARY\nContent-Type: text/plain; name=\"part{n}.txt\"\n"
                 f"Content-Disposition: attachment; filename=\"part{n}.txt\"\n"
                 f"Content-Transfer-Encoding: base64\n\n{part}")
    mail += "--BOUNDARY--\n"
    with open(f"{folder}/{i:04d}.eml", "w") as out:
        out.write(mail.replace("\n", "\r\n"))
PY

mkdir -p "$work/data"
port=18280
start_server "$jar" "$config" $port "$work/server.log" -Xmx"$heap" "${RECOMMENDED_JVM_OPTIONS[@]}" \
  -Ddw.database.url="jdbc:sqlite:$work/data/pitchgate.db"
echo "$messages messages of $(du -h "$work/mail/0000.eml" | cut -f1), $concurrency at a time, heap $heap"
start=$(date +%s.%N)
find "$work/mail" -name '*.eml' | sort | xargs -P "$concurrency" -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  -H 'Content-Type: message/rfc822' --data-binary @{} "localhost:$port/api/messages" > "$work/statuses"
elapsed=$(python3 -c "import time; print(round(time.time() - $start, 1))")
echo "answers: $(sort "$work/statuses" | uniq -c | awk '{printf "%s x %s, ", $1, $2}')in ${elapsed} s"
echo "peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$started_pid/status")," \
  "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$work/server.log" || true)"
