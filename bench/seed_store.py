#!/usr/bin/env python3
"""Fills a migrated SQLite store with N decided pitches, as if it had screened them for a long time:
raw e-mails (about 1.5 KB), their content, decisions and reasons, the senders as contacts (one in
400 known, as if vouched for) and their organisations, a "no" for one sender in a hundred, and intros
(a member knows one sender in a hundred, and one organisation in ten): the tables screening looks up
for every pitch. For the load benchmark's --stored option: cost must not grow with the store.

    python3 bench/seed_store.py data/pitchgate.db 1000000 [space]
"""
import random
import sqlite3
import sys
import time

DB, COUNT = sys.argv[1], int(sys.argv[2])
SPACE = sys.argv[3] if len(sys.argv) > 3 else "la-fabrique"
CHUNK = 20_000
random.seed(7)
QUEUES = ["forward", "requires_intro", "auto_decline"]
NOW = int(time.time() * 1000)
DAY = 86_400_000
BODY = ("Hello, we are a company that helps coworking spaces with {topic}. We would be glad to tell you "
        "more about our offer and to book a short call next week. Best regards, {name}. ") * 5
TOPICS = ["cleaning", "coffee", "accounting", "printing", "plants", "insurance", "events", "furniture"]


def sender(i):
    person = i // 5
    return f"seed{person}@org{person % 5000}.example", f"Seed Person {person}", f"org{person % 5000}.example"


def rows(start, end):
    pitches, contents, decisions, reasons = [], [], [], []
    for i in range(start, end):
        email, name, domain = sender(i)
        body = BODY.format(topic=TOPICS[i % len(TOPICS)], name=name)
        received = NOW - (COUNT - i) * 60_000
        raw = (f"From: {name} <{email}>\r\nTo: pitches@space.example\r\nSubject: Offer {i}\r\n"
               f"Message-ID: <seed-{i}@seed.example>\r\n\r\n{body}\r\n").encode()
        pitches.append((i, SPACE, "email", raw, f"seed-hash-{i}", f"<seed-{i}@seed.example>", received))
        contents.append((i, email, name, domain, domain, f"Offer {i}", body))
        queue = QUEUES[random.randrange(3)]
        decisions.append((i, SPACE, queue, random.uniform(-6, 6), received + 150))
        reasons.append((i, 0, "inquiry", "vendor_offer", -1.0, "offers something: \"we would be glad\""))
        reasons.append((i, 1, "router", "score", 0.0, "score between thresholds"))
    return pitches, contents, decisions, reasons


def main():
    db = sqlite3.connect(DB)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    first = (db.execute("SELECT coalesce(max(id), 0) FROM pitches").fetchone()[0]) + 1
    started = time.time()
    for start in range(first, first + COUNT, CHUNK):
        end = min(start + CHUNK, first + COUNT)
        pitches, contents, decisions, reasons = rows(start, end)
        with db:
            db.executemany("INSERT INTO pitches (id, space_id, channel, content_hash, message_id, received_at, state,"
                           " attempts) VALUES (?, ?, ?, ?, ?, ?, 'decided', 1)", [p[:3] + p[4:] for p in pitches])
            db.executemany("INSERT INTO pitch_raw (pitch_id, raw) VALUES (?, ?)", [(p[0], p[3]) for p in pitches])
            db.executemany("INSERT INTO pitch_content (pitch_id, sender_email, sender_name, sender_domain, organisation,"
                           " subject, body, language, headers, marks, intermediaries, problems)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, 'en', '{}', '[]', '[]', '[]')", contents)
            db.executemany("INSERT INTO decisions (pitch_id, space_id, queue, targets, score, fit, decided_at)"
                           " VALUES (?, ?, ?, '[\"manager\"]', ?, '{}', ?)", decisions)
            db.executemany("INSERT INTO reasons (pitch_id, ordinal, policy, signal, weight, detail, decisive)"
                           " VALUES (?, ?, ?, ?, ?, ?, 0)", reasons)
            firsts = [i for i in range(start, end) if i % 5 == 0]  # each person's first pitch
            people = [sender(i) for i in firsts]
            db.executemany("INSERT OR IGNORE INTO contacts (space_id, email, name, organisation, known, first_seen, last_seen)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(SPACE, e, n, d, int(i % 2000 == 0), NOW, NOW)
                            for i, (e, n, d) in zip(firsts, people)])
            db.executemany("INSERT OR IGNORE INTO contact_addresses (space_id, email, contact_id)"
                           " SELECT space_id, email, id FROM contacts WHERE space_id = ? AND email = ?",
                           [(SPACE, e) for e, _, _ in people])
            db.executemany("INSERT OR IGNORE INTO organisations (space_id, domain, name, created_at) VALUES (?, ?, ?, ?)",
                           [(SPACE, d, d, NOW) for _, _, d in people])
            db.executemany("INSERT INTO declines (space_id, scope, value, pitch_id, declined_at, expires_at)"
                           " VALUES (?, 'sender', ?, ?, ?, ?)",
                           [(SPACE, sender(i)[0], i, NOW, NOW + 180 * DAY) for i in range(start, end) if i % 100 == 0])
            intro = ("INSERT INTO intros (space_id, introducer_kind, introducer_ref, introducer_name, person_name, person_email,"
                     " organisation, source, created_at) VALUES (?, 'member', 'marie', 'Marie Curie', ?, ?, ?, 'import', ?)")
            db.executemany(intro, [(SPACE, n, e, None, NOW) for i, (e, n, d) in zip(firsts, people)
                                   if i % 500 == 0])
            db.executemany(intro, [(SPACE, None, None, d, NOW) for i, (e, n, d) in zip(firsts, people)
                                   if i % 5 == 0 and (i // 5) < 5000 and (i // 5) % 10 == 0])
        done = end - first
        if done % 200_000 == 0 or end == first + COUNT:
            print(f"  {done} pitches stored ({time.time() - started:.0f} s)", flush=True)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()


main()
