"""The HTML exports' Jinja templates (dashboard/export/sjablonen/), with
autoescape on and one shared stylesheet: every value is escaped unless a
template says |safe for HTML we made ourselves (Plotly's chart markup)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from dashboard.kern import format as fmt

MAP = Path(__file__).parent / "sjablonen"


def md(tekst: str) -> Markup:
    """The little markdown the notes use (**vet**, *cursief*), after escaping."""
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", str(escape(tekst)))
    return Markup(re.sub(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])", r"<em>\1</em>", html))


def cel(waarde) -> str:
    """A table cell as Dutch text."""
    if waarde is None:
        return fmt.LEEG
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return fmt.getal(waarde, 0 if float(waarde).is_integer() else 1)
    return str(waarde)


def is_getal(tekst: str) -> bool:
    return bool(re.fullmatch(r"[+-]?[\d.]+(,\d+)?%?", tekst.strip()))


@lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates on disk (a private folder in the temp dir, checked by Jinja; keyed by
    the template's text): each export from the command line compiled every template again, ~60 ms of its work.
    None when no safe folder can be had: then templates are compiled as before."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (RuntimeError, OSError):
        return None


@lru_cache(maxsize=1)
def omgeving() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(MAP), autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache())
    env.filters.update(md=md, cel=cel, is_getal=is_getal)
    return env


_KOP_BEGIN = '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">\n<script>'
_KOP_EIND = "</script>\n"


@lru_cache(maxsize=1)
def plotly_kop() -> str:
    """How an Analyse export starts: doctype, charset and plotly.js inlined, before anything that differs between
    exports. The same text at the same place of the same URL is what lets the PDF printer's browser find plotly.js
    already compiled (V8's cache): the command line loads this start while it builds the analysis (pdf.voorbereiden),
    so the PDF's own load no longer compiles 4.6 MB of JavaScript."""
    from plotly.offline import get_plotlyjs
    return f"{_KOP_BEGIN}{get_plotlyjs()}{_KOP_EIND}"


@lru_cache(maxsize=1)
def plotly_kop_bytes() -> bytes:
    """plotly_kop() in UTF-8, made from plotly.js's own bytes (what get_plotlyjs decodes): plotly.js holds a few
    characters beyond Latin-1, so as text its 4.8 MB take 2 bytes a character, and decoding it, copying it through
    the template and encoding the page again cost ~15 ms of an HTML export."""
    import pkgutil
    return _KOP_BEGIN.encode() + pkgutil.get_data("plotly", "package_data/plotly.min.js") + _KOP_EIND.encode()


def stijl() -> str:
    return (MAP / "stijl.css").read_text(encoding="utf-8")


def maak(naam: str, **waarden) -> str:
    return omgeving().get_template(naam).render(stijl=Markup(stijl()), **waarden)
