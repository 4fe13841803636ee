"""The figures tables' rows written out by the tally_rows tag are the rows the per-cell template wrote."""

import re
from datetime import date
from decimal import Decimal

from django.template import Context, Template

from dossiers.stats import Tally

# The rows as the template wrote them, cell by cell, before the tag.
PER_CELL = """{% load i18n vn %}{% for row in rows %}{% with t=row.tally q=row.query %}<tr>
    <td>{{ row.label }}</td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=received">{{ t.received|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=settled">{{ t.settled|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=early">{{ t.early|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=on_time">{{ t.on_time|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=late">{{ t.late|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=open">{{ t.open|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=overdue">{{ t.overdue|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=early_or_on_time">{{ t.on_time_rate|percent }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=partly_online">{{ t.partly_online|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=fully_online">{{ t.fully_online|vn_number }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=online">{{ t.online_rate|percent }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=paid_online">{{ t.payment_rate|percent }}</a></td>
    <td class="num"><a href="{{ list_url }}?{{ q }}&amp;outcome=digitised">{{ t.digitisation_rate|percent }}</a></td>
  </tr>{% endwith %}{% empty %}<tr><td colspan="14">{{ empty }}</td></tr>{% endfor %}"""
TAG = "{% load tally %}{% tally_rows rows list_url empty %}"


def _render(source: str, rows) -> str:
    html = Template(source).render(Context({"rows": rows, "list_url": "/dossiers/ds/", "empty": "Không có <hồ sơ>"}))
    return re.sub(r">\s+<", "><", html.strip())


def test_the_written_out_rows_are_the_template_rows():
    rows = [{"label": "Phòng <Đất đai> & TN", "query": "start=01%2F01%2F2025&unit=3",
             "tally": Tally(received=12345, settled=1000, early=400, on_time=500, late=100, open=7, overdue=2,
                            partly_online=3, fully_online=4, fee_bearing=9, paid_online=5, digitised=11)},
            {"label": date(2025, 1, 1).strftime("%m/%Y"), "query": "", "tally": Tally()},
            {"label": "Lĩnh vực", "query": "field=%C4%90%E1%BA%A5t", "tally": Tally(received=3, digitised=Decimal(1))}]
    assert _render(TAG, rows) == _render(PER_CELL, rows)
    assert _render(TAG, []) == _render(PER_CELL, []) == "<tr><td colspan=\"14\">Không có &lt;hồ sơ&gt;</td></tr>"
