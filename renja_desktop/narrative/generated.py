"""Generated passages: text computed from the document's own trees each time it is shown or printed.

A ``{"type": "generated", "kind": ...}`` block stays true to the data; :func:`expand` gives the
plain blocks it stands for right now, which is also what "jadikan teks biasa" stores in its place.
Rates are exact Decimals, formatted ``95,59%``; a rate without a denominator prints ``–``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..codes import SUB_KEGIATAN
from ..formatting import format_percent, format_rupiah, rate

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

#: kind -> (Indonesian label, English label)
KINDS = {
    "ringkasan_pagu": ("Ringkasan pendanaan (BAB IV): total pagu, jumlah program/kegiatan/sub kegiatan, "
                       "pagu per program", "Funding summary (BAB IV)"),
    "realisasi_evaluasi": ("Tingkat realisasi Tabel 2.1 (BAB II)", "Realisation rate of Tabel 2.1 (BAB II)"),
}


def _run(text: str, b: bool = False) -> dict:
    return {"text": text, "b": True} if b else {"text": text}


def _count(doc: "RenjaDocument", level: int) -> int:
    return sum(1 for n in doc.plan.nodes.values() if n.values["level"] == level)


def ringkasan_pagu(doc: "RenjaDocument") -> list[dict]:
    info = doc.info
    n_prog, n_keg, n_sub = _count(doc, 3), _count(doc, 4), _count(doc, SUB_KEGIATAN)
    total = doc.plan.pagu(None)
    total_n1 = doc.plan.pagu_n1(None)
    who = info.get("opd") or "Perangkat Daerah"
    text = [
        _run(f"Pada tahun {info['tahun']} {who} merencanakan "),
        _run(f"{n_prog} program, {n_keg} kegiatan dan {n_sub} sub kegiatan", True),
        _run(" dengan total pagu indikatif sebesar "),
        _run(f"Rp {format_rupiah(total)}", True),
        _run(f" serta prakiraan maju tahun {info['tahun'] + 1} sebesar Rp {format_rupiah(total_n1)}."),
    ]
    blocks: list[dict] = [{"type": "paragraph", "runs": text}]
    programs = [n for n in doc.plan.walk() if n.values["level"] == 3]
    if programs:
        blocks.append({"type": "paragraph", "runs": [_run("Pagu indikatif per program adalah sebagai berikut:")]})
        items = []
        for p in programs:
            share = format_percent(rate(doc.plan.pagu(p.id), total))
            items.append({"runs": [_run(title_case(p.nama.strip()) or p.kode), _run(": "),
                                   _run(f"Rp {format_rupiah(doc.plan.pagu(p.id))}", True),
                                   _run(f" ({share} dari total)")]})
        blocks.append({"type": "list", "style": "decimal", "items": items})
    return blocks


def realisasi_evaluasi(doc: "RenjaDocument") -> list[dict]:
    info = doc.info
    year = info["tahun"] - 2
    ev = doc.evaluation.values_of(None)
    target, real = ev.rp_7, ev.rp_12
    r13 = rate(real or 0, target) if target else None
    runs = [
        _run(f"Pagu anggaran Renja tahun {year} (Tabel 2.1 kolom 7) sebesar "),
        _run(f"Rp {format_rupiah(target or 0)}", True),
        _run(" dengan realisasi (kolom 12) sebesar "),
        _run(f"Rp {format_rupiah(real or 0)}", True),
        _run(", sehingga tingkat realisasi anggaran tahun itu "),
        _run(format_percent(r13), True),
        _run("."),
    ]
    blocks = [{"type": "paragraph", "runs": runs}]
    if ev.rp_5:
        r15 = rate(ev.rp_14 or 0, ev.rp_5)
        blocks.append({"type": "paragraph", "runs": [
            _run(f"Terhadap target Renstra (kolom 5) sebesar Rp {format_rupiah(ev.rp_5)}, realisasi sampai "
                 f"tahun {year} (kolom 14) sebesar Rp {format_rupiah(ev.rp_14 or 0)} atau "),
            _run(format_percent(r15), True), _run(".")]})
    if ev.k_13 is not None:
        blocks.append({"type": "paragraph", "runs": [
            _run(f"Rata-rata capaian kinerja tahun {year} (kolom 13) adalah "),
            _run(format_percent(ev.k_13), True), _run(".")]})
    return blocks


_BUILDERS = {"ringkasan_pagu": ringkasan_pagu, "realisasi_evaluasi": realisasi_evaluasi}


def expand(doc: "RenjaDocument", kind: str) -> list[dict]:
    """The plain blocks a generated passage stands for now."""
    return _BUILDERS[kind](doc)


def expand_all(doc: "RenjaDocument", blocks: list[dict]) -> list[dict]:
    """``blocks`` with every generated passage replaced by its current text."""
    out: list[dict] = []
    for b in blocks:
        if b["type"] == "generated":
            out.extend(expand(doc, b["kind"]))
        else:
            out.append(b)
    return out


#: short words a title keeps in lower case
SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "terhadap", "atas", "dengan", "pada", "serta", "atau"}


def title_case(text: str) -> str:
    """An all-capitals heading as a title ("EVALUASI PELAKSANAAN RENCANA KERJA" -> "Evaluasi Pelaksanaan ...")."""
    text = " ".join(text.split())
    if text != text.upper():
        return text
    words = []
    for k, w in enumerate(text.lower().split(" ")):
        words.append(w if (k and w in SMALL_WORDS) else w[:1].upper() + w[1:])
    return " ".join(words)
