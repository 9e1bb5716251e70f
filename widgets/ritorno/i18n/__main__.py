"""Catalog tooling: ``python -m ritorno.i18n {update,check,init LANG}``.

``update``  extract messages from every ``*.py`` of the ritorno package into
            ``locale/ritorno.pot`` and merge them into each ``.po``
            (existing translations are kept).
``check``   exit 1 when ``ritorno.pot`` or a ``.po`` does not hold exactly the
            messages found in the code (message ids only, not line numbers
            or dates).
``init``    start a catalog for a new language, e.g. ``init it``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pathlib import Path

from . import _catalog


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(_catalog.LOCALE_DIR.parent))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m ritorno.i18n",
        description="Keep ritorno's gettext catalogs in step with the code.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("update", help="re-extract ritorno.pot and merge it into every .po")
    commands.add_parser("check", help="exit 1 if the catalogs are out of date with the code")
    init = commands.add_parser("init", help="create the .po catalog of a new language")
    init.add_argument("language", help="language code, e.g. it, fr, es")
    args = parser.parse_args(argv)

    if args.command == "update":
        written = _catalog.update_catalogs()
        for path in written:
            print(f"wrote {_shown(path)}")
        if not written:
            print("catalogs already up to date")
        return 0
    if args.command == "check":
        result = _catalog.check_catalogs()
        if result.ok:
            print(f"catalogs up to date ({result.message_count} messages)")
            return 0
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("Run: python -m ritorno.i18n update", file=sys.stderr)
        return 1
    try:
        path = _catalog.init_catalog(args.language)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {_shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
