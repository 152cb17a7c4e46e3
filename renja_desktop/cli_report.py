"""Printing commands: ``report`` (PDF of the appendix tables) and ``export`` (Excel workbook)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import EXIT_OK, CliError
from .errors import Msg
from .reports import PAPERS_MM, TABLE_ORDER, ReportError, ReportOptions, render_pdf
from .reports.fonts import FontMissingError
from .service import RenjaDocument

TABLE_CHOICES = list(TABLE_ORDER) + ["all"]


def _mm(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(Msg("cli.not_mm", text=text)) from None
    return value


def _size(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(Msg("cli.not_pt", text=text)) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="mencetak tabel lampiran ke PDF (Tabel 2.1-4.1)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--table", "-t", default="4.1", choices=TABLE_CHOICES, metavar="TABEL",
                   help="tabel yang dicetak: " + ", ".join(TABLE_CHOICES) + " (bawaan 4.1)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="berkas PDF keluaran")
    p.add_argument("--paper", default="F4", choices=list(PAPERS_MM), help="ukuran kertas (bawaan F4)")
    p.add_argument("--thousands", action="store_true", help="angka rupiah dalam ribuan (Rp.000)")
    p.add_argument("--cover", action="store_true", help="dengan halaman sampul (untuk --table all)")
    p.add_argument("--font-size", type=_size, default=None, metavar="PT",
                   help="ukuran huruf isi tabel (bawaan: menurut tabel)")
    p.add_argument("--margin", type=_mm, nargs=4, default=None, metavar=("ATAS", "KANAN", "BAWAH", "KIRI"),
                   help="margin dalam mm (bawaan 20 15 15 15)")
    p.add_argument("--lengkap", action="store_true",
                   help="Tabel 2.1 dengan kolom triwulan 8-11 dan kolom 17 walau kosong")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("export", help="mengekspor tabel lampiran ke Excel (.xlsx)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="berkas Excel keluaran")
    p.add_argument("--table", "-t", default="all", choices=TABLE_CHOICES, metavar="TABEL",
                   help="tabel yang diekspor (bawaan all: satu lembar per tabel)")
    p.add_argument("--paper", default="F4", choices=list(PAPERS_MM), help="ukuran kertas untuk mencetak dari Excel")
    p.add_argument("--thousands", action="store_true",
                   help="tampilkan rupiah dalam ribuan (nilai sel tetap rupiah penuh)")
    p.set_defaults(handler=cmd_export)


def _options(args: argparse.Namespace) -> ReportOptions:
    opts = ReportOptions(paper=getattr(args, "paper", "F4"), thousands=args.thousands,
                         cover=getattr(args, "cover", False), font_size=getattr(args, "font_size", None))
    if getattr(args, "margin", None):
        opts.margin_top, opts.margin_right, opts.margin_bottom, opts.margin_left = args.margin
    if getattr(args, "lengkap", False):
        opts.tabel21_lengkap = True
    return opts


def _check_output(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise CliError("cli.output_suffix", path=path, suffix=suffix)
    if not path.parent.exists():
        raise CliError("cli.output_folder", folder=path.parent)


def cmd_report(args: argparse.Namespace) -> int:
    _check_output(args.output, ".pdf")
    options = _options(args)
    with RenjaDocument.open(args.file, readonly=True) as doc:
        try:
            result = render_pdf(doc, args.output, args.table, options)
        except (ReportError, FontMissingError) as exc:
            raise CliError(exc.key, **exc.params) from None
        except OSError as exc:
            raise CliError("cli.cannot_write", path=args.output, reason=exc.strerror or exc) from None
    tables = ", ".join(result.tables)
    sys.stdout.write(f"PDF ditulis: {result.path} (Tabel {tables}; {result.pages} halaman, "
                     f"kertas {options.paper} melintang)\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .reports.excel import export_xlsx  # here, not at the top: XlsxWriter loads only for an export

    _check_output(args.output, ".xlsx")
    options = ReportOptions(paper=args.paper, thousands=args.thousands)
    with RenjaDocument.open(args.file, readonly=True) as doc:
        try:
            result = export_xlsx(doc, args.output, args.table, options)
        except ReportError as exc:
            raise CliError(exc.key, **exc.params) from None
        except OSError as exc:
            raise CliError("cli.cannot_write", path=args.output, reason=exc.strerror or exc) from None
    sys.stdout.write(f"Excel ditulis: {result.path} (lembar: {', '.join(result.sheets)})\n")
    return EXIT_OK
