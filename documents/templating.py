"""Filling the reform office's own .docx templates with docxtpl (Jinja placeholders inside Word).

A template is checked when it is uploaded — it must be a Word file, its placeholders must parse, and it must fill
with the sample data of its kind — so that a bad template is refused with a message instead of failing later.
"""

import io
import zipfile

from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from documents.layout import clean_text

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


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


def _environment() -> SandboxedEnvironment:
    # Sandboxed: a template is user input and must not reach Python internals.
    return SandboxedEnvironment(undefined=_Blank, autoescape=True)


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
    template = _open(data)
    try:
        template.render(_clean(context), jinja_env=_environment())
    except TemplateSyntaxError as error:
        raise TemplateProblem(_syntax_message(error))
    except (TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError) as error:
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
