"""What the command line prints: exit codes, one-line errors, bugs to the log, progress."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from desktop_crm import paths

PROG = "desktop-crm"

EXIT_OK = 0
EXIT_ERROR = 1  # nothing was done: bad input, unreadable file, unusable database, a bug
EXIT_USAGE = 2  # the command line itself is wrong
EXIT_REJECTED_ROWS = 3  # import: the file was read and imported, but some rows were rejected
EXIT_REFUSED = 4  # sync: synced, but the office refused some changes (they wait here)
EXIT_INTERRUPTED = 130  # Ctrl+C: the transaction in progress was rolled back


def say_error(message: str) -> None:
    print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)


def one_line(value: object) -> str:
    return " ".join(str(value).split()) or value.__class__.__name__


def report_bug(exc: BaseException) -> None:
    """Write the traceback to the log file and tell the user where it is."""
    summary = f"{exc.__class__.__name__}: {one_line(exc)}"
    try:
        log = paths.log_file()
        with log.open("a", encoding="utf-8") as fh:
            fh.write(
                f"\n{datetime.now().isoformat(timespec='seconds')} {PROG} "
                f"{' '.join(sys.argv[1:])}\n"
            )
            fh.write("".join(traceback.format_exception(exc)))
        where = f"; the details are in {log}"
    except OSError:
        where = ""
    say_error(f"unexpected problem ({summary}){where}")


class Progress:
    """A "\\r12000/100000 customers" line on stderr, redrawn at most 10 times a second.

    When stderr is not a terminal only the final line is printed.
    """

    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.last = 0.0
        self.text = ""

    def __call__(self, done: int, total: int | None = None) -> None:
        self.text = f"{done}/{total} {self.what}" if total else f"{done} {self.what}"
        now = time.monotonic()
        if self.live and now - self.last >= 0.1:
            self.last = now
            self.stream.write(f"\r{self.text}")
            self.stream.flush()

    def finish(self) -> None:
        if self.text:
            self.stream.write(f"\r{self.text}\n" if self.live else f"{self.text}\n")
            self.stream.flush()


def progress_printer(args: argparse.Namespace) -> Callable[[str, int, int], bool]:
    def report(step: str, done: int, total: int) -> bool:
        if args.progress:
            print(f"progress {step} {done} {total}", file=sys.stderr, flush=True)
        elif sys.stderr.isatty():
            print(f"\r{step}: {done}/{total}\x1b[K", end="", file=sys.stderr, flush=True)
        return True

    return report


def end_progress(args: argparse.Namespace) -> None:
    if sys.stderr.isatty() and not args.progress:
        print("\r\x1b[K", end="", file=sys.stderr)
