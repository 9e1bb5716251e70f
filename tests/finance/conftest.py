"""Shared set-up for the finance tests.

The test folders have no ``__init__.py``; this puts the folder on ``sys.path`` so the
test modules can import the hypothesis strategies (``loan_strategies``) and the
independent reference formulas (``finance_reference``) as plain modules.
"""
from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
