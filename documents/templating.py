"""Filling the reform office's own .docx templates with docxtpl (Jinja placeholders inside Word).

A template is checked when it is uploaded — it must be a Word file, its placeholders must parse, and it must fill
with the sample data of its kind — so that a bad template is refused with a message instead of failing later.

A template is user input, so it runs in a sandbox (no Python internals) that also keeps a budget — range() of at most
MAX_RANGE items, at most MAX_STEPS loop items, calls and attribute reads in one filling, no string or list made
longer than MAX_SEQUENCE by *, + or **, at most MAX_OUTPUT characters of document — and the whole filling runs in a
child process bounded in CPU time and memory (core.bounded), which stops whatever the budget does not foresee.
"""

import io
import zipfile

from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from core.bounded import Exhausted, configured, run_bounded
from documents.layout import clean_text

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
MAX_RANGE = 10_000
MAX_STEPS = 1_000_000
CALL_STEPS = 5  # a call (a macro's above all) costs about five loop items
MAX_SEQUENCE = 1_000_000
MAX_POWER_BITS = 4_096
MAX_OUTPUT = 50_000_000


class TemplateProblem(Exception):
    """What is wrong with a template, in Vietnamese, saying what to do."""


class _Blank(Undefined):
    """An unknown placeholder prints as nothing rather than failing the whole document."""

    def __str__(self) -> str:
        return ""

    def __iter__(self):
        return iter(())

    def __bool__(self) -> bool:
        return False


class _BoundedEnvironment(SandboxedEnvironment):
    """The sandbox with a budget, one environment per filling (it counts)."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.steps = 0
        self.output = 0
        self.globals["range"] = self._range
        for name in ("center", "indent"):  # the filters that pad text to a width the template gives
            self.filters[name] = self._bounded_width(self.filters[name])

    def _bounded_width(self, pad):
        def padded(value, width=80, *args, **kwargs):
            if isinstance(width, int) and width > MAX_SEQUENCE:
                self._too_long()
            return pad(value, width, *args, **kwargs)

        return padded

    def _step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise TemplateProblem(_("Mẫu lặp hoặc tính toán quá nhiều (quá %(steps)s bước); hãy kiểm tra các vòng "
                                    "{%% for %%} lồng nhau và range() trong mẫu.") % {"steps": f"{MAX_STEPS:,}".replace(",", ".")})

    def _range(self, *args):
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateProblem(_("Mẫu dùng range() quá %(n)s phần tử; hãy dùng số nhỏ hơn.") % {
                "n": f"{MAX_RANGE:,}".replace(",", ".")})
        self._step(len(numbers))
        return numbers

    def _too_long(self) -> None:
        raise TemplateProblem(_("Mẫu tạo ra chuỗi hoặc danh sách quá dài (quá %(n)s phần tử); hãy bỏ phép nhân, "
                                "cộng hoặc lũy thừa đó khỏi mẫu.") % {"n": f"{MAX_SEQUENCE:,}".replace(",", ".")})

    def call_binop(self, context, operator, left, right):
        self._step()
        sequences = (str, list, tuple)
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, sequences) and isinstance(times, int) and len(sequence) * times > MAX_SEQUENCE:
                    self._too_long()
        elif operator == "+":
            if isinstance(left, sequences) and isinstance(right, sequences) and len(left) + len(right) > MAX_SEQUENCE:
                self._too_long()
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right * abs(left).bit_length() > MAX_POWER_BITS:
                self._too_long()
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's own signature)
        __self._step(CALL_STEPS)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        self._step()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self._step()
        return super().getitem(obj, argument)

    def concat(self, parts) -> str:
        """Joins the output (of the document and of each macro), counting it."""
        pieces = []
        for part in parts:
            self.output += len(part)
            if self.output > MAX_OUTPUT:
                raise TemplateProblem(_("Văn bản điền từ mẫu quá lớn (quá %(n)s ký tự); hãy kiểm tra các vòng lặp "
                                        "trong mẫu.") % {"n": f"{MAX_OUTPUT:,}".replace(",", ".")})
            pieces.append(part)
        return "".join(pieces)


def _environment() -> SandboxedEnvironment:
    # Sandboxed: a template is user input and must not reach Python internals.
    return _BoundedEnvironment(undefined=_Blank, autoescape=True)


def _open(data: bytes) -> DocxTemplate:
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem("Tệp mẫu quá lớn (tối đa 10 MB).")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateProblem("Tệp không phải văn bản Word (.docx). Vui lòng lưu mẫu bằng Word dưới dạng .docx rồi tải lên lại.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise TemplateProblem("Tệp nén này không phải văn bản Word (.docx): thiếu phần nội dung văn bản.")
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()
    except TemplateProblem:
        raise
    except Exception:
        raise TemplateProblem("Không mở được tệp Word này (tệp hỏng hoặc không đúng định dạng .docx).")
    return template


def placeholders(data: bytes) -> list[str]:
    """The top-level variables the template uses, sorted."""
    return _bounded(_placeholders, data)


def _placeholders(data: bytes) -> list[str]:
    template = _open(data)
    try:
        return sorted(template.get_undeclared_template_variables(jinja_env=_environment()))
    except TemplateSyntaxError as error:
        raise TemplateProblem(_syntax_message(error))
    except TemplateError as error:
        raise TemplateProblem(f"Mẫu có lỗi cú pháp: {error}. Vui lòng kiểm tra các cặp {{{{ }}}} và {{% %}}.")


def _syntax_message(error: TemplateSyntaxError) -> str:
    return (f"Mẫu có lỗi cú pháp ở đoạn thứ {error.lineno or '?'}: {error.message}. "
            "Vui lòng kiểm tra các cặp {{ }} và {% for %} … {% endfor %}, {% if %} … {% endif %}.")


def _clean(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def fill(data: bytes, context: dict) -> bytes:
    """The template filled with the context, as .docx bytes."""
    return _bounded(_fill, data, context)


def _fill(data: bytes, context: dict) -> bytes:
    template = _open(data)
    try:
        template.render(_clean(context), jinja_env=_environment())
    except TemplateSyntaxError as error:
        raise TemplateProblem(_syntax_message(error))
    except (TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError,
            RecursionError) as error:
        raise TemplateProblem(f"Không điền được dữ liệu vào mẫu: {error}. Vui lòng đối chiếu tên biến với trang hướng dẫn.")
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def check(data: bytes, sample_context: dict, known: set[str]) -> tuple[list[str], list[str]]:
    """(variables used, warnings). Raises TemplateProblem when the template cannot be used at all."""
    used = placeholders(data)
    fill(data, sample_context)
    unknown = [name for name in used if name not in known]
    warnings = [f"Biến “{name}” không có trong dữ liệu của loại văn bản này nên sẽ để trống." for name in unknown]
    return used, warnings


def _bounded(work, *args):
    """The work in a child process bounded in CPU time and memory; past a bound, a TemplateProblem."""
    bounds = configured()
    try:
        return run_bounded(work, *args, bounds=bounds)
    except Exhausted as exhausted:
        if exhausted.what == "memory":
            raise TemplateProblem(_("Điền dữ liệu vào mẫu cần quá nhiều bộ nhớ; hãy bỏ bớt các vòng lặp hoặc phép "
                                    "tính trong mẫu.")) from None
        raise TemplateProblem(_("Điền dữ liệu vào mẫu quá %(seconds)s giây; hãy bỏ bớt các vòng lặp hoặc phép tính "
                                "trong mẫu.") % {"seconds": bounds.cpu_seconds}) from None
