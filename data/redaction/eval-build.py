#!/usr/bin/env python3
"""Build eval.jsonl from source.txt (inline markup ⟦K:span⟧). Offsets are UTF-16 code units."""
import json, os, random, re
HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"P": "phone", "E": "email", "I": "id_number", "N": "name"}
MARK = re.compile(r"⟦([PEIN]):(.*?)⟧")
def u16(s): return len(s.encode("utf-16-le")) // 2
rows = []
for line in open(os.path.join(HERE, "eval.source.txt"), encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"): continue
    lang, raw = line.split("|", 1)
    raw = raw.replace("\\n", "\n")
    text, spans, pos = "", [], 0
    for m in MARK.finditer(raw):
        text += raw[pos:m.start()]
        start = u16(text); text += m.group(2)
        spans.append({"start": start, "end": u16(text), "kind": KINDS[m.group(1)]})
        pos = m.end()
    text += raw[pos:]
    assert "⟦" not in text and "⟧" not in text, line
    rows.append({"lang": lang, "text": text, "spans": spans})
random.Random(20260).shuffle(rows)
with open(os.path.join(HERE, "eval.jsonl"), "w", encoding="utf-8") as f:
    for i, r in enumerate(rows, 1):
        f.write(json.dumps({"id": f"e{i:03d}", **r}, ensure_ascii=False) + "\n")
print(len(rows), "rows written")
