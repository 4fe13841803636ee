"""Refreshes the English catalogue: extracts strings, fills them from locale/en/glossary.tsv, compiles.

    .venv/bin/python scripts/i18n.py

The interface is written in Vietnamese (the default); glossary.tsv holds one 'Vietnamese<TAB>English'
pair a line. Strings missing from it stay Vietnamese in the English interface.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale/en/LC_MESSAGES/django.po"
GLOSSARY = ROOT / "locale/en/glossary.tsv"


def main() -> None:
    os.chdir(ROOT)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "makemessages", "-l", "en", "--ignore=.venv", "--ignore=var", "--no-location", "-v0"], check=True)
    pairs = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            vi, en = line.split("\t", 1)
            pairs[vi] = en
    text = PO.read_text(encoding="utf-8")

    def fill(match: re.Match) -> str:
        msgid = match.group(1)
        vi = msgid.encode().decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\" in msgid else msgid
        en = pairs.get(vi)
        return match.group(0) if en is None else f'msgid "{msgid}"\nmsgstr "{en}"'

    text = re.sub(r'msgid "(.+)"\nmsgstr ""', fill, text)
    text = text.replace("#, fuzzy\n", "")
    PO.write_text(text, encoding="utf-8")
    subprocess.run([*manage, "compilemessages", "-l", "en", "-v0"], check=True)
    missing = len(re.findall(r'msgid "(.+)"\nmsgstr ""', text))
    print(f"English catalogue: {len(pairs)} glossary pairs, {missing} strings still untranslated")


if __name__ == "__main__":
    main()
