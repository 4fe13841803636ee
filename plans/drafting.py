"""Drafting next year's improvement plan from a year's results (lập kế hoạch khắc phục), in the seed's structure.

Pure Python over plain dataclasses: `draft(results, settings, carried)` proposes the plan — I. results of the year
(areas at full points, every criterion below its max with score/max and the council's comment, the rank),
II. purposes and requirements, III. targets, and the appendices: Phụ lục 1 (per area, tasks to keep and raise),
Phụ lục 2 (I. one task per criterion below max, II. "maintain" tasks for criteria at full points, III. bonus and
penalty items), Phụ lục 3 (SIPAS tasks per weak aspect, and the leaders' opinions below max).

Every proposal has a stable `key` and a `fingerprint` of its text, so a re-draft (`plan_redraft`) adds new
proposals and updates rows nobody touched, and never overwrites a row a person edited.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from plans.drafting_texts import (
    BUDGET_TEXT,
    fold,
    organisation_text,
    purpose_text,
    sipas_solution,
    solutions_text,
)

ZERO = Decimal(0)
AREA, CRITERION, SUB, BONUS, PENALTY = "area", "criterion", "sub_criterion", "bonus", "penalty"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def points_text(value: Decimal | None) -> str:
    """'0,5', '9,376', '12' — the way cchc writes points (documents.layout.score_text without Django)."""
    if value is None:
        return "–"
    number = Decimal(value).quantize(Decimal("0.001")).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    text = f"{number:f}"
    return text.replace(".", ",")


@dataclass(frozen=True)
class UnitRef:
    id: int
    name: str


@dataclass
class CriterionResult:
    """A node of the year's results: an area, criterion or sub-criterion with its final points and comment."""

    code: str
    title: str
    kind: str
    max_points: Decimal
    points: Decimal | None = None
    comment: str = ""
    responsible: UnitRef | None = None
    criterion_id: int | None = None
    children: list["CriterionResult"] = field(default_factory=list)
    survey: bool = False  # an area scored by sociological surveys (Điều tra xã hội học)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def final(self) -> Decimal:
        if self.children:
            return sum((c.final for c in self.children), ZERO)
        return self.points or ZERO

    @property
    def is_full(self) -> bool:
        return self.final >= self.max_points

    def leaves(self) -> list["CriterionResult"]:
        if self.is_leaf:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    @property
    def is_sipas(self) -> bool:
        folded = fold(self.title)
        return "sipas" in folded or "hai long cua nguoi dan" in folded


@dataclass
class YearResults:
    """What a finalised or published assessment says about a unit's year."""

    year: int
    unit_name: str
    areas: list[CriterionResult]  # top level: areas, then bonus and penalty nodes
    total: Decimal
    max_points: Decimal
    rank: int | None = None
    out_of: int | None = None
    previous_total: Decimal | None = None
    previous_rank: int | None = None
    decision: str = ""  # the decision that published the results ('Quyết định 3626/QĐ-UBND ngày 15/12/2023')


@dataclass
class CarriedTask:
    """A task of this year's plan's first appendix, proposed again under the area it served."""

    section_title: str
    content: str
    product: str = ""
    deadline_text: str = ""
    lead: list[UnitRef] = field(default_factory=list)
    coordinating: list[UnitRef] = field(default_factory=list)
    monitoring: list[UnitRef] = field(default_factory=list)
    lead_text: str = ""
    coordinating_text: str = ""
    monitoring_text: str = ""


@dataclass
class CarriedTarget:
    label: str
    metric_key: str = ""
    comparison: str = "gte"
    value: Decimal = ZERO
    unit_label: str = "%"


@dataclass
class DraftSettings:
    """The editable defaults of a draft: what a task must produce and by when, who monitors."""

    office: UnitRef | None = None  # the reform office: monitors every drafted task
    product: str = "Báo cáo kết quả thực hiện"
    deadline: str = "Báo cáo trước ngày 15/11"
    maintain_deadline: str = "Năm {year}"
    coordinating_text: str = "Các phòng, đơn vị thuộc Sở"

    def deadline_for(self, year: int, maintain: bool = False) -> str:
        return (self.maintain_deadline if maintain else self.deadline).replace("{year}", str(year))


@dataclass
class DraftTask:
    key: str
    code: str
    content: str
    product: str = ""
    deadline_text: str = ""
    lead: list[UnitRef] = field(default_factory=list)
    coordinating: list[UnitRef] = field(default_factory=list)
    monitoring: list[UnitRef] = field(default_factory=list)
    lead_text: str = ""
    coordinating_text: str = ""
    monitoring_text: str = ""
    criterion_ids: list[int] = field(default_factory=list)
    is_heading: bool = False

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.code, self.content, self.product, self.deadline_text, [u.id for u in self.lead],
                           [u.id for u in self.coordinating], [u.id for u in self.monitoring], self.is_heading)


def fingerprint(code, content, product, deadline_text, lead_ids, coordinating_ids, monitoring_ids,
                is_heading=False) -> str:
    """The hash of what a row says: the same for a proposal and for the row a person may since have edited."""
    parts = [code or "", " ".join((content or "").split()), " ".join((product or "").split()),
             " ".join((deadline_text or "").split()), ",".join(str(i) for i in sorted(lead_ids)),
             ",".join(str(i) for i in sorted(coordinating_ids)), ",".join(str(i) for i in sorted(monitoring_ids)),
             "h" if is_heading else ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join((text or "").split()).encode()).hexdigest()


@dataclass
class DraftSection:
    key: str
    numeral: str
    title: str
    tasks: list[DraftTask] = field(default_factory=list)


@dataclass
class DraftAppendix:
    number: str
    title: str
    sections: list[DraftSection] = field(default_factory=list)

    def tasks(self) -> list[DraftTask]:
        return [t for s in self.sections for t in s.tasks]


@dataclass
class DraftTarget:
    key: str
    label: str
    metric_key: str = ""
    comparison: str = "gte"
    value: Decimal = ZERO
    unit_label: str = "%"

    @property
    def fingerprint(self) -> str:
        value = Decimal(self.value).normalize()
        return text_fingerprint(f"{self.label}\x1f{self.metric_key}\x1f{self.comparison}\x1f{value:f}\x1f"
                                f"{self.unit_label}")


@dataclass(frozen=True)
class GapRow:
    """One line of the seed's section I.2.2: a criterion below its max, its points and the council's comment."""

    area: str
    group: str  # the criterion grouping sub-criteria ('Khảo sát sự hài lòng … (SIPAS)'), or ""
    code: str
    title: str
    points: Decimal
    max_points: Decimal
    comment: str = ""

    @property
    def cell(self) -> str:
        return f"{points_text(self.points)}/{points_text(self.max_points)}"


@dataclass
class ResultsPart:
    year: int
    full_areas: list[str]
    gaps: list[GapRow]
    rank_sentence: str


@dataclass
class Draft:
    year: int  # the plan's year (the results' year + 1)
    title: str
    summary: str
    results: ResultsPart
    texts: dict[str, str]  # results_text, purpose_text, solutions_text, organisation_text, budget_text
    targets: list[DraftTarget]
    appendices: list[DraftAppendix]

    def tasks(self) -> list[DraftTask]:
        return [t for a in self.appendices for t in a.tasks()]


# Part I: the year's results


def _walk_gaps(node: CriterionResult, area: CriterionResult, group: str, out: list[GapRow]) -> None:
    for child in node.children:
        if child.children:
            _walk_gaps(child, area, child.title, out)
        elif child.points is not None and child.points < child.max_points:
            out.append(GapRow(area.title, group, child.code, child.title, child.points, child.max_points,
                              child.comment))


def gaps(results: YearResults) -> list[GapRow]:
    """Every scored criterion below its max, in the framework's order (bonus and penalty apart)."""
    rows: list[GapRow] = []
    for area in results.areas:
        if area.kind in (BONUS, PENALTY):
            continue
        if area.is_leaf:
            if area.points is not None and area.points < area.max_points:
                rows.append(GapRow(area.title, "", area.code, area.title, area.points, area.max_points, area.comment))
            continue
        _walk_gaps(area, area, "", rows)
    return rows


def full_areas(results: YearResults) -> list[str]:
    return [a.title for a in results.areas if a.kind not in (BONUS, PENALTY) and a.leaves() and a.is_full]


def rank_sentence(results: YearResults) -> str:
    """'Năm 2023, Sở … đạt 87,225/100 điểm, xếp hạng 10/21, tăng 02 bậc so với năm 2022.'"""
    text = (f"Năm {results.year}, {results.unit_name} đạt {points_text(results.total)}/"
            f"{points_text(results.max_points)} điểm")
    if results.previous_total is not None:
        change = results.total - results.previous_total
        if change:
            text += f" ({'tăng' if change > 0 else 'giảm'} {points_text(abs(change))} điểm so với năm {results.year - 1})"
    if results.rank:
        text += f", xếp hạng {results.rank:02d}" + (f"/{results.out_of}" if results.out_of else "")
        if results.previous_rank:
            moved = results.previous_rank - results.rank
            if moved > 0:
                text += f", tăng {moved:02d} bậc so với năm {results.year - 1}"
            elif moved < 0:
                text += f", giảm {-moved:02d} bậc so với năm {results.year - 1}"
            else:
                text += f", giữ nguyên thứ hạng so với năm {results.year - 1}"
    return text + "."


def results_text(results: YearResults, part: ResultsPart) -> str:
    """Section I as editable text (plans.richtext): the rank, 2.1 the areas at full points, 2.2 each criterion below
    its max with score/max and the council's comment."""
    lines = [part.rank_sentence]
    if results.decision:
        lines.insert(0, f"Căn cứ {results.decision}, kết quả đánh giá, xếp hạng cải cách hành chính năm "
                        f"{results.year} như sau:")
    lines.append("**1. Các tiêu chí đạt điểm tối đa, gồm:**")
    lines += [f"- {title};" for title in part.full_areas] or ["- (Không có lĩnh vực đạt điểm tối đa.)"]
    lines.append("**2. Các tiêu chí, tiêu chí thành phần cụ thể không được điểm tối đa:**")
    area = group = None
    number = 0
    for row in part.gaps:
        if row.area != area:
            area, group = row.area, None
            number += 1
            lines.append(f"**2.{number}. {row.area}**")
        if row.group and row.group != group:
            group = row.group
            lines.append(f"*{row.group}*")
        lines.append(f"- Tiêu chí: {row.title}: {row.cell}.")
        if row.comment:
            lines.append(row.comment)
    return "\n".join(lines)


# The appendices


def _units(ref: UnitRef | None) -> list[UnitRef]:
    return [ref] if ref is not None else []


def _similar(a: str, b: str) -> bool:
    """Whether a plan's section title names this area ('CẢI CÁCH TỔ CHỨC BỘ MÁY' ~ 'Cải cách tổ chức bộ máy HCNN')."""
    fa, fb = fold(a), fold(b)
    for noise in ("ve ", "cai cach ", "cong tac ", "hanh chinh nha nuoc", "hcnn", "cchc"):
        fa, fb = fa.replace(noise, " "), fb.replace(noise, " ")
    fa, fb = " ".join(fa.split()), " ".join(fb.split())
    return bool(fa and fb) and (fa in fb or fb in fa)


def _appendix_1(results: YearResults, settings: DraftSettings, carried: list[CarriedTask], year: int) -> DraftAppendix:
    appendix = DraftAppendix("1", "Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX")
    numeral = 0
    for area in results.areas:
        if area.kind in (BONUS, PENALTY) or area.survey:
            continue
        numeral += 1
        section = DraftSection(f"1:{area.code}", ROMAN[numeral - 1] if numeral <= len(ROMAN) else str(numeral),
                               area.title.upper())
        mine = [t for t in carried if _similar(t.section_title, area.title)]
        for i, task in enumerate(mine, start=1):
            section.tasks.append(DraftTask(
                f"keep:{area.code}:{i}", str(i), task.content, task.product or settings.product,
                task.deadline_text or settings.deadline_for(year, maintain=True), list(task.lead),
                list(task.coordinating), list(task.monitoring), task.lead_text, task.coordinating_text,
                task.monitoring_text))
        if not mine:
            section.tasks.append(DraftTask(
                f"keep:{area.code}", "1",
                f"Duy trì, nâng cao kết quả lĩnh vực {area.title[:1].lower()}{area.title[1:]}: tiếp tục thực hiện "
                "đầy đủ, kịp thời các nhiệm vụ của lĩnh vực theo kế hoạch cải cách hành chính năm",
                settings.product, settings.deadline_for(year, maintain=True), _units(area.responsible),
                [], _units(settings.office), coordinating_text=settings.coordinating_text,
                criterion_ids=[area.criterion_id] if area.criterion_id else []))
        appendix.sections.append(section)
    return appendix


def _criterion_task(key: str, code: str, node: CriterionResult, settings: DraftSettings, deadline: str) -> DraftTask:
    return DraftTask(key, code, node.title, settings.product, deadline, _units(node.responsible), [],
                     _units(settings.office), coordinating_text=settings.coordinating_text,
                     criterion_ids=[node.criterion_id] if node.criterion_id else [])


def _heading(key: str, code: str, title: str) -> DraftTask:
    return DraftTask(key, code, title.upper(), is_heading=True)


def _appendix_2(results: YearResults, settings: DraftSettings, year: int) -> DraftAppendix:
    appendix = DraftAppendix("2", "Nhiệm vụ cần cải thiện, duy trì và nâng cao hiệu quả thực hiện các chỉ số đánh giá "
                                  "cải cách hành chính (PAR INDEX)")
    fix = DraftSection("2:I", "I", "NHIỆM VỤ CẦN PHẢI KHẮC PHỤC, CẢI THIỆN")
    keep = DraftSection("2:II", "II", "NHIỆM VỤ CẦN DUY TRÌ VÀ NÂNG CAO")
    for part, wanted in ((fix, False), (keep, True)):
        number = 0
        for area in results.areas:
            if area.kind in (BONUS, PENALTY) or area.survey:
                continue
            leaves = [leaf for leaf in area.leaves() if leaf.points is not None and leaf.is_full == wanted]
            if not leaves:
                continue
            number += 1
            prefix = "fix" if not wanted else "maintain"
            part.tasks.append(_heading(f"head:2:{part.numeral}:{area.code}", str(number), area.title))
            for i, leaf in enumerate(leaves, start=1):
                part.tasks.append(_criterion_task(f"{prefix}:{leaf.code}", f"{number}.{i}", leaf, settings,
                                                  settings.deadline_for(year, maintain=wanted)))
    extra = DraftSection("2:III", "III", "ĐIỂM THƯỞNG, ĐIỂM TRỪ")
    number = 0
    for kind, title in ((BONUS, "Điểm thưởng"), (PENALTY, "Điểm trừ")):
        nodes = [leaf for node in results.areas if node.kind == kind for leaf in node.leaves()]
        if not nodes:
            continue
        number += 1
        extra.tasks.append(_heading(f"head:2:III:{kind}", str(number), title))
        for i, leaf in enumerate(nodes, start=1):
            extra.tasks.append(_criterion_task(f"extra:{leaf.code}", f"{number}.{i}", leaf, settings,
                                               settings.deadline_for(year, maintain=True)))
    appendix.sections = [s for s in (fix, keep, extra) if s.tasks]
    return appendix


def _appendix_3(results: YearResults, settings: DraftSettings, year: int) -> DraftAppendix | None:
    appendix = DraftAppendix("3", "Nhiệm vụ cần phải khắc phục, cải thiện và nâng cao chỉ số hài lòng của cá nhân, tổ "
                                  "chức và doanh nghiệp đối với sự phục vụ của cơ quan quản lý nhà nước (SIPAS)")
    sipas = DraftSection("3:I", "I", "CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC (SIPAS)")
    others = DraftSection("3:II", "II", "Ý KIẾN ĐÁNH GIÁ VỀ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA CƠ QUAN, ĐƠN VỊ")
    deadline = settings.deadline_for(year, maintain=True)
    for area in results.areas:
        if not area.survey:
            continue
        groups = area.children if any(c.children for c in area.children) else [area]
        for group in groups:
            weak = [leaf for leaf in group.leaves() if leaf.points is not None and not leaf.is_full]
            target = sipas if group.is_sipas else others
            for leaf in weak:
                content = sipas_solution(leaf.title) if group.is_sipas else (
                    f"Cải thiện kết quả đánh giá: {leaf.title}")
                task = _criterion_task(f"survey:{leaf.code}", str(len(target.tasks) + 1), leaf, settings, deadline)
                task.content = content
                target.tasks.append(task)
    appendix.sections = [s for s in (sipas, others) if s.tasks]
    return appendix if appendix.sections else None


def _targets(results: YearResults, carried: list[CarriedTarget], year: int) -> list[DraftTarget]:
    targets = [DraftTarget("target:score", f"Tổng điểm Chỉ số CCHC năm {year} cao hơn năm {results.year} "
                                           f"({points_text(results.total)} điểm)", "plans.index_total", "gt",
                           results.total, "điểm")]
    if results.rank:
        targets.append(DraftTarget("target:rank", f"Thứ hạng Chỉ số CCHC năm {year} cao hơn năm {results.year} "
                                                  f"(xếp hạng {results.rank:02d}"
                                                  + (f"/{results.out_of}" if results.out_of else "") + ")",
                                   "plans.index_rank", "lt", Decimal(results.rank), ""))
    for i, target in enumerate(carried, start=1):
        if target.metric_key:
            targets.append(DraftTarget(f"target:carry:{i}", target.label, target.metric_key, target.comparison,
                                       target.value, target.unit_label))
    return targets


def draft(results: YearResults, settings: DraftSettings | None = None, carried_tasks: list[CarriedTask] | None = None,
          carried_targets: list[CarriedTarget] | None = None) -> Draft:
    """The improvement plan for the year after `results.year`."""
    settings = settings or DraftSettings()
    year = results.year + 1
    part = ResultsPart(results.year, full_areas(results), gaps(results), rank_sentence(results))
    appendices = [_appendix_1(results, settings, carried_tasks or [], year), _appendix_2(results, settings, year)]
    third = _appendix_3(results, settings, year)
    if third is not None:
        appendices.append(third)
    summary = (f"Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân "
               f"đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm {year}")
    texts = {
        "results_text": results_text(results, part),
        "purpose_text": purpose_text(year),
        "solutions_text": solutions_text(year),
        "organisation_text": organisation_text(settings.office.name if settings.office else ""),
        "budget_text": BUDGET_TEXT,
    }
    return Draft(year, f"Kế hoạch {summary[:1].lower()}{summary[1:]}", summary, part, texts,
                 _targets(results, carried_targets or [], year), appendices)


# Re-drafting: propose, never overwrite


@dataclass(frozen=True)
class ExistingRow:
    """A drafted row as it is now: its proposal key, the proposal's hash when written, the hash of what it says now."""

    id: int
    key: str
    drafted_hash: str
    current_hash: str

    @property
    def edited(self) -> bool:
        return self.drafted_hash != self.current_hash


@dataclass
class Redraft:
    add: list = field(default_factory=list)  # proposals with no row yet
    update: list = field(default_factory=list)  # (row id, proposal): untouched rows whose proposal changed
    kept: list = field(default_factory=list)  # (row id, proposal): rows a person edited, left as they are
    unchanged: list = field(default_factory=list)  # row ids
    withdrawn: list = field(default_factory=list)  # row ids no longer proposed (left in the plan)

    @property
    def changes(self) -> int:
        return len(self.add) + len(self.update)


def plan_redraft(existing: list[ExistingRow], proposed: list) -> Redraft:
    """What a re-draft does with rows drafted before: proposals are DraftTask or DraftTarget (key, fingerprint)."""
    by_key = {row.key: row for row in existing}
    outcome = Redraft()
    wanted = set()
    for proposal in proposed:
        wanted.add(proposal.key)
        row = by_key.get(proposal.key)
        if row is None:
            outcome.add.append(proposal)
        elif row.edited:
            outcome.kept.append((row.id, proposal))
        elif row.current_hash == proposal.fingerprint:
            outcome.unchanged.append(row.id)
        else:
            outcome.update.append((row.id, proposal))
    outcome.withdrawn = [row.id for row in existing if row.key not in wanted]
    return outcome
