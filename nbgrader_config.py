"""nbgrader configuration of the Ritorno course (sources in solutions/, releases in exercises/).

Each setting answers a pitfall recorded in docs/DECISIONS.md ("nbgrader").
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "widgets"))
from ritorno.grading.nbgrader_settings import apply  # noqa: E402

apply(get_config())  # noqa: F821 - get_config is injected by traitlets when it loads this file
