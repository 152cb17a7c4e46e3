"""Versioned nomenclature catalogs: the official list of codes and names, one file per version.

The list changes every year and a code can change meaning between versions (docs/domain.md, "Codes"),
so a catalog has a version, a document names the version it follows
(``doc.info['nomenklatur_versi']``), and users can load a newer list from a CSV/TSV/XLSX file
offline (``renja-desktop catalog load FILE --versi NAME``), stored in the user's data folder.

Bundled versions live in ``db/catalog/`` (built by ``db/build_catalog.py`` from the reference
lists and by ``scripts/build_catalog_sipd.py`` from the SIPD export of the newest list, the default). Lookups are by code (the generic penunjang program ``X.XX.01`` answers for any bidang's
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


#: suffixes the official lists themselves add to a name for one kind of pemda: "PROGRAM PENUNJANG
#: URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" and "... DAERAH PROVINSI" are the list's "PROGRAM
#: PENUNJANG URUSAN PEMERINTAHAN DAERAH" (normalised text, longest first)
PEMDA_SUFFIXES = (" kabupaten kota", " kabupaten", " kota", " provinsi")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The normalised name without the pemda suffix and without spaces: the key two names that the
    official lists treat as the same name share (spelling with or without spaces included)."""
    n = normalize_name(text)
    for suffix in PEMDA_SUFFIXES:
        if n.endswith(suffix) and "penunjang" in n:
            n = n[: -len(suffix)]
            break
    return n.replace(" ", "")


def same_name(a: str, b: str) -> bool:
    """Equal names as the official lists use them (case, punctuation, spaces, pemda suffix)."""
    return bool(a.strip() and b.strip()) and name_key(a) == name_key(b)


def name_similarity(a: str, b: str) -> float:
    if same_name(a, b):
        return 1.0
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

    def search(self, query: str, limit: int | None = 20) -> list[CatalogEntry]:
        """The first ``limit`` hits of :meth:`search_all` (all of them with ``limit=None``)."""
        hits = self.search_all(query)
        return hits if limit is None else hits[:limit]

    def search_all(self, query: str) -> list[CatalogEntry]:
        """By code prefix (``8.01.06``) or by words of the name; each code and name once (the
        provinsi/kabupaten-kota twins of a row with the same name are one hit), in code order.
        When no name holds all the words, the closest names (fuzzy) in order of closeness."""
        q = query.strip()
        if not q:
            return []
        if re.fullmatch(r"[0-9X][0-9X. ]*", q, re.IGNORECASE):
            prefix = q.replace(" ", "").upper().rstrip(".")
            try:
                prefix = codes.normalize_code(prefix)
            except CodeError:
                pass
            found = [e for e in self.entries if e.kode == prefix or e.kode.startswith(prefix + ".")]
            return _unique(sorted(found, key=lambda e: (code_sort_key(e.kode), e.jenis)))
        nq = normalize_name(q)
        words = nq.split()
        found = [e for e in self.entries if all(w in normalize_name(e.nama) for w in words)]
        if found:
            return _unique(sorted(found, key=lambda e: (code_sort_key(e.kode), e.jenis)))
        scored = []
        for e in self.entries:
            r = difflib.SequenceMatcher(None, nq, normalize_name(e.nama), autojunk=False).quick_ratio()
            if r >= 0.75:
                scored.append((-r, code_sort_key(e.kode), e.jenis, e))
        scored.sort(key=lambda t: t[:3])
        return _unique([t[3] for t in scored])

    def best_name_match(self, nama: str, tingkat: int | None = None) -> tuple[CatalogEntry | None, float]:
        best, score = None, 0.0
        for e in self.entries:
            if tingkat is not None and e.tingkat != tingkat:
                continue
            s = name_similarity(nama, e.nama)
            if s > score:
                best, score = e, s
        return best, score


def code_sort_key(kode: str) -> tuple:
    """Natural order of codes: ``1.02`` before ``1.10``, the generic ``X.XX`` rows first."""
    return tuple((0, int(p)) if p.isdigit() else (-1, 0) for p in kode.split("."))


def _unique(entries: list[CatalogEntry]) -> list[CatalogEntry]:
    seen: set[tuple[str, str]] = set()
    out = []
    for e in entries:
        key = (e.kode, name_key(e.nama))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


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


def new_document_version() -> str:
    """The version a new document follows unless the user picks another: the newest one, i.e. the
    user's own newest loaded list if any, else the bundled default."""
    return default_version()


def resolve_new_version(versi: str | None) -> str:
    """``new --nomenklatur``: ``None`` -> the default for new documents, ``'-'`` -> none (no
    catalog check), else a version that must exist (an Indonesian :class:`CatalogError` if not)."""
    if versi is None:
        return new_document_version()
    versi = versi.strip()
    if versi in ("-", ""):
        return ""
    names = [v["versi"] for v in available_versions()]
    if versi not in names:
        raise CatalogError(f"versi nomenklatur '{versi}' tidak dikenal; yang tersedia: {', '.join(names)}")
    return versi


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


# ------------------------------------------------------------------------------ between versions
SAME, RENAMED, MOVED, SPLIT, REMOVED, ADDED = "sama", "ganti_nama", "pindah", "pecah", "hapus", "baru"
MAPPING_LABEL = {SAME: "tetap", RENAMED: "ganti nama", MOVED: "pindah kode", SPLIT: "dipecah",
                 REMOVED: "dihapus", ADDED: "baru"}


@dataclass(frozen=True)
class CodeMapping:
    """What became of one code from version ``dari`` to version ``ke``.

    ``jenis``: 'sama' (same code, same name), 'ganti_nama' (same code, another name), 'pindah'
    (the row lives on under another code), 'pecah' (split into several codes), 'hapus' (gone),
    'baru' (only in ``ke``). ``tujuan``: the code(s) in ``ke``; empty for 'hapus'.
    """

    kode: str
    jenis: str
    tujuan: tuple[str, ...] = ()
    nama_lama: str = ""
    nama_baru: tuple[str, ...] = ()
    keterangan: str = ""

    def as_dict(self) -> dict:
        d = asdict(self)
        d["tujuan"], d["nama_baru"] = list(self.tujuan), list(self.nama_baru)
        d["label"] = MAPPING_LABEL.get(self.jenis, self.jenis)
        return d


def _names_by_code(cat: Catalog, jenis: str) -> dict[str, CatalogEntry]:
    """Every code a pemda of this kind can use, with the entry that names it: its own rows and the
    rows for both kinds; the other kind's own codes are left out (they are not its rows to map to),
    except the urusan rows every pemda has."""
    out: dict[str, CatalogEntry] = {}
    for kode, found in cat.by_kode.items():
        mine = [x for x in found if x.jenis in (jenis, "")] or [x for x in found if x.tingkat == 1]
        if mine:
            out[kode] = next((x for x in mine if x.jenis == jenis), mine[0])
    return out


def _closest(kode: str, targets: list[str]) -> list[str]:
    """Of several new codes that carry the old row's name, the ones nearest the old code: under the
    same parent, else the same program and kind of kegiatan, else the same program (the lists repeat
    a row under the kegiatan of a special autonomy region, which is not where the row went)."""
    parts = kode.split(".")
    for n in dict.fromkeys((len(parts) - 1, 4, 3)):
        if 0 < n < len(parts):
            near = [t for t in targets if t.split(".")[:n] == parts[:n]]
            if near:
                return near
    return targets


def _mapping_file(a: str, b: str) -> Path:
    return bundled_dir() / "pemetaan" / f"{a}__{b}.tsv"


def _explicit_mapping(a: str, b: str) -> dict[str, tuple[str, tuple[str, ...], str]]:
    """Hand-made mapping rows (``db/catalog/pemetaan/A__B.tsv``: kode, jenis, tujuan, keterangan)."""
    path = _mapping_file(a, b)
    out: dict[str, tuple[str, tuple[str, ...], str]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        kode = (row.get("kode") or "").strip()
        if kode:
            tujuan = tuple(t.strip() for t in (row.get("tujuan") or "").split(",") if t.strip())
            out[kode] = ((row.get("jenis") or "").strip(), tujuan, (row.get("keterangan") or "").strip())
    return out


@lru_cache(maxsize=8)
def _version_mapping(a: str, b: str, jenis: str) -> dict[str, CodeMapping]:
    old = _names_by_code(get_catalog(a), jenis)
    new = _names_by_code(get_catalog(b), jenis)
    fresh = {k: e for k, e in new.items() if k not in old}
    fresh_names: dict[int, list[tuple[str, str]]] = {}
    for k, e in fresh.items():
        fresh_names.setdefault(e.tingkat, []).append((k, normalize_name(e.nama)))
    by_name: dict[tuple[int, str], list[str]] = {}
    everywhere: dict[tuple[int, str], list[str]] = {}
    for k, e in new.items():
        everywhere.setdefault((e.tingkat, name_key(e.nama)), []).append(k)
        if k in fresh:
            by_name.setdefault((e.tingkat, name_key(e.nama)), []).append(k)
    out: dict[str, CodeMapping] = {}
    claimed: set[str] = set()
    for k in sorted(old, key=code_sort_key):
        e = old[k]
        if k in new:
            n = new[k]
            if same_name(e.nama, n.nama) or _truncated(e.nama, n.nama):
                out[k] = CodeMapping(k, SAME, (k,), e.nama, (n.nama,))
                continue
            # the old name lives on under another code of the same parent: the row moved
            parent = k.rsplit(".", 1)[0]
            elsewhere = [t for t in everywhere.get((e.tingkat, name_key(e.nama)), [])
                         if t != k and t.rsplit(".", 1)[0] == parent]
            if len(elsewhere) == 1:
                out[k] = CodeMapping(k, MOVED, (elsewhere[0],), e.nama, (new[elsewhere[0]].nama,),
                                     f"kode {k} kini berarti '{n.nama}'")
            else:
                out[k] = CodeMapping(k, RENAMED, (k,), e.nama, (n.nama,))
            continue
        targets = _closest(k, [t for t in by_name.get((e.tingkat, name_key(e.nama)), []) if t not in claimed])
        if not targets:
            # split: several new rows at the same level whose names start with the old name
            key = normalize_name(e.nama)
            targets = [t for t, name in fresh_names.get(e.tingkat, ()) if t not in claimed
                       and len(key) >= 12 and name.startswith(key)]
            if len(targets) < 2:
                targets = []
        if len(targets) == 1:
            out[k] = CodeMapping(k, MOVED, (targets[0],), e.nama, (fresh[targets[0]].nama,))
        elif targets:
            targets.sort(key=code_sort_key)
            out[k] = CodeMapping(k, SPLIT, tuple(targets), e.nama, tuple(fresh[t].nama for t in targets))
        else:
            out[k] = CodeMapping(k, REMOVED, (), e.nama)
        claimed.update(targets)
    for k, (kind, tujuan, note) in _explicit_mapping(a, b).items():
        e = old.get(k)
        out[k] = CodeMapping(k, kind, tujuan, e.nama if e else "",
                             tuple(new[t].nama if t in new else "" for t in tujuan), note)
        claimed.update(tujuan)
    for k in sorted(fresh, key=code_sort_key):
        if k not in claimed:
            out.setdefault("+" + k, CodeMapping(k, ADDED, (k,), "", (fresh[k].nama,)))
    return out


def _truncated(old: str, new: str) -> bool:
    """A long name the older list cut off (a 255-character database column): not a new name."""
    a, b = normalize_name(old), normalize_name(new)
    return len(old) >= 200 and len(b) > len(a) and b.replace(" ", "").startswith(a.replace(" ", "")[:-3])


def map_code(kode: str, from_version: str, to_version: str, jenis: str = "kabkota") -> CodeMapping:
    """What ``kode`` of ``from_version`` is in ``to_version`` (for the year rollover and
    ``catalog diff``). A code of the agency's own bidang that the list holds as the generic
    penunjang ``X.XX.01...`` keeps its bidang in the answer."""
    try:
        kode = codes.normalize_code(kode)
    except CodeError:
        kode = kode.strip()
    mapping = _version_mapping(from_version, to_version, jenis)
    found = mapping.get(kode)
    if found is not None:
        return found
    parts = kode.split(".")
    if len(parts) >= 3 and parts[2] == "01":
        generic = ".".join(["X", "XX"] + parts[2:])
        g = mapping.get(generic)
        if g is not None:
            head = ".".join(parts[:2])
            fix = lambda t: head + t[4:] if t.startswith("X.XX") else t  # noqa: E731
            return CodeMapping(kode, g.jenis, tuple(fix(t) for t in g.tujuan), g.nama_lama,
                               g.nama_baru, g.keterangan)
    if get_catalog(to_version).lookup(kode, jenis) is not None:
        return CodeMapping(kode, ADDED, (kode,), "", (get_catalog(to_version).lookup(kode, jenis).nama,))
    return CodeMapping(kode, REMOVED, (), "", (), f"kode tidak ada di katalog {from_version}")


def diff_versions(a: str, b: str, jenis: str = "kabkota") -> list[CodeMapping]:
    """Every code that is not the same in both versions, in code order (``catalog diff A B``)."""
    items = [m for m in _version_mapping(a, b, jenis).values() if m.jenis != SAME]
    items.sort(key=lambda m: code_sort_key(m.kode))
    return items


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
    _version_mapping.cache_clear()
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
