#!/usr/bin/env python3
"""Writes a corpus of varied raw e-mails for the load benchmark: French and English, plain and HTML,
with and without attachments (text, a small PDF), from 2 KB to 2 MB. Deterministic (seeded).

    bench/make_corpus.py FOLDER [COUNT] [MAX_BYTES]

MAX_BYTES keeps only the messages up to that size (30000: the 170 of 200 that are 30 KB or less, the
size of most real pitches), for bench/load.sh --corpus FOLDER."""
import base64
import os
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "target/bench/corpus"
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 200
MAX_BYTES = int(sys.argv[3]) if len(sys.argv) > 3 else None
random.seed(42)

EN = ["Hello, we are looking for a private office for {n} people from February. What are your rates?",
      "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking companies.",
      "Hello, we built a platform that helps UX designers recruit participants for user research interviews.",
      "Hi {{first_name}}, just following up on my last email about our payroll solution.",
      "Hello Tom, Ledgerly is accounting software for freelancers: bank import, VAT reports and invoicing."]
FR = ["Bonjour, je cherche un poste de travail pour {n} mois a partir de janvier. Quels sont vos tarifs ?",
      "Madame, Monsieur, notre agence propose des services de referencement SEO pour votre visibilite.",
      "Bonjour, nous sommes une entreprise de nettoyage de bureaux a Lyon et intervenons le soir.",
      "Bonjour, je vous ecris de la part de Tom Hale : nous proposons une formation a la tresorerie.",
      "Bonjour, nous editons un logiciel de comptabilite pour les independants, avec la facturation."]
FILLER_EN = "Our team has worked with many companies across Europe and we would be glad to tell you more. "
FILLER_FR = "Notre equipe accompagne de nombreuses structures en Europe et serait ravie de vous en dire plus. "


def pdf(text):
    """A one-page PDF holding text: enough for Tika's PDF parser."""
    stream = f"BT /F1 11 Tf 50 700 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def size_class(i):
    r = i % 20
    if r == 19:
        return 2_000_000
    if r in (17, 18):
        return 200_000
    if r % 3 == 0:
        return 20_000
    return 2_000


def message(i):
    french = i % 2 == 1
    text = random.choice(FR if french else EN).replace("{n}", str(i % 9 + 1))
    filler = FILLER_FR if french else FILLER_EN
    target = size_class(i)
    html = i % 3 == 1
    attach_pdf = i % 5 == 0
    body = text + "\n\n" + filler * max(1, (min(target, 20_000) - len(text)) // len(filler))
    headers = [f"From: Sender {i} <sender{i}@company{i % 37}.example>", "To: pitches@lafabrique.example",
               f"Subject: {'Proposition' if french else 'Proposal'} {i}", f"Message-ID: <bench-{i}-{random.random()}@bench.example>",
               "MIME-Version: 1.0"]
    # As long as real mailers make them (Gmail: 28 characters, Jakarta Mail: about 40): the MIME parser
    # skips ahead by the boundary's length, so short ones would make parsing look slower than it is.
    boundary = f"----=_Part_{i}_{random.getrandbits(40):012x}.{1700000000000 + i}"
    parts = []
    if html:
        parts.append(("text/html; charset=UTF-8", f"<html><body><p>{body.replace(chr(10), '<br>')}</p></body></html>".encode(), None))
    else:
        parts.append(("text/plain; charset=UTF-8", body.encode(), None))
    if attach_pdf:
        parts.append(("application/pdf", pdf(text[:80]), "brochure.pdf"))
    raw_size = sum(len(p[1]) for p in parts)
    if target > raw_size + 1000:
        padding = (filler * ((target - raw_size) // len(filler) + 1))[: target - raw_size]
        parts.append(("text/plain; charset=UTF-8", padding.encode(), "details.txt"))
    lines = headers + [f'Content-Type: multipart/mixed; boundary="{boundary}"', ""]
    for content_type, content, filename in parts:
        lines.append(f"--{boundary}")
        lines.append(f"Content-Type: {content_type}")
        lines.append("Content-Transfer-Encoding: base64")
        if filename:
            lines.append(f'Content-Disposition: attachment; filename="{filename}"')
        lines.append("")
        encoded = base64.encodebytes(content).decode().strip()
        lines.extend(encoded.split("\n"))
    lines.append(f"--{boundary}--")
    return ("\r\n".join(lines) + "\r\n").encode()


os.makedirs(OUT, exist_ok=True)
total = kept = 0
for i in range(COUNT):
    data = message(i)  # every message is made, so that the kept ones are the same whatever MAX_BYTES
    if MAX_BYTES is not None and len(data) > MAX_BYTES:
        continue
    kept += 1
    total += len(data)
    with open(os.path.join(OUT, f"{i:04d}.eml"), "wb") as f:
        f.write(data)
print(f"{kept} messages, {total / kept / 1024:.0f} KiB on average, in {OUT}")
