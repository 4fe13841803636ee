"""Reading tasks a plan writes as paragraphs, without a table: numbered paragraphs under section headings, each
followed by lines such as '- Đơn vị chủ trì: …', '- Sản phẩm: …', '- Thời gian hoàn thành: …' (in any order,
some missing). Pure functions, no ORM; the items go through the same structure pass as table rows.

A numbered paragraph becomes a task only when labelled lines follow it; one without them is a title (a section or a
group heading, decided later), so the plan's purposes, requirements and closing instructions never become tasks.
"""

import re
from dataclasses import dataclass, field

from imports.cells import find_labels
from imports.tables import Item, is_upper_title
from org.names import strip_accents

# '1. ', '1.1. ', '1.1 ' (dotted, no final stop), 'a) ', 'a. ', 'I. ', 'A. ', 'II - '.
NUMBERED = re.compile(r"^(?P<code>[IVXLC]+|[A-H]|\d+(?:\.\d+)*|[a-zđ])(?:[.)]|(?<=\d\.\d)|(?<=\d\.\d\d)|\s+[-–])"
                      r"\s+(?P<text>\S.*)$", re.S)
BULLETS = "-–+•*"


@dataclass
class _Line:
    text: str
    source: str
    label: bool = False  # starts with a label ('- Đơn vị chủ trì: …')
    bullet: str = ""  # the bullet it starts with, if any


@dataclass
class _Open:
    item: Item
    more: list[str] = field(default_factory=list)  # lines continuing the task's text, before its labels
    labels: list[str] = field(default_factory=list)
    label_bullet: str = ""


# A sentence of its own that hands a task over: 'Giao công chức Tư pháp – Hộ tịch chủ trì, phối hợp … thực hiện;
# thời gian hoàn thành: Thường xuyên.' — read like a task's labelled lines.
_ASSIGNS = re.compile(r"^(?:giao|de nghi)\s+(?:cho\s+)?\S.*?\b(?:chu tri|phoi hop|thuc hien)\b", re.S)


def _line(text: str, source: str) -> _Line:
    stripped = text.strip()
    bullet = stripped[0] if stripped[:1] in BULLETS else ""
    body = stripped.lstrip(BULLETS).strip() if bullet else stripped
    labels = find_labels(body)
    assigns = _ASSIGNS.match(strip_accents(body).lower()) is not None
    return _Line(stripped, source, label=(bool(labels) and labels[0][0] <= 1) or assigns, bullet=bullet)


def _numbered(text: str) -> tuple[str, str] | None:
    match = NUMBERED.match(text.strip())
    if not match:
        return None
    return match.group("code"), match.group("text").strip()


class ParagraphReader:
    """Collects the items of a run of paragraphs; call `take` for each paragraph and `finish` at the end."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []

    def take(self, text: str, source: str) -> None:
        self.lines.append(_line(text, source))

    def finish(self) -> list[Item]:
        items: list[Item] = []
        current: _Open | None = None
        lines = self.lines
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            numbered = None if line.bullet or line.label else _numbered(line.text)
            if line.label:
                if current is not None:
                    if not current.labels:
                        current.label_bullet = line.bullet
                    current.labels.append(line.text)
                continue
            if numbered is not None:
                current = self._close(current, items)
                code, text = numbered
                current = self._open(code, text, line, bullet=False)
                if current.labels:
                    current.label_bullet = ""
                continue
            if line.bullet:
                opens = following is not None and following.label
                if current is not None and current.item.strong:
                    current = self._close(current, items)  # a section's title takes no detail lines
                if current is not None and current.labels:
                    if line.bullet != current.label_bullet and not opens:
                        current.labels.append(line.text)  # '+ Báo cáo quý' continuing '- Sản phẩm: …'
                        continue
                    current = self._close(current, items)
                elif current is not None:
                    if not (opens and following is not None and following.bullet != line.bullet):
                        current.more.append(line.text)  # the task's own detail lines
                        continue
                    current = self._close(current, items)
                if opens:
                    current = self._open("", line.text.lstrip(BULLETS).strip(), line, bullet=True)
                continue
            if is_upper_title(line.text) and len(line.text) < 200:
                current = self._close(current, items)
                items.append(Item(cells={"content": line.text}, title=True, strong=True, from_paragraphs=True,
                                  source=line.source))
                continue
            if current is not None and not current.labels and not current.item.strong:
                current.more.append(line.text)
            else:
                current = self._close(current, items)
        self._close(current, items)
        return items

    def _open(self, code: str, text: str, line: _Line, bullet: bool) -> _Open:
        item = Item(code=code, bullet=bullet, from_paragraphs=True, source=line.source)
        labels = find_labels(text)
        opened = _Open(item)
        if labels:
            # 'a) Rà soát văn bản. Chủ trì: Thanh tra Sở; Thời gian: Quý II/2025' on one line.
            # The labels may sit in brackets: '1.2. Thực hiện xin lỗi … (Chủ trì: …; Thời hạn: Khi phát sinh).'
            opened.labels.append(text[labels[0][0]:].rstrip(" .;"))
            text = text[: labels[0][0]].rstrip(" ,;.-–(")
        item.cells["content"] = text
        item.strong = bool(re.fullmatch(r"[IVXLC]+|[A-H]", code)) or is_upper_title(text)
        return opened

    def _close(self, current: _Open | None, items: list[Item]) -> _Open | None:
        """Ends the open item (a task if labelled, else a title); returns what is open next: nothing."""
        if current is None:
            return None
        item = current.item
        if current.labels:
            item.cells["content"] = "\n".join([item.cells.get("content", ""), *current.more]).strip()
            item.cells["assignment"] = "\n".join(current.labels)
        else:
            item.title = True  # kept to its first line: a section's or a heading's title
        items.append(item)
        return None
