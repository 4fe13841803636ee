"""The English interface (giao diện tiếng Anh): the footer switch turns the main pages' headings, navigation and
buttons English; without it they stay Vietnamese; and the catalogue has an English string for every msgid."""

import functools
import html
import importlib.util
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale/en/LC_MESSAGES/django.po"
VIETNAMESE_LETTER = re.compile("[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]", re.I)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|<[^>]+>")
# Apps whose templates the English catalogue must cover in full (dossiers and dashboards keep their own lines).
TRANSLATED_APPS = ["core", "org", "accounts", "audit", "workdays", "frameworks", "assessments", "plans", "imports",
                   "surveys", "documents", "templates"]

# (who, page, English that must show, the Vietnamese it replaces). Plan titles, unit names and the like are data
# and stay as written, so only interface strings are checked.
PAGES = [
    ("lan", "home", ["Your roles", "To do", "Assessments in progress"],
     ["Vai trò của bạn", "Việc cần làm", "Đánh giá CCHC đang thực hiện"]),
    ("lan", "plans", ["Plans and tasks", "My tasks", "Deadline calendar", "Filter"],
     ["Kế hoạch, nhiệm vụ", "Nhiệm vụ của tôi", "Lịch thời hạn", "Lọc"]),
    ("lan", "plan", ["Periodic reports", "Lead agency", "Change history", "Overdue"],
     ["Báo cáo định kỳ", "Cơ quan chủ trì", "Lịch sử thay đổi", "Quá hạn"]),
    ("lan", "task", ["Progress update", "Progress history", "Extensions", "Read as:"],
     ["Cập nhật tiến độ", "Quá trình thực hiện", "Gia hạn", "Cách hiểu:"]),
    ("lan", "my_tasks", ["<h1>My tasks</h1>", "Status", "Open"],
     ["Nhiệm vụ của tôi", "Tình trạng", "Đang phải thực hiện"]),
    ("lan", "deadline_calendar", ["Deadline calendar", "Monday", "Sunday", "Next month"],
     ["Lịch thời hạn", "Thứ Hai", "Chủ nhật", "Tháng sau"]),
    ("lan", "frameworks", ["Administrative reform criteria frameworks", "Lead agency"],
     ["Bộ chỉ số đánh giá CCHC", "Cơ quan chủ trì"]),
    ("lan", "framework", ["Export to Excel", "Max points", "Scoring rule"],
     ["Xuất Excel", "Điểm tối đa", "Cách chấm"]),
    ("lan", "assessments", ["Administrative reform assessments"], ["Các kỳ đánh giá, chấm điểm CCHC"]),
    ("lan", "assessment", ["Save score", "Self-assessment", "Appraisal"], ["Lưu điểm", "Tự đánh giá", "Thẩm định"]),
    ("mai", "home", ["Import a plan from a file", "Open surveys"],
     ["Nhập kế hoạch từ tệp", "Khảo sát đang nhận phiếu"]),
    ("mai", "imports", ["Import a plan from a Word / Excel file", "Read the file"],
     ["Nhập kế hoạch từ tệp Word / Excel", "Đọc tệp"]),
    ("mai", "surveys", ["Satisfaction (SIPAS) and opinion surveys", "New survey"],
     ["Khảo sát sự hài lòng (SIPAS) và lấy ý kiến đánh giá", "Tạo phiếu khảo sát"]),
    ("mai", "documents", ["Documents and reports", "Manage document templates"],
     ["Văn bản, báo cáo", "Quản lý mẫu văn bản"]),
    ("mai", "units", ["Units", "Reorganisation history", "Add unit"],
     ["Cơ quan, đơn vị", "Lịch sử sắp xếp", "Thêm đơn vị"]),
    ("mai", "calendar", ["Working calendar", "Days off on weekdays", "Overrides entered"],
     ["Lịch làm việc năm", "Ngày nghỉ trong tuần làm việc", "Điều chỉnh đã nhập"]),
    # Text built in Python: labels marked in the pure modules, titles and messages in views, choices in models.
    ("lan", "task", ["Read as: Fixed date"], ["Thời hạn cụ thể"]),
    ("lan", "framework", ["The council awards one of the levels 0 / 1 / 2", "By level: from "],
     ["Hội đồng chấm một trong các mức", "Theo mức: từ "]),
    ("lan", "framework_help", ["Tiêu chí (Criterion)", "Theo mức (By level)"], ["Hướng dẫn mẫu Excel bộ chỉ số"]),
    ("mai", "framework_new", ["New criteria framework"], ["Bộ chỉ số mới"]),
    ("mai", "survey", ["Very satisfied", "1. Access to the service", "No opinion"],
     ["Rất hài lòng", "1. Tiếp cận dịch vụ", "Không có ý kiến"]),
    ("mai", "documents", ["Plan with appendices (Word)", "Tasks and progress table (Excel)"],
     ["Kế hoạch kèm phụ lục (Word)", "Bảng nhiệm vụ và tiến độ (Excel)"]),
    ("mai", "template_help", ["Signatory's full name", "Progress (%)", "Plan (with its task appendices)"],
     ["Họ tên người ký", "Tiến độ (%)", "Kế hoạch (kèm các phụ lục nhiệm vụ)"]),
]
NAVIGATION = {"lan": (["Overview", "Plans and tasks", "Criteria frameworks", "Assessments", "Log out"],
                      ["Tổng quan", "Kế hoạch, nhiệm vụ", "Bộ chỉ số", "Đăng xuất"]),
              "mai": (["Overview", "Import a plan", "SIPAS surveys", "Organisation", "Working calendar", "Audit log"],
                      ["Tổng quan", "Nhập kế hoạch", "Khảo sát SIPAS", "Tổ chức", "Lịch làm việc", "Nhật ký"])}


@pytest.fixture
def world(cast):
    from assessments.tests.builders import internal_framework, open_assessment
    from plans.tests.builders import make_plan, make_task
    from surveys.tests.builders import make_survey

    plan = make_plan(cast)
    task = make_task(cast, plan)
    framework = internal_framework(cast)
    assessment = open_assessment(cast, "qldd", framework)
    survey = make_survey(cast)
    return SimpleNamespace(survey=survey, framework=framework, urls={
        "home": "/", "plans": reverse("plans:index"), "plan": reverse("plans:plan", args=[plan.pk]),
        "task": reverse("plans:task", args=[task.pk]), "my_tasks": reverse("plans:mine"),
        "deadline_calendar": reverse("plans:calendar"), "frameworks": reverse("frameworks:index"),
        "framework": reverse("frameworks:detail", args=[framework.pk]), "assessments": reverse("assessments:index"),
        "assessment": reverse("assessments:detail", args=[assessment.pk]), "imports": reverse("imports:index"),
        "surveys": reverse("surveys:index"), "documents": reverse("documents:index"), "units": reverse("org:units"),
        "calendar": reverse("workdays:index"), "framework_new": reverse("frameworks:new"),
        "framework_help": reverse("frameworks:help"), "survey": reverse("surveys:detail", args=[survey.pk]),
        "template_help": reverse("documents:template_help"),
    })


def _page(client, url, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def _navigation(page: str) -> str:
    nav = re.search(r'<nav class="mainnav".*?</nav>', page, re.S)
    assert nav, "the page has no main navigation"
    return nav.group(0)


def _switch(client, language):
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"})
    assert response.status_code == 302 and response.url == "/"


def _pages_of(client, world, who):
    """(name, page, English texts, Vietnamese texts) of each page PAGES lists for this person."""
    for person, name, english, vietnamese in PAGES:
        if person == who:
            yield name, _page(client, world.urls[name]), english, vietnamese


def _assert_shown(page: str, name: str, shown, hidden) -> None:
    for text in shown:
        assert text in page, f"{name}: “{text}” missing"
    for text in hidden:
        assert text not in page, f"{name}: “{text}” shows in the other language"


@pytest.mark.parametrize("who", ["lan", "mai"])
def test_switching_to_english_turns_the_main_pages_english(cast, client_for, world, who):
    client = client_for(getattr(cast, who))
    _switch(client, "en")
    english_nav, vietnamese_nav = NAVIGATION[who]
    for name, page, english, vietnamese in _pages_of(client, world, who):
        assert 'lang="en"' in page, name
        _assert_shown(page, name, english, vietnamese)
        nav = _navigation(page)
        assert not VIETNAMESE_LETTER.search(re.sub(r"<[^>]+>", "", nav)), f"{name}: navigation not all English"
        _assert_shown(page, name, english_nav, vietnamese_nav)


@pytest.mark.parametrize("who", ["lan", "mai"])
def test_without_switching_the_same_pages_are_vietnamese(cast, client_for, world, who):
    client = client_for(getattr(cast, who))
    _english_nav, vietnamese_nav = NAVIGATION[who]
    for name, page, english, vietnamese in _pages_of(client, world, who):
        assert 'lang="vi"' in page, name
        _assert_shown(page, name, vietnamese, english)
        assert "Tổng quan" in _navigation(page), name
        _assert_shown(page, name, vietnamese_nav, ())


def test_switching_back_to_vietnamese(cast, client_for, world):
    client = client_for(cast.lan)
    _switch(client, "en")
    assert "Plans and tasks" in _page(client, world.urls["plans"])
    _switch(client, "vi")
    page = _page(client, world.urls["plans"])
    assert "Kế hoạch, nhiệm vụ" in page and "Plans and tasks" not in page


def test_the_log_in_page_switches_before_logging_in(client, db):
    page = _page(client, reverse("accounts:login"))
    assert "Tên đăng nhập" in page and "Username" not in page
    _switch(client, "en")
    page = _page(client, reverse("accounts:login"))
    assert 'lang="en"' in page and "Username" in page and "Log in" in page
    assert "Tên đăng nhập" not in page and "Đăng nhập" not in page


def test_a_browser_installed_in_english_still_opens_in_vietnamese(client, db):
    """Only the person's choice switches the language, not the browser's Accept-Language."""
    english_browser = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9,vi;q=0.8"}
    page = _page(client, reverse("accounts:login"), **english_browser)
    assert 'lang="vi"' in page and "Tên đăng nhập" in page and "Username" not in page
    _switch(client, "en")
    assert "Username" in _page(client, reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert "Tên đăng nhập" in _page(client, reverse("accounts:login"), **english_browser), "an unknown choice is ignored"
    response = client.get(reverse("accounts:login"), **english_browser)
    assert response["Content-Language"] == "vi"
    assert "Cookie" in response["Vary"] and "Accept-Language" not in response["Vary"], "caches key on the choice"


def _load_i18n_script():
    spec = importlib.util.spec_from_file_location("cchc_i18n_script", ROOT / "scripts/i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _entries() -> tuple:
    """(comments, fields) of every entry of the .po file, read once for the module's tests."""
    script = _load_i18n_script()
    blocks = PO.read_text(encoding="utf-8").strip("\n").split("\n\n")[1:]
    parsed = (script.parse(block) for block in blocks)
    return tuple((comments, fields) for comments, fields, _ in parsed if fields.get("msgid"))


def test_every_msgid_has_an_english_msgstr_with_the_same_placeholders():
    entries = list(_entries())
    assert len(entries) > 1000
    untranslated, broken, fuzzy = [], [], []
    for comments, fields in entries:
        msgid = fields["msgid"]
        forms = [value for key, value in fields.items() if key.startswith("msgstr")]
        if not forms or not all(forms):
            untranslated.append(msgid)
        if any(c.startswith("#,") and "fuzzy" in c for c in comments):
            fuzzy.append(msgid)
        for form in forms:
            if form and sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(msgid)):
                broken.append(msgid)
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert fuzzy == []
    assert broken == []


def test_the_compiled_catalogue_matches_the_po_file():
    """The .mo Django reads carries what the .po says (scripts/i18n.py compiles both together)."""
    stale = []
    with translation.override("en"):
        for _, fields in _entries():
            msgid = fields["msgid"]
            if "msgctxt" in fields:
                got, want = translation.pgettext(fields["msgctxt"], msgid), fields.get("msgstr", "")
            elif "msgid_plural" in fields:
                got, want = translation.ngettext(msgid, fields["msgid_plural"], 2), fields["msgstr[1]"]
            else:
                got, want = translation.gettext(msgid), fields["msgstr"]
            if got != want:
                stale.append(msgid)
    assert stale == [], f"{len(stale)} strings differ from the .po, e.g. {stale[:5]}: run scripts/i18n.py"


def test_every_translate_tag_in_the_templates_is_in_the_catalogue():
    msgids = {fields["msgid"] for _, fields in _entries()}
    tag = re.compile(r"""\{%\s*translate\s+(["'])(.+?)\1""")
    missing = []
    for app in TRANSLATED_APPS:
        for template in (ROOT / app).rglob("*.html"):
            for _, text in tag.findall(template.read_text(encoding="utf-8")):
                if text.replace("%", "%%") not in msgids:  # as Django looks it up
                    missing.append(f"{template.relative_to(ROOT)}: {text}")
    assert missing == [], f"run scripts/i18n.py and add English to locale/en/glossary.tsv: {missing[:5]}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_footer_switch_works_in_the_browser_before_and_after_log_in(cast, page, live_server):
    from core.testing import PASSWORD

    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "vi"
    with page.expect_navigation():
        page.select_option("#lang", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("Username").fill(cast.lan.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert page.locator("h2", has_text="Your roles").is_visible()

    page.click("nav >> text=Plans and tasks")
    assert page.locator("h1").inner_text() == "Plans and tasks"
    with page.expect_navigation():
        page.select_option("#lang", "vi")
    assert page.url.endswith("/plans/"), "the switch stays on the page"
    assert page.locator("h1").inner_text() == "Kế hoạch, nhiệm vụ"


# Text built in Python outside the logged-in pages: the citizens' form, its warnings, the reminder e-mail, and the
# files cchc writes, which stay Vietnamese whatever the reader's language (the decree's wording).

@pytest.fixture
def counter(cast, settings):
    from django.core.cache import cache

    from surveys import actions
    from surveys.tests.builders import make_survey

    settings.CCHC_SURVEY_MIN_FILL_SECONDS = 3
    cache.clear()
    survey = make_survey(cast, ask_respondent=True)
    return actions.add_counter(by=cast.mai, survey=survey, name="Quầy Sở TN&MT – Trung tâm Phục vụ hành chính công")


def test_the_citizens_form_offers_its_levels_and_details_in_english(client, counter):
    url = reverse("surveys:answer", args=[counter.token])
    assert "Dưới 25 tuổi" in _page(client, url)
    _switch(client, "en")
    page = re.sub(r"<[^>]+>", " ", _page(client, url))  # what a reader sees, not the values sent back
    for text in ["Very satisfied", "No opinion", "Access to the service", "Female", "Under 25", "Retired",
                 "Representative of an organisation or business"]:
        assert text in page, f"“{text}” missing"
    for text in ["Rất hài lòng", "Không có ý kiến", "Dưới 25 tuổi", "Nghỉ hưu", "Cá nhân"]:
        assert text not in page, f"“{text}” still Vietnamese"
    assert 'value="Dưới 25 tuổi"' in client.get(url).content.decode(), "the stored value stays the Vietnamese one"


def test_the_too_fast_warning_follows_the_language(client, counter):
    from surveys.tests.builders import filled

    url = reverse("surveys:answer", args=[counter.token])
    _switch(client, "en")
    response = client.post(url, filled(counter.survey, client.get(url).content.decode()))
    page = html.unescape(response.content.decode())
    assert "The form was sent too quickly" in page and "quá nhanh" not in page
    msgids = {fields["msgid"] for _, fields in _entries()}
    assert "too_fast" not in msgids, "a reason code is not an interface string"


def test_the_reminder_e_mail_can_be_rendered_in_english(cast):
    from django.core import mail

    from plans.reminders import run
    from plans.tests.builders import make_plan, make_task

    make_task(cast, make_plan(cast), code="2", lead="qldd", monitoring=None, deadline="Trước ngày 13/11")
    with translation.override("en"):
        run(date(2026, 11, 23))
    message = mail.outbox[0]
    body = message.body
    assert message.subject == "[CCHC] Reminders for 23/11/2026: 1 items need attention"
    assert "Dear " in body and "Task 2" in body and "Due: 13/11/2026 (overdue)" in body
    assert "This message is sent automatically, at most once a day." in body
    for text in ["Kính gửi", "Nhiệm vụ", "Hạn:", "đã quá hạn"]:
        assert text not in body


def test_files_and_rule_texts_for_documents_stay_vietnamese_in_english(world):
    from io import BytesIO

    from docx import Document

    from documents import catalog
    from documents.starter import starter_template

    criterion = world.framework.criteria.get(code="5")
    with translation.override("en"):
        assert criterion.rule_text() == "Hội đồng chấm một trong các mức 0 / 1 / 2"
        assert criterion.rule_text_shown() == "The council awards one of the levels 0 / 1 / 2"
        assert catalog.KINDS[catalog.PLAN].label == "Kế hoạch (kèm các phụ lục nhiệm vụ)"
        starter = Document(BytesIO(starter_template(catalog.PLAN)))
    text = "\n".join(p.text for p in starter.paragraphs)
    assert "Tên kế hoạch: {{ ten_ke_hoach }}" in text and "Plan title" not in text


def test_messages_after_a_write_follow_the_language(cast, client_for):
    from plans.tests.builders import make_plan

    client = client_for(cast.mai)
    _switch(client, "en")
    response = client.post(reverse("frameworks:new"), {
        "year": 2025, "title": "Bộ tiêu chí đánh giá CCHC các phòng, đơn vị thuộc Sở năm 2025", "level": "internal",
        "owner": cast.department.pk, "decision": "", "bands_text": "",
    }, follow=True)
    page = html.unescape(response.content.decode())
    assert "Framework created. Add areas and criteria" in page and "Đã tạo bộ chỉ số" not in page

    plan = make_plan(cast)
    response = client.post(reverse("plans:section_add", args=[plan.pk]), {"title": ""}, follow=True)
    page = html.unescape(response.content.decode())
    assert "Section not added: enter its title." in page and "Chưa thêm được mục" not in page


def test_exported_files_are_written_in_vietnamese_while_the_reader_uses_english(world):
    from io import BytesIO

    from openpyxl import load_workbook

    from documents import services

    with translation.override("en"):
        data, _name = services.produce(services.EXPORTS["bo-chi-so"], world.framework, "xlsx", {})
        bonus_label = str(world.framework.criteria.get(code="5").get_kind_display())
    cells = {str(c.value) for row in load_workbook(BytesIO(data)).active.iter_rows() for c in row if c.value}
    assert "Hội đồng chấm một trong các mức 0 / 1 / 2" in cells
    assert bonus_label not in cells, "choice labels in the file stay Vietnamese"
    assert not any("The council" in c or "Scored from" in c for c in cells)


def test_measured_figures_and_rule_errors_are_offered_in_english(cast, client_for, world):
    client = client_for(cast.mai)
    _switch(client, "en")
    page = _page(client, reverse("frameworks:criterion_new", args=[world.framework.pk]))
    assert "— entered by hand —" in page
    assert "Share of procedure dossiers settled on or before time (%)" in page
    assert "SIPAS satisfaction index – Access to the service (%)" in page
    assert "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%)" not in page and "Chỉ số hài lòng SIPAS –" not in page

    response = client.post(reverse("frameworks:criterion_new", args=[world.framework.pk]), {
        "code": "9", "kind": "criterion", "title": "Tiêu chí thử", "max_points": "2", "rule_kind": "tiers",
        "params": "50=3", "metric": "", "guidance": "", "order": "9"})
    page = html.unescape(response.content.decode())
    assert "Tier points (3) are outside 0 – 2." in page and "nằm ngoài" not in page


def test_survey_answers_exported_by_an_english_reader_stay_vietnamese(cast, client_for, counter):
    from io import BytesIO

    from openpyxl import load_workbook

    from surveys.tests.builders import open_and_answer

    url = reverse("surveys:answer", args=[counter.token])
    assert open_and_answer(client_for(cast.lan), url, counter.survey, suggestion="Thêm chỗ ngồi").status_code == 302
    office = client_for(cast.mai)
    _switch(office, "en")
    data = office.get(reverse("surveys:export_answers", args=[counter.survey.pk])).content
    cells = {str(c.value) for row in load_workbook(BytesIO(data)).active.iter_rows() for c in row if c.value}
    assert "Trang công khai" in cells and "Đã tiếp nhận" in cells, "choice labels as the Vietnamese file writes them"
    assert "Public page" not in cells and "Received" not in cells
