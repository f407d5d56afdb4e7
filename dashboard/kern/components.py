"""Shared page pieces: the source line, downloads, and the guard that turns a
missing dataset into a Dutch message instead of a crashed page."""
from __future__ import annotations

import io
import weakref
from contextlib import contextmanager
from functools import lru_cache

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.kern import db

REFRESH_HINT = "Ververs het datawarehouse met `python -m etl.refresh --offline` (of `make run`)."


@contextmanager
def figuur(titel: str):
    """Render one figure; if its data is missing, say so and let the rest of the page render."""
    try:
        yield
    except db.WarehouseOntbreekt as exc:
        st.error(f"**{titel}**: er is nog geen datawarehouse ({exc}). {REFRESH_HINT}")
    except db.DataOntbreekt as exc:
        st.warning(f"**{titel}**: de gegevens voor deze figuur ontbreken in het datawarehouse "
                   f"(query `{exc.query}`: {exc.detail}). {REFRESH_HINT}")


def grafiek(builder, *args, key: str, **kwargs) -> None:
    """Show builder(*args, **kwargs) (a pure function from dashboard.figuren.charts),
    built once per distinct input: plotly figure construction costs more
    than the rest of a page."""
    def hashbaar(x):
        return tuple(x) if isinstance(x, list) else x
    fig = _figuur(builder, tuple(hashbaar(a) for a in args),
                  tuple(sorted((k, hashbaar(v)) for k, v in kwargs.items())))
    st.plotly_chart(fig, config={"displayModeBar": False, "locale": "nl"}, key=key)


@lru_cache(maxsize=512)
def _figuur(builder, args: tuple, kwargs: tuple):
    """Any builder (dashboard.figuren.charts, dashboard.monitor.charts), called once per distinct input."""
    return builder(*args, **dict(kwargs))


def bronregel(bron: str, peildatum: str) -> None:
    st.caption(f"Bron: {bron} · Peildatum: {peildatum}")


def _met_herkomst(df: pd.DataFrame, bron: str, peildatum: str) -> pd.DataFrame:
    out = df.copy()
    for col in out.select_dtypes("datetimetz").columns:
        # Excel has no time zones: write Dutch local time
        out[col] = out[col].dt.tz_convert("Europe/Amsterdam").dt.tz_localize(None)
    for col in out.select_dtypes("float").columns:
        values = out[col].dropna()
        if len(values) and (values == values.round()).all():
            out[col] = out[col].astype("Int64")  # 4950, not 4950,0
    if bron:   # a table whose rows name their own source has no single bron/peildatum
        out["bron"] = bron
        out["peildatum"] = peildatum
    return out


def csv_bytes(df: pd.DataFrame, bron: str, peildatum: str) -> bytes:
    # semicolon and decimal comma: opens correctly in Dutch Excel
    return _met_herkomst(df, bron, peildatum).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def excel_bytes(df: pd.DataFrame, bron: str, peildatum: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _met_herkomst(df, bron, peildatum).to_excel(writer, index=False, sheet_name="gegevens")
    return buffer.getvalue()


_AFGELEID: dict[tuple, tuple] = {}


def _per_frame(df: pd.DataFrame, maak, *args):
    """maak(df, *args), made once per data frame: the frames come from the
    per-build caches of dashboard.kern.db, so this is once per build."""
    key = (id(df), maak.__name__, *args)
    hit = _AFGELEID.get(key)
    if hit is not None and hit[0]() is df:
        return hit[1]
    waarde = maak(df, *args)
    _AFGELEID[key] = (weakref.ref(df), waarde)
    weakref.finalize(df, _AFGELEID.pop, key, None)
    return waarde


def _bestand(df: pd.DataFrame, soort: str, bron: str, peildatum: str) -> bytes:
    """The file bytes, made once per result. Passed as bytes: a deferred callable
    occasionally produced no download in Chromium and hid export errors until a click."""
    return _per_frame(df, csv_bytes if soort == "csv" else excel_bytes, bron, peildatum)


def _arrow(df: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(df, preserve_index=False)


def tabel(df: pd.DataFrame) -> None:
    """A table, converted to Arrow once per data frame (the frames are cached per build)."""
    st.dataframe(_per_frame(df, _arrow), hide_index=True, width="stretch")


def downloads(df: pd.DataFrame, bestandsnaam: str, bron: str, peildatum: str, key: str) -> None:
    """CSV and Excel of a figure's data, with bron and peildatum in the file."""
    links, rechts, _ = st.columns([1, 1, 5])
    links.download_button("CSV", data=_bestand(df, "csv", bron, peildatum), file_name=f"{bestandsnaam}.csv",
                          mime="text/csv", key=f"{key}-csv", on_click="ignore", icon=":material/download:")
    rechts.download_button("Excel", data=_bestand(df, "xlsx", bron, peildatum), file_name=f"{bestandsnaam}.xlsx",
                           key=f"{key}-xlsx", on_click="ignore", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def kop(titel: str, zin: str, definitie: str | None = None) -> None:
    """A figure's title (the finding) and its one-sentence summary, in one element."""
    st.markdown(f"#### {titel}\n\n{zin}" if titel else zin, help=definitie)


def gegevens(tabel: pd.DataFrame, export: pd.DataFrame, bestandsnaam: str, bron: str, peildatum: str,
             key: str, label: str = "Gegevens als tabel en download", open: bool = False) -> None:
    """The figure's data as an accessible table, with CSV and Excel downloads."""
    with st.expander(label, expanded=open):
        st.dataframe(_per_frame(tabel, _arrow), hide_index=True, width="stretch")
        downloads(export, bestandsnaam, bron, peildatum, key=key)
