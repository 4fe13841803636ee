"""Refreshes the English catalogue: extracts strings, fills them from locale/en/glossary.tsv, compiles.

    .venv/bin/python scripts/i18n.py

The interface is written in Vietnamese (the default); glossary.tsv holds one 'Vietnamese<TAB>English'
pair a line, the Vietnamese exactly as the msgid (placeholders such as %(n)s kept identical). A plural
entry takes 'Vietnamese<TAB>English singular<TAB>English plural'. Write \\n for a line break inside a
string. When a string appears twice, the later line wins, so a correction is appended, never edited in.
Strings missing from it stay Vietnamese in the English interface.

The glossary is the only source of translations: a msgstr not backed by it is dropped, and so is any
guess msgmerge makes for a new string from a similar old one (a "fuzzy" match, often plain wrong).
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale/en/LC_MESSAGES/django.po"
GLOSSARY = ROOT / "locale/en/glossary.tsv"
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$')


def unescape(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), s)


def escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def parse(block: str) -> tuple[list[str], dict[str, str], list[str]]:
    """One PO entry: its comment lines, its fields (unescaped), and its source lines up to the msgstr."""
    comments, fields, head, key = [], {}, [], None
    for line in block.splitlines():
        if line.startswith("#"):
            comments.append(line)
            continue
        match = KEYWORD.match(line)
        if match:
            key = match.group(1)
            fields[key] = unescape(match.group(2))
        elif line.startswith('"') and key:
            fields[key] += unescape(line[1:-1])
        if key and not key.startswith("msgstr"):
            head.append(line)
    return comments, fields, head


def fill(block: str, pairs: dict[str, str]) -> tuple[str, bool]:
    """The entry with its msgstr from the glossary; and whether it is still untranslated."""
    comments, fields, head = parse(block)
    if not fields.get("msgid"):
        return block, False  # header or obsolete entry
    comments = [c for c in comments if not c.startswith("#|")]
    for i, c in enumerate(comments):
        if c.startswith("#,"):
            flags = [f.strip() for f in c[2:].split(",") if f.strip() not in ("", "fuzzy")]
            comments[i] = "#, " + ", ".join(flags) if flags else ""
    comments = [c for c in comments if c]
    en = pairs.get(fields["msgid"], "")
    if "msgid_plural" in fields:
        forms = en.split("\t") if en else ["", ""]
        forms = forms if len(forms) == 2 else [forms[0], forms[0]]
        body = [f'msgstr[{i}] "{escape(form)}"' for i, form in enumerate(forms)]
    else:
        body = [f'msgstr "{escape(en)}"']
    return "\n".join([*comments, *head, *body]), not en


def main() -> None:
    os.chdir(ROOT)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "makemessages", "-l", "en", "--ignore=.venv", "--ignore=var", "--no-location", "--no-obsolete", "-v0"], check=True)
    pairs = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            vi, en = line.split("\t", 1)
            pairs[unescape(vi)] = unescape(en)
    blocks = PO.read_text(encoding="utf-8").strip("\n").split("\n\n")
    header, entries = blocks[0].replace("#, fuzzy\n", ""), [fill(block, pairs) for block in blocks[1:]]
    PO.write_text("\n\n".join([header, *(block for block, _ in entries)]) + "\n", encoding="utf-8")
    subprocess.run([*manage, "compilemessages", "-l", "en", "-v0"], check=True)
    missing = sum(untranslated for _, untranslated in entries)
    print(f"English catalogue: {len(pairs)} glossary pairs, {missing} strings still untranslated")


if __name__ == "__main__":
    main()
