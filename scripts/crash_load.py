#!/usr/bin/env python3
"""Load client and checker for scripts/crash-test.sh.

  crash_load.py send   URL KEY COUNT KILL_AT PID STATE   send COUNT raw e-mails (distinct Message-IDs) with
                                                         8 threads; SIGKILL process PID once KILL_AT of them
                                                         are acknowledged; record every answer in STATE
  crash_load.py verify DB STATE                          check the store against what was acknowledged
  crash_load.py resend URL KEY STATE                     send every pitch again, acknowledged or not
  crash_load.py count-undecided DB                       pitches not decided yet
"""
import json
import os
import signal
import sqlite3
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

SPACE = "la-fabrique"

BODIES = [
    "Bonjour, je cherche un bureau pour {n} personnes en janvier. Quel est le tarif ?",
    "Hello, we are a coffee supplier for offices and coworking spaces; offer number {n} attached below.",
    "Hi, we do SEO and lead generation for coworking spaces. Can we book a call? Ref {n}",
    "Hello Marie, our prototyping tool helps UX designers test interfaces faster. Demo {n}?",
    "Bonjour, logiciel de facturation pour indépendants, essai gratuit {n} jours.",
]


def message(n):
    body = BODIES[n % len(BODIES)].format(n=n)
    return ("From: Sender {n} <sender{n}@crash{d}.example>\r\n"
            "To: sophie@lafabrique.example\r\n"
            "Subject: Crash test pitch {n}\r\n"
            "Message-ID: <crash-{n}@crash-test.example>\r\n"
            "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "\r\n{body}\r\n").format(n=n, d=n % 97, body=body).encode("utf-8")


def post(url, key, raw, timeout=60):
    request = urllib.request.Request(url + "/api/messages?space=" + SPACE, data=raw, method="POST",
                                     headers={"Content-Type": "message/rfc822", "Authorization": "Bearer " + key,
                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, {"error": e.read().decode("utf-8", "replace")[:200]}
    except Exception as e:  # connection refused or reset: not acknowledged
        return None, {"error": type(e).__name__ + ": " + str(e)[:200]}


def send(url, key, count, kill_at, pid, state_file):
    results = [None] * count
    acked = [0]
    lock = threading.Lock()
    killed = [None]

    def one(n):
        status, body = post(url, key, message(n))
        ok = status is not None and 200 <= status < 300 and "id" in body
        results[n] = {"n": n, "status": status, "acked": ok, "id": body.get("id") if ok else None,
                      "duplicate": body.get("duplicate") if ok else None, "error": body.get("error")}
        with lock:
            if ok:
                acked[0] += 1
            if acked[0] >= kill_at and killed[0] is None:
                killed[0] = time.time()
                os.kill(pid, signal.SIGKILL)

    started = time.time()
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(count)))
    with open(state_file, "w") as f:
        json.dump({"results": results, "killed_after_s": (killed[0] - started) if killed[0] else None}, f)
    n_acked = sum(1 for r in results if r["acked"])
    print(f"sent {count}, acknowledged {n_acked}, not acknowledged {count - n_acked}"
          f" (SIGKILL after {kill_at} acknowledgements, {killed[0] - started:.1f} s into the load)"
          if killed[0] else f"sent {count}, acknowledged {n_acked} (never killed)")


def store_rows(db):
    connection = sqlite3.connect("file:" + db + "?mode=ro", uri=True, timeout=30)
    try:
        rows = connection.execute(
            "SELECT p.id, p.message_id, p.state, (SELECT count(*) FROM decisions d WHERE d.pitch_id = p.id)"
            " FROM pitches p WHERE p.space_id = ?", (SPACE,)).fetchall()
    finally:
        connection.close()
    return rows


def verify(db, state_file, phase):
    with open(state_file) as f:
        results = json.load(f)["results"]
    rows = store_rows(db)
    by_message_id = {}
    for row_id, message_id, state, decisions in rows:
        by_message_id.setdefault(message_id, []).append((row_id, state, decisions))
    problems = []
    acked = [r for r in results if r["acked"]]
    found = decided = 0
    for r in acked:
        stored = by_message_id.get(f"<crash-{r['n']}@crash-test.example>", [])
        if len(stored) != 1:
            problems.append(f"pitch {r['n']} was acknowledged (id {r['id']}) but is stored {len(stored)} times")
            continue
        row_id, state, decisions = stored[0]
        found += 1
        if row_id != r["id"]:
            problems.append(f"pitch {r['n']} was acknowledged as id {r['id']} but is stored as {row_id}")
        if state == "decided" and decisions == 1:
            decided += 1
        else:
            problems.append(f"pitch {r['n']} (id {row_id}) is {state} with {decisions} decision(s)")
    duplicates = sum(len(v) - 1 for v in by_message_id.values() if len(v) > 1)
    undecided = sum(1 for _, _, state, d in rows if state != "decided" or d != 1)
    stored_unacked = sum(1 for r in results if not r["acked"]
                         and f"<crash-{r['n']}@crash-test.example>" in by_message_id)
    print(f"{phase}: acknowledged {len(acked)}, found {found}, decided once {decided}; stored in all {len(rows)}"
          f" (of which {stored_unacked} stored but never acknowledged: the answer was lost in the crash);"
          f" duplicates {duplicates}; undecided {undecided}")
    if duplicates:
        problems.append(f"{duplicates} duplicate pitch(es) by Message-ID")
    if undecided:
        problems.append(f"{undecided} pitch(es) not decided exactly once")
    return problems, len(rows)


def resend(url, key, state_file):
    with open(state_file) as f:
        state = json.load(f)
    results = state["results"]
    answers = [None] * len(results)

    def one(n):
        status, body = post(url, key, message(n))
        answers[n] = {"n": n, "status": status, "acked": status is not None and 200 <= status < 300 and "id" in body,
                      "id": body.get("id"), "duplicate": body.get("duplicate"), "error": body.get("error")}

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(len(results))))
    problems = []
    for before, after in zip(results, answers):
        if not after["acked"]:
            problems.append(f"resending pitch {after['n']} failed: {after['status']} {after['error']}")
        elif before["acked"] and (not after["duplicate"] or after["id"] != before["id"]):
            problems.append(f"pitch {after['n']} was acknowledged as id {before['id']}; resent, it got id {after['id']}"
                            f" duplicate={after['duplicate']}")
    state["results"] = [dict(after, acked=after["acked"]) for after in answers]
    with open(state_file, "w") as f:
        json.dump(state, f)
    dup = sum(1 for a in answers if a["duplicate"])
    new = sum(1 for a in answers if a["acked"] and not a["duplicate"])
    print(f"resent {len(answers)}: {dup} answered as duplicates of the stored pitch, {new} stored now,"
          f" {len(answers) - dup - new} failed")
    return problems


def main():
    command = sys.argv[1]
    if command == "send":
        send(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7])
    elif command == "verify":
        problems, _ = verify(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "after the crash")
        for p in problems[:20]:
            print("VIOLATION:", p)
        sys.exit(1 if problems else 0)
    elif command == "resend":
        problems = resend(sys.argv[2], sys.argv[3], sys.argv[4])
        for p in problems[:20]:
            print("VIOLATION:", p)
        sys.exit(1 if problems else 0)
    elif command == "count-undecided":
        rows = store_rows(sys.argv[2])
        print(sum(1 for _, _, state, d in rows if state != "decided"))
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
