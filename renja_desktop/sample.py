"""The bundled sample: the real Renja of Badan Kesbangpol Kota Binjai 2024, built by the importer.

``resources/sample/renja_kesbangpol_binjai_2024.txt`` is the original document converted to text (the
app reads only what it ships). ``resources/sample/koreksi.tsv`` is a small, reviewed and
visible list of corrections where the source is ambiguous (a code printed twice, an empty row that
another table fills in), each with its reason; every correction checks the text it replaces, so a
changed source cannot be patched silently. A corrected value is never shown as printed: ``declared``
and ``check`` say "dikoreksi" with what the source wrote (:func:`mark_corrections`, and one note
per correction in ``check``). Real arithmetic errors of the source are *not* corrected:
they are kept as printed values and the audit shows them.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .exchange.sqlitefile import file_sha
from .findings import CORRECTIONS_KEY, correction_text
from .errors import RenjaError
from .importer import import_text, parse_identity
from .narrative.format import image_block
from .narrative.store import install_outline
from .narrative.textimport import parse_text, running_of
from .paths import resources_dir
from .service import RenjaDocument
from .storage import DocumentFileError

SAMPLE_TEXT = "renja_kesbangpol_binjai_2024.txt"
CORRECTIONS = "koreksi.tsv"
SAMPLE_CATALOG_VERSION = "kep050-5889-2021"


class SampleError(RenjaError, RuntimeError):
    """The bundled sample or its corrections are inconsistent (a packaging error)."""


@dataclass(frozen=True)
class Correction:
    tabel: str
    baris: int
    sel: int
    tertulis: str
    menjadi: str
    alasan: str


def sample_dir() -> Path:
    return resources_dir() / "sample"


def sample_text() -> str:
    path = sample_dir() / SAMPLE_TEXT
    if not path.exists():
        raise SampleError("sample.no_text", path=path)
    return path.read_text(encoding="utf-8")


def load_corrections(path: Path | None = None) -> list[Correction]:
    path = path or sample_dir() / CORRECTIONS
    text = path.read_text(encoding="utf-8")
    body = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    out = []
    reader = csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
    for i, row in enumerate(reader, start=2):
        try:
            out.append(Correction(row["tabel"].strip(), int(row["baris"]), int(row["sel"]),
                                  row["tertulis"] or "", row["menjadi"] or "", (row["alasan"] or "").strip()))
        except (KeyError, TypeError, ValueError) as exc:
            raise SampleError("sample.bad_correction", name=path.name, line=i, reason=exc) from None
    return out


def apply_corrections(text: str, corrections: list[Correction]) -> str:
    """Change the cells named by the corrections, checking each cell holds what it expects."""
    lines = text.split("\n")
    for c in corrections:
        if not 1 <= c.baris <= len(lines):
            raise SampleError("sample.no_line", table=c.tabel, line=c.baris)
        cells = lines[c.baris - 1].split("\t")
        idx = c.sel - 1
        while len(cells) <= idx:
            cells.append("")
        if cells[idx].strip() != c.tertulis.strip():
            raise SampleError("sample.cell", table=c.tabel, line=c.baris, cell=c.sel, found=cells[idx],
                              expected=c.tertulis)
        cells[idx] = c.menjadi
        lines[c.baris - 1] = "\t".join(cells)
    return "\n".join(lines)


SAMPLE_LOGO = "logo.png"


def add_sample_chapters(doc, text: str | None = None):
    """The chapters and text of the reference Renja (cover with the logo, Kata Pengantar, BAB I-V)
    read from the sample text by the narrative importer, into a document that has none yet.
    Returns the import report."""
    text = text if text is not None else apply_corrections(sample_text(), load_corrections())
    outline, report = parse_text(text, SAMPLE_TEXT, running_of(doc))
    cover = next((s for s in outline if s["kind"] == "sampul"), None)
    logo = sample_dir() / SAMPLE_LOGO
    if cover is not None and logo.is_file():
        cover["blocks"].insert(min(2, len(cover["blocks"])), image_block(logo.read_bytes(), width_mm=40))
    # BAB IV also says, in a passage computed from the plan, what Tabel 4.1 adds up to
    babs = [s for s in outline if s["kind"] == "bab"]
    if len(babs) >= 4:
        blocks = babs[3]["blocks"]
        at = next((i for i, b in enumerate(blocks) if b["type"] == "table_ref"), len(blocks))
        blocks.insert(at, {"type": "generated", "kind": "ringkasan_pagu"})
    install_outline(doc, outline)
    return report
#: document meta key: the corrections made to the sample's source text (JSON list of Correction)
CORRECTIONS_META = CORRECTIONS_KEY


def mark_corrections(doc, corrections: list[Correction]) -> int:
    """Printed values read from a corrected source line are shown as corrections, never as printed
    values: their text says ``dikoreksi`` with what the source wrote, and their source names the
    correction. Returns how many printed values were marked."""
    by_line: dict[int, list[Correction]] = {}
    for c in corrections:
        by_line.setdefault(c.baris, []).append(c)
    line_re = re.compile(rf"^{re.escape(SAMPLE_TEXT)} baris (\d+)$")
    items = []
    for d in doc.declared:
        m = line_re.match(d.get("sumber") or "")
        found = by_line.get(int(m.group(1))) if m else None
        if not found:
            continue
        teks = d.get("teks") or ""
        for c in found:
            if c.menjadi.strip() and teks.strip() == c.menjadi.strip():
                was = f"'{c.tertulis}'" if c.tertulis.strip() else "kosong"
                teks = f"{c.menjadi} (dikoreksi, tertulis {was})"
        items.append({**d, "teks": teks,
                      "sumber": d["sumber"] + "; " + "; ".join(correction_text(c) for c in found)})
    if items:
        doc.add_declared_many(items)
    return len(items)


def build_sample(path: str | Path, overwrite: bool = False):
    """Write the whole sample Renja to ``path``; return the path. The file appears complete or not at all."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise DocumentFileError("exists", "file.exists", path, name=path)
    corrections = load_corrections()
    text = apply_corrections(sample_text(), corrections)
    ident = parse_identity(text)
    missing = [k for k in ("tahun", "pemda", "opd") if not ident.get(k)]
    if missing:
        raise SampleError("sample.identity", names=", ".join(missing))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    fields = {k: v for k, v in ident.items() if k not in ("tahun", "pemda", "opd")}
    doc = RenjaDocument.create(tmp, tahun=ident["tahun"], pemda=ident["pemda"], opd=ident["opd"],
                               nomenklatur_versi=SAMPLE_CATALOG_VERSION)
    try:
        with doc.batch():
            if fields:
                doc.set_document(**fields)
            import_text(doc, text, source=SAMPLE_TEXT)
            add_sample_chapters(doc, text)
            mark_corrections(doc, corrections)
            doc.set_meta(CORRECTIONS_META, json.dumps([c.__dict__ for c in corrections], ensure_ascii=False))
    except BaseException:
        doc.close()
        tmp.unlink(missing_ok=True)
        raise
    doc.close()
    os.replace(tmp, path)
    return path


#: ``sample_copy``'s outcomes
SAMPLE_REUSED, SAMPLE_NEW, SAMPLE_RENEWED = "reused", "new", "renewed"


def sample_copy(folder: str | Path, name: str) -> tuple[Path, str]:
    """The working copy of the sample that ``gui --sample`` opens: ``folder/name.sqlite``, one file,
    never a pile of numbered copies.

    Reused as it is when unchanged since it was made (a digest is kept beside it); made fresh when
    missing or edited, the edited copy kept once as ``name (diubah).sqlite`` (replacing an older
    one). Returns the path and :data:`SAMPLE_REUSED`, :data:`SAMPLE_NEW` or :data:`SAMPLE_RENEWED`.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.sqlite"
    stamp = folder / f".{name}.sha256"
    outcome = SAMPLE_NEW
    if path.exists():
        try:
            same = stamp.read_text(encoding="ascii").strip() == file_sha(path)
        except OSError:
            same = False
        if same:
            return path, SAMPLE_REUSED
        os.replace(path, folder / f"{name} (diubah).sqlite")
        outcome = SAMPLE_RENEWED
    build_sample(path)
    stamp.write_text(file_sha(path), encoding="ascii")
    return path, outcome
