"""argparse in Indonesian: help headings and usage errors say what the rest of the command says.

argparse takes its texts through ``gettext`` (module-level ``_`` and ``ngettext``). The command line
installs :func:`install` once, which puts a translating lookup in their place; a text not in the
table passes through unchanged. Usage errors are printed by :class:`IndonesianParser` as one
``galat: ...`` line (exit status 2) naming the command's help.

Negative numbers: argparse reads ``-1.500.000`` as an option; the parser here reads it as a value
(``--pagu -1.500.000``, ``set FILE CODE pagu -1.500.000``), so it reaches the value's own check,
which says what is wrong with a negative pagu.
"""
from __future__ import annotations

import argparse
import re
import sys

#: argparse's own texts (Python 3.9–3.13) and their Indonesian
TEXTS = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "optional arguments": "pilihan",
    "show this help message and exit": "menampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "menampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak sah (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "expected at most one argument": "memerlukan paling banyak satu nilai",
    "expected at least one argument": "memerlukan paling sedikit satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah (harus %(type)s)",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s tidak jelas: bisa %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak dapat dibuka: %(error)s",
    "unexpected option string: %s": "pilihan tak terduga: %s",
    "expected %s argument": "memerlukan %s nilai",
    "expected %s arguments": "memerlukan %s nilai",
    "%(prog)s: error: %(message)s\n": "galat: %(message)s\n",
}

#: type names argparse puts into "invalid %(type)s value"
TYPE_NAMES = {"int": "bilangan bulat", "float": "bilangan", "Path": "nama berkas"}


def translate(text: str) -> str:
    return TEXTS.get(text, text)


def ntranslate(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def install() -> None:
    """Put the Indonesian lookup into argparse (idempotent)."""
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = ntranslate  # type: ignore[attr-defined]


#: a negative number as written on the command line: -1500000, -1.500.000, -1,5
NEGATIVE_NUMBER = re.compile(r"^-\d[\d.,]*$")


class IndonesianParser(argparse.ArgumentParser):
    """A parser whose usage errors are one ``galat:`` line with the command's help named, exit 2,
    and which reads a negative number (``-1.500.000``) as a value, never as an option."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # argparse's own pattern knows only -1500000 and -1.5; the Indonesian grouping too
        self._negative_number_matcher = NEGATIVE_NUMBER

    def error(self, message: str) -> None:  # noqa: D401 - argparse override
        for name, indonesian in TYPE_NAMES.items():
            message = message.replace(f"(harus {name})", f"(harus {indonesian})")
        sys.stderr.write(f"galat: {message} (lihat '{self.prog} --help')\n")
        raise SystemExit(2)
