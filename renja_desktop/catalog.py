"""Versioned nomenclature catalogs: the official list of codes and names, one file per version.

The list changes every year and a code can change meaning between versions (DESIGN.md section 2),
so a catalog has a version, a document names the version it follows
(``doc.info['nomenklatur_versi']``), and users can load a newer list from a CSV/TSV/XLSX file
offline (``renja-desktop catalog load FILE --versi NAME``), stored in the user's data folder.

Bundled versions live in ``db/catalog/`` (built by ``db/build_catalog.py`` from the reference
lists). Lookups are by code (the generic penunjang program ``X.XX.01`` answers for any bidang's
``.01`` rows) and by name, exact or fuzzy (:mod:`difflib`), to tell a spelling difference from a
different row.
"""
from __future__ import annotations

import csv
import difflib
import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import codes
from .codes import CodeError
from .errors import RenjaError
from .paths import data_dir, db_dir
from .readers import ImportFailure, file_source

if TYPE_CHECKING:  # pragma: no cover
    from .service import RenjaDocument

COLUMNS = ("kode", "tingkat", "jenis", "nama", "kinerja", "indikator", "satuan")


class CatalogError(RenjaError, ValueError):
    """A catalog that cannot be found or read; the message is Indonesian."""


@dataclass(frozen=True)
class CatalogEntry:
    kode: str
    tingkat: int
    nama: str
    jenis: str = ""          # 'provinsi', 'kabkota' or '' (both)
    kinerja: str = ""
    indikator: str = ""
    satuan: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def normalize_name(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces: ``"Kabupaten/ Kota"`` == ``"kabupaten/kota"``."""
    text = (text or "").lower()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def name_similarity(a: str, b: str) -> float:
    na, nb = normalize_name(a), normalize_name(b)
    if not na or not nb:
        return 0.0
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return 1.0
    return difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()


class Catalog:
    def __init__(self, versi: str, judul: str, entries: list[CatalogEntry], asal: str = "bawaan"):
        self.versi = versi
        self.judul = judul
        self.asal = asal
        self.by_kode: dict[str, list[CatalogEntry]] = {}
        for e in entries:
            self.by_kode.setdefault(e.kode, []).append(e)
        self.entries = entries

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, kode: str, jenis: str = "kabkota") -> CatalogEntry | None:
        """The entry for a code; program ``.01`` rows fall back to the generic ``X.XX.01`` ones."""
        try:
            kode = codes.normalize_code(kode)
        except CodeError:
            return None
        found = self.by_kode.get(kode)
        if not found:
            parts = kode.split(".")
            if len(parts) >= 3 and parts[2] == "01":
                found = self.by_kode.get(".".join(["X", "XX"] + parts[2:]))
            if not found and len(parts) == 2:
                found = None
        if not found:
            return None
        for e in found:
            if e.jenis == jenis:
                return e
        for e in found:
            if not e.jenis:
                return e
        return found[0]

    def search(self, query: str, limit: int = 20) -> list[CatalogEntry]:
        """By code prefix (``8.01.06``) or by words of the name (best fuzzy matches first)."""
        q = query.strip()
        if re.fullmatch(r"[0-9X][0-9X. ]*", q, re.IGNORECASE):
            prefix = q.replace(" ", "").upper().replace("XX", "XX")
            try:
                prefix = codes.normalize_code(prefix)
            except CodeError:
                pass
            return [e for e in self.entries if e.kode == prefix or e.kode.startswith(prefix + ".")][:limit]
        nq = normalize_name(q)
        words = nq.split()
        scored = []
        for e in self.entries:
            ne = normalize_name(e.nama)
            if all(w in ne for w in words):
                scored.append((0, -len(words), len(ne), e))
        if not scored:
            for e in self.entries:
                r = difflib.SequenceMatcher(None, nq, normalize_name(e.nama), autojunk=False).quick_ratio()
                if r >= 0.75:
                    scored.append((1, -r, 0, e))
        scored.sort(key=lambda t: (t[0], t[1], t[2], t[3].kode))
        return [t[3] for t in scored[:limit]]

    def best_name_match(self, nama: str, tingkat: int | None = None) -> tuple[CatalogEntry | None, float]:
        best, score = None, 0.0
        for e in self.entries:
            if tingkat is not None and e.tingkat != tingkat:
                continue
            s = name_similarity(nama, e.nama)
            if s > score:
                best, score = e, s
        return best, score


# ------------------------------------------------------------------------------ storage
def bundled_dir() -> Path:
    return db_dir() / "catalog"


def user_dir() -> Path:
    path = data_dir() / "katalog"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _bundled_meta() -> dict:
    path = bundled_dir() / "versions.json"
    if not path.exists():
        raise CatalogError(f"katalog bawaan tidak ditemukan ({path})")
    return json.loads(path.read_text(encoding="utf-8"))


def default_version() -> str:
    return _bundled_meta().get("bawaan", "")


def available_versions() -> list[dict]:
    """Every catalog version: bundled ones, then the user's own (``asal`` 'bawaan' / 'pengguna')."""
    out = []
    meta = _bundled_meta()
    for v in meta.get("versi", []):
        out.append({"versi": v["versi"], "judul": v.get("judul", ""), "baris": v.get("baris", 0),
                    "asal": "bawaan", "path": str(bundled_dir() / v["file"])})
    for path in sorted(user_dir().glob("*.tsv")):
        info_path = path.with_suffix(".json")
        info = {}
        if info_path.exists():
            try:
                info = json.loads(info_path.read_text(encoding="utf-8"))
            except ValueError:
                info = {}
        out.append({"versi": path.stem, "judul": info.get("judul", f"dimuat dari {info.get('sumber', '?')}"),
                    "baris": info.get("baris", 0), "asal": "pengguna", "path": str(path)})
    return out


def _read_tsv(path: Path) -> list[CatalogEntry]:
    entries = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in reader:
            kode = (row.get("kode") or "").strip()
            if not kode:
                continue
            try:
                tingkat = int(row.get("tingkat") or 0)
            except ValueError:
                tingkat = 0
            entries.append(CatalogEntry(kode, tingkat, (row.get("nama") or "").strip(),
                                        (row.get("jenis") or "").strip(), (row.get("kinerja") or "").strip(),
                                        (row.get("indikator") or "").strip(), (row.get("satuan") or "").strip()))
    return entries


@lru_cache(maxsize=8)
def _load(versi: str, path: str, mtime: float) -> Catalog:
    for v in available_versions():
        if v["versi"] == versi:
            return Catalog(versi, v["judul"], _read_tsv(Path(path)), v["asal"])
    raise CatalogError(f"katalog '{versi}' tidak ada")  # pragma: no cover


def get_catalog(versi: str | None = None) -> Catalog:
    """A catalog by version name (the user's own version wins over a bundled one of the same name)."""
    versi = (versi or "").strip() or default_version()
    found = [v for v in available_versions() if v["versi"] == versi]
    if not found:
        names = ", ".join(v["versi"] for v in available_versions())
        raise CatalogError(f"versi katalog '{versi}' tidak dikenal; yang tersedia: {names}")
    v = found[-1]
    path = Path(v["path"])
    return _load(versi, str(path), path.stat().st_mtime)


def catalog_for_document(doc: "RenjaDocument") -> Catalog | None:
    """The catalog the document names; ``None`` when it names none (the audit then skips it)."""
    versi = (doc.info.get("nomenklatur_versi") or "").strip()
    if not versi:
        return None
    return get_catalog(versi)


def pemda_jenis(doc: "RenjaDocument") -> str:
    return "provinsi" if (doc.info.get("pemda") or "").lower().startswith("provinsi") else "kabkota"


# ------------------------------------------------------------------------------ loading a newer list
_HEADER_FIELDS = {
    "kode": ("kode", "kode rekening", "kd"),
    "nama": ("nomenklatur", "nama", "uraian", "urusan", "program", "kegiatan", "sub kegiatan"),
    "satuan": ("satuan",),
    "indikator": ("indikator",),
    "kinerja": ("kinerja", "hasil", "keluaran"),
}


def _field_of(header: str) -> str | None:
    h = normalize_name(header)
    if not h:
        return None
    if h.startswith("kode"):
        return "kode"
    if "satuan" in h:
        return "satuan"
    if "indikator" in h:
        return "indikator"
    if "kinerja" in h or "keluaran" in h:
        return "kinerja"
    if any(w in h for w in ("nomenklatur", "nama", "uraian", "program", "kegiatan", "urusan")):
        return "nama"
    return None


def read_catalog_file(path: Path, sheet: str | None = None) -> tuple[list[CatalogEntry], list[str]]:
    """Entries from a CSV/TSV/XLSX list with a header row (Kode, Nomenklatur/Nama, Satuan...).

    Returns the entries and one Indonesian note per row that was skipped (with its row number).
    """
    try:
        src = file_source(path, sheet)
    except ImportFailure as exc:
        raise CatalogError(str(exc)) from None
    header_idx = None
    columns: dict[str, int] = {}
    for k, row in enumerate(src.rows[:30]):
        cols = {}
        for i, cell in enumerate(row.cells):
            f = _field_of(cell)
            if f and f not in cols:
                cols[f] = i
        if "kode" in cols and "nama" in cols:
            header_idx, columns = k, cols
            break
    if header_idx is None:
        raise CatalogError(
            f"{src.label}: baris kepala kolom tidak ditemukan; kolom 'Kode' dan 'Nomenklatur' (atau 'Nama') wajib ada"
        )
    entries, skipped = [], []
    for row in src.rows[header_idx + 1:]:
        if row.is_blank():
            continue
        get = lambda f: row.cells[columns[f]].strip() if f in columns and columns[f] < len(row.cells) else ""  # noqa: E731
        raw = re.sub(r"\s+", "", get("kode"))
        nama = " ".join(get("nama").split())
        if not raw and not nama:
            continue
        try:
            kode = codes.normalize_code(raw) if not raw.upper().startswith("X") else raw.upper()
            tingkat = codes.code_level(kode) if not kode.startswith("X") else len(kode.split("."))
        except CodeError as exc:
            skipped.append(f"{src.label} baris {row.line}, kolom Kode: {exc}")
            continue
        if not nama:
            skipped.append(f"{src.label} baris {row.line}, kolom Nomenklatur: nama kosong untuk kode {kode}")
            continue
        entries.append(CatalogEntry(kode, tingkat, nama, "", get("kinerja"), get("indikator"), get("satuan")))
    if not entries:
        raise CatalogError(f"{src.label}: tidak ada baris katalog yang sah" +
                           (f" ({skipped[0]})" if skipped else ""))
    return entries, skipped


#: a version name: the stem of the stored file (``catalog load --versi``)
VERSION_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}")
VERSION_NAME_MAX = 61


def version_name_problem(versi: str) -> tuple[str, str] | None:
    """Why ``versi`` is not a valid version name, or ``None``: ``(kind, detail)`` with kind one of
    'kosong', 'panjang' (detail: the length), 'awal' (the first character) or 'karakter' (the
    characters not allowed, quoted); the GUI words the message in the user's language."""
    versi = versi or ""
    if not versi:
        return "kosong", ""
    if len(versi) > VERSION_NAME_MAX:
        return "panjang", str(len(versi))
    if not re.fullmatch(r"[A-Za-z0-9]", versi[0]):
        return "awal", versi[0]
    bad = []
    for ch in versi:
        if not re.fullmatch(r"[A-Za-z0-9._-]", ch) and f"'{ch}'" not in bad:
            bad.append(f"'{ch}'")
    if bad:
        return "karakter", ", ".join(bad)
    return None


def load_user_catalog(path: str | Path, versi: str, sheet: str | None = None, overwrite: bool = False) -> dict:
    """Read a newer list and store it as version ``versi`` in the user's data folder."""
    path = Path(path)
    if not VERSION_NAME_RE.fullmatch(versi or ""):
        raise CatalogError(f"nama versi '{versi}' tidak sah (huruf, angka, titik, garis bawah, tanda hubung)")
    target = user_dir() / f"{versi}.tsv"
    if target.exists() and not overwrite:
        raise CatalogError(f"versi katalog '{versi}' sudah dimuat; pakai --force untuk menggantinya")
    entries, skipped = read_catalog_file(path, sheet)
    tmp = target.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(COLUMNS)
        for e in entries:
            w.writerow([e.kode, e.tingkat, e.jenis, e.nama.replace("\t", " "), e.kinerja.replace("\t", " "),
                        e.indikator.replace("\t", " "), e.satuan.replace("\t", " ")])
    tmp.replace(target)
    info = {"versi": versi, "judul": f"dimuat dari {path.name}", "sumber": path.name, "baris": len(entries),
            "dilewati": skipped[:50], "dilewati_jumlah": len(skipped)}
    target.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    _load.cache_clear()
    info["path"] = str(target)
    return info


# ------------------------------------------------------------------------------ sumber dana
@dataclass(frozen=True)
class SumberDanaEntry:
    kode: str
    tingkat: int
    nama: str


@lru_cache(maxsize=1)
def sumber_dana_entries() -> tuple[SumberDanaEntry, ...]:
    path = bundled_dir() / "sumber_dana_2020.tsv"
    if not path.exists():
        return ()
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
            try:
                out.append(SumberDanaEntry(row["kode"].strip(), int(row["tingkat"] or 0), row["nama"].strip()))
            except (KeyError, ValueError):
                continue
    return tuple(out)


def match_sumber_dana(nama: str) -> SumberDanaEntry | None:
    """The funding-source entry whose name is the same as ``nama`` (ignoring case, spaces and
    punctuation); the most detailed one when several levels share the name. No fuzzy guessing."""
    key = normalize_name(nama).replace(" ", "")
    return _sumber_dana_index().get(key) if key else None


@lru_cache(maxsize=1)
def _sumber_dana_index() -> dict[str, SumberDanaEntry]:
    index: dict[str, SumberDanaEntry] = {}
    for e in sumber_dana_entries():
        key = normalize_name(e.nama).replace(" ", "")
        if key not in index or e.tingkat > index[key].tingkat:
            index[key] = e
    return index
