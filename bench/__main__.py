"""Runs each benchmark module (bench/<name>.py with run()) on a throwaway SQLite database."""

import importlib
import os
import pkgutil
import sys
import tempfile
from pathlib import Path


def main() -> None:
    only = set(sys.argv[1:])
    tmp = tempfile.mkdtemp(prefix="cchc-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("CCHC_VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name.startswith("_") or (only and info.name not in only):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        if hasattr(module, "run"):
            print(f"== {info.name}")
            module.run()


if __name__ == "__main__":
    main()
