"""python -m benchmarks.warehouse_dump WAREHOUSE [OUT]: every table and view of a warehouse as text, rows sorted,
so two builds can be compared with diff (before/after a change to the build). Columns that differ between two
builds of the same raw data (the build's own id, time and raw folder) are written as <build>; everything else,
including the schema (column names and types), is written as stored."""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

# (schema, table, column) that describe the build itself, not the data
BUILD_KOLOMMEN = {("meta", "build", "build_id"), ("meta", "build", "built_at"), ("meta", "build", "raw_dir"),
                  ("meta", "sources", "built_at")}


def dump(warehouse: Path) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tabellen = con.execute("select table_schema, table_name, table_type from information_schema.tables "
                               "order by 1, 2").fetchall()
        uit = []
        for schema, tabel, soort in tabellen:
            kolommen = con.execute("select column_name, data_type from information_schema.columns where "
                                   "table_schema = ? and table_name = ? order by ordinal_position",
                                   [schema, tabel]).fetchall()
            uit.append(f"## {schema}.{tabel} ({soort}): " + ", ".join(f"{k} {t}" for k, t in kolommen))
            select = ", ".join("'<build>'" if (schema, tabel, k) in BUILD_KOLOMMEN else f'"{k}"'
                               for k, _ in kolommen)
            rijen = con.execute(f'select {select} from "{schema}"."{tabel}"').fetchall()
            regels = sorted(repr(r) for r in rijen)
            uit.append(f"{len(regels)} rijen")
            uit.extend(regels)
        return "\n".join(uit) + "\n"
    finally:
        con.close()


if __name__ == "__main__":
    tekst = dump(Path(sys.argv[1]))
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text(tekst)
    else:
        sys.stdout.write(tekst)
