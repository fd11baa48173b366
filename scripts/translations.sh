#!/usr/bin/env bash
# Translator workflow: extract -> update -> compile -> check (see locales/README.md).
#   scripts/translations.sh all            # the whole cycle
#   scripts/translations.sh check          # coverage, fuzzy, placeholders, plurals, glossary
#   scripts/translations.sh check --lang tg --verbose
# Exits non-zero when the check finds errors, so CI can run it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -x "$here/.venv/bin/python" ]]; then
    python="$here/.venv/bin/python"
else
    python="$(command -v python3 || command -v python)"
fi
cd "$here"
exec "$python" -m budget_tutor.translations "${@:-all}"
