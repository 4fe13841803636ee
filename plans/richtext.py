"""The small markup of a plan's free sections: what people type, read back as blocks for pages and Word.

    Paragraphs are lines; a line starting with "- " (or "+ ", "• ") is a bullet;
    **bold** and *italic* inside a line; nothing else (no HTML: every character typed is shown as typed).

Pages escape the text first and only then turn the markers into <strong>/<em>, so what a user writes can never
become markup of its own. Pure Python, no Django.
"""

import html
import re
from dataclasses import dataclass, field

BULLETS = ("- ", "+ ", "• ", "– ")
_SPANS = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|\*(?P<italic>[^*\n]+?)\*")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    kind: str  # "paragraph" or "bullet"
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def runs(line: str) -> list[Run]:
    """A line's runs: plain, **bold** and *italic* pieces in order."""
    found: list[Run] = []
    position = 0
    for match in _SPANS.finditer(line):
        if match.start() > position:
            found.append(Run(line[position:match.start()]))
        if match.group("bold") is not None:
            found.append(Run(match.group("bold"), bold=True))
        else:
            found.append(Run(match.group("italic"), italic=True))
        position = match.end()
    if position < len(line):
        found.append(Run(line[position:]))
    return found


def blocks(text: str) -> list[Block]:
    """The text as paragraphs and bullets; blank lines only separate."""
    result = []
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        kind = "paragraph"
        for mark in BULLETS:
            if line.startswith(mark):
                kind, line = "bullet", line[len(mark):].strip()
                break
        result.append(Block(kind, runs(line)))
    return result


def _run_html(run: Run) -> str:
    text = html.escape(run.text)
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.italic:
        text = f"<em>{text}</em>"
    return text


def to_html(text: str) -> str:
    """Escaped HTML: <p> per paragraph, consecutive bullets in one <ul>."""
    out: list[str] = []
    in_list = False
    for block in blocks(text):
        inner = "".join(_run_html(r) for r in block.runs)
        if block.kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{inner}</li>")
        else:
            if in_list:
                out.append("</ul>")
                in_list = False
            out.append(f"<p>{inner}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def plain(text: str) -> str:
    """The text without markers, one line per block ('- ' kept before bullets), for templates and search."""
    return "\n".join(("- " if b.kind == "bullet" else "") + b.text for b in blocks(text))


def bullet(text: str) -> str:
    """A line as a bullet of the markup (used when drafting)."""
    return f"- {text}"
