#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those missing. Quiet when all are there.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -i "Liberation Serif" >/dev/null || need+=(fonts-liberation)  # no -q: an early exit would SIGPIPE fc-list under pipefail
# Liberation 2 (Times New Roman metrics) has every Vietnamese letter; 1.07 lacks some, and PDFs mixed fonts in words.
fc-list 2>/dev/null | grep -i "liberation2/LiberationSerif" >/dev/null || need+=(fonts-liberation2)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice's Python bridge: the worker keeps one LibreOffice warm through unoserver (documents/pdf.py).
/usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need+=(python3-uno)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "sysdeps: missing ${need[*]}; run as root or: sudo apt-get install ${need[*]}" >&2
  exit 0
fi
echo "sysdeps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
