#!/usr/bin/env python3
"""One load client for Pitchgate and the filters it is compared with (bench/versus.sh).

Sends a corpus of raw e-mails to one server, CONCURRENCY at a time over loopback, until every
message was answered or the time limit passed, and prints one JSON line: messages/s, latency
percentiles, the server's CPU and bytes written to storage per message and its memory, read from
/proc for the server's process and all its descendants (Rspamd's and spamd's workers are processes
of their own).

  versus_load.py --protocol pitchgate|rspamd|spamd --port PORT --pid SERVER_PID --list MESSAGES.txt
                 --tag RUN [--concurrency 16] [--time-limit 120] [--rate 0] [--label NAME]

--list names one .eml file per line, sent in that order. Every message gets a Message-ID made of
--tag and its place in the list (Pitchgate answers a Message-ID it has seen as a duplicate, without
screening it again), and loses an mbox "From " first line, for every server alike.
--rate R sends on a schedule of R messages/s instead of as fast as the server answers; latencies
then count from when a message was due, so that a server falling behind shows in them.

Pitchgate: POST /api/messages over keep-alive connections. Rspamd: POST /checkv2, its HTTP
protocol; it closes the connection after each answer. spamd: CHECK over the spamc protocol, one
connection per message.
"""
import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import threading
import time

MESSAGE_ID = re.compile(rb'(?im)^message-id:[^\n]*\n(?:[ \t][^\n]*\n)*')


def with_message_id(raw, message_id):
    """The message without an mbox "From " line, with the Message-ID given (replaced or added)."""
    if raw.startswith(b'From '):
        raw = raw[raw.find(b'\n') + 1:]
    end = raw.find(b'\n\n')
    end = len(raw) if end < 0 else end + 1
    crlf = raw.find(b'\r\n', 0, end) >= 0
    header = b'Message-ID: <' + message_id.encode() + b'>' + (b'\r\n' if crlf else b'\n')
    headers, replaced = MESSAGE_ID.subn(lambda _: header, raw[:end], count=1)
    return headers + raw[end:] if replaced else header + raw


def tree_of(root):
    """The process and all its descendants, from /proc."""
    children = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    parent = int(f.read().rsplit(')', 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


TICK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(root):
    """User and system CPU of the tree, with that of children it has reaped (spamd renews its
    children after some messages: their time then moves to the parent's cutime and cstime)."""
    total = 0
    for pid in tree_of(root):
        try:
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            total += sum(int(v) for v in fields[11:15])
        except OSError:
            pass
    return total / TICK


def written_bytes(root):
    """Bytes the tree has had written to storage (write_bytes of /proc/PID/io): logs, and for
    Pitchgate its SQLite log and database file."""
    total = 0
    for pid in tree_of(root):
        try:
            with open(f'/proc/{pid}/io') as f:
                total += next(int(line.split()[1]) for line in f if line.startswith('write_bytes:'))
        except (OSError, StopIteration):
            pass
    return total


def memory_kib(root):
    """RSS and PSS summed over the tree, and the highest VmHWM (peak RSS) of one of its processes."""
    rss = pss = hwm = 0
    for pid in tree_of(root):
        try:
            with open(f'/proc/{pid}/smaps_rollup') as f:
                for line in f:
                    if line.startswith('Rss:'):
                        rss += int(line.split()[1])
                    elif line.startswith('Pss:'):
                        pss += int(line.split()[1])
            with open(f'/proc/{pid}/status') as f:
                for line in f:
                    if line.startswith('VmHWM:'):
                        hwm = max(hwm, int(line.split()[1]))
        except OSError:
            pass
    return rss, pss, hwm


class MemoryWatch(threading.Thread):
    """Samples the tree's memory twice a second, off the event loop."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root, self.peak, self.done = root, (0, 0, 0), threading.Event()

    def run(self):
        while True:
            self.peak = tuple(map(max, self.peak, memory_kib(self.root)))
            if self.done.wait(0.5):
                return


async def read_http_response(reader):
    """Status and body of one HTTP/1.1 answer; whether the server keeps the connection."""
    head = await reader.readuntil(b'\r\n\r\n')
    lines = head.decode('latin-1').split('\r\n')
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ':' in line:
            name, value = line.split(':', 1)
            headers[name.strip().lower()] = value.strip()
    if 'content-length' in headers:
        body = await reader.readexactly(int(headers['content-length']))
    elif headers.get('transfer-encoding', '').lower() == 'chunked':
        body = b''
        while True:
            size = int((await reader.readuntil(b'\r\n')).split(b';')[0], 16)
            body += await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        body = await reader.read()
    return status, body, headers.get('connection', '').lower() != 'close'


class Server:
    def __init__(self, protocol, port):
        self.protocol, self.port = protocol, port
        self.reader = self.writer = None

    async def ask(self, message):
        """Sends one message; None when the server screened it, else what it answered."""
        if self.protocol == 'spamd':
            reader, writer = await asyncio.open_connection('127.0.0.1', self.port)
            try:
                writer.write(b'CHECK SPAMC/1.5\r\nContent-length: %d\r\n\r\n' % len(message) + message)
                await writer.drain()
                answer = await reader.read()
                return None if b' 0 EX_OK' in answer.split(b'\r\n', 1)[0] else answer[:200]
            finally:
                writer.close()
        path = b'/api/messages' if self.protocol == 'pitchgate' else b'/checkv2'
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection('127.0.0.1', self.port)
        self.writer.write(b'POST ' + path + b' HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: message/rfc822\r\n'
                          b'Content-Length: %d\r\n\r\n' % len(message) + message)
        await self.writer.drain()
        status, body, keep = await read_http_response(self.reader)
        if not keep:
            self.writer.close()
            self.reader = self.writer = None
        screened = status == 201 if self.protocol == 'pitchgate' else status == 200 and b'"action"' in body
        return None if screened else b'%d ' % status + body[:300]


async def drive(args, paths, messages):
    count = len(messages)
    latencies, finished, failures = [], [], []
    next_index = 0
    start = time.perf_counter()
    deadline = start + args.time_limit

    async def connection():
        nonlocal next_index
        server = Server(args.protocol, args.port)
        while next_index < count:
            index = next_index
            next_index += 1
            due = start + index / args.rate if args.rate else None
            if due is not None and due > time.perf_counter():
                await asyncio.sleep(due - time.perf_counter())
            if time.perf_counter() >= deadline:
                return
            sent = time.perf_counter()
            try:
                refusal = await asyncio.wait_for(server.ask(messages[index]), max(0.001, deadline - sent))
            except asyncio.TimeoutError:
                return
            except (OSError, asyncio.IncompleteReadError, ValueError) as e:
                refusal = f'{type(e).__name__}: {e}'
                server = Server(args.protocol, args.port)
            now = time.perf_counter()
            latencies.append(now - (due if due is not None else sent))
            finished.append(now - start)
            if refusal is not None:
                if len(failures) < 3:
                    print(f'{args.label}: {paths[index]}: {refusal}', file=sys.stderr)
                failures.append(index)

    await asyncio.gather(*(connection() for _ in range(args.concurrency)))
    return latencies, sorted(finished), failures, time.perf_counter() - start


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--protocol', choices=['pitchgate', 'rspamd', 'spamd'], required=True)
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--pid', type=int, required=True)
    parser.add_argument('--list', required=True)
    parser.add_argument('--tag', required=True)
    parser.add_argument('--label')
    parser.add_argument('--concurrency', type=int, default=16)
    parser.add_argument('--time-limit', type=float, default=120)
    parser.add_argument('--rate', type=float, default=0)
    parser.add_argument('--first', type=int, default=500, help='also report the rate of the first N answers')
    parser.add_argument('--results', help='appends the JSON line to this file, and prints a line for people')
    args = parser.parse_args()
    args.label = args.label or args.protocol

    with open(args.list) as f:
        paths = [line.strip() for line in f if line.strip()]
    messages = []
    for index, path in enumerate(paths):
        with open(path, 'rb') as f:
            messages.append(with_message_id(f.read(), f'{args.tag}-{index}@versus.pitchgate.example'))

    memory = MemoryWatch(args.pid)
    memory.start()
    cpu_before, written_before, client_before = cpu_seconds(args.pid), written_bytes(args.pid), time.process_time()
    latencies, finished, failures, seconds = asyncio.run(drive(args, paths, messages))
    cpu, client_cpu = cpu_seconds(args.pid) - cpu_before, time.process_time() - client_before
    written = written_bytes(args.pid) - written_before
    memory.done.set()
    memory.join()
    rss, pss, hwm = memory.peak

    answered = len(latencies)
    first = finished[args.first - 1] if len(finished) >= args.first else None
    result = {
        'label': args.label, 'tag': args.tag, 'sent': len(messages), 'answered': answered,
        'failed': len(failures), 'seconds': round(seconds, 2),
        'rate': round(answered / seconds, 1) if seconds else 0,
        'first_rate': round(args.first / first, 1) if first else None,
        'p50_ms': round(1000 * percentile(latencies, 50), 1) if latencies else None,
        'p99_ms': round(1000 * percentile(latencies, 99), 1) if latencies else None,
        'max_ms': round(1000 * max(latencies), 1) if latencies else None,
        'cpu_ms': round(1000 * cpu / max(1, answered), 2),
        'client_cpu_ms': round(1000 * client_cpu / max(1, answered), 2),
        'written_kib': round(written / 1024 / max(1, answered), 1),
        'rss_mib': round(rss / 1024), 'pss_mib': round(pss / 1024), 'hwm_mib': round(hwm / 1024),
        'paced': args.rate or None,
    }
    if not args.results:
        print(json.dumps(result))
        return
    with open(args.results, 'a') as f:
        f.write(json.dumps(result) + '\n')
    paced = f' paced at {args.rate:g}/s,' if args.rate else ''
    print(f"{time.strftime('%H:%M:%S')} {args.tag} {args.label}:{paced} {result['rate']} msg/s ({answered} in "
          f"{result['seconds']} s, {len(failures)} failed), p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
          f"CPU {result['cpu_ms']} ms/msg, written {result['written_kib']} KiB/msg, peak RSS {result['hwm_mib']} MiB, PSS {result['pss_mib']} MiB", flush=True)

if __name__ == '__main__':
    main()
