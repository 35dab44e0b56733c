#!/usr/bin/env bash
# Golden text, JSON and HTML reports of the bundled samples/ (DOCX, PDF and TXT drafts), compared
# byte for byte like tests/report_golden.sh. Regenerate with
#     UPDATE_GOLDEN=1 bash tests/samples_golden.sh
SRC=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}
GOLDEN_INPUTS_DIR=$SRC/samples GOLDEN_DIR=$SRC/tests/data/samples_golden exec bash "$SRC/tests/report_golden.sh"
