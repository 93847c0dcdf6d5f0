"""Errors raised by the ETL: every one names the file, and where known the row and column."""
from __future__ import annotations


class EtlError(Exception):
    """A problem that stops the run; published data stays as it was."""

    exit_code = 1


class RawDataError(EtlError):
    """A raw file cannot be read or holds a value that is impossible.

    ``row`` is the 1-based data row (the header is not counted; the file line is ``row + 1``).
    """

    exit_code = 2

    def __init__(self, file, message: str, row: int | None = None, column: str | None = None):
        self.file = str(file)
        self.row = row
        self.column = column
        self.message = message
        where = [self.file]
        if row is not None:
            where.append(f"row {row} (line {row + 1})")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")


class ChecksumError(RawDataError):
    """A raw file differs from the checksum recorded in its source.yaml."""

    exit_code = 3


class ValidationError(EtlError):
    """The harmonised tables break a rule of the published schema."""

    exit_code = 4

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("validation failed:\n  " + "\n  ".join(problems))


class PublishError(EtlError):
    exit_code = 5
