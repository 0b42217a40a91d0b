#!/usr/bin/env bash
# The whole public SpamAssassin corpus (6,046 real messages) through every intake of the built jar,
# to show that real mail, however odd its headers, is stored and decided, never refused nor lost:
# POST /api/messages, the SMTP intake, and a mailbox the server screens over IMAP, on a real Dovecot
# (Debian's dovecot-imapd, with a configuration of its own in a temporary folder), or on GreenMail
# (imap-greenmail, not by default: GreenMail, a test server that keeps mail in memory, served a
# mailbox of 6,046 messages at 0.3 message/s; CorpusIntakeTest screens the odd sample from it).
# Each intake gets a server of its own, started as README's start command starts it, on a fresh
# SQLite store (the corpus's Message-IDs would repeat across intakes) and config.yml with the intake
# switched on, no keys asked, and outbound mail off. Prints per intake: sent, stored, decided per
# queue, refused (with the HTTP status and JSON error, the SMTP reply, or IMAP's "left unfiled"),
# lost (sent - stored - refused), and the extraction's odd-header signals the decisions carry.
#
#   bench/corpus_run.sh [--corpus DIR] [--intakes api,smtp,imap-dovecot[,imap-greenmail]]
#                       [--jar other.jar --config its-config.yml] [--work DIR] [--heap 256m]
#
# The corpus is fetched by scripts/fetch-spamassassin.sh unless --corpus names its folder. --work keeps
# each server's store and log (default: a temporary folder, kept too, named at the end). Installs
# dovecot-imapd with apt-get when it is missing (as root). Exits 1 when any message was refused or lost.
# About 8 minutes on the 2-core development machine (20 when other builds share it).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh

corpus= heap=256m intakes=api,smtp,imap-dovecot args=()
jar=target/pitchgate-0.1.0-SNAPSHOT.jar config=config.yml
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$(realpath "$2"); shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --config) config=$(realpath "$2"); shift 2 ;;
    --intakes) intakes=$2; shift 2 ;;
    --work) args+=(--work "$(realpath -m "$2")"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ $intakes == *imap-dovecot* ]] && [ ! -x /usr/sbin/dovecot ]; then
  [ "$(id -u)" = 0 ] || { echo "bench/corpus_run.sh needs Dovecot: apt-get install dovecot-imapd" >&2; exit 1; }
  echo "installing dovecot-imapd" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd > /dev/null
fi
corpus=${corpus:-$(scripts/fetch-spamassassin.sh)}
[ -f "$jar" ] || mvn -B -q package -DskipTests
# The driver (src/test/java/com/pitchgate/mail/CorpusRun.java) runs from the test classes: it starts
# Dovecot and GreenMail as the tests do.
build_log=$(mktemp)
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test \
  > "$build_log" 2>&1 || { cat "$build_log" >&2; exit 1; }
rm -f "$build_log"
options=(--java-option "-Xmx$heap")
for option in "${RECOMMENDED_JVM_OPTIONS[@]}"; do options+=(--java-option "$option"); done
exec env "${RECOMMENDED_ENVIRONMENT[@]}" java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.pitchgate.mail.CorpusRun --corpus "$corpus" --jar "$jar" --config "$config" --intakes "$intakes" \
  "${options[@]}" "${args[@]}"
