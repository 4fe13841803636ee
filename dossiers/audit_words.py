"""How dossiers' codes read in the change history (audit.readable)."""

from django.utils.translation import gettext, gettext_lazy

from audit.readable import label, words
from dossiers.models import ImportSource
from dossiers.parsing import COLUMNS

label(ImportSource, "mapping", gettext_lazy("ghép cột"))


@words(ImportSource, "mapping")
def mapping_words(value, changes) -> str:
    """{field key: column header} as 'Mã hồ sơ ← cột “Số hồ sơ”; …'."""
    if not isinstance(value, dict):
        return str(value)
    names = {column.key: column.label for column in COLUMNS}
    return "; ".join(f"{gettext(names.get(key, key))} ← “{header}”" for key, header in value.items() if header)
