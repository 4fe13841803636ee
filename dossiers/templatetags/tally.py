"""The rows of a figures table, written out in one pass: a province's table by procedure or unit has hundreds of
rows of fourteen linked numbers, too many for one template variable at a time."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from core.templatetags.vn import percent, vn_number

register = template.Library()

# (outcome of the drill-down list, Tally attribute, filter): the table's columns after the label.
CELLS = [("received", "received", vn_number), ("settled", "settled", vn_number), ("early", "early", vn_number),
         ("on_time", "on_time", vn_number), ("late", "late", vn_number), ("open", "open", vn_number),
         ("overdue", "overdue", vn_number), ("early_or_on_time", "on_time_rate", percent),
         ("partly_online", "partly_online", vn_number), ("fully_online", "fully_online", vn_number),
         ("online", "online_rate", percent), ("paid_online", "payment_rate", percent),
         ("digitised", "digitisation_rate", percent)]


@register.simple_tag
def tally_rows(rows, list_url: str, empty: str):
    """<tr> per row {label, tally, query}: the label, then each figure linked to the dossiers behind it."""
    if not rows:
        return format_html('<tr><td colspan="14">{}</td></tr>', empty)
    base = conditional_escape(list_url)
    html = []
    for row in rows:
        link = f'{base}?{conditional_escape(row["query"])}&amp;outcome='
        tally = row["tally"]
        cells = "".join(f'    <td class="num"><a href="{link}{outcome}">{conditional_escape(show(getattr(tally, name)))}'
                        "</a></td>\n" for outcome, name, show in CELLS)
        html.append(f"<tr>\n    <td>{conditional_escape(row['label'])}</td>\n{cells}  </tr>")
    return mark_safe("".join(html))  # every piece of text above is escaped
