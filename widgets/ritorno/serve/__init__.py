"""Serve the course as standalone Voila apps (what `ritorno serve` and `make run` start)."""
from ._app import CourseVoila, serve
from ._home import app_links, app_url, render_home
from ._workspace import CourseNotFound, course_root, prepare_workspace

__all__ = ["CourseVoila", "serve", "render_home", "app_url", "app_links", "course_root", "prepare_workspace", "CourseNotFound"]
