"""Atomic publication: write a new version folder completely, then switch ``current`` in one rename.

``data/published/current`` is a symbolic link to ``<version>``. A run killed at any moment leaves
either the old or the new version published: the staging folder is only renamed once complete,
and the link is replaced with ``os.replace``, which is atomic on POSIX file systems. The manifest lists the sha256 of every other file
of the version (``files``), so a reader can tell a complete version from a damaged one.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl import memory
from etl.errors import PublishError
from etl.frames import plain

KEEP_VERSIONS = 5
CHUNK_ROWS = 250_000   # categoricals become plain text a slice at a time (bounded memory)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_version(published: Path, version: str, tables: dict[str, pd.DataFrame],
                  files: dict[str, str], manifest: dict) -> Path:
    """Write tables (parquet), extra text files and manifest.json into a complete version folder."""
    published.mkdir(parents=True, exist_ok=True)
    final = published / version
    if final.exists():
        if _same_inputs(final, manifest):
            return final  # left complete by a run that was killed before switching `current`
        raise PublishError(f"version {version} already exists in {published}")
    staging = published / f".staging-{version}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        _fill(staging, tables, files, manifest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.rename(staging, final)
    _fsync_dir(published)
    return final


def _same_inputs(folder: Path, manifest: dict) -> bool:
    try:
        existing = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(manifest.get("input_digest")) and existing.get("input_digest") == manifest["input_digest"]


def _fill(staging: Path, tables: dict[str, pd.DataFrame], files: dict[str, str], manifest: dict) -> None:
    for name, frame in tables.items():
        _write_parquet(frame, staging / f"{name}.parquet")
    for rel, text in files.items():
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    manifest = {**manifest, "files": file_checksums(staging)}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, default=str),
                                           encoding="utf-8")
    for path in staging.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(staging)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_checksums(folder: Path) -> dict[str, str]:
    """Relative POSIX path → sha256 of every file in ``folder`` but the manifest itself."""
    return {path.relative_to(folder).as_posix(): sha256_file(path) for path in sorted(folder.rglob("*"))
            if path.is_file() and path.name != "manifest.json"}


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """``plain(frame).to_parquet(path, index=False)``: categorical columns are written as plain text (as
    the dashboard reads them), integer columns as int64 (the ETL keeps years and row numbers small). A
    categorical is decoded by Arrow (its text categories taken by code), never through Python strings,
    one slice of rows at a time (bounded memory); every other column is converted as ``to_parquet``
    converts it, and the schema (with pandas' metadata) is the same."""
    small = {c: "int64" for c in frame.columns if frame[c].dtype.kind == "i" and frame[c].dtype.itemsize < 8}
    categorical = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    if not categorical or len(frame) == 0:
        plain(frame).astype(small).to_parquet(path, index=False)
        return
    schema = pa.Schema.from_pandas(plain(frame.iloc[:1]).astype(small).reset_index(drop=True), preserve_index=False)
    texts = {c: pa.array(frame[c].cat.categories.to_numpy(dtype=object), type=schema.field(c).type)
             for c in categorical}
    codes = {c: frame[c].cat.codes.to_numpy() for c in categorical}
    others = [c for c in frame.columns if c not in texts]
    # Dictionary pages for the columns that repeat (not for measured values or row numbers, nearly all
    # distinct: a dictionary would be built and dropped for every page); min/max statistics for numbers,
    # flags and dates, not for texts (they cost a third of the writing, and no reader filters by them).
    distinct = [f.name for f in schema if pa.types.is_floating(f.type) or f.name in ("raw_row",)]
    def part(start: int) -> pa.Table:
        stop = min(start + CHUNK_ROWS, len(frame))
        rest = pa.Table.from_pandas(frame.iloc[start:stop][others].reset_index(drop=True), preserve_index=False)
        arrays = []
        for field in schema:
            if field.name in texts:
                slice_ = codes[field.name][start:stop]
                arrays.append(texts[field.name].take(pa.array(slice_, mask=slice_ < 0)))
            else:
                arrays.append(rest.column(field.name).cast(field.type))
        return pa.Table.from_arrays(arrays, schema=schema)

    starts = range(0, len(frame), CHUNK_ROWS)
    with pq.ParquetWriter(path, schema, use_dictionary=[f.name for f in schema if f.name not in distinct],
                          write_statistics=[f.name for f in schema if f.name not in texts]) as writer, \
            ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(part, starts[0])
        for i in range(len(starts)):
            table = pending.result()
            if i + 1 < len(starts):     # the next slice is decoded (Arrow, no GIL) while this one is written
                pending = pool.submit(part, starts[i + 1])
            writer.write_table(table, row_group_size=CHUNK_ROWS)
            del table
            if i % 8 == 7:
                memory.release()          # the slices' freed heap back to the system as the writing goes


def switch_current(published: Path, version: str) -> None:
    link = published / "current"
    temp = published / f".current-{os.getpid()}"
    if temp.is_symlink() or temp.exists():
        temp.unlink()
    os.symlink(version, temp)
    os.replace(temp, link)
    _fsync_dir(published)


def current_version(published: Path) -> str | None:
    link = published / "current"
    if not link.is_symlink():
        return None
    target = os.readlink(link)
    return target if (published / target / "manifest.json").exists() else None


def prune(published: Path, keep: int = KEEP_VERSIONS) -> list[str]:
    """Remove old versions and stale staging folders; never the current one."""
    current = current_version(published)
    versions = sorted(p.name for p in published.iterdir()
                      if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))  # not `current`
    removed = []
    for name in versions[:-keep]:
        if name != current:
            shutil.rmtree(published / name, ignore_errors=True)
            removed.append(name)
    for stale in published.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    return removed
