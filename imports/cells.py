"""Reading what a plan's cells say about who does a task, and how (phân công và cách thức thực hiện).

Pure functions, no ORM. A cell is split into the units that lead (chủ trì), coordinate (phối hợp) and monitor
(theo dõi, đôn đốc, tổng hợp), the bodies outside the department that take part (Sở Nội vụ, UBND tỉnh, Tổ kiểm tra
công vụ), and the rest, kept as the method of execution, never as a unit name:

    'Văn phòng Sở chủ trì, phối hợp với các đơn vị có liên quan xây dựng Đề án, gửi Sở Nội vụ thẩm định'
    → lead ['Văn phòng Sở'], coordinating ['các đơn vị có liên quan'] (to be picked: `needs_units`),
      method 'xây dựng Đề án, gửi Sở Nội vụ thẩm định'.

A phrase such as 'các phòng, đơn vị có liên quan' names no unit in particular: it is kept as written and the
task is flagged so the user picks the units, never widened to every unit. Footnote marks ('theo quy định²')
are taken out of the text.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from org.names import normalize_name, strip_accents

LEAD, COORDINATING, MONITORING = "lead", "coordinating", "monitoring"
ROLES = (LEAD, COORDINATING, MONITORING)

# Labels a cell or a paragraph line starts a value with ('- Đơn vị chủ trì: …'), accent-stripped, lower case.
# The field is a role, "assignment" (a value read like a whole 'Phân công' cell), or a task field.
_UNIT = r"(?:don vi|co quan|phong|bo phan|cac don vi|cac co quan)"
LABELS: list[tuple[str, str]] = [
    (LEAD, rf"(?:{_UNIT}\s*)?chu tri(?:\s+(?:tham muu|thuc hien|tham muu, to chuc thuc hien))?"),
    (COORDINATING, rf"(?:{_UNIT}\s*)?phoi hop(?:\s+thuc hien)?"),
    (MONITORING, rf"(?:{_UNIT}\s*)?(?:theo doi|don doc|giam sat)(?:[, ]+(?:don doc|tong hop|kiem tra|giam sat))*"
                 rf"|(?:{_UNIT}\s+)?tong hop"),
    ("assignment", rf"(?:{_UNIT}|trach nhiem)\s+thuc hien|phan cong(?: thuc hien| va cach thuc thuc hien)?"),
    ("method", r"cach thuc(?:\s+thuc hien)?|phuong thuc(?:\s+thuc hien)?|cach lam"),
    ("product", r"san pham(?:\s+dau ra|\s+du kien)?|ket qua(?:\s+dau ra|\s+san pham|\s+du kien)?"
                r"|hinh thuc(?:\s+van ban|\s+san pham)?"),
    ("deadline", r"thoi gian(?:\s+thuc hien|\s+hoan thanh)?|thoi han(?:\s+hoan thanh)?|tien do(?:\s+thuc hien)?"
                 r"|moc thoi gian|han hoan thanh"),
    ("content", r"noi dung(?:\s+thuc hien|\s+nhiem vu)?"),
    ("note", r"ghi chu"),
]
_LABEL = re.compile(r"(?:^|[\n;.(]|(?<!\w)[-–+•*])\s*(?P<label>"
                    + "|".join(f"(?P<{name}_{i}>{pattern})" for i, (name, pattern) in enumerate(LABELS))
                    + r")\s*:")

# Words that make a clause say who does what; each opens the rest of the clause. Accent-stripped.
_VERBS: list[tuple[str, str]] = [
    ("chu tri", LEAD),
    ("phoi hop voi", "with"), ("phoi hop cung", "with"), ("phoi hop", COORDINATING),
    ("theo doi", MONITORING), ("don doc", MONITORING), ("giam sat", MONITORING), ("tong hop", MONITORING),
    ("thuc hien", "act"), ("trien khai", "act"), ("to chuc", "act"), ("tham muu", "act"), ("chu dong", "act"),
    ("xay dung", "act"), ("ra soat", "act"), ("de xuat", "act"), ("nghien cuu", "act"), ("huong dan", "act"),
    ("cap nhat", "act"), ("bao cao", "act"), ("trinh", "act"), ("gui", "act"), ("luu y", "act"),
    ("theo chuc nang", "act"), ("theo linh vuc", "act"), ("dam bao", "act"), ("kiem tra", "act"),
    ("lua chon", "act"), ("lay y kien", "act"), ("cung cap", "act"), ("tiep nhan", "act"), ("van hanh", "act"),
    ("tham dinh", "act"), ("du thao", "act"),
]
_VERB = re.compile(r"\b(" + "|".join(v for v, _ in _VERBS) + r")\b")
_VERB_ROLE = dict(_VERBS)
# Names that hold such words themselves: never cut inside them.
_PROTECTED = re.compile(
    r"to kiem tra cong vu(?: so)?|doan kiem tra(?: cchc| cong vu| cai cach hanh chinh)?"
    r"|to huong dan thuc hien dich vu cong(?: truc tuyen)?|hoi dong tham dinh|to cong tac(?: [a-z]+){0,6}?(?= |$)"
    r"|co chuc nang (?:tham muu )?(?:giai quyet tthc|quan ly nha nuoc(?: theo chuc nang)?)"
    r"|trung tam phuc vu hanh chinh cong(?: tinh)?|ban chi dao(?: [a-z]+){0,4}")
# Phrases that say nothing beyond the role itself ('chủ trì thực hiện', 'tổ chức triển khai thực hiện').
_BARE_WORDS = {"chu", "tri", "phoi", "hop", "theo", "doi", "don", "doc", "tong", "giam", "sat", "thuc", "hien",
               "trien", "khai", "to", "chuc", "tham", "muu", "va", "cung", "voi", "nhiem", "vu", "cong", "viec"}

# Bodies outside a department's tree, as plans name them (accent-stripped, at the start of a name).
_OUTSIDE = re.compile(
    r"^(?:cac )?(?:"
    r"(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\b|chu tich ubnd|tinh uy|ban thuong vu|thuong truc"
    r"|so (?!phan\b)[a-z]+|(?:cac )?so, ban, nganh|bo (?!phan\b)[a-z]+|chinh phu|thu tuong"
    r"|van phong (?:ubnd|uy ban|chinh phu|tinh uy|hdnd|doan)|to kiem tra|doan kiem tra|to cong tac"
    r"|hoi dong (?:tham dinh|thi dua|dieu hanh)|ban chi dao|(?:tong )?cuc [a-z]+|cong an|kho bac|mat tran"
    r"|trung tam phuc vu hanh chinh cong|trung uong|phong tu phap|ubnd cap"
    r"|dai phat thanh|dai truyen hinh|bao (?!cao\b)[a-z]+|co quan bao chi"
    r"|hoi (?:nong dan|phu nu|luat gia|lien hiep phu nu|cuu chien binh)|doan thanh nien|cong doan"
    r"|doanh nghiep|nguoi dan|to chuc, ca nhan"
    r"|(?:tong )?cong ty|tap doan|ngan hang|buu dien|vien thong|viettel|vnpt|mobifone|fpt\b"
    r")")
_BRANCH = re.compile(r"^(?:cac )?chi nhanh ")
_VAGUE = re.compile(r"\b(?:co )?lien quan\b")

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARK = re.compile(r"(?P<before>\s*)(?P<mark>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?P<after>\s*(?=[,.;:)\]]))?")
_TRAILING_MARK = re.compile(r"(?<=\d{4})\s+(\d{1,2})$")


@dataclass
class Assignment:
    """Who does a task and how, as a cell or a paragraph says it."""

    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    monitoring: list[str] = field(default_factory=list)
    outside: list[tuple[str, str]] = field(default_factory=list)  # (role, name) of bodies outside the tree
    method: list[str] = field(default_factory=list)
    # Values of the other labels a cell or paragraph carried ('Sản phẩm:', 'Thời gian hoàn thành:').
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def needs_units(self) -> bool:
        return any(is_vague(name) for role in ROLES for name in getattr(self, role))

    def names(self, role: str) -> list[str]:
        return getattr(self, role)

    def add(self, role: str, name: str, known: Collection[str] = ()) -> None:
        name = name.strip(" ,.;:-–+•\n")
        if not name:
            return
        if is_outside_body(name, known):
            if (role, name) not in self.outside:
                self.outside.append((role, name))
        elif name not in self.names(role):
            self.names(role).append(name)

    def merge(self, other: "Assignment") -> None:
        for role in ROLES:
            for name in other.names(role):
                if name not in self.names(role):
                    self.names(role).append(name)
        self.outside.extend(o for o in other.outside if o not in self.outside)
        for method in other.method:
            add_method(self.method, method)
        for key, value in other.fields.items():
            self.fields[key] = join_lines(self.fields.get(key, ""), value)


def add_method(methods: list[str], text: str) -> None:
    """Adds a piece of the method, unless one already said holds it ('theo chức năng được giao' twice)."""
    key = normalize_name(text)
    if not key or any(key in normalize_name(m) for m in methods):
        return
    methods[:] = [m for m in methods if normalize_name(m) not in key]
    methods.append(text)


def join_lines(before: str, more: str) -> str:
    if not before:
        return more
    return f"{before}\n{more}" if more else before


def is_outside_body(name: str, known: Collection[str] = ()) -> bool:
    """'Sở Nội vụ', 'UBND tỉnh', 'Tổ kiểm tra công vụ Sở': a body outside the department's tree (unless `known`,
    the department's own names, holds it)."""
    key = normalize_name(name)
    if not key or key in known:
        return False
    branch = _BRANCH.match(key)
    if branch:
        # 'Chi nhánh Văn phòng Đăng ký đất đai huyện …': a branch of one of the department's units is its own,
        # a branch of any other body is outside.
        rest = key[branch.end():]
        return not any(rest == k or rest.startswith(k + " ") for k in known)
    return bool(_OUTSIDE.match(key))


def is_vague(name: str) -> bool:
    """'Các phòng, đơn vị có liên quan': names no unit in particular; the user picks them."""
    return bool(_VAGUE.search(normalize_name(name)))


def split_marks(text: str) -> tuple[str, list[str]]:
    """('theo quy định, đảm bảo…', ['2']) from 'theo quy định ² , đảm bảo…': footnote marks taken out."""
    marks: list[str] = []

    def take(match: re.Match) -> str:
        mark = match.group("mark")
        before = match.string[match.start() - 1:match.start()] if match.start() else ""
        if mark in ("²", "³") and not match.group("before") and before in ("m", "M"):
            return match.group(0)  # m², km³: a unit, not a footnote
        marks.append(mark.translate(_SUPERSCRIPT))
        return ""

    cleaned = _MARK.sub(take, text)
    return cleaned, marks


def split_deadline_marks(text: str) -> tuple[str, list[str]]:
    """A deadline cell also carries its mark after the year in plain digits ('… 15/11/2024 4')."""
    cleaned, marks = split_marks(text)
    match = _TRAILING_MARK.search(cleaned)
    if match:
        marks.append(match.group(1))
        cleaned = cleaned[:match.start()]
    return cleaned, marks


def find_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of every label ('Đơn vị chủ trì:') in the text, in order."""
    plain = strip_accents(text).lower()  # same length as text: positions carry over
    found = []
    for match in _LABEL.finditer(plain):
        name = next(key for key, value in match.groupdict().items() if value is not None and key != "label")
        found.append((match.start("label"), match.end(), name.rsplit("_", 1)[0]))
    return found


def read_assignment(text: str, column_role: str | None = None, known: Collection[str] = ()) -> Assignment:
    """Reads a cell: `column_role` is the role of a dedicated column ('Cơ quan phối hợp'); None for a column or
    paragraph that assigns roles itself ('Phân công và cách thức thực hiện', 'Đơn vị thực hiện')."""
    result = Assignment()
    text = text or ""
    labels = find_labels(text)
    head = text[: labels[0][0]] if labels else text
    _read_prose(head, column_role, known, result)
    for i, (_start, end, name) in enumerate(labels):
        stop = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        value = text[end:stop].strip(" \n-–+•*;,.")
        if value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1].strip(" ;,.")  # the last label of '(Chủ trì: …; Thời hạn: Khi phát sinh)'
        if not value:
            continue
        if name in ROLES:
            part = Assignment()
            _read_prose(value, name, known, part)
            result.merge(part)
        elif name == "assignment":
            part = Assignment()
            _read_prose(value, None, known, part)
            result.merge(part)
        elif name == "method":
            add_method(result.method, value)
        else:
            result.fields[name] = join_lines(result.fields.get(name, ""), value)
    return result


_BRACKET = re.compile(r"\(([^()]*)\)")
# Where a cell starts a new clause: a new line, a semicolon, a full stop or a bullet before a capital letter.
_BREAK = re.compile(r"\n+|;\s*|(?<=[^\s.])\.\s+(?=\S)|(?<=\S)\s+[-+•*]\s+(?=\S)|^\s*[-–+•*]\s+")
# Dashes inside names ('Phòng Kế hoạch - Tài chính', 'Bà Rịa - Vũng Tàu') do not start a clause.
_NAME_DASHES = ("ke hoach", "ba ria")


def _clauses(text: str) -> list[str]:
    pieces, start = [], 0
    for match in _BREAK.finditer(text):
        separator = match.group(0)
        following = text[match.end():match.end() + 1]
        if separator.strip() in ("-", "+", "•", "*", ".") and match.start() > 0:
            before = strip_accents(text[max(0, match.start() - 12):match.start()]).lower()
            if not following.isupper() or before.endswith(_NAME_DASHES):
                continue
        pieces.append(text[start:match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [p.strip(" ,.;:-–+•") for p in pieces if p.strip(" ,.;:-–+•")]


# A role written in brackets after a name: 'Văn phòng Sở (chủ trì), các phòng, đơn vị thuộc Sở (phối hợp)'.
_ROLE_IN_BRACKETS = re.compile(r"\s*\(\s*(chủ trì|phối hợp|theo dõi|đôn đốc|giám sát|tổng hợp)\s*\)\s*[,;]?", re.I)


def _read_prose(text: str, column_role: str | None, known: Collection[str], result: Assignment) -> None:
    """Clause by clause: who is named before the first verb, in which role, and what the rest says."""
    text = _ROLE_IN_BRACKETS.sub(lambda m: f" {m.group(1)};", text).strip(" ;")
    text, remarks = _take_remarks(text)
    for remark in remarks:
        add_method(result.method, remark)
    pending: list[str] = []  # names before a verb, in their own clauses ('Phòng A; Chi cục B phối hợp với …')
    for clause in _clauses(text):
        verb = _first_verb(clause, known)
        if verb is None:
            pending.extend(_names(clause, known))
            continue
        start, end, word = verb
        subject = _names(clause[:start].strip(" ,"), known)
        rest = clause[end:].strip(" ,")
        role = _VERB_ROLE[word]
        names = pending + subject
        pending = []
        if not names and role not in ("with",):
            _add_method(result, clause)
            continue
        if role == "with":
            _read_with(names, rest, column_role, known, result)
            continue
        own = column_role or _role_of(role, result)
        for name in names:
            result.add(own, name, known)
        if role == LEAD and rest:
            rest = _read_following(rest, column_role, known, result)
            _add_method(result, rest)
        elif role in (LEAD, COORDINATING, MONITORING):
            _add_method(result, rest)
        elif _next_clause(clause[end:], known):
            # 'Văn phòng Sở tham mưu, các phòng, đơn vị thuộc Sở phối hợp': the verb alone, then another subject.
            _read_prose(rest, column_role, known, result)
        else:
            _add_method(result, clause[start:])
    if pending:
        own = column_role or (COORDINATING if result.lead else LEAD)
        for name in pending:
            result.add(own, name, known)


def _next_clause(rest: str, known: Collection[str]) -> bool:
    """Whether what follows an acting verb is a clause of its own: ', <a unit's name> <a verb> …'."""
    if not re.match(r"^\s*[,;]\s*\S", rest):
        return False
    tail = rest.lstrip(" ,;")
    verb = _first_verb(tail, known)
    return verb is not None and verb[0] > 0 and (bool(_known_prefix(tail, known)) or _starts_a_name(tail))


def _role_of(verb_role: str, result: Assignment) -> str:
    if verb_role in (LEAD, COORDINATING, MONITORING):
        return verb_role
    return COORDINATING if result.lead else LEAD  # the first actor named leads, the others take part


def _read_with(names: list[str], rest: str, column_role: str | None, known: Collection[str],
               result: Assignment) -> None:
    """'X phối hợp với Y …': X leads when nobody else does, Y coordinates; an empty X is the clause's subject before."""
    own = column_role or (COORDINATING if result.lead else LEAD)
    for name in names:
        result.add(own, name, known)
    partners, method = _object(rest, known)
    for name in partners:
        result.add(column_role or COORDINATING, name, known)
    _add_method(result, method)


def _read_following(rest: str, column_role: str | None, known: Collection[str], result: Assignment) -> str:
    """What follows 'X chủ trì': ', phối hợp với Y …' gives coordinating units, ', Các phòng … triển khai' a clause of
    its own; what is left is returned (the method)."""
    plain = strip_accents(rest).lower()
    match = re.match(r"^[,;]?\s*(?:va\s+)?phoi hop (?:voi|cung)\s+", plain)
    together = re.match(r"^[,;]?\s*cung(?: voi)?\s+", plain) if match is None else None
    if together is not None:
        # 'X chủ trì cùng Y': the partner's name follows 'cùng'.
        following = rest[together.end():]
        match = together if _known_prefix(following, known) or _starts_a_name(following) else None
    # 'X chủ trì, phối hợp các cơ quan chuyên môn …': 'với' left out, the partner's name follows the verb.
    bare = re.match(r"^[,;]?\s*(?:va\s+)?phoi hop\s+", plain) if match is None else None
    if bare is not None:
        following = rest[bare.end():]
        verb = _first_verb(following)
        names_next = _known_prefix(following, known) or (_starts_a_name(following) and (verb is None or verb[0] > 0))
        bare = bare if names_next else None  # 'phối hợp tổ chức hội nghị': a verb follows, no partner
    match = match or bare
    if match:
        partners, method = _object(rest[match.end():], known)
        for name in partners:
            result.add(column_role or COORDINATING, name, known)
        return method
    tail = rest.lstrip(" ,;")
    if (tail[:1].isupper() or plain.lstrip(" ,;").startswith("cac ")) and _first_verb(tail) is not None:
        _read_prose(tail, column_role, known, result)
        return ""
    return rest


def _object(text: str, known: Collection[str] = ()) -> tuple[list[str], str]:
    """'các đơn vị có liên quan xây dựng Đề án, …' → (['các đơn vị có liên quan'], 'xây dựng Đề án, …'). A name
    the department knows ends where it ends ('Trung tâm … môi trường lựa chọn thủ tục …'); else at the next verb."""
    known_end = _known_prefix(text, known)
    if known_end:
        rest = text[known_end:].strip(" ,")
        first = normalize_name(rest).split(" ", 1)[0] if rest else ""
        if first not in _NAME_GOES_ON:
            return _names(text[:known_end], known), rest
    plain = strip_accents(text).lower()
    protected = _protected_spans(plain)
    outside = _OUTSIDE_SPAN.match(plain)
    if outside:
        protected.append((outside.start(), outside.end()))
    for match in _VERB.finditer(plain):
        if match.start() == 0 or any(s <= match.start() < e for s, e in protected):
            continue
        return _names(text[: match.start()].strip(" ,"), known), text[match.start():].strip(" ,")
    return _names(text, known), ""


# Words that carry a name on past a shorter known name ('các phòng, đơn vị | có liên quan', '… | thuộc Sở').
_NAME_GOES_ON = {"co", "lien", "thuoc", "truc", "va", "cua", "tai", "cap", "khac", "duoc", "so", "tinh"}


def _known_prefix(text: str, known: Collection[str]) -> int:
    """The end of the known unit names at the text's start: the longest run of words that names one, then any more
    after ',', ';' or 'và' ('Phòng Tư pháp, Phòng Tài chính – Kế hoạch thẩm định …')."""
    if not known:
        return 0
    end = _one_known(text, known)
    while end:
        separator = _LIST_SEPARATOR.match(text, end)
        if separator is None:
            break
        more = _one_known(text[separator.end():], known)
        if not more:
            break
        end = separator.end() + more
    return end


_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:và|cùng)\s+")


def _one_known(text: str, known: Collection[str]) -> int:
    best = 0
    for match in re.finditer(r"\S+", text):
        if normalize_name(text[:match.end()]) in known:
            best = len(text[:match.end()].rstrip(",;."))  # the list's comma after the name is not the name's
    return best


# An outside body as the object of 'phối hợp cùng …', its name ending before the next verb of the clause.
_OUTSIDE_SPAN = re.compile(r"to kiem tra cong vu(?: so)?|doan kiem tra(?: [a-z]+){0,3}")


def _first_verb(clause: str, known: Collection[str] = ()) -> tuple[int, int, str] | None:
    plain = strip_accents(clause).lower()
    protected = _protected_spans(plain)
    known_end = _known_prefix(clause, known)
    for match in _VERB.finditer(plain):
        if any(s <= match.start() < e for s, e in protected):
            continue
        before = clause[:match.start()].rstrip(" ,")
        if match.start() < known_end and _known_prefix(before, known) < len(before):
            continue  # 'Phòng Tổ chức, biên chế …': inside a known name, unless known names end right before it
        return match.start(), match.end(), match.group(1)
    return None


def _protected_spans(plain: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(plain)]


def _names(text: str, known: Collection[str] = ()) -> list[str]:
    """The unit names of a subject: split on ';', new lines, ', ' before a capital or 'các' ('Văn phòng Sở,
    Trung tâm…', 'Thanh tra Sở, các phòng, đơn vị thuộc Sở'), never inside 'Các phòng, đơn vị', and 'và' before a
    unit's name ('Văn phòng Đăng ký đất đai và Trung tâm …'); the word that assigns the task ('Giao X chủ trì')
    is no part of the name."""
    names: list[str] = []
    for piece in re.split(r"\s*;\s*|\n+", text):
        for part in _AND_UNIT.split(piece):
            start = 0
            for match in re.finditer(r",\s+", part):
                if match.start() < start + _one_known(part[start:], known):
                    continue  # inside a name the department knows ('Các phòng, ban, chi cục thuộc Sở')
                if _starts_a_name(part[match.end():]) and normalize_name(part[start:match.start()]) not in _KINDS:
                    names.append(part[start:match.start()])
                    start = match.end()
            names.append(part[start:])
    names = [_unassigned(n.strip(" ,.;:-–+•"), known) for n in names]
    return [n for n in names if n and any(ch.isalpha() for ch in n)]


# 'và' joins two names when a unit's own kind of name follows it; names that hold 'và' themselves ('Sở Tài nguyên
# và Môi trường', 'Văn phòng HĐND và UBND huyện') go on with words that start no unit's name.
_AND_UNIT = re.compile(r"\s+và\s+(?=(?:Văn phòng|Thanh tra|Phòng|Trung tâm|Chi cục|Chi nhánh|các phòng|các đơn vị"
                       r"|các cơ quan|Các phòng|Các đơn vị|Các cơ quan)\b)")
# 'Giao Văn phòng Sở chủ trì', 'Đề nghị Công an tỉnh phối hợp': the word that hands the task over.
_ASSIGNING = re.compile(r"^(?:Giao|giao|Đề nghị|đề nghị)(?:\s+cho)?\s+(?=[A-ZĐÀ-Ỹ])")


def _unassigned(name: str, known: Collection[str]) -> str:
    """The name without the word handing the task over: 'Giao Văn phòng Sở', 'giao công chức Tư pháp – Hộ tịch'
    (lower case only before a name the department knows)."""
    name = _ASSIGNING.sub("", name)
    lower = re.match(r"^(?:giao|đề nghị)(?:\s+cho)?\s+", name, re.I)
    if lower and _one_known(name[lower.end():], known):
        return name[lower.end():]
    return name


# The words a unit's name starts with ('Trung tâm …', 'UBND …'); a comma before one of them separates two names,
# a comma before anything else belongs to the name ('Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản').
_NAME_HEADS = ("van phong", "thanh tra", "phong", "trung tam", "chi cuc", "so", "ubnd", "uy ban", "ban", "to",
               "doan", "bo", "cuc", "hoi dong", "don vi", "cac", "tat ca", "cong an", "kho bac", "chu tich",
               "lanh dao", "tinh uy", "hdnd", "co quan")


# Words for a kind of unit that a list continues ('Các phòng, đơn vị thuộc Sở', 'các sở, ban, ngành').
_KINDS = {"phong", "cac phong", "tat ca cac phong", "so", "cac so", "co quan", "cac co quan", "cac don vi"}


def _starts_a_name(text: str) -> bool:
    first = text.split(" ", 1)[0]
    if len(first) >= 2 and first.isupper():
        return True  # an abbreviation: 'TTCNTT TNMT', 'VPĐKĐĐ'
    plain = normalize_name(text[:20]) + " "
    return any(plain.startswith(head + " ") for head in _NAME_HEADS)


def _take_remarks(text: str) -> tuple[str, list[str]]:
    """Remarks in brackets ('(khi có yêu cầu)', '(lưu ý đảm bảo thời gian …)') go to the method; short ones such as
    an abbreviation '(TTCNTT)' or '(b/c)' stay where they are."""
    remarks: list[str] = []

    def take(match: re.Match) -> str:
        inner = match.group(1).strip()
        first = inner.split(" ", 1)[0]
        if len(inner.split()) >= 3 and not (len(first) >= 2 and first.isupper()):  # '(VNPT Khánh Hòa)' names
            remarks.append(inner)
            return " "
        return match.group(0)

    cleaned = _BRACKET.sub(take, text)
    return re.sub(r"[ \t]{2,}", " ", cleaned).strip(), remarks


def _add_method(result: Assignment, text: str) -> None:
    text = text.strip(" ,.;:-–+•\n")
    # 'thực hiện, báo cáo Sở Nội vụ': the bare verb before the comma says nothing more than the role.
    head, comma, tail = text.partition(",")
    if comma and _is_bare(head) and tail.strip():
        text = tail.strip(" ,.;:-–+•\n")
    if text and not _is_bare(text):
        add_method(result.method, text)


def _is_bare(text: str) -> bool:
    return all(word in _BARE_WORDS for word in normalize_name(text).split())


def names_text(names: list[str]) -> str:
    """Names back into one cell's text, as plans list them."""
    return "; ".join(names)
