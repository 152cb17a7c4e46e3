"""Reading the narrative of an existing Renja (plain text or .docx) into sections.

Headings are recognised as sections ("BAB I PENDAHULUAN", "BAB II" followed by its title,
"1.1. Latar Belakang"; in a .docx also the Heading 1/2 styles), paragraphs keep their bold and
italic, list items ("a.", "1.", "1).", "I.", bullets) become list blocks (nested where a list of
another style follows an item), "Tabel 2.1" captions become table placements, the signing block
becomes a signature block. Table rows are skipped (the table importer reads them) and the Daftar
Isi / Daftar Tabel are skipped (they are generated). Every source paragraph is accounted for in the
:class:`NarrativeReport` with its line (text) or paragraph (docx) number.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..importer import ImportFailure, import_text
from ..errors import Msg, Text, joined
from ..i18n import pick
from ..service import EditError
from . import fields as fieldmod
from . import format as fmt
from .format import merge_runs, runs_from_marked, runs_text
from .generated import title_case
from .store import InstallOutline, rows

if TYPE_CHECKING:  # pragma: no cover
    from ..service import RenjaDocument

# outcomes of a source paragraph
HEADING = "judul bagian"
TEXT = "paragraf"
ITEM = "butir daftar"
CAPTION = "judul tabel (tabel ditempatkan)"
TABLE = "baris tabel (dilewati; dibaca pengimpor tabel)"
RUNNING = "kepala halaman (dilewati)"
GENERATED = "daftar isi/daftar tabel (dilewati; dibuat otomatis)"
SIGNATURE = "blok tanda tangan"
COVER = "sampul"
#: the outcomes and the units in the report's languages
OUTCOME_WORDS = {
    HEADING: Text(HEADING, "section heading"), TEXT: Text(TEXT, "paragraph"), ITEM: Text(ITEM, "list item"),
    CAPTION: Text(CAPTION, "table title (table placed)"),
    TABLE: Text(TABLE, "table row (skipped; read by the table importer)"),
    RUNNING: Text(RUNNING, "running page header (skipped)"),
    GENERATED: Text(GENERATED, "table of contents/list of tables (skipped; made automatically)"),
    SIGNATURE: Text(SIGNATURE, "signature block"), COVER: Text(COVER, "cover"),
}
UNIT_WORDS = {"baris": Text("baris", "lines"), "paragraf": Text("paragraf", "paragraphs")}


class NarrativeImportError(EditError):
    """The source is not a Renja narrative or cannot be read; nothing was changed."""


@dataclass
class Chunk:
    """One source paragraph: its number, runs, and what the source says about it."""

    where: int
    runs: list[dict]
    table: bool = False
    style: str = ""           # .docx paragraph style name
    list_style: str | None = None  # .docx numbering: 'decimal' / 'bullet'

    @property
    def text(self) -> str:
        return runs_text(self.runs).strip()


@dataclass
class Outcome:
    where: int
    outcome: str
    section: str
    text: str


@dataclass
class NarrativeReport:
    source: str
    unit: str                                   # "baris" or "paragraf"
    outcomes: list[Outcome] = field(default_factory=list)
    sections: int = 0
    tables: list[str] = field(default_factory=list)
    unknown_fields: list[str] = field(default_factory=list)
    table_report: object | None = None      # the table importer's report (import with tables)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.outcome] = out.get(o.outcome, 0) + 1
        return out

    def summary(self, lang: str | None = "id") -> str:
        """What was read and what became of it, in ``lang`` (bawaan: Indonesian, the command line's)."""
        def say(key: str, **params) -> str:
            return Msg(key, **params).message(lang)

        unit = UNIT_WORDS.get(self.unit) or Text(self.unit, self.unit)
        lines = [say("narrative.read", source=self.source, count=len(self.outcomes), unit=unit, sections=self.sections)]
        for k, v in self.counts().items():
            word = OUTCOME_WORDS.get(k) or Text(k, k)
            lines.append(f"  {pick(word.id, word.en, lang)}: {v}")
        if self.tables:
            lines.append(say("narrative.placed", tables=joined([Msg("narrative.table", table=t) for t in self.tables])))
        if self.unknown_fields:
            lines.append(say("narrative.unknown_fields", names=", ".join(self.unknown_fields)))
        if self.table_report is not None:
            lines.append(say("narrative.table_report"))
            lines.append(self.table_report.summary(lang))
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"sumber": self.source, "bagian": self.sections, "tabel": self.tables,
                "jumlah": self.counts(),
                "rincian": [{self.unit: o.where, "hasil": o.outcome, "bagian": o.section, "teks": o.text[:120]}
                            for o in self.outcomes]}


# ------------------------------------------------------------------------------ reading sources
def chunks_from_text(text: str) -> list[Chunk]:
    """Blank-line separated paragraphs; a paragraph with tab-separated lines is a table."""
    out: list[Chunk] = []
    buf: list[tuple[int, str]] = []

    def flush() -> None:
        if not buf:
            return
        start = buf[0][0]
        if any("\t" in ln for _, ln in buf):
            out.append(Chunk(start, [{"text": " ".join(ln.strip() for _, ln in buf)}], table=True))
        else:
            joined = " ".join(ln.strip() for _, ln in buf)
            out.append(Chunk(start, runs_from_marked(joined)))
        buf.clear()

    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line.strip():
            # a table line never joins a text line into one paragraph
            if buf and (("\t" in line) != ("\t" in buf[-1][1])):
                flush()
            elif buf and "\t" not in line and list_item(line.strip()) is not None:
                flush()  # each list item is its own paragraph even without a blank line between
            buf.append((n, line))
        else:
            flush()
    flush()
    return out


def _docx_runs(par) -> list[dict]:
    out = []
    for r in par.runs:
        if r.text:
            out.append(fmt.run(r.text, b=bool(r.bold), i=bool(r.italic), u=bool(r.underline)))
    return merge_runs(out)


def chunks_from_docx(path: Path) -> list[Chunk]:
    """Body paragraphs and tables of a .docx in order."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a dependency of the app
        raise NarrativeImportError("narrative.no_docx", reason=exc) from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise NarrativeImportError("narrative.not_docx", name=path.name, reason=exc) from None
    except Exception as exc:  # lxml errors in a damaged part
        raise NarrativeImportError("narrative.damaged", name=path.name, reason=exc) from None
    out: list[Chunk] = []
    n = 0
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            par = Paragraph(el, document)
            n += 1
            runs = _docx_runs(par)
            if not runs_text(runs).strip():
                continue
            style = par.style.name if par.style is not None else ""
            numbered = el.pPr is not None and el.pPr.numPr is not None
            list_style = None
            if numbered or style.startswith("List"):
                list_style = "bullet" if "Bullet" in style else "decimal"
            out.append(Chunk(n, runs, style=style, list_style=list_style))
        elif tag == "tbl":
            n += 1
            table = Table(el, document)
            texts = []
            for row in table.rows:
                texts.append("\t".join(c.text for c in row.cells))
            out.append(Chunk(n, [{"text": " | ".join(texts)[:200]}], table=True))
    return out


# ------------------------------------------------------------------------------ recognising
_BAB = re.compile(r"^BAB\s+([IVX]+)\b\.?\s*(.*)$", re.I)
_SUB = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")
_CAPTION = re.compile(r"^Tabel\.?\s*(\d\.\d)\.?\s*(.*)$", re.I)
_SIGN_PLACE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+(\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}$")
_ITEM = [
    (re.compile(r"^-?\s*([a-z])\.\s+(.*)$"), "lower-alpha"),
    (re.compile(r"^-?\s*(\d{1,3})\)\.?\s+(.*)$"), "decimal-paren"),
    (re.compile(r"^-?\s*(\d{1,3})\.\s+(.*)$"), "decimal"),
    (re.compile(r"^([IVX]{1,5})\.\s+(.*)$"), "upper-roman"),
    (re.compile(r"^[-•]\s+(.*)$"), "bullet"),
]
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman_value(s: str) -> int:
    total = 0
    for i, ch in enumerate(s.upper()):
        v = _ROMAN[ch]
        if i + 1 < len(s) and _ROMAN[s[i + 1].upper()] > v:
            total -= v
        else:
            total += v
    return total


def _alpha_value(s: str) -> int:
    return ord(s.lower()) - ord("a") + 1


def _despace(text: str) -> str:
    """"P E N U T U P" -> "PENUTUP"."""
    parts = text.split()
    if len(parts) >= 3 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return text


def _strip_marks(text: str) -> str:
    return " ".join(text.replace("*", " ").split())


def list_item(text: str) -> tuple[str, int, str] | None:
    """(style, number, rest) when ``text`` starts with a list marker."""
    for rx, style in _ITEM:
        m = rx.match(text)
        if m:
            if style == "bullet":
                return style, 1, m.group(1)
            marker, rest = m.group(1), m.group(2)
            if style == "upper-roman":
                num = _roman_value(marker)
            elif style == "lower-alpha":
                num = _alpha_value(marker)
            else:
                num = int(marker)
            return style, num, rest
    return None


def cut_prefix(runs: list[dict], n: int) -> list[dict]:
    """The runs without their first ``n`` characters (a list marker)."""
    out = []
    for r in runs:
        t = r["text"]
        if n >= len(t):
            n -= len(t)
            continue
        out.append({**r, "text": t[n:]})
        n = 0
    if out:
        out[0] = {**out[0], "text": out[0]["text"].lstrip()}
    return merge_runs(out)


class _Builder:
    def __init__(self, running: set[str], report: NarrativeReport):
        self.running = running
        self.report = report
        self.outline: list[dict] = []
        self.current: dict | None = None
        self.bab = 0
        self.mode = "cover"       # cover, front, skip (daftar isi/tabel), body, signature, caption
        self.pending_bab: dict | None = None
        self.chunks: list[Chunk] = []
        self.index: dict[int, int] = {}

    # -- sections
    def _label(self) -> str:
        return self.current["judul"] if self.current else "(awal)"

    def note(self, c: Chunk, outcome: str) -> None:
        self.report.outcomes.append(Outcome(c.where, outcome, self._label(), c.text))

    def open(self, kind: str, judul: str, parent: dict | None = None) -> dict:
        sec = {"kind": kind, "judul": judul, "blocks": [], "children": []}
        (parent["children"] if parent is not None else self.outline).append(sec)
        self.current = sec
        return sec

    def blocks(self) -> list[dict]:
        if self.current is None:
            self.open("sampul", "Sampul")
        return self.current["blocks"]

    # -- lists
    def add_item(self, style: str, num: int, runs: list[dict]) -> None:
        blocks = self.blocks()
        item = {"runs": runs}
        last = blocks[-1] if blocks else None
        if last is not None and last["type"] == "list":
            # continue the top list, or its last item's sub list, or nest a new sub list
            if last["style"] == style and last.get("start", 1) + len(last["items"]) == num:
                last["items"].append(item)
                return
            tail = last["items"][-1] if last["items"] else None
            sub = tail.get("sub") if tail else None
            if sub is not None and sub["style"] == style and sub.get("start", 1) + len(sub["items"]) == num:
                sub["items"].append(item)
                return
            if tail is not None and sub is None and num == 1 and style != last["style"]:
                tail["sub"] = {"type": "list", "style": style, "items": [item]}
                return
        # an earlier list of this style interrupted by paragraphs: keep its numbering
        lb = {"type": "list", "style": style, "items": [item]}
        if num != 1:
            lb["start"] = num
        blocks.append(lb)

    # -- the state machine
    def feed(self, c: Chunk) -> None:
        text = c.text
        plain = _strip_marks(text)
        upper = plain.upper()
        if c.table:
            if self.mode == "skip":
                self.note(c, GENERATED)
                return
            # a table without a caption: the table of this chapter not yet placed goes here
            blocks = self.blocks()
            if self.mode == "body" and self.bab and not any(b["type"] == "table_ref" for b in blocks):
                for nomor in fmt.TABLE_REFS:
                    if int(nomor[0]) == self.bab and nomor not in self.report.tables:
                        blocks.append({"type": "table_ref", "tabel": nomor})
                        self.report.tables.append(nomor)
                        break
            self.note(c, TABLE)
            return
        if self.running and self._is_running(plain):
            self.note(c, RUNNING)
            return
        if self.mode == "signature":
            self.note(c, SIGNATURE)
            if upper.startswith("NIP"):
                self.mode = "body"
            return
        if upper in ("KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR"):
            kind = {"KATA PENGANTAR": "kata_pengantar", "DAFTAR ISI": "daftar_isi"}.get(upper, "daftar_tabel")
            if kind == "daftar_tabel" and self.mode == "skip":
                i = self.index.get(id(c))
                nxt = self.chunks[i + 1] if i is not None and i + 1 < len(self.chunks) else None
                entry = not (nxt is not None and (nxt.table or _CAPTION.match(_strip_marks(nxt.text))))
            else:
                entry = self.mode == "skip" and self.toc_entry(c)
            if any(sec["kind"] == kind for sec in self.outline) or entry:
                self.note(c, GENERATED)  # an entry of the contents list, not the heading itself
                return
            if upper == "KATA PENGANTAR":
                self.open("kata_pengantar", "Kata Pengantar")
                self.mode = "front"
            else:
                self.open("daftar_isi" if upper == "DAFTAR ISI" else "daftar_tabel", title_case(upper))
                self.mode = "skip"
            self.note(c, HEADING)
            return
        m = _BAB.match(plain)
        if m and not m.group(2).startswith(":") and _roman_value(m.group(1)) == self.bab + 1 \
                and not (c.style and c.style.startswith("List")) \
                and not (self.mode == "skip" and self.toc_entry(c)):
            self.bab += 1
            rest = _despace(m.group(2).strip(" .:"))
            self.open("bab", title_case(rest) if rest else f"Bab {m.group(1)}")
            self.pending_bab = None if rest else self.current
            self.mode = "body"
            self.note(c, HEADING)
            return
        if self.pending_bab is not None and self.pending_bab is self.current and not self.current["blocks"]:
            self.pending_bab["judul"] = title_case(_despace(plain))
            self.pending_bab = None
            self.note(c, HEADING)
            return
        self.pending_bab = None
        if self.mode == "skip":
            self.note(c, GENERATED)
            return
        if self.mode == "caption":
            self.mode = "body"
            if len(plain) < 220 and not plain.endswith((":", ";")) and list_item(plain) is None \
                    and not _SUB.match(plain):
                self.note(c, CAPTION)
                return
        m = _SUB.match(plain)
        if m and self.bab and int(m.group(1)) == self.bab and len(plain) < 240:
            bab = self._current_bab()
            self.open("sub", m.group(3).strip().rstrip("."), bab)
            self.note(c, HEADING)
            return
        if c.style.startswith("Heading") and self.bab:
            self.open("sub", plain, self._current_bab())
            self.note(c, HEADING)
            return
        m = _CAPTION.match(plain)
        if m and self.mode == "body":
            nomor = m.group(1)
            if nomor in fmt.TABLE_REFS and nomor not in self.report.tables:
                self.blocks().append({"type": "table_ref", "tabel": nomor})
                self.report.tables.append(nomor)
            self.note(c, CAPTION)
            if not m.group(2).strip(" .*"):
                self.mode = "caption"
            return
        if _SIGN_PLACE.match(plain) and self.mode in ("front", "body"):
            self.blocks().append({"type": "signature"})
            self.mode = "signature"
            self.note(c, SIGNATURE)
            return
        if self.mode == "cover":
            style = "title" if not self.blocks() else "subtitle"
            self.blocks().append(fmt.paragraph(c.runs, align="center", style=style))
            self.note(c, COVER)
            return
        item = list_item(text) if not c.style.startswith("Heading") else None
        if item is None and c.list_style:
            item = (c.list_style, self._next_number(c.list_style), text)
        if item is not None:
            style, num, rest = item
            full = runs_text(c.runs)
            lead = len(full) - len(full.lstrip())
            runs = cut_prefix(c.runs, lead + len(text) - len(rest)) if rest != text else c.runs
            blocks = self.blocks()
            # "- pemerintahan daerah ..." after an item: the item went on after a page break
            if style == "bullet" and rest[:1].islower() and blocks and blocks[-1]["type"] == "list":
                tail = blocks[-1]["items"][-1]
                while tail.get("sub"):
                    tail = tail["sub"]["items"][-1]
                tail["runs"] = merge_runs(tail["runs"] + [{"text": " "}] + runs)
                self.note(c, ITEM)
                return
            self.add_item(style, num, runs)
            self.note(c, ITEM)
            return
        self.blocks().append(fmt.paragraph(c.runs))
        self.note(c, TEXT)

    def toc_entry(self, c: Chunk) -> bool:
        """Whether a heading-like paragraph inside the Daftar Isi is one of its entries: a real
        heading has body text (a long paragraph or a list) before the next chapter heading; an
        entry is followed only by more short entries."""
        if c.style.startswith("Heading"):
            return False
        chunks = self.chunks
        i = self.index.get(id(c))
        if i is None:
            return False
        for nxt in chunks[i + 1:]:
            t = _strip_marks(nxt.text)
            if nxt.table:
                continue
            if _BAB.match(t) and not _BAB.match(t).group(2).startswith(":"):
                return True
            if len(t) > 160 or list_item(t) is not None and len(t) > 60:
                return False
        return True

    def _is_running(self, plain: str) -> bool:
        rest = plain.upper()
        for h in sorted(self.running, key=len, reverse=True):
            rest = rest.replace(h, " ")
        return not rest.strip()

    def _next_number(self, style: str) -> int:
        blocks = self.blocks()
        if blocks and blocks[-1]["type"] == "list" and blocks[-1]["style"] == style:
            return blocks[-1].get("start", 1) + len(blocks[-1]["items"])
        return 1

    def _current_bab(self) -> dict | None:
        for sec in reversed(self.outline):
            if sec["kind"] == "bab":
                return sec
        return None


def parse_chunks(chunks: list[Chunk], source: str, unit: str, running: tuple[str, ...] = ()) -> tuple[list[dict], NarrativeReport]:
    """The outline (as :func:`~.store.install_outline` takes it) and the report."""
    report = NarrativeReport(source, unit)
    heads = {_strip_marks(h).upper() for h in running if h}
    for h in list(heads):
        heads.update(p for p in re.split(r"\s+(?=\d{4}$)", h) if p)
    b = _Builder(heads, report)
    b.chunks = chunks
    b.index = {id(c): i for i, c in enumerate(chunks)}
    for c in chunks:
        b.feed(c)
    if not b.bab:
        raise NarrativeImportError("narrative.no_chapters", source=source, count=len(chunks),
                                   unit=UNIT_WORDS.get(unit) or Text(unit, unit))
    report.sections = sum(1 + len(s["children"]) for s in b.outline)
    # the contents lists are generated: make sure both exist even when the source had none
    kinds = [s["kind"] for s in b.outline]
    first_bab = kinds.index("bab")
    for kind, judul in (("daftar_isi", "Daftar Isi"), ("daftar_tabel", "Daftar Tabel")):
        if kind not in kinds:
            b.outline.insert(first_bab, {"kind": kind, "judul": judul, "blocks": [], "children": []})
            first_bab += 1

    unknown = set()
    for sec in b.outline:
        for s in [sec] + sec["children"]:
            for runs in fmt.iter_runs(s["blocks"]):
                unknown.update(fieldmod.unknown_in(runs_text(runs)))
    report.unknown_fields = sorted("{" + u + "}" for u in unknown)
    return b.outline, report


def parse_text(text: str, source: str = "teks", running: tuple[str, ...] = ()) -> tuple[list[dict], NarrativeReport]:
    return parse_chunks(chunks_from_text(text), source, "baris", running)


def parse_docx(path: str | Path, running: tuple[str, ...] = ()) -> tuple[list[dict], NarrativeReport]:
    path = Path(path)
    return parse_chunks(chunks_from_docx(path), path.name, "paragraf", running)


def running_of(doc: "RenjaDocument") -> tuple[str, ...]:
    a, b = doc.running_header()
    return (a, b, "RENCANA KERJA", str(doc.info["tahun"]))


def docx_as_text(path: Path) -> str:
    """A .docx as the table importer reads a whole Renja: paragraphs as lines, table rows as
    tab-separated lines."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines += [Paragraph(el, document).text, ""]
        elif tag == "tbl":
            for row in Table(el, document).rows:
                lines.append("\t".join(c.text.replace("\n", " ").replace("\t", " ") for c in row.cells))
            lines.append("")
    return "\n".join(lines)


def import_narrative(doc: "RenjaDocument", source: str | Path, replace: bool = False,
                     text: str | None = None, tables: bool = False) -> NarrativeReport:
    """Read the narrative of ``source`` (.docx, .txt/.md) into the document's outline.

    Refused (nothing changed) when the document already has an outline and ``replace`` is false,
    when the source cannot be read, or when it holds no Renja chapters. With ``replace`` the old
    outline is replaced in one transaction (tables placed where the source puts them). With
    ``tables`` the source's tables are also read by the table importer (same transaction); its
    report is kept as ``report.table_report``.
    """
    path = Path(source)
    running = running_of(doc)
    if text is not None:
        outline, report = parse_text(text, path.name, running)
    else:
        if not path.is_file():
            raise NarrativeImportError("narrative.missing", path=path)
        suffix = path.suffix.lower()
        if suffix == ".docx":
            outline, report = parse_docx(path, running)
        elif suffix in (".txt", ".md", ".text", ""):
            raw = path.read_bytes()
            try:
                content = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                content = raw.decode("cp1252", errors="replace")
            if "\x00" in content:
                raise NarrativeImportError("narrative.not_text", name=path.name)
            outline, report = parse_text(content, path.name, running)
            text = content
        elif suffix == ".doc":
            raise NarrativeImportError("narrative.old_doc", name=path.name)
        else:
            raise NarrativeImportError("narrative.kind", suffix=path.suffix)
    existing = rows(doc)
    if existing and not replace:
        raise NarrativeImportError("narrative.has_text")
    with doc.batch():
        if tables:
            table_text = text if text is not None else docx_as_text(path)
            try:
                report.table_report = import_text(doc, table_text, source=path.name)
            except ImportFailure as exc:
                raise NarrativeImportError("narrative.tables", name=path.name, reason=exc) from None
        InstallOutline(outline, replace=True).apply(doc)
    return report


# ------------------------------------------------------------------------------ one section's text
_MARK_TABLE = re.compile(r"^\[Tabel (\d\.\d)\]$")
_MARK_GEN = re.compile(r"^\[teks terhitung: ([a-z_]+)\]$")


def blocks_from_plain(text: str, images: list[dict] | None = None) -> list[dict]:
    """One section's text as :func:`~.format.plain_text` writes it, back into blocks.

    Every line is a paragraph (blank lines are ignored); a line starting
    with a list marker ("1.", "a.", "I.", "1)", "-", "•") is a list item, indented by three spaces
    per level; ``**bold**`` and ``*italic*`` marks are kept; ``[Tabel 4.1]``, ``[tanda tangan]``,
    ``[teks terhitung: ringkasan_pagu]`` place a table, the signature, a generated passage;
    ``[gambar]`` keeps the section's images (``images``) in their order.
    """
    images = list(images or [])
    blocks: list[dict] = []
    para: list[str] = []
    stack: list[tuple[int, dict]] = []   # (depth, list block) of the list being written

    def end_para() -> None:
        if para:
            blocks.append(fmt.paragraph(" ".join(para)))
            para.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            end_para()
            continue
        marker = None
        m = _MARK_TABLE.match(stripped)
        if m:
            end_para(); stack.clear()
            blocks.append({"type": "table_ref", "tabel": m.group(1)})
            continue
        m = _MARK_GEN.match(stripped)
        if m:
            end_para(); stack.clear()
            blocks.append({"type": "generated", "kind": m.group(1)})
            continue
        if stripped == "[tanda tangan]":
            end_para(); stack.clear()
            blocks.append({"type": "signature"})
            continue
        if stripped == "[gambar]":
            end_para(); stack.clear()
            if images:
                blocks.append(images.pop(0))
            continue
        item = list_item(stripped)
        if item is not None:
            marker = item
        if marker is None:
            if stack and raw.startswith(" "):  # an indented line goes on with the item above
                lb = stack[-1][1]
                it = lb["items"][-1]
                it["runs"] = merge_runs(it["runs"] + [{"text": " "}] + runs_from_marked(stripped))
                continue
            stack.clear()
            para.append(stripped)
            end_para()
            continue
        end_para()
        style, num, rest = marker
        depth = (len(line) - len(line.lstrip(" "))) // 3
        while stack and stack[-1][0] > depth:
            stack.pop()
        item_d = {"runs": runs_from_marked(rest)}
        top = stack[-1][1] if stack else None
        if top is not None and stack[-1][0] == depth and top["style"] == style \
                and (style == "bullet" or top.get("start", 1) + len(top["items"]) == num):
            top["items"].append(item_d)
        elif stack and stack[-1][0] < depth:
            parent = stack[-1][1]["items"][-1]
            sub = {"type": "list", "style": style, "items": [item_d]}
            if num != 1:
                sub["start"] = num
            parent["sub"] = sub
            stack.append((depth, sub))
        else:
            lb = {"type": "list", "style": style, "items": [item_d]}
            if num != 1:
                lb["start"] = num
            if stack:
                stack.pop()
            if depth == 0 or not stack:
                blocks.append(lb)
            stack.append((depth, lb))
    end_para()
    return blocks
