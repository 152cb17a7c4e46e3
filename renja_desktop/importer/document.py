"""A whole Renja converted to text: find its tables and read its identity and signing block.

Tables are runs of tab-separated lines (running page headers and blank lines inside them are
tolerated); the caption printed above a run (``Tabel 2.3``) names it, and a run without caption is
recognised from its shape (coded rows with many columns: Tabel 3.1). Every line of the text is
accounted for: lines outside the tables are reported as document text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..readers import Source, SourceRow
from .cells import caption_table, is_page_header

MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember")
PANGKAT = re.compile(r"^(Pembina|Penata|Pengatur|Juru|Pengatur Muda|Penata Muda)\b.*$", re.IGNORECASE)
_SMALL = {"dan", "di", "ke", "dari", "yang", "untuk", "serta", "atau"}


@dataclass
class TableBlock:
    table: str | None
    rows: list[SourceRow]
    caption_line: int | None = None


@dataclass
class Segments:
    blocks: list[TableBlock] = field(default_factory=list)
    outside: list[SourceRow] = field(default_factory=list)


def _is_tab_row(r: SourceRow) -> bool:
    return "\t" in r.raw or len(r.cells) > 1


def segment(rows: list[SourceRow], running: tuple[str, ...] = ()) -> Segments:
    out = Segments()
    caption: str | None = None
    caption_line: int | None = None
    since_caption = 99
    i = 0
    n = len(rows)
    while i < n:
        r = rows[i]
        cap = caption_table(r.cells)
        if cap and not _is_tab_row(r):
            caption, caption_line, since_caption = cap, r.line, 0
            out.outside.append(r)
            i += 1
            continue
        if not _is_tab_row(r):
            if not r.is_blank():
                since_caption += 1
            out.outside.append(r)
            i += 1
            continue
        # a run of table lines; page headers and blanks inside are kept when more rows follow
        block: list[SourceRow] = []
        j = i
        pending: list[SourceRow] = []
        while j < n:
            q = rows[j]
            if _is_tab_row(q):
                block.extend(pending)
                pending = []
                block.append(q)
            elif q.is_blank() or is_page_header(q.cells, running):
                pending.append(q)
            else:
                break
            j += 1
        out.outside.extend(pending)
        table = caption if caption is not None and since_caption <= 6 else None
        out.blocks.append(TableBlock(table, block, caption_line if table else None))
        caption, since_caption = None, 99
        i = j
    out.outside.sort(key=lambda r: r.line)
    return out


def _title(text: str) -> str:
    words = text.strip().split()
    out = []
    for k, w in enumerate(words):
        lw = w.lower()
        out.append(lw if (k and lw in _SMALL) else lw[:1].upper() + lw[1:])
    return " ".join(out)


def parse_identity(text: str) -> dict:
    """Identity and signing block from the text of a Renja (what the cover and the end print)."""
    lines = [ln.strip().replace("**", "").strip() for ln in text.replace("\r\n", "\n").split("\n")]
    info: dict = {}
    nonblank = [ln for ln in lines if ln]
    if nonblank and len(nonblank[0]) <= 40 and "RENJA" in nonblank[0].upper():
        info["judul"] = nonblank[0]
    agency = re.compile(
        r"^((?:BADAN|DINAS|KANTOR|SEKRETARIAT|INSPEKTORAT|KECAMATAN|SATUAN|RUMAH SAKIT)[A-Z ,/&-]*?)\s+"
        r"((?:KOTA|KABUPATEN|PROVINSI)\s+[A-Z ]+?)\s+TAHUN\s+((?:19|20)\d\d)$"
    )
    for ln in lines[:60]:
        m = agency.match(ln.upper())
        if m:
            info["opd"] = _title(m.group(1))
            info["pemda"] = _title(m.group(2))
            info["tahun"] = int(m.group(3))
            break
    m = re.search(r"Renstra\b[^.\n]{0,160}?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", text, re.IGNORECASE)
    if m:
        info["renstra_mulai"], info["renstra_selesai"] = int(m.group(1)), int(m.group(2))
    # running header: "RENCANA KERJA 2024" followed by the agency's short name and Pemda
    pemda = info.get("pemda", "")
    for k, ln in enumerate(lines):
        if re.match(r"^RENCANA KERJA\b", ln.upper()) and k + 1 < len(lines):
            nxt = lines[k + 1].upper().replace("2024", "").strip() if lines[k + 1] else ""
            nxt = re.sub(r"\s*(?:19|20)\d\d\s*$", "", nxt).strip()
            if nxt and pemda and nxt.endswith(pemda.upper()):
                short = nxt[: -len(pemda)].strip()
                if short:
                    info["opd_singkat"] = _title(short).replace("Kesbangpol", "Kesbangpol")
                break
    # signing block: the last "<place>, <month> <year>" line, then title, name, rank, NIP
    month = "|".join(MONTHS)
    sign = None
    for k, ln in enumerate(lines):
        if re.fullmatch(rf"([A-Z][A-Za-z .'-]+),\s+((?:\d{{1,2}}\s+)?(?:{month})\s+(?:19|20)\d\d)", ln,
                        re.IGNORECASE):
            sign = k
    if sign is not None:
        m = re.fullmatch(r"(.+?),\s+(.+)", lines[sign])
        info["tempat"], info["tanggal"] = m.group(1).strip(), m.group(2).strip()
        block = []
        for ln in lines[sign + 1: sign + 20]:
            if not ln:
                continue
            block.append(ln)
            if re.match(r"^NIP\b", ln, re.IGNORECASE):
                break
        if block and re.match(r"^NIP\b", block[-1], re.IGNORECASE):
            digits = re.sub(r"\D", "", block[-1])
            if len(digits) == 18:
                info["kepala_nip"] = digits
            rest = block[:-1]
            if rest and PANGKAT.match(rest[-1]):
                info["kepala_pangkat"] = rest[-1]
                rest = rest[:-1]
            if rest:
                info["kepala_nama"] = rest[-1]
                rest = rest[:-1]
            if rest:
                info["kepala_jabatan"] = " ".join(rest)
    return info


def looks_like_document(src: Source) -> bool:
    """A whole Renja converted to text: captions or long paragraphs between the tables."""
    paragraphs = 0
    captions = 0
    for r in src.rows:
        if len(r.cells) == 1 and len(r.cells[0]) > 120:
            paragraphs += 1
        if caption_table(r.cells) and len(r.cells) == 1:
            captions += 1
    return captions >= 1 and paragraphs >= 1 or paragraphs >= 3
