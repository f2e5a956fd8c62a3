"""Reading and writing CSV files the way people's spreadsheets make them.

Reading: the encoding is found, not asked (a byte-order mark first, then UTF-8, then
charset-normalizer — GBK/GB18030 from Chinese Excel, UTF-16 from Excel's "Unicode
text"); the delimiter (comma, semicolon or tab) is read off the header row. Rows are
streamed, each with the line number where it starts, so a million-row file is never
held in memory and problems can be named by line.

Writing: UTF-8 with a byte-order mark (so Excel shows Chinese right), to a temporary
file renamed into place at the end — an error never leaves a half-written file.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from desktop_crm.domain import messages
from desktop_crm.errors import CrmError, FileFormatError

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What charset-normalizer may answer for Chinese text, read as the superset GB18030.
_CHINESE = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}
_CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be", "cp1252", "latin_1"]
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass
class CsvTable:
    """A CSV file opened for reading: its encoding, delimiter, header and rows."""

    name: str
    encoding: str
    delimiter: str
    headers: list[str]
    _open: Callable[[], BinaryIO]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) for each data row; blank rows are left out.

        Raises `FileFormatError` when the rest of the file cannot be read (a byte that
        is not in the file's encoding, a broken quote …), naming the line.
        """
        with self._open() as raw:
            reader = csv.reader(_text_lines(raw, self.encoding), delimiter=self.delimiter)
            line = 1
            try:
                next(reader, None)  # the header
                line = reader.line_num + 1
                for cells in reader:
                    start, line = line, reader.line_num + 1
                    if any(cell.strip() for cell in cells):
                        yield start, cells
            except UnicodeDecodeError as exc:
                raise FileFormatError(
                    messages.text(
                        "csv_bad_encoding_line",
                        file=self.name,
                        line=reader.line_num + 1,
                        encoding=self.encoding,
                        reason=exc.reason,
                    )
                ) from exc
            except csv.Error as exc:
                raise FileFormatError(
                    messages.text("csv_bad_line", file=self.name, line=line, reason=exc)
                ) from exc


def _text_lines(raw: BinaryIO, encoding: str) -> Iterator[str]:
    """The file's lines as text, decoded one line at a time so an error names its line.

    In the ASCII-compatible encodings we read (UTF-8, GB18030, Big5, cp1252) the byte
    0x0A is always a line feed, never part of a character, so splitting bytes is safe;
    UTF-16/32 files are decoded by a text wrapper instead.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        text = io.TextIOWrapper(raw, encoding=encoding, newline="", errors="strict")
        try:
            yield from text
        finally:
            text.detach()
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    for chunk in raw:
        yield decoder.decode(chunk)
    rest = decoder.decode(b"", final=True)
    if rest:
        yield rest


def read_csv(source: str | Path | bytes, *, name: str | None = None) -> CsvTable:
    """Open a CSV file (a path, or its bytes) and read its header row.

    Raises `FileFormatError` with a clear reason: missing, a folder, empty, not text,
    not CSV.
    """
    if isinstance(source, bytes):
        label = name or "the file"
        sample = source[:SAMPLE_BYTES]

        def opener() -> BinaryIO:
            return io.BytesIO(source)
    else:
        path = Path(source)
        label = name or str(path)
        if not path.exists():
            raise FileFormatError(messages.text("file_missing", file=label))
        if path.is_dir():
            raise FileFormatError(messages.text("file_is_folder", file=label))
        try:
            with path.open("rb") as fh:
                sample = fh.read(SAMPLE_BYTES)
        except OSError as exc:
            raise FileFormatError(
                messages.text("file_unreadable", file=label, reason=exc.strerror or exc)
            ) from exc

        def opener() -> BinaryIO:
            try:
                return path.open("rb")
            except OSError as exc:
                raise FileFormatError(
                    messages.text("file_unreadable", file=label, reason=exc.strerror or exc)
                ) from exc

    encoding = detect_encoding(sample, label)
    text = _decode_sample(sample, encoding, truncated=len(sample) == SAMPLE_BYTES)
    if not text.strip():
        raise FileFormatError(messages.text("file_empty", file=label))
    head = text[:20_000]
    if "\x00" in text or sum(ch in _CONTROL for ch in head) > max(2, len(head) // 100):
        raise FileFormatError(messages.text("csv_not_text", file=label))
    delimiter = detect_delimiter(text)
    try:
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error as exc:
        raise FileFormatError(messages.text("csv_bad_header", file=label, reason=exc)) from exc
    headers = [h.replace("\ufeff", "").strip() for h in header]
    if not any(headers):
        raise FileFormatError(messages.text("csv_no_header", file=label))
    return CsvTable(label, encoding, delimiter, headers, opener)


def detect_encoding(sample: bytes, label: str = "the file") -> str:
    """The encoding of a file from its first bytes: BOM, UTF-8, else charset-normalizer."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if not sample.strip():
        raise FileFormatError(messages.text("file_empty", file=label))
    sample = _whole_lines(sample)
    if _is_utf8(sample):
        return "utf-8"
    best = from_bytes(sample, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise FileFormatError(messages.text("csv_unknown_encoding", file=label))
    encoding = best.encoding.lower().replace("-", "_")
    if encoding in _CHINESE:
        return "gb18030"
    if encoding in ("cp1252", "latin_1", "big5") and _decodes(sample, "gb18030"):
        # Short Chinese files fool the detector; ours are mostly Chinese.
        return "gb18030"
    return encoding


def _whole_lines(sample: bytes) -> bytes:
    """A full-size sample cut after its last line break, not in the middle of a character."""
    if len(sample) < SAMPLE_BYTES:
        return sample
    if b"\x00" in sample:  # UTF-16 without a BOM: keep whole code units
        return sample[: len(sample) // 2 * 2]
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A sample without line breaks may still end in the middle of a character.
        return len(sample) >= SAMPLE_BYTES - 4 and exc.start >= len(sample) - 3
    return True


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError as exc:
        return len(sample) >= SAMPLE_BYTES - 4 and exc.start >= len(sample) - 4
    return True


def _decode_sample(sample: bytes, encoding: str, *, truncated: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        text = decoder.decode(sample, final=not truncated)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FileFormatError(messages.text("csv_bad_encoding", encoding=encoding)) from exc
    if truncated:  # drop the last, perhaps partial, line
        text = text[: max(text.rfind("\n"), 0)] or text
    return text


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the header row most.

    The header is the reliable witness (data cells hold "a; b" lists and free text);
    csv.Sniffer only breaks a tie.
    """
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    counts = {d: _count_outside_quotes(lines[0], d) for d in DELIMITERS}
    best = max(counts.values())
    if best == 0:  # one column: any delimiter reads it the same
        return ","
    tied = [d for d in DELIMITERS if counts[d] == best]
    if len(tied) == 1:
        return tied[0]
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(tied)).delimiter
    except csv.Error:
        return tied[0]
    return sniffed if sniffed in tied else tied[0]


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def write_csv(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a CSV file (UTF-8 with BOM, comma, CRLF) atomically; returns the row count.

    Raises `CrmError` with the reason when the file cannot be written; a file that was
    there before is left as it was.
    """
    target = Path(path)
    check_writable(target)
    count = 0
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
                count += 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise CrmError(
            messages.text("cannot_write", file=target, reason=exc.strerror or exc)
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return count


def check_writable(target: Path) -> None:
    """Refuse, with the reason, a path no file can be written to."""
    if target.is_dir():
        raise CrmError(messages.text("write_to_folder", file=target))
    if not target.parent.exists():
        raise CrmError(messages.text("write_no_folder", file=target, folder=target.parent))
    if not target.parent.is_dir():
        raise CrmError(messages.text("write_not_folder", file=target, folder=target.parent))
