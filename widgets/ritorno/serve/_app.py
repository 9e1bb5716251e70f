"""Voila, standalone, serving the workspace with the course's home page at ``/``."""
from __future__ import annotations

from pathlib import Path

import os

import tornado.web
from jupyter_server.utils import url_path_join
from traitlets import Unicode
from voila.app import Voila

from ._home import render_home

__all__ = ["CourseVoila", "serve"]


class HomeHandler(tornado.web.RequestHandler):
    """Serves the list of modules."""

    def initialize(self, workspace: Path, language: str) -> None:
        self.workspace = workspace
        self.language = language

    def get(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(render_home(self.workspace, self.language))


class CourseVoila(Voila):
    """Voila with our home page in front of its own handlers."""

    language = Unicode("en", help="Language of the home page and of the widgets' text.").tag(config=True)

    def init_handlers(self) -> list:
        os.environ["RITORNO_LANGUAGE"] = self.language  # kernels inherit it: widgets speak the same language
        home = (url_path_join(self.server_url, r"/?"), HomeHandler,
                {"workspace": Path(self.root_dir), "language": self.language})
        return [home, *super().init_handlers()]


def serve(workspace: Path, port: int = 8866, open_browser: bool = True, language: str = "en") -> None:
    """Serve ``workspace`` as standalone apps until interrupted (blocks)."""
    argv = [
        str(workspace),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.open_browser={open_browser}",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        f"--CourseVoila.language={language}",
    ]
    CourseVoila.launch_instance(argv=argv)
