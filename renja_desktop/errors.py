"""Typed errors: one base class carrying a message key and its arguments, translated at the edge.

``raise EditError("edit.row_missing")`` or ``raise NumberError("number.not_rupiah", text=raw)``:
the key names the message in :data:`MESSAGES` (Indonesian and English), the arguments fill it.
Nothing is translated where the error is raised: the command line prints ``galat: <message>`` in
Indonesian, the window shows :func:`message` in its language (``str(exc)`` gives the message in the
current language of :mod:`renja_desktop.i18n`). Code decides by the error's class or ``key``,
never by its text.

An argument may itself be an error (its message in the same language), a :class:`Text` (an
Indonesian/English pair, e.g. :func:`level_text`) or anything printable. A key not in the catalog is
read as the (Indonesian) message itself: older messages not yet given a key keep working.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from . import registry
from .i18n import language as current_language, pick


class Text(NamedTuple):
    """A word or phrase in both languages, as an argument of a message."""

    id: str
    en: str


def level_text(level: int | None, lower: bool = False) -> Text:
    """The name of a level of the program tree, for a message."""
    item = registry.LEVELS.get(level)  # type: ignore[arg-type]
    if item is None:
        return Text("?", "?")
    if lower:
        return Text(item.id.lower(), item.en.lower())
    return Text(item.id, item.en)


def field_text(key: str, store: str | None = None) -> Text:
    """A field's label, for a message."""
    return Text(registry.field_label(key, store, "id"), registry.field_label(key, store, "en"))


#: key -> (Indonesian, English); ``{name}`` are the arguments
MESSAGES: dict[str, tuple[str, str]] = {
    # numbers (formatting)
    "number.rupiah_empty": ("nilai rupiah kosong", "empty Rupiah amount"),
    "number.not_rupiah": ("'{text}' bukan angka rupiah", "'{text}' is not a Rupiah amount"),
    "number.negative": ("'{text}': rupiah tidak boleh negatif", "'{text}': a Rupiah amount cannot be negative"),
    "number.not_whole": ("'{text}' bukan jumlah rupiah bulat", "'{text}' is not a whole Rupiah amount"),
    "number.bad_rupiah": ("'{text}' bukan angka rupiah yang sah (contoh: 1.500.000)",
                          "'{text}' is not a valid Rupiah amount (for example 1.500.000)"),
    "number.too_big": ("'{text}' terlalu besar: satu nilai paling banyak Rp {max} (di bawah 100 triliun)",
                       "'{text}' is too large: one amount is at most Rp {max} (under 100 trillion)"),
    "number.not_number": ("'{text}' bukan angka", "'{text}' is not a number"),
    "number.sheet_error": ("'{text}' adalah galat lembar kerja, bukan angka",
                           "'{text}' is a spreadsheet error, not a number"),
    "number.bad_number": ("'{text}' bukan angka yang sah", "'{text}' is not a valid number"),
    # codes
    "code.empty": ("kode kosong", "empty code"),
    "code.segments": ("kode '{text}' tidak berbentuk U.BB.PP.K.KK.SSSS (jumlah segmen {count})",
                      "code '{text}' is not of the form U.BB.PP.K.KK.SSSS ({count} segments)"),
    "code.segment": ("kode '{text}': segmen ke-{index} '{part}' harus {rule}",
                     "code '{text}': segment {index} '{part}' must be {rule}"),
    # the document and its edits
    "edit.readonly": ("Dokumen dibuka hanya-baca: perubahan tidak disimpan.",
                      "The document is open read-only: changes are not saved."),
    "edit.row_missing": ("baris tidak ditemukan (mungkin sudah dihapus)", "row not found (it may have been deleted)"),
    "edit.parent_missing": ("baris induk tidak ditemukan", "parent row not found"),
    "edit.target_missing": ("baris tujuan tidak ditemukan", "target row not found"),
    "edit.nothing_selected": ("tidak ada baris yang dipilih", "no row selected"),
    "edit.year": ("tahun rencana '{value}' tidak sah (harus antara 2000 dan 2100)",
                  "plan year '{value}' is not valid (it must be between 2000 and 2100)"),
    "edit.unknown_identity": ("isian identitas tidak dikenal: {names}", "unknown identity field: {names}"),
    "edit.not_a_year": ("{field}: '{value}' bukan tahun yang sah", "{field}: '{value}' is not a valid year"),
    "edit.year_range": ("{field}: tahun {year} di luar rentang 2000-2100", "{field}: year {year} is outside 2000-2100"),
    "edit.nip": ("NIP '{value}' harus 18 digit (sekarang {digits} digit)",
                 "NIP '{value}' must have 18 digits (it has {digits})"),
    "edit.bad_code": ("Kode tidak sah: {reason}", "Invalid code: {reason}"),
    "edit.code_level": ("Kode '{kode}' adalah kode {actual}, bukan {level}",
                        "Code '{kode}' is a code of level {actual}, not {level}"),
    "edit.code_parent": ("Kode '{kode}' tidak berada di bawah kode induk '{parent}'",
                         "Code '{kode}' is not under the parent's code '{parent}'"),
    "edit.code_taken": ("Kode '{kode}' sudah dipakai oleh '{nama}'", "Code '{kode}' is already used by '{nama}'"),
    "edit.value": ("{row}, kolom {field}: {reason}", "{row}, column {field}: {reason}"),
    "edit.money_on_parent": ("{row}: {field} hanya diisi pada sub kegiatan; pagu {level} dihitung dari rinciannya",
                             "{row}: {field} is entered on sub-activities only; the budget of this {level} is the sum of its rows"),
    "edit.too_big": ("{row}, kolom {field}: angka terlalu besar", "{row}, column {field}: number too large"),
    "edit.unknown_field": ("kolom '{field}' tidak dikenal untuk {what}", "unknown column '{field}' for {what}"),
    "edit.bad_level": ("tingkat {level} tidak sah", "level {level} is not valid"),
    "edit.level_under": ("{level} tidak dapat berada langsung di bawah {parent}",
                         "{level} cannot be directly under {parent}"),
    "edit.name_empty": ("Nama baris {kode} tidak boleh kosong", "The name of row {kode} cannot be empty"),
    "edit.row_name_empty": ("{row}: nama tidak boleh kosong", "{row}: the name cannot be empty"),
    "edit.move_level": ("{level} {row} tidak dapat dipindah ke bawah {where}", "{level} {row} cannot be moved under {where}"),
    "edit.top_level": ("tingkat teratas", "the top level"),
    "edit.move_into_itself": ("baris tidak dapat dipindahkan ke dalam dirinya sendiri",
                              "a row cannot be moved into itself"),
    "edit.unknown_indicator_field": ("isian indikator tidak dikenal: {names}", "unknown indicator field: {names}"),
    "edit.funding_on_parent": ("{row}: sumber dana hanya diisi pada sub kegiatan",
                               "{row}: funding sources are entered on sub-activities only"),
    "edit.funding_value": ("{row}, sumber dana ke-{index}: {reason}", "{row}, funding source {index}: {reason}"),
    "edit.funding_name": ("{row}, sumber dana ke-{index}: nama sumber dana kosong",
                          "{row}, funding source {index}: the name is empty"),
    "edit.eval_money_on_parent": ("{row}: nilai Rp hanya diisi pada sub kegiatan; induk dihitung",
                                  "{row}: Rp values are entered on sub-activities only; parents are computed"),
    "edit.not_negative": ("{row}, kolom {field}: tidak boleh negatif", "{row}, column {field}: cannot be negative"),
    "edit.unknown_list": ("daftar '{name}' tidak dikenal", "unknown list '{name}'"),
    "edit.unknown_list_fields": ("kolom tidak dikenal untuk {name}: {names}", "unknown columns for {name}: {names}"),
    "edit.unknown_table": ("tabel '{name}' tidak dikenal", "unknown table '{name}'"),
    "edit.plan_row": ("baris rencana", "a plan row"),
    "edit.eval_row": ("Tabel 2.1", "Table 2.1"),
    "edit.paste_under": ("{level} tidak dapat ditempel di bawah {parent}", "{level} cannot be pasted under {parent}"),
    "edit.paste_top": ("{level} tidak dapat ditempel di tingkat teratas", "{level} cannot be pasted at the top level"),
    # document files
    "file.missing": ("Berkas '{name}' tidak ditemukan.", "File '{name}' was not found."),
    "file.folder": ("'{name}' adalah folder, bukan berkas Renja.", "'{name}' is a folder, not a Renja file."),
    "file.empty": ("Berkas '{name}' kosong (0 byte): bukan dokumen Renja.",
                   "File '{name}' is empty (0 bytes): not a Renja document."),
    "file.not_sqlite": ("Berkas '{name}' bukan dokumen Renja Desktop (bukan berkas SQLite). "
                        "Gunakan menu Impor untuk tabel dari Word/Excel.",
                        "File '{name}' is not a Renja Desktop document (not an SQLite file). "
                        "Use the Import menu for tables from Word/Excel."),
    "file.foreign": ("Berkas '{name}' adalah basis data SQLite milik aplikasi lain, bukan dokumen Renja Desktop.",
                     "File '{name}' is another application's SQLite database, not a Renja Desktop document."),
    "file.newer": ("Berkas '{name}' dibuat oleh Renja Desktop versi yang lebih baru (format {version}, "
                   "aplikasi ini format {ours}). Perbarui aplikasi untuk membukanya.",
                   "File '{name}' was made by a newer Renja Desktop (format {version}; this application "
                   "reads format {ours}). Update the application to open it."),
    "file.exists": ("Berkas '{name}' sudah ada; pilih nama lain.", "File '{name}' already exists; choose another name."),
    "file.no_folder": ("Folder '{folder}' tidak ada.", "Folder '{folder}' does not exist."),
    "file.no_identity": ("Berkas '{name}' tidak berisi identitas dokumen.",
                         "File '{name}' holds no document identity."),
    "file.unloadable": ("Berkas '{name}' tidak dapat dimuat: {reason}", "File '{name}' cannot be loaded: {reason}"),
    # the document and its edits (continued)
    "edit.unknown_step": ("langkah urung tidak dikenal: {target}", "unknown undo step: {target}"),
    "edit.stale": (
        "Berkas '{name}' telah diubah oleh program lain sejak dimuat (mis. perintah renja-desktop atau "
        "jendela lain). Isinya sudah dimuat ulang; perubahan ini tidak disimpan, silakan ulangi.",
        "File '{name}' was changed by another program since it was loaded (e.g. a renja-desktop command "
        "or another window). Its content has been reloaded; this change was not saved, please repeat it."),
    "edit.snapshot_in_batch": ("salinan dokumen tidak dapat diambil di tengah satu transaksi",
                               "a copy of the document cannot be taken in the middle of a transaction"),
    "edit.restore_in_batch": ("salinan dokumen tidak dapat dipulihkan di tengah satu transaksi",
                              "a copy of the document cannot be restored in the middle of a transaction"),
    "edit.snapshot_foreign": ("salinan bukan dokumen Renja Desktop", "the copy is not a Renja Desktop document"),
    "edit.snapshot_other": ("salinan berasal dari dokumen lain", "the copy comes from another document"),
    "edit.fixed": (
        "dokumen sudah ditetapkan (tahap '{stage}' dibekukan); suntingan hanya lewat Perubahan Renja: "
        "mulai {next} (menu Tahap ▸ Mulai Perubahan Renja, atau 'renja-desktop stage {name} perubahan'), "
        "lalu ulangi",
        "the document is adopted (stage '{stage}' is frozen); edits go through a Renja amendment only: "
        "start {next} (menu Stages ▸ Start a Renja amendment (Perubahan), or 'renja-desktop stage {name} "
        "perubahan'), then repeat"),
    "edit.parent_gone": ("baris induk tidak ada lagi di berkas (dihapus oleh program lain?)",
                         "the parent row is no longer in the file (deleted by another program?)"),
    "edit.parent_code_changed": ("kode induk berubah di berkas menjadi '{kode}' (oleh program lain?)",
                                 "the parent's code changed in the file to '{kode}' (by another program?)"),
    "edit.code_taken_in_file": ("Kode '{kode}' sudah dipakai di berkas (ditambahkan oleh program lain?)",
                                "Code '{kode}' is already used in the file (added by another program?)"),
    # document files (continued)
    "file.not_utf8": (
        "Berkas '{name}' rusak: ada teks yang tidak terbaca (bukan UTF-8). Berkas tidak diubah; pulihkan "
        "dari cadangan atau selamatkan isinya (renja-desktop recover).",
        "File '{name}' is damaged: some text cannot be read (not UTF-8). The file was not changed; "
        "restore it from a backup or rescue its content (renja-desktop recover)."),
    # stages
    "stage.missing": ("tahap '{nama}' tidak ada di dokumen '{name}' (ada: {known})",
                      "stage '{nama}' is not in document '{name}' (there are: {known})"),
    "stage.format": ("isi tahap memakai format yang tidak dikenal (dari versi aplikasi yang lebih baru?)",
                     "the stage's content uses an unknown format (from a newer version of the application?)"),
    "stage.name_empty": ("nama tahap kosong; contoh: Rancangan Awal", "empty stage name; for example: Rancangan Awal"),
    "stage.name_long": ("nama tahap terlalu panjang ({count} huruf, paling banyak 80)",
                        "stage name too long ({count} characters, at most 80)"),
    "stage.name_reserved": ("'{nama}' dipakai untuk keadaan kerja saat ini; pilih nama tahap lain",
                            "'{nama}' names the current working state; choose another stage name"),
    "stage.gone": ("tahap itu sudah tidak ada di dokumen", "that stage is no longer in the document"),
    "stage.two_documents": (
        "'{a}' dan '{b}' berasal dari dua dokumen berbeda; hanya tahap dari dokumen yang sama yang dapat "
        "dibandingkan",
        "'{a}' and '{b}' come from two different documents; only stages of the same document can be "
        "compared"),
    "stage.unreadable": ("isi tahap tidak dapat dibaca (rusak): {reason}",
                         "the stage's content cannot be read (damaged): {reason}"),
    "stage.other_document": (
        "tahap '{nama}' berasal dari dokumen lain (perangkat daerah lain), bukan dari dokumen '{name}'; "
        "tahap dua dokumen berbeda tidak dapat dibandingkan",
        "stage '{nama}' comes from another document (another agency), not from document '{name}'; stages "
        "of two different documents cannot be compared"),
    "stage.exists": ("tahap '{nama}' sudah ada (dibekukan {date} oleh {by}); pilih nama lain",
                     "stage '{nama}' already exists (frozen {date} by {by}); choose another name"),
    "stage.not_fixed": ("dokumen belum ditetapkan (tahap terakhir bukan Penetapan); suntingan sudah diperbolehkan",
                        "the document is not adopted (the last stage is not Penetapan); edits are already allowed"),
    # verification notes
    "note.status": ("status '{status}' tidak dikenal; pilih {choices}", "unknown status '{status}'; choose {choices}"),
    "note.kind": ("jenis catatan '{kind}' tidak dikenal; pilih {choices}",
                  "unknown kind of note '{kind}'; choose {choices}"),
    "note.id_empty": ("id catatan kosong", "empty note id"),
    "note.missing": ("catatan '{ref}' tidak ada di dokumen '{name}' (lihat: note list)",
                     "note '{ref}' is not in document '{name}' (see: note list)"),
    "note.ambiguous": ("'{ref}' cocok dengan {count} catatan; tulis id lebih panjang",
                       "'{ref}' matches {count} notes; write a longer id"),
    "note.text_empty": ("teks catatan kosong", "empty note text"),
    "note.gone": ("catatan itu sudah tidak ada di dokumen", "that note is no longer in the document"),
    "note.row_missing": ("baris yang diberi catatan tidak ada di dokumen",
                         "the row the note is about is not in the document"),
    # the chapter outline (narrative)
    "chapter.table_twice": ("Tabel {tables} ditempatkan lebih dari sekali dalam kerangka",
                            "Table {tables} is placed more than once in the outline"),
    "chapter.no_generated": ("bagian '{section}' tidak memuat teks terhitung",
                             "section '{section}' holds no computed text"),
    "chapter.title_empty": ("judul bagian tidak boleh kosong", "the section title cannot be empty"),
    "chapter.kind": ("jenis bagian '{kind}' tidak dikenal; pilih {choices}",
                     "unknown kind of section '{kind}'; choose {choices}"),
    "chapter.has_outline": ("dokumen sudah punya kerangka bab; ubah bagian satu per satu",
                            "the document already has a chapter outline; change the sections one by one"),
    "chapter.holds_tables": (
        "bagian '{section}' memuat Tabel {tables}; pindahkan tabel itu ke bagian lain dahulu (bagian "
        "tidak dihapus)",
        "section '{section}' holds Table {tables}; move that table to another section first (the section "
        "was not deleted)"),
    "chapter.unknown_kind": ("jenis bagian '{kind}' tidak dikenal", "unknown kind of section '{kind}'"),
    "chapter.into_itself": ("bagian tidak dapat dipindahkan ke dalam dirinya sendiri",
                            "a section cannot be moved into itself"),
    "chapter.section": ("bagian '{section}': {reason}", "section '{section}': {reason}"),
    # nomenclature catalogs
    "catalog.missing": ("katalog '{versi}' tidak ada", "catalog '{versi}' does not exist"),
    "catalog.bundled_missing": ("katalog bawaan tidak ditemukan ({path})",
                                "the bundled catalog was not found ({path})"),
    "catalog.unknown_nomenclature": ("versi nomenklatur '{versi}' tidak dikenal; yang tersedia: {names}",
                                     "unknown nomenclature version '{versi}'; available: {names}"),
    "catalog.unknown_version": ("versi katalog '{versi}' tidak dikenal; yang tersedia: {names}",
                                "unknown catalog version '{versi}'; available: {names}"),
    "catalog.no_header": (
        "{source}: baris kepala kolom tidak ditemukan; kolom 'Kode' dan 'Nomenklatur' (atau 'Nama') wajib "
        "ada",
        "{source}: no header row found; the columns 'Kode' and 'Nomenklatur' (or 'Nama') are required"),
    "catalog.bad_name": ("nama versi '{versi}' tidak sah (huruf, angka, titik, garis bawah, tanda hubung)",
                         "version name '{versi}' is not valid (letters, digits, dots, underscores, hyphens)"),
    "catalog.exists": ("versi katalog '{versi}' sudah dimuat; pakai --force untuk menggantinya",
                       "catalog version '{versi}' is already loaded; use --force to replace it"),
    # findings of the checks (their text, shown in the findings panel)
    "finding.name_from_import": (
        "induk ini dibuat impor dari kode rinciannya (tidak tercetak di sumber) dan belum bernama",
        "this parent was made by an import from its rows' codes (not printed in the source) and has no "
        "name yet"),
    "finding.name_missing": ("baris hanya berisi kode, tanpa nama", "the row holds only a code, no name"),
    "finding.code_missing": ("baris '{nama}' tidak memiliki kode", "row '{nama}' has no code"),
    "finding.code_format": ("format kode salah: {reason}", "wrong code format: {reason}"),
    "finding.code_level": ("kode berbentuk {shape} tetapi baris adalah {level}",
                           "the code has the form of a {shape} but the row is a {level}"),
    "finding.code_parent": ("kode tidak berada di bawah kode induknya {parent}",
                            "the code is not under its parent's code {parent}"),
    "finding.level_under": ("{level} berada langsung di bawah {parent}", "{level} directly under {parent}"),
    "finding.level_top": ("{level} tanpa induk di tingkat teratas", "{level} without a parent at the top level"),
    "finding.pagu_missing": ("sub kegiatan belum memiliki pagu indikatif",
                             "the sub-activity has no indicative budget yet"),
    "finding.funding_sum": ("jumlah sumber dana tidak sama dengan pagu",
                            "the funding sources do not add up to the budget"),
    "finding.funding_missing": ("sumber dana belum diisi", "no funding source yet"),
    "finding.no_children": ("{level} belum memiliki rincian {child}", "{level} has no {child} yet"),
    "finding.code_duplicate": ("kode dipakai {count} kali: {names}", "the code is used {count} times: {names}"),
    "finding.declared_malformed": ("angka tercetak tidak sah{source}", "the printed number is not valid{source}"),
    "finding.declared_orphan": ("nilai tercetak untuk baris yang tidak ada di dokumen{source}",
                                "a printed value for a row that is not in the document{source}"),
    "finding.declared_mismatch": ("{label} berbeda dengan jumlah rinciannya (selisih {diff}){cross}{source}",
                                  "{label} differs from the sum of its rows (difference {diff}){cross}{source}"),
    "finding.rate_undefined": (
        "realisasi ada tetapi target anggaran (kolom 7) kosong: tingkat realisasi tidak terhitung",
        "there is a realisation but the budget target (column 7) is empty: the realisation rate cannot be "
        "computed"),
    # findings of the audit
    "finding.cross_table_pagu": (
        "pagu sub kegiatan ini berbeda antar tabel ({listing}); dokumen memakai {used}{source}",
        "this sub-activity's budget differs between tables ({listing}); the document uses {used}{source}"),
    "finding.catalog_unknown": ("katalog nomenklatur dokumen tidak dapat dipakai: {reason}",
                                "the document's nomenclature catalog cannot be used: {reason}"),
    "finding.catalog_missing": ("kode tidak ada di katalog nomenklatur {versi}",
                                "the code is not in nomenclature catalog {versi}"),
    "finding.catalog_spelling": ("nama berbeda ejaan dengan nomenklatur {versi}",
                                 "the name is spelt differently from nomenclature {versi}"),
    "finding.catalog_name": (
        "nama berbeda dengan nomenklatur {versi} untuk kode ini; periksa apakah kodenya benar atau "
        "berubah arti antar versi",
        "the name differs from nomenclature {versi} for this code; check whether the code is right or "
        "changed meaning between versions"),
    "finding.import_placeholder": (
        "{count} baris dari Tabel 2.3 belum berkode (mis. '{nama}'): Tabel 2.3 tidak mencetak kode; impor "
        "Tabel 4.1 atau 3.1 agar baris ini mendapat kode, sumber dana dan tempatnya di pohon",
        "{count} rows of Table 2.3 have no code yet (e.g. '{nama}'): Table 2.3 prints no codes; import "
        "Table 4.1 or 3.1 so that these rows get a code, funding sources and their place in the tree"),
    # what an import noticed, stored in the document (findings.IMPORT_NOTES_KEY) with its source line
    "finding.import_shifted": (
        "kolom {column} tercetak bergeser dari tempatnya pada {count} baris; angkanya dibaca dari sel sebelahnya, "
        "periksa [{source} baris {lines}]",
        "column {column} is printed out of its place on {count} rows; its figures were read from the cell next "
        "to it, check [{source} lines {lines}]"),
    "finding.import_rejected": ("baris sumber ditolak, isinya tidak masuk dokumen: {reason} [{source} baris {line}]",
                                "source row refused, its content is not in the document: {reason} "
                                "[{source} line {line}]"),
    "finding.import_note": ("{note} [{source} baris {line}]", "{note} [{source} line {line}]"),
    "finding.import_parent": ("kode tercetak tidak cocok dengan {level} di atasnya ({above}); induk {parent} "
                              "tidak tercetak",
                              "the printed code does not match the {level} above it ({above}); its parent "
                              "{parent} is not printed"),
    "finding.import_code_form": ("kode tercetak tidak baku: {notes} [{source} baris {line}]",
                                 "the printed code is not in the standard form: {notes} [{source} line {line}]"),
    "finding.import_code_only": ("baris Tabel {table} hanya berisi kode, tanpa nama dan nilai [{source} baris {line}]",
                                 "a Table {table} row holds only a code, with no name and no values "
                                 "[{source} line {line}]"),
    "finding.import_code_twice": ("kode {kode} tercetak lebih dari sekali di Tabel {table} [{source} baris {line}]",
                                  "code {kode} is printed more than once in Table {table} [{source} line {line}]"),
    # document files: opening, checking, upgrading
    "file.no_access": ("Berkas '{name}' tidak dapat dibaca: akses ditolak ({reason}).",
                       "File '{name}' cannot be read: access denied ({reason})."),
    "file.unreadable": ("Berkas '{name}' tidak dapat dibaca: {reason}.", "File '{name}' cannot be read: {reason}."),
    "file.truncated": ("Berkas '{name}' terpotong: kepala berkas tidak lengkap ({size} byte).",
                       "File '{name}' is cut short: its header is incomplete ({size} bytes)."),
    "file.wal_mode": (
        "Berkas '{name}' memakai mode WAL (write-ahead log), bukan format dokumen Renja Desktop (satu "
        "berkas utuh). Berkas tidak dibuka dan tidak diubah; tidak ada berkas yang dibuat.",
        "File '{name}' uses WAL mode (write-ahead log), not the Renja Desktop document format (one whole "
        "file). The file was not opened and not changed; no file was created."),
    "file.no_version": ("Berkas '{name}' tidak memiliki versi format dokumen Renja Desktop.",
                        "File '{name}' has no Renja Desktop document format version."),
    "file.wal_companion": ("Berkas '{name}' memiliki berkas pendamping -wal: bukan format dokumen Renja.",
                           "File '{name}' has a -wal companion file: not the Renja document format."),
    "file.damaged": (
        "Berkas '{name}' rusak ({count} masalah, mis. '{example}'). Berkas tidak diubah; pulihkan dari "
        "cadangan atau selamatkan isinya.",
        "File '{name}' is damaged ({count} problems, e.g. '{example}'). The file was not changed; restore "
        "it from a backup or rescue its content."),
    "file.tables_missing": ("Berkas '{name}' tidak memiliki tabel dokumen Renja yang lengkap.",
                            "File '{name}' lacks the complete tables of a Renja document."),
    "file.busy": (
        "Berkas '{name}' sedang dikunci oleh program lain lebih dari 2 detik (mis. jendela Renja Desktop "
        "atau perintah lain yang sedang menulis); tidak ada yang diubah. Coba lagi.",
        "File '{name}' has been locked by another program for more than 2 seconds (e.g. a Renja Desktop "
        "window or another command writing to it); nothing was changed. Try again."),
    "file.sqlite_damaged": ("Berkas '{name}' rusak dan tidak dapat dibaca SQLite ({reason}). Berkas tidak diubah.",
                            "File '{name}' is damaged and SQLite cannot read it ({reason}). The file was not changed."),
    "file.journal_unreadable": ("Berkas '{name}' atau jurnalnya tidak dapat dibaca: {reason}.",
                                "File '{name}' or its journal cannot be read: {reason}."),
    "file.foreign_journal": (
        "Berkas '{name}' disertai jurnal '{name}-journal' sisa penyuntingan yang terputus, tetapi jurnal "
        "itu bukan milik isi berkas sekarang (berkas diganti atau disalin ulang setelahnya). Keduanya "
        "dibiarkan apa adanya; bila isi berkas sekarang yang benar, pindahkan berkas '{name}-journal' ke "
        "folder lain lalu buka lagi.",
        "File '{name}' comes with a journal '{name}-journal' left by an interrupted edit, but that "
        "journal does not belong to the file's present content (the file was replaced or copied again "
        "afterwards). Both were left as they are; if the file's present content is right, move "
        "'{name}-journal' to another folder and open the file again."),
    "file.journal_failed": ("Berkas '{name}' tidak dapat dipulihkan dari jurnalnya ({reason}). Berkas tidak diubah.",
                            "File '{name}' cannot be restored from its journal ({reason}). The file was not changed."),
    "file.no_migration": ("Tidak ada langkah pembaruan format ke versi {version} untuk berkas '{name}'.",
                          "There is no format upgrade step to version {version} for file '{name}'."),
    # chapter sections
    "chapter.missing": ("bagian '{ref}' tidak ada; lihat daftarnya dengan 'chapter FILE list'",
                        "section '{ref}' does not exist; see the list with 'chapter FILE list'"),
    "chapter.ambiguous": ("'{ref}' cocok dengan {count} bagian; sebut nomornya atau id-nya",
                          "'{ref}' matches {count} sections; give its number or id"),
    "chapter.gone": ("bagian {id} tidak ada (sudah dihapus?)", "section {id} does not exist (deleted?)"),
    "chapter.unknown_fields": ("isian {names} tidak dikenal; isian yang ada: {known}",
                               "unknown fields {names}; the fields there are: {known}"),
    "chapter.table_twice_here": ("Tabel {tables} ditempatkan lebih dari sekali dalam bagian ini",
                                 "Table {tables} is placed more than once in this section"),
    "chapter.table_elsewhere": (
        "Tabel {table} sudah ditempatkan di bagian '{section}'; satu tabel hanya dicetak di satu tempat",
        "Table {table} is already placed in section '{section}'; a table is printed in one place only"),
    "chapter.unknown_title_fields": ("isian {names} pada judul tidak dikenal", "unknown fields {names} in the title"),
    # findings of the narrative check
    "finding.naskah_field": ("bagian '{section}': isian {field} tidak dikenal (tercetak '{shown}')",
                             "section '{section}': unknown field {field} (printed '{shown}')"),
    "finding.naskah_format": ("bagian '{section}': {reason}", "section '{section}': {reason}"),
    "finding.naskah_table": ("Tabel {tables} belum ditempatkan di bab mana pun (tidak tercetak di dokumen lengkap)",
                             "Table {tables} is not placed in any chapter (not printed in the whole document)"),
    # import
    "import.not_recognised": ("{source}: jenis tabel tidak dikenali dari kepala kolomnya; "
                              "pilih tabelnya (--table 4.1|3.1|2.1|2.2|2.3|2.4)",
                              "{source}: the kind of table is not recognised from its column headers; "
                              "choose the table (--table 4.1|3.1|2.1|2.2|2.3|2.4)"),
    # import: reading the source
    "import.nul": ("{source}: isi bukan teks (berisi byte NUL); salin tabel dari Word/Excel sebagai teks",
                   "{source}: the content is not text (it holds NUL bytes); copy the table from Word/Excel as text"),
    "import.not_text": (
        "Berkas '{name}' bukan berkas teks (.tsv/.csv/.txt); untuk buku kerja Excel gunakan berkas .xlsx",
        "File '{name}' is not a text file (.tsv/.csv/.txt); for an Excel workbook use an .xlsx file"),
    "import.encoding": ("Berkas '{name}' tidak dapat dibaca sebagai teks UTF-8 atau Windows-1252",
                        "File '{name}' cannot be read as UTF-8 or Windows-1252 text"),
    "import.bad_csv": ("Berkas '{name}' baris {line}: CSV rusak ({reason})",
                       "File '{name}' line {line}: damaged CSV ({reason})"),
    "import.missing": ("Berkas '{path}' tidak ditemukan", "File '{path}' was not found"),
    "import.bad_xlsx": ("Berkas '{name}' bukan buku kerja Excel .xlsx yang dapat dibaca ({reason})",
                        "File '{name}' is not a readable Excel .xlsx workbook ({reason})"),
    "import.bad_html": ("Berkas '{name}': tabel HTML tidak terbaca ({reason})",
                        "File '{name}': the HTML table cannot be read ({reason})"),
    "import.html_no_table": ("Berkas '{name}' berisi HTML tanpa tabel (<table>) untuk diimpor",
                             "File '{name}' holds HTML without a table (<table>) to import"),
    "import.folder": ("'{path}' adalah folder, bukan berkas tabel", "'{path}' is a folder, not a table file"),
    "import.sheet_html": ("--sheet hanya berlaku untuk buku kerja .xlsx, bukan '{name}' (tabel HTML)",
                          "--sheet applies to .xlsx workbooks only, not to '{name}' (an HTML table)"),
    "import.old_xls": ("Berkas '{name}' berformat Excel lama (.xls); simpan ulang sebagai .xlsx lalu impor lagi",
                       "File '{name}' is in the old Excel format (.xls); save it again as .xlsx and import it again"),
    "import.is_document": ("Berkas '{name}' adalah dokumen Renja (.sqlite), bukan tabel untuk diimpor",
                           "File '{name}' is a Renja document (.sqlite), not a table to import"),
    "import.sheet_only_xlsx": ("--sheet hanya berlaku untuk buku kerja .xlsx, bukan '{name}'",
                               "--sheet applies to .xlsx workbooks only, not to '{name}'"),
    "import.unknown_table": ("tabel '{table}' tidak dikenal; pilih salah satu: {choices}",
                             "unknown table '{table}'; choose one of: {choices}"),
    "import.empty": ("{source}: sumber kosong, tidak ada baris untuk diimpor",
                     "{source}: the source is empty, no rows to import"),
    "import.paste_target_missing": ("baris tujuan tempel tidak ditemukan (mungkin sudah dihapus)",
                                    "the row to paste under was not found (it may have been deleted)"),
    "import.paste_plan_only": (
        "menempel di bawah sebuah baris hanya untuk tabel rencana (4.1, 3.1), bukan Tabel {table}",
        "pasting under a row is for the plan tables only (4.1, 3.1), not Table {table}"),
    "import.bad_column_number": ("nomor kolom '{spec}' tidak sah (mulai dari 1)",
                                 "column number '{spec}' is not valid (they start at 1)"),
    "import.cannot_ignore": ("isian '{key}' tidak dapat diabaikan: baris Tabel {table} dibaca dari kolom itu",
                             "field '{key}' cannot be ignored: the rows of Table {table} are read from that column"),
    "import.no_header_map_name": (
        "sumber tidak berkepala tabel: petakan juga kolom nama (mis. --column nama=E) agar kolom lain "
        "dapat dibaca dari tempat yang tetap",
        "the source has no table header: map the name column too (e.g. --column nama=E) so that the other "
        "columns can be read from fixed places"),
    # the import report's summary
    "summary.source": ("sumber", "source"),
    "summary.table": ("Tabel", "Table"),
    "summary.failed": ("Impor dari {source} GAGAL dan dibatalkan seluruhnya: {reason}\nBerkas tujuan tidak diubah.",
                      "The import from {source} FAILED and was undone completely: {reason}\n"
                      "The target file was not changed."),
    "summary.read": ("Impor dari {source} ({tables}): {total} baris sumber dibaca.",
                    "Import from {source} ({tables}): {total} source rows read."),
    "summary.counts": ("  {imported} diimpor, {continued} digabung sebagai sambungan, {recognised} dikenali sebagai "
                      "judul/kepala/total/baris kosong, {rejected} ditolak.",
                      "  {imported} imported, {continued} merged as continuations, {recognised} recognised as "
                      "titles/headers/totals/blank lines, {rejected} rejected."),
    "summary.written": ("  {inserted} baris baru, {updated} baris yang sudah ada dilengkapi, {declared} nilai tercetak "
                       "disimpan untuk pemeriksaan.",
                       "  {inserted} new rows, {updated} existing rows filled in, {declared} printed values kept "
                       "for the check."),
    "summary.parents": ("  {count} baris induk dibuat dari kode: {codes}",
                       "  {count} parent rows made from codes: {codes}"),
    "summary.noted": ("  {count} baris diimpor dengan catatan (lihat rincian).",
                     "  {count} rows imported with notes (see the details)."),
    "summary.checked": ("  Pemeriksaan setelah impor: {errors} galat, {warnings} peringatan.",
                       "  Check after the import: {errors} errors, {warnings} warnings."),
    # the next year's Renja (rollover)
    "rollover.pagu_from": ("--pagu-from '{value}' tidak dikenal; pilih prakiraan atau renstra",
                           "unknown --pagu-from '{value}'; choose prakiraan or renstra"),
    "rollover.exists": (
        "berkas hasil '{name}' sudah ada; rollover tidak menimpa berkas, pilih nama lain",
        "the result file '{name}' already exists; the rollover does not overwrite files, choose another "
        "name"),
    "rollover.no_folder": ("folder '{folder}' tidak ada", "folder '{folder}' does not exist"),
    "rollover.same_file": ("berkas hasil harus berkas baru", "the result must be a new file"),
    "rollover.no_renstra": (
        "dokumen '{name}' belum memiliki Renstra; impor dahulu (renstra FILE import SOURCE) atau pakai "
        "--pagu-from prakiraan",
        "document '{name}' has no Renstra yet; import it first (renstra FILE import SOURCE) or use "
        "--pagu-from prakiraan"),
    "rollover.renstra_year": (
        "Renstra dokumen ini ({first}-{last}) tidak memuat anggaran tahun {year}; pakai --pagu-from "
        "prakiraan",
        "this document's Renstra ({first}-{last}) holds no budget for {year}; use --pagu-from prakiraan"),
    "rollover.inconsistent": ("hasil rollover tidak konsisten ({detail}); tidak ditulis",
                              "the rollover's result is inconsistent ({detail}); nothing was written"),
    "rollover.appeared": ("berkas hasil '{name}' sudah ada; rollover tidak menimpa berkas",
                          "the result file '{name}' already exists; the rollover does not overwrite files"),
    "rollover.because": ("{reason}", "{reason}"),
    # printing
    "report.font_missing": ("Berkas huruf '{name}' tidak ditemukan di {folder}; pasang ulang aplikasi.",
                            "Font file '{name}' was not found in {folder}; reinstall the application."),
    "report.paper": ("ukuran kertas '{paper}' tidak dikenal; pilih {choices}",
                     "unknown paper size '{paper}'; choose {choices}"),
    "report.margin": ("margin {side} {value} mm di luar rentang 0-60 mm",
                      "margin {side} {value} mm is outside 0-60 mm"),
    "report.font_size": ("ukuran huruf {size} di luar rentang {low}-{high} pt",
                         "font size {size} is outside {low}-{high} pt"),
    "report.unknown_table_all": ("tabel '{table}' tidak dikenal; pilih {choices} atau all",
                                 "unknown table '{table}'; choose {choices} or all"),
    "report.no_table": ("tidak ada tabel yang dipilih", "no table chosen"),
    "report.unknown_table": ("tabel '{table}' tidak dikenal; pilih {choices}",
                             "unknown table '{table}'; choose {choices}"),
    "report.too_wide": (
        "Tabel {table} tidak muat pada kertas {paper} melintang walau dengan huruf 5 pt; pilih kertas "
        "yang lebih lebar (F4 atau Legal), perkecil margin kiri/kanan, atau cetak rupiah dalam ribuan "
        "(Rp.000).",
        "Table {table} does not fit on {paper} paper in landscape even with 5 pt type; choose a wider "
        "paper (F4 or Legal), make the left/right margins smaller, or print Rupiah in thousands (Rp.000)."),
    "report.wider_than_frame": ("Tabel {table} lebih lebar dari bidang cetak.",
                                "Table {table} is wider than the printable area."),
    "report.signature_room": (
        "Bidang cetak terlalu pendek untuk blok tanda tangan; perkecil margin atas/bawah atau pilih "
        "kertas lain.",
        "The printable area is too short for the signature block; make the top/bottom margins smaller or "
        "choose another paper."),
    "report.frame_small_hint": (
        "Bidang cetak terlalu kecil untuk tabel ini; perkecil margin atau huruf.",
        "The printable area is too small for this table; make the margins or the type smaller."),
    "report.frame_small": ("Bidang cetak terlalu kecil untuk tabel ini.",
                           "The printable area is too small for this table."),
    "report.margins_big": ("Margin terlalu besar: bidang cetak tersisa terlalu kecil.",
                           "The margins are too large: the printable area left is too small."),
    "report.perubahan_stages": ("tabel Perubahan Renja memerlukan dua tahap yang dibandingkan",
                                "the Perubahan Renja table needs two stages to compare"),
    "report.no_outline": (
        "dokumen belum punya kerangka bab; buat dari tab Dokumen atau 'chapter FILE add'",
        "the document has no chapter outline yet; make one on the Document tab or with 'chapter FILE add'"),
    "report.toc_unstable": ("nomor halaman daftar isi tidak stabil; periksa naskah",
                            "the page numbers of the table of contents do not settle; check the text"),
    "report.no_docx": ("python-docx tidak terpasang ({reason}); pasang ulang aplikasi",
                       "python-docx is not installed ({reason}); reinstall the application"),
    # copies, flash drive, merge, backups, rescue
    "exchange.no_space": (
        "Gagal {action} '{name}': ruang di {place} tidak cukup (penuh). Kosongkan sebagian isi flash disk "
        "atau pilih tempat lain. Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman.",
        "Could not {action} '{name}': there is not enough room on {place} (full). Free some space on the "
        "flash drive or choose another place. The old file at the target is unchanged and your working "
        "file is safe."),
    "exchange.read_only": (
        "Gagal {action} '{name}': {place} hanya dapat dibaca (flash disk terkunci tulis atau media "
        "hanya-baca). Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman.",
        "Could not {action} '{name}': {place} is read-only (a write-protected flash drive or read-only "
        "medium). The old file at the target is unchanged and your working file is safe."),
    "exchange.in_use": (
        "Gagal {action} '{name}': berkas tujuan sedang dipakai program lain (mis. antivirus atau aplikasi "
        "yang membukanya). Tutup program itu lalu coba lagi. Berkas lama di tujuan tidak berubah dan "
        "berkas kerja Anda aman.",
        "Could not {action} '{name}': the target file is in use by another program (e.g. an antivirus or "
        "an application that has it open). Close that program and try again. The old file at the target "
        "is unchanged and your working file is safe."),
    "exchange.no_access": (
        "Gagal {action} '{name}': tidak ada izin menulis di {place} (hanya-baca atau dilindungi). Berkas "
        "lama di tujuan tidak berubah dan berkas kerja Anda aman.",
        "Could not {action} '{name}': no permission to write on {place} (read-only or protected). The old "
        "file at the target is unchanged and your working file is safe."),
    "exchange.gone": (
        "Gagal {action} '{name}': {place} tidak dapat diakses (flash disk dicabut atau rusak?). Pasang "
        "kembali lalu coba lagi. Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman.",
        "Could not {action} '{name}': {place} cannot be reached (flash drive removed or damaged?). Plug "
        "it in again and try again. The old file at the target is unchanged and your working file is "
        "safe."),
    "exchange.io": (
        "Gagal {action} '{name}': {detail}. Berkas lama di tujuan tidak berubah dan berkas kerja Anda "
        "aman.",
        "Could not {action} '{name}': {detail}. The old file at the target is unchanged and your working "
        "file is safe."),
    "exchange.backup_failed": ("Cadangan '{name}' gagal dibuat: {reason}",
                               "Backup '{name}' could not be made: {reason}"),
    "exchange.backup_missing": ("Cadangan '{name}' tidak ditemukan di {folder}.",
                                "Backup '{name}' was not found in {folder}."),
    "exchange.result_exists_force": ("Berkas hasil '{name}' sudah ada; pilih nama lain (atau --force).",
                                     "The result file '{name}' already exists; choose another name (or --force)."),
    "exchange.no_files": ("Tidak ada berkas Renja yang diberikan untuk digabung.",
                          "No Renja files were given to combine."),
    "exchange.not_consolidated": ("Berkas '{name}' bukan gabungan Renja.", "File '{name}' is not a combined Renja."),
    "exchange.result_exists": ("Berkas hasil '{name}' sudah ada; pilih nama lain.",
                               "The result file '{name}' already exists; choose another name."),
    "exchange.bad_choice": ("Pilihan '{choice}' tidak dikenal (mine atau theirs).",
                            "Unknown choice '{choice}' (mine or theirs)."),
    "exchange.not_same_document": (
        "'{a}' ({a_who}) dan '{b}' ({b_who}) bukan salinan dokumen yang sama (id dokumen berbeda); "
        "keduanya tidak dapat dibandingkan baris demi baris.",
        "'{a}' ({a_who}) and '{b}' ({b_who}) are not copies of the same document (different document "
        "ids); they cannot be compared row by row."),
    "exchange.base_other": ("Versi dasar '{name}' adalah dokumen lain.",
                            "The base version '{name}' is another document."),
    "exchange.copy_unreadable": ("Salinan tidak dapat dibaca seluruhnya: {reason}",
                                 "The copy cannot be read completely: {reason}"),
    "exchange.merge_same_file": ("Hasil penggabungan harus berkas baru; masukan tidak diubah.",
                                 "The merge result must be a new file; the inputs were not changed."),
    "exchange.merge_failed": ("Hasil penggabungan tidak konsisten ({detail}); tidak ditulis.",
                              "The merge result is inconsistent ({detail}); nothing was written."),
    "exchange.rescue_not_sqlite": (
        "Berkas '{name}' bukan berkas SQLite (kepala berkas tidak dikenali); tidak ada baris yang dapat "
        "diselamatkan. Cari salinan cadangannya.",
        "File '{name}' is not an SQLite file (its header is not recognised); no rows can be rescued. Look "
        "for a backup copy of it."),
    "exchange.unrecoverable": (
        "Daftar tabel berkas '{name}' rusak ({reason}); tidak ada baris yang dapat diselamatkan dengan "
        "cara ini. Cari salinan cadangannya (Berkas ▸ Cadangan…).",
        "The table list of file '{name}' is damaged ({reason}); no rows can be rescued this way. Look for "
        "a backup copy of it (File ▸ Backups…)."),
    "exchange.recover_failed": ("Hasil penyelamatan tidak konsisten ({count} rujukan).",
                                "The rescued result is inconsistent ({count} references)."),
    "exchange.no_origin": ("Dokumen ini tidak dibuka dari flash disk atau folder jaringan.",
                           "This document was not opened from a flash drive or a network folder."),
    "exchange.document_read_only": ("Dokumen dibuka hanya-baca.", "The document is open read-only."),
    "exchange.versions": (
        "Salinan-salinan ini memakai versi format berkas yang berbeda; buka masing-masing dengan Renja "
        "Desktop terbaru (diperbarui otomatis) lalu ulangi.",
        "These copies use different file format versions; open each with the latest Renja Desktop (it "
        "upgrades them) and repeat."),
    "exchange.target_not_renja": (
        "Berkas tujuan '{name}' sudah ada tetapi bukan dokumen Renja yang utuh ({reason}). Berkas itu "
        "tidak ditimpa; pilih nama lain, atau timpa secara paksa (berkas lama dicadangkan dulu).",
        "The target file '{name}' exists but is not a whole Renja document ({reason}). It was not "
        "overwritten; choose another name, or force the overwrite (the old file is backed up first)."),
    "exchange.target_other": (
        "Berkas tujuan '{name}' berisi dokumen lain ({opd}, tahun {tahun}), bukan dokumen ini. Berkas itu "
        "tidak ditimpa; pilih nama lain.",
        "The target file '{name}' holds another document ({opd}, year {tahun}), not this one. It was not "
        "overwritten; choose another name."),
    "exchange.target_damaged": (
        "Berkas tujuan '{name}' sudah ada tetapi rusak: {reason} Berkas itu tidak ditimpa; pilih nama "
        "lain atau timpa secara paksa (berkas lama dicadangkan dulu).",
        "The target file '{name}' exists but is damaged: {reason} It was not overwritten; choose another "
        "name or force the overwrite (the old file is backed up first)."),
    "exchange.conflict": (
        "Berkas tujuan '{name}' telah berubah sejak terakhir disalin dari dokumen ini: {why}. Menimpanya "
        "akan menghilangkan perubahan tersebut, jadi tidak ditimpa. Gunakan Berkas ▸ Bandingkan / "
        "gabungkan dengan salinan… (atau renja-desktop merge) lalu simpan hasilnya.",
        "The target file '{name}' has changed since it was last copied from this document: {why}. "
        "Overwriting it would lose those changes, so it was not overwritten. Use File ▸ Compare / merge "
        "with a copy… (or renja-desktop merge) and save the result."),
    "exchange.why_changed_in_place": (
        "isinya diubah langsung di tempat (di luar Renja Desktop) atau rusak sejak disimpan oleh {who} "
        "pada {when}",
        "its content was changed in place (outside Renja Desktop) or damaged since {who} saved it on "
        "{when}"),
    "exchange.why_saved_elsewhere": (
        "berkas itu disimpan oleh {who} pada {when} dengan perubahan yang belum ada di dokumen ini",
        "{who} saved it on {when} with changes this document does not have yet"),
    "exchange.why_other_origin": ("berkas itu tidak berasal dari dokumen ini dan isinya berbeda",
                                  "that file does not come from this document and its content differs"),
    "exchange.same_file": ("Sumber dan tujuan adalah berkas yang sama ('{name}').",
                           "The source and the target are the same file ('{name}')."),
    "exchange.target_folder_gone": (
        "Folder tujuan '{folder}' tidak ditemukan (flash disk dicabut?). Berkas kerja Anda aman; pasang "
        "kembali lalu coba lagi.",
        "The target folder '{folder}' was not found (flash drive removed?). Your working file is safe; "
        "plug it in again and try again."),
    "exchange.not_renja": ("Berkas '{name}' bukan dokumen Renja Desktop.",
                           "File '{name}' is not a Renja Desktop document."),
    "exchange.read_only_target": (
        "Berkas tujuan '{name}' ditandai hanya-baca; tidak ditimpa. Hapus tanda hanya-baca itu, pilih "
        "nama lain, atau timpa secara paksa (--force; berkas lama dicadangkan dulu dan salinan baru tetap "
        "hanya-baca).",
        "The target file '{name}' is marked read-only; it was not overwritten. Remove that mark, choose "
        "another name, or force the overwrite (--force; the old file is backed up first and the new copy "
        "stays read-only)."),
    "exchange.verify_temp": (
        "Pemeriksaan salinan sementara '{name}' gagal: isinya tidak sama dengan dokumen (media rusak atau "
        "dicabut?). Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman.",
        "Checking the temporary copy '{name}' failed: its content differs from the document (damaged or "
        "removed medium?). The old file at the target is unchanged and your working file is safe."),
    "exchange.verify_saved": (
        "Salinan di '{name}' tidak terbaca sama setelah disimpan (media bermasalah?). Versi lama telah "
        "dikembalikan; berkas kerja Anda aman. Coba flash disk lain.",
        "The copy at '{name}' does not read back the same after saving (a faulty medium?). The old "
        "version was put back; your working file is safe. Try another flash drive."),
    "exchange.backup_changed": (
        "Cadangan '{name}' tidak lagi sama persis dengan saat disimpan (sidik salinannya tidak cocok: "
        "rusak, atau diubah di luar Renja Desktop); tidak dipulihkan. Pilih cadangan lain, atau "
        "selamatkan isinya dengan 'renja-desktop recover'.",
        "Backup '{name}' is no longer exactly as it was saved (its fingerprint does not match: damaged, "
        "or changed outside Renja Desktop); it was not restored. Choose another backup, or rescue its "
        "content with 'renja-desktop recover'."),
    "exchange.restore_exists": (
        "Berkas '{name}' sudah ada. Pilih nama lain, atau timpa (--force; berkas itu dicadangkan dulu).",
        "File '{name}' already exists. Choose another name, or overwrite it (--force; that file is backed "
        "up first)."),
    # writing an edit to the file
    "edit.busy": (
        "Berkas '{name}' sedang dikunci oleh program lain (mis. jendela Renja Desktop atau perintah lain "
        "yang sedang menulis) lebih dari 2 detik; perubahan ini tidak disimpan. Coba lagi.",
        "File '{name}' has been locked by another program (e.g. a Renja Desktop window or another command "
        "writing to it) for more than 2 seconds; this change was not saved. Try again."),
    "edit.medium": (
        "Gagal menyimpan perubahan ke '{name}': {medium}. Perubahan ini tidak disimpan; isi berkas tetap "
        "seperti sebelumnya.",
        "Could not save the change to '{name}': {medium}. This change was not saved; the file's content "
        "is as it was."),
    "edit.write_failed": (
        "Perubahan tidak dapat disimpan ke berkas '{name}': {reason}. Isi berkas tetap seperti "
        "sebelumnya.",
        "The change cannot be saved to file '{name}': {reason}. The file's content is as it was."),
    # copies (continued)
    "exchange.verify_written": (
        "Pemeriksaan salinan '{name}' gagal: isinya tidak sama dengan yang ditulis (media rusak atau "
        "dicabut?). Berkas lama di tujuan tidak berubah dan berkas kerja Anda aman.",
        "Checking the copy '{name}' failed: its content differs from what was written (damaged or removed "
        "medium?). The old file at the target is unchanged and your working file is safe."),
    "exchange.source_damaged": (
        "Berkas '{name}' rusak ({detail}); tidak disalin agar kerusakan tidak menyebar. Selamatkan isinya "
        "dengan 'renja-desktop recover'.",
        "File '{name}' is damaged ({detail}); it was not copied so that the damage does not spread. "
        "Rescue its content with 'renja-desktop recover'."),
    # comparing and merging copies: the conflicts (rows of the merge dialog) and the rows they name
    "merge.unresolved": (
        "Ada {count} pertentangan yang belum dipilih (mis. {label}, {field}). Pilih untuk masing-masing, atau "
        "pakai --prefer mine|theirs. Belum ada berkas yang ditulis.",
        "{count} conflicts have no choice yet (e.g. {label}, {field}). Choose for each, or use --prefer "
        "mine|theirs. No file was written yet."),
    "merge.field_changed": ("{field} diubah berbeda di kedua salinan", "{field} was changed differently in both copies"),
    "merge.field_added": ("baris ditambahkan di kedua salinan dengan {field} berbeda",
                          "the row was added in both copies with a different {field}"),
    "merge.field_two_way": ("{field} berbeda (tanpa versi dasar: tidak diketahui sisi mana yang mengubah)",
                            "{field} differs (no base version: it is not known which side changed it)"),
    "merge.delete_edit": ("dihapus di {deleter}, tetapi diubah di {keeper}{covers}",
                          "deleted in {deleter}, but changed in {keeper}{covers}"),
    "merge.delete_edit_changes": ("dihapus di {deleter}, tetapi diubah di {keeper}{covers}: {changes}",
                                  "deleted in {deleter}, but changed in {keeper}{covers}: {changes}"),
    "merge.covers": (" (termasuk {count} baris di bawahnya yang diubah/ditambah)",
                     " (including changed/added rows beneath it: {count})"),
    "merge.changes": ("{changes}", "{changes}"),
    "merge.my_copy": ("salinan saya", "my copy"),
    "merge.their_copy": ("salinan mereka", "their copy"),
    "merge.present": ("ada", "present"),
    "merge.deleted": ("dihapus", "deleted"),
    "merge.kept": ("dipertahankan dengan perubahannya", "kept with its changes"),
    "merge.recode_child": (
        "kode induk diubah di satu salinan, sementara salinan lain menambah rincian di bawah kode lamanya "
        "({rows}): pilih sisi yang mengubah kode (rincian baru ikut kode baru) atau sisi yang menambah (kode "
        "induk tetap)",
        "the parent's code was changed in one copy, while the other copy added rows under its old code "
        "({rows}): choose the side that changed the code (the new rows follow the new code) or the side "
        "that added them (the parent's code stays)"),
    "merge.recoded": ("kode {old} diubah menjadi {new} (rinciannya ikut)",
                      "code {old} changed to {new} (its rows follow)"),
    "merge.added_under_old": ("rincian baru {rows} ditambahkan dengan kode lama {old}",
                              "new rows {rows} added with the old code {old}"),
    "merge.same_code": (
        "kode {code} ditambahkan di kedua salinan sebagai dua baris berbeda: pilih baris yang dipakai (baris "
        "yang lain tidak dimasukkan)",
        "code {code} was added in both copies as two different rows: choose the row to use (the other row "
        "is left out)"),
    "merge.code": ("kode {code}", "code {code}"),
    "merge.order": ("urutan baris di bawahnya diubah berbeda di kedua salinan",
                    "the order of the rows beneath it was changed differently in both copies"),
    "merge.top_level": ("{table} (tingkat teratas)", "{table} (top level)"),
    "merge.table": ("{table}", "{table}"),
    "merge.empty": ("(kosong)", "(empty)"),
    "merge.new": ("(baru)", "(new)"),
    "merge.no_parent": ("(baris induk tidak ada)", "(the parent row is missing)"),
    "merge.row_no_code": ("(tanpa kode){name}", "(no code){name}"),
    "merge.row_document": ("Identitas dokumen", "Document identity"),
    "merge.row_meta": ("Catatan berkas '{key}'", "File note '{key}'"),
    "merge.row_declared": ("Nilai tercetak Tabel {table} {code} kolom {column}",
                           "Printed value Table {table} {code} column {column}"),
    "merge.row_unknown": ("{table} baris {id}", "{table} row {id}"),
    "merge.row_section": ("Bagian naskah '{title}'", "Text part '{title}'"),
    "merge.row_eval": ("Tabel 2.1 {code}{name}", "Table 2.1 {code}{name}"),
    "merge.row_list": ("{table} '{text}'", "{table} '{text}'"),
    "merge.column": ("kolom {column} ({unit})", "column {column} ({unit})"),
    "merge.base_given": ("versi dasar diberikan", "base version given"),
    "merge.base_named": ("versi dasar '{name}'", "base version '{name}'"),
    "merge.base_origin": ("'{name}' adalah versi yang menjadi asal salinan lainnya",
                          "'{name}' is the version the other copy came from"),
    "merge.base_stored": ("versi dasar bersama disimpan {time} di komputer {host}",
                          "common base version saved {time} on computer {host}"),
    "merge.base_lost": ("versi dasar bersama tercatat, tetapi salinannya tidak ada di komputer ini",
                        "a common base version is recorded, but its copy is not on this computer"),
    "merge.base_none": ("kedua salinan tidak memiliki versi dasar bersama yang tercatat",
                        "the two copies have no recorded common base version"),
    "merge.summary": ("Penggabungan {way}: {base}", "Merge, {way}: {base}"),
    "merge.three_way": ("tiga arah", "three-way"),
    "merge.two_way": ("dua arah (tanpa versi dasar)", "two-way (no base version)"),
    "merge.summary_rows": ("- {count} baris {kind} ({side})", "- {count} rows {kind} ({side})"),
    "merge.summary_conflicts": ("- {count} pertentangan", "- {count} conflicts"),
    "merge.result": ("Hasil: {path}", "Result: {path}"),
    "merge.result_totals": ("Total pagu n: milik saya Rp {mine}, milik mereka Rp {theirs}, hasil Rp {result}",
                            "Total budget n: mine Rp {mine}, theirs Rp {theirs}, result Rp {result}"),
    "merge.result_note": ("Catatan: {note}", "Note: {note}"),
    "merge.kept_parent": ("{row}: dipertahankan karena baris {child} berada di bawahnya.",
                          "{row}: kept because row {child} is beneath it."),
    "merge.orphan": ("{row}: induknya tidak ada; ditempatkan di tingkat teratas.",
                     "{row}: its parent is missing; placed at the top level."),
    "merge.code_twice": ("Kode {kode} kini dipakai {count} baris (ditambahkan atau dipindah di kedua salinan); ubah "
                         "salah satunya.",
                         "Code {kode} is now used by {count} rows (added or moved in both copies); change one of them."),
    # the command line's usage errors (its own options and arguments); the command line speaks Indonesian,
    # the English is there for a caller that shows them in English
    "cli.not_year": ("'{text}' bukan tahun", "'{text}' is not a year"),
    "cli.year_range": ("tahun {year} di luar rentang 2000-2100", "year {year} is outside 2000-2100"),
    "cli.locked": ("{reason} Perubahan dari perintah ini ditolak agar tampilan di sana tidak usang; ulangi dengan "
                   "--force untuk tetap mengubahnya (jendela itu memuat ulang isinya).",
                   "{reason} The changes of this command are refused so that the view there does not go stale; "
                   "repeat with --force to change it anyway (that window reloads its content)."),
    "cli.renstra_period": ("--renstra '{text}' harus berbentuk 2021-2026", "--renstra '{text}' must be of the form 2021-2026"),
    "cli.set_form": ("--set '{item}' harus berbentuk FIELD=VALUE", "--set '{item}' must be of the form FIELD=VALUE"),
    "cli.identity_field": ("isian identitas '{key}' tidak dikenal; pilih: {names}",
                           "unknown identity field '{key}'; choose: {names}"),
    "cli.parent_missing": ("induk {parent} untuk kode {kode} belum ada; tambahkan induknya dahulu",
                           "the parent {parent} of code {kode} does not exist yet; add the parent first"),
    "cli.bad_code": ("kode tidak sah: {reason}", "invalid code: {reason}"),
    "cli.set_field": ("isian '{field}' tidak dikenal; pilih salah satu: {names}",
                      "unknown field '{field}'; choose one of: {names}"),
    "cli.code_missing": ("kode {kode} tidak ada di dokumen {name}", "code {kode} is not in document {name}"),
    "cli.position": ("--position dimulai dari 1", "--position starts at 1"),
    "cli.output_pdf_docx": ("berkas keluaran '{path}' harus berakhiran .pdf atau .docx",
                            "the output file '{path}' must end in .pdf or .docx"),
    "cli.output_suffix": ("berkas keluaran '{path}' harus berakhiran {suffix}",
                          "the output file '{path}' must end in {suffix}"),
    "cli.output_folder": ("folder '{folder}' untuk berkas keluaran tidak ada",
                          "the folder '{folder}' of the output file does not exist"),
    "cli.cannot_write": ("tidak dapat menulis '{path}': {reason}", "cannot write '{path}': {reason}"),
    "cli.file_missing": ("berkas '{path}' tidak ditemukan", "file '{path}' was not found"),
    "cli.not_utf8": ("berkas '{path}' bukan teks UTF-8", "file '{path}' is not UTF-8 text"),
    "cli.not_json": ("'{path}' bukan JSON yang sah: {reason}", "'{path}' is not valid JSON: {reason}"),
    "cli.image_unreadable": ("gambar '{path}' tidak dapat dibaca: {reason}", "image '{path}' cannot be read: {reason}"),
    "cli.not_image": ("berkas '{name}' bukan gambar PNG atau JPEG; bagian tidak diubah",
                      "file '{name}' is not a PNG or JPEG image; the section was not changed"),
    "cli.unknown_action": ("aksi '{action}' tidak dikenal", "unknown action '{action}'"),
    "cli.choose_form": ("--choose '{item}' harus berbentuk KUNCI=mine atau KUNCI=theirs",
                        "--choose '{item}' must be of the form KEY=mine or KEY=theirs"),
    "cli.unknown_conflict": ("kunci pertentangan tidak dikenal: {key}", "unknown conflict key: {key}"),
    "cli.file_or_sample": ("pilih salah satu: FILE atau --sample", "choose one: FILE or --sample"),
    "cli.no_gui": ("antarmuka grafis tidak tersedia: {reason}", "the graphical interface is not available: {reason}"),
    "cli.not_integer": ("'{text}' bukan bilangan bulat", "'{text}' is not a whole number"),
    "cli.at_least_one": ("harus 1 atau lebih", "must be 1 or more"),
    "cli.column_form": ("--column '{item}' harus berbentuk FIELD=HEADER, mis. pagu=\"Pagu Indikatif\"",
                        "--column '{item}' must be of the form FIELD=HEADER, e.g. pagu=\"Pagu Indikatif\""),
    "cli.column_empty": ("--column '{item}': FIELD dan HEADER tidak boleh kosong",
                         "--column '{item}': FIELD and HEADER cannot be empty"),
    "cli.import_not_created": ("{reason}; berkas tidak dibuat", "{reason}; the file was not created"),
    "cli.import_not_changed": ("{reason}; berkas {name} tidak diubah", "{reason}; file {name} was not changed"),
    "cli.output_xlsx": ("berkas keluaran '{name}' harus berakhiran .xlsx", "the output file '{name}' must end in .xlsx"),
    "cli.not_writable": ("{path}: tidak dapat ditulis ({reason})", "{path}: cannot be written ({reason})"),
    "cli.catalog_version": ("--versi '{versi}': pakai huruf, angka, titik, garis bawah atau tanda hubung",
                            "--versi '{versi}': use letters, digits, dots, underscores or hyphens"),
    "cli.not_mm": ("'{text}' bukan ukuran milimeter", "'{text}' is not a size in millimetres"),
    "cli.not_pt": ("'{text}' bukan ukuran huruf (pt)", "'{text}' is not a font size (pt)"),
    "cli.pdf_one_file": ("--pdf membandingkan dua tahap di berkas yang sama (tanpa --b-file)",
                         "--pdf compares two stages in the same file (without --b-file)"),
    "cli.note_status": ("catatan {note} sudah berstatus {status}", "note {note} already has status {status}"),
    "cli.field_form": ("'{item}' harus berbentuk FIELD=VALUE", "'{item}' must be of the form FIELD=VALUE"),
    "cli.unknown_field": ("isian '{key}' tidak dikenal; pilih: {names}", "unknown field '{key}'; choose: {names}"),
    "cli.not_row_number": ("'{ref}' bukan nomor baris (contoh: #3)", "'{ref}' is not a row number (for example #3)"),
    "cli.no_eval_row": ("baris {ref} tidak ada; Tabel 2.1 berisi {count} baris", "there is no row {ref}; Table 2.1 has {count} rows"),
    "cli.eval_code_missing": ("kode {ref} tidak ada di Tabel 2.1 dokumen {name}", "code {ref} is not in Table 2.1 of document {name}"),
    "cli.code_and_next": ("--kode dan --next tidak dapat dipakai bersama", "--kode and --next cannot be used together"),
    "cli.index_needed": ("--index N wajib untuk set/delete", "--index N is required for set/delete"),
    "cli.no_list_row": ("baris {index} tidak ada; Tabel {table} berisi {count} baris",
                        "there is no row {index}; Table {table} has {count} rows"),
    "cli.need_fields": ("isi minimal satu FIELD=VALUE", "give at least one FIELD=VALUE"),
    # the bundled sample's own build (its text and corrections ship with the application)
    "sample.no_text": ("Teks contoh tidak ditemukan: {path}", "The sample text was not found: {path}"),
    "sample.bad_correction": ("{name}: baris koreksi ke-{line} tidak terbaca ({reason})",
                              "{name}: correction line {line} cannot be read ({reason})"),
    "sample.no_line": ("koreksi Tabel {table} baris {line}: baris tidak ada di teks contoh",
                       "correction of Table {table} line {line}: the sample text has no such line"),
    "sample.cell": ("koreksi Tabel {table} baris {line} sel {cell}: tertulis '{found}', bukan '{expected}' seperti "
                    "yang diharapkan",
                    "correction of Table {table} line {line} cell {cell}: it reads '{found}', not '{expected}' as "
                    "expected"),
    "sample.identity": ("identitas contoh tidak terbaca: {names}", "the sample's identity cannot be read: {names}"),
    # the stored format of the chapter text (content the Dokumen tab's editor writes; a file edited outside)
    "format.not_image": ("berkas bukan gambar PNG atau JPEG; pilih gambar lain",
                         "the file is not a PNG or JPEG image; choose another image"),
    "format.not_image_named": ("berkas '{name}' bukan gambar PNG atau JPEG; pilih gambar lain",
                               "file '{name}' is not a PNG or JPEG image; choose another image"),
    "format.not_json": ("isi bagian bukan JSON yang sah ({reason})", "the section's content is not valid JSON ({reason})"),
    "format.not_renja": ("isi bagian tidak dalam format naskah Renja", "the section's content is not in the Renja text format"),
    "format.newer": ("isi bagian memakai format naskah versi {version}, lebih baru dari aplikasi ini (versi {ours}); "
                     "perbarui Renja Desktop",
                     "the section's content uses text format version {version}, newer than this application's "
                     "(version {ours}); update Renja Desktop"),
    "format.not_blocks": ("isi bagian harus daftar blok", "the section's content must be a list of blocks"),
    "format.block": ("blok {n}", "block {n}"),
    "format.block_of": ("{where} ({type})", "{where} ({type})"),
    "format.run": ("{where}, potongan {n}", "{where}, run {n}"),
    "format.item": ("{where}, butir {n}", "{where}, item {n}"),
    "format.sub_list": ("{where} (sub)", "{where} (sub)"),
    "format.cell": ("{where}, baris {row} sel {cell}", "{where}, row {row} cell {cell}"),
    "format.runs_list": ("{where}: 'runs' harus daftar", "{where}: 'runs' must be a list"),
    "format.no_text": ("{where}: teks tidak ada", "{where}: the text is missing"),
    "format.unknown_keys": ("{where}: kunci tidak dikenal {keys}", "{where}: unknown keys {keys}"),
    "format.flag": ("{where}: '{flag}' harus true/false", "{where}: '{flag}' must be true/false"),
    "format.list_style": ("{where}: gaya daftar '{style}' tidak dikenal ({choices})",
                          "{where}: unknown list style '{style}' ({choices})"),
    "format.list_start": ("{where}: nomor awal daftar harus bilangan bulat ≥ 1",
                          "{where}: the start number of a list must be a whole number ≥ 1"),
    "format.items_list": ("{where}: 'items' harus daftar", "{where}: 'items' must be a list"),
    "format.item_keys": ("{where}: butir harus berisi 'runs' (dan boleh 'sub')",
                         "{where}: an item must hold 'runs' (and may hold 'sub')"),
    "format.sub_block": ("{where}: 'sub' harus blok daftar", "{where}: 'sub' must be a list block"),
    "format.block_type": ("{where}: jenis blok '{kind}' tidak dikenal", "{where}: unknown kind of block '{kind}'"),
    "format.align": ("{where}: perataan '{align}' tidak dikenal", "{where}: unknown alignment '{align}'"),
    "format.para_style": ("{where}: gaya paragraf '{style}' tidak dikenal", "{where}: unknown paragraph style '{style}'"),
    "format.table_rows": ("{where}: tabel harus punya baris berisi sel", "{where}: a table must have rows with cells"),
    "format.header_rows": ("{where}: jumlah baris kepala tabel tidak sah",
                           "{where}: the number of header rows of the table is not valid"),
    "format.image_type": ("{where}: jenis gambar '{mime}' tidak didukung (PNG atau JPEG)",
                          "{where}: image type '{mime}' is not supported (PNG or JPEG)"),
    "format.image_data": ("{where}: data gambar rusak", "{where}: the image data is damaged"),
    "format.image_mismatch": ("{where}: data gambar tidak cocok dengan jenisnya",
                              "{where}: the image data does not match its type"),
    "format.image_width": ("{where}: lebar gambar {width} mm di luar rentang 5-180 mm",
                           "{where}: image width {width} mm is outside 5-180 mm"),
    "format.image_align": ("{where}: perataan gambar tidak dikenal", "{where}: unknown image alignment"),
    "format.table_ref": ("{where}: tabel '{table}' tidak dikenal ({choices})", "{where}: unknown table '{table}' ({choices})"),
    "format.generated": ("{where}: teks terhitung '{kind}' tidak dikenal ({choices})",
                         "{where}: unknown computed text '{kind}' ({choices})"),
    # the chapter text imported from Word or text
    "narrative.no_docx": ("python-docx tidak terpasang ({reason})", "python-docx is not installed ({reason})"),
    "narrative.not_docx": ("berkas '{name}' bukan dokumen Word (.docx) yang utuh: {reason}",
                           "file '{name}' is not a whole Word document (.docx): {reason}"),
    "narrative.damaged": ("berkas '{name}' rusak dan tidak dapat dibaca: {reason}",
                          "file '{name}' is damaged and cannot be read: {reason}"),
    "narrative.no_chapters": (
        "'{source}' bukan naskah Renja: tidak ada judul bab seperti 'BAB I PENDAHULUAN' ({count} {unit} "
        "dibaca, tidak ada yang diubah)",
        "'{source}' is not a Renja text: no chapter heading such as 'BAB I PENDAHULUAN' ({count} {unit} "
        "read, nothing changed)"),
    "narrative.missing": ("berkas '{path}' tidak ditemukan", "file '{path}' was not found"),
    "narrative.not_text": ("berkas '{name}' bukan teks biasa", "file '{name}' is not plain text"),
    "narrative.old_doc": ("'{name}' adalah format Word lama (.doc); simpan sebagai .docx di Word lalu impor lagi",
                          "'{name}' is in the old Word format (.doc); save it as .docx in Word and import it again"),
    "narrative.kind": ("jenis berkas '{suffix}' tidak dikenal; pilih .docx atau .txt",
                       "unknown kind of file '{suffix}'; choose .docx or .txt"),
    "narrative.has_text": ("dokumen sudah punya naskah bab; pakai --replace untuk menggantinya (tidak ada yang diubah)",
                           "the document already has chapter text; use --replace to replace it (nothing changed)"),
    "narrative.tables": ("tabel di '{name}' tidak dapat diimpor: {reason} (tidak ada yang diubah)",
                         "the tables in '{name}' cannot be imported: {reason} (nothing changed)"),
    # the Renstra: import and comparison
    "renstra.no_header": ("{source}: tidak ada baris kepala tabel Renstra (kolom 'Kode' dan kolom tahun)",
                          "{source}: no Renstra table header row (a 'Kode' column and year columns)"),
    "renstra.header_columns": (
        "{source} baris {line}: kepala tabel tanpa kolom tahun (mis. '2022' atau 'Target 2022' dan 'Rp "
        "2022') atau tanpa kolom 'Kode'",
        "{source} line {line}: the table header has no year columns (e.g. '2022', or 'Target 2022' and "
        "'Rp 2022') or no 'Kode' column"),
    "renstra.bad_code": ("{source} baris {line} kolom {column}: kode '{kode}' tidak sah",
                         "{source} line {line} column {column}: code '{kode}' is not valid"),
    "renstra.code_twice": ("{source} baris {line}: kode {kode} sudah ada di baris {first}",
                           "{source} line {line}: code {kode} is already on line {first}"),
    "renstra.bad_budget": ("{source} baris {line} kolom {column} (anggaran {year}): {reason}",
                           "{source} line {line} column {column} (budget {year}): {reason}"),
    "renstra.bad_final_budget": ("{source} baris {line} kolom {column} (anggaran akhir): {reason}",
                                 "{source} line {line} column {column} (final budget): {reason}"),
    "renstra.no_rows": ("{source}: tidak ada baris Renstra berkode di bawah kepala tabel",
                        "{source}: no Renstra rows with a code under the table header"),
    "renstra.other_nomenclature": (
        "{source}: {count} dari {of} kode program/kegiatan/sub kegiatan tidak ada di nomenklatur dokumen "
        "({versi}), mis. {examples}: Renstra ini memakai nomenklatur lain{hint}. Petakan kodenya dahulu "
        "atau ganti versi nomenklatur dokumen; tidak ada yang diubah",
        "{source}: {count} of {of} program/activity/sub-activity codes are not in the document's "
        "nomenclature ({versi}), e.g. {examples}: this Renstra uses another nomenclature{hint}. Map its "
        "codes first or change the document's nomenclature version; nothing was changed"),
    "renstra.no_values": ("{source}: tidak ada nilai per tahun", "{source}: no values per year"),
    "renstra.period": (
        "{source}: periode Renstra {first}-{last} tidak memuat tahun dokumen {tahun}; impor Renstra "
        "periode yang benar",
        "{source}: the Renstra period {first}-{last} does not include the document's year {tahun}; import "
        "the Renstra of the right period"),
    "renstra.none": ("dokumen '{name}' belum memiliki Renstra; impor dahulu: renstra FILE import SOURCE",
                     "document '{name}' has no Renstra yet; import it first: renstra FILE import SOURCE"),
    "renstra.rollup": ("anggaran {year} tertulis {declared}, jumlah rinciannya {total} (selisih {diff})",
                       "budget {year} written as {declared}, the sum of its rows {total} (difference {diff})"),
    "renstra.rollup_final": ("anggaran akhir periode tertulis {declared}, jumlah rinciannya {total}",
                             "final budget of the period written as {declared}, the sum of its rows {total}"),
    "renstra.no_children": ("beranggaran tetapi tanpa rincian di bawahnya", "has a budget but no rows under it"),
    "renstra.only_renja": ("ada di Renja, tidak ada di Renstra", "in the Renja, not in the Renstra"),
    "renstra.pagu": ("pagu Renja {pagu}, anggaran Renstra {tahun} {anggaran} (selisih {diff})",
                     "Renja budget {pagu}, Renstra budget {tahun} {anggaran} (difference {diff})"),
    "renstra.target": ("target Renja {renja}, target Renstra {tahun} {renstra}",
                       "Renja target {renja}, Renstra target {tahun} {renstra}"),
    "renstra.only_renstra": ("ada di Renstra, tidak ada di Renja", "in the Renstra, not in the Renja"),
    # the import report's rows (details)
    "row.completes": ("baris indikator/nilai milik baris di atasnya", "an indicator/value line of the row above"),
    "row.continues": ("sambungan baris di atasnya (terpotong pindah halaman)",
                      "the continuation of the row above (cut by a page break)"),
    "row.text_outside": ("teks di luar baris tabel", "text outside the table's rows"),
    "row.orphan": ("baris tanpa kode/nomor dan tidak ada baris data di atasnya untuk disambung",
                   "a line without a code/number and no data row above it to continue"),
    "row.blank": ("baris kosong", "a blank line"),
    "row.document_text": ("teks dokumen di luar tabel", "document text outside the table"),
    "row.tabbed_outside": ("baris bertab di luar tabel Renja (mis. daftar isi)",
                           "a tabbed line outside the Renja tables (e.g. a table of contents)"),
    "row.where_source": ("{source} baris {line}", "{source} line {line}"),
    "row.where": ("baris {line}", "line {line}"),
    "row.status_imported": ("diimpor", "imported"),
    "row.status_continuation": ("sambungan baris sebelumnya", "continuation of the row before"),
    "row.status_recognised": ("dikenali (bukan data)", "recognised (not data)"),
    "row.status_rejected": ("ditolak", "rejected"),
    "row.merged_into": (", digabung ke baris {line}", ", merged into line {line}"),
    "row.note": ("catatan: {note}", "note: {note}"),
    # saving a copy (flash drive, share)
    "copy.saved": ("Salinan tersimpan dan terverifikasi: {target} ({size} MB).",
                   "Copy saved and verified: {target} ({size} MB)."),
    "copy.previous": (" Versi lama disimpan sebagai cadangan: {name}.", " The old version was kept as the backup {name}."),
    "copy.no_base": ("Versi dasar untuk penggabungan tidak dapat disimpan di folder data.",
                     "The base version for merging could not be stored in the data folder."),
    "copy.no_lineage": ("Riwayat versi tidak dapat dicatat di '{name}' ({reason}); penyimpanan berikutnya ke tujuan ini "
                        "akan meminta penggabungan.",
                        "The version history could not be recorded in '{name}' ({reason}); the next save to this "
                        "place will ask for a merge."),
    # the chapter-text import's report
    "narrative.read": ("{source}: {count} {unit} sumber terbaca, {sections} bagian",
                       "{source}: {count} source {unit} read, {sections} sections"),
    "narrative.placed": ("  tabel ditempatkan: {tables}", "  tables placed: {tables}"),
    "narrative.table": ("Tabel {table}", "Table {table}"),
    "narrative.unknown_fields": ("  isian tidak dikenal: {names}", "  unknown fields: {names}"),
    "narrative.table_report": ("Tabel (pengimpor tabel):", "Tables (table importer):"),
    # the importer's notes on single rows and cells (the import report's details)
    "cell.code_spaces": ("spasi di dalam kode '{cell}' dihapus (dibaca {read})",
                         "spaces inside code '{cell}' removed (read as {read})"),
    "cell.code_glued": ("kode sub kegiatan menempel pada kode kegiatan '{text}' (dibaca {read})",
                        "sub-activity code stuck to the activity code '{text}' (read as {read})"),
    "cell.segment_not_number": ("segmen kode '{cell}' bukan angka (kode '{code}')",
                                "code segment '{cell}' is not a number (code '{code}')"),
    "cell.code_form": ("kode '{code}' tidak berbentuk U.BB.PP.K.KK.SSSS", "code '{code}' is not of the form U.BB.PP.K.KK.SSSS"),
    "cell.code_incomplete": ("kode '{code}' tidak lengkap (harus berbentuk U.BB.PP.K.KK.SSSS)",
                             "code '{code}' is incomplete (it must be of the form U.BB.PP.K.KK.SSSS)"),
    "cell.leading_zeros": ("segmen kode '{seg}' ditulis tanpa nol di depan (dibaca {read})",
                           "code segment '{seg}' written without its leading zeros (read as {read})"),
    "cell.sheet_error_rupiah": ("'{text}' adalah galat lembar kerja, bukan angka rupiah",
                                "'{text}' is a spreadsheet error, not a Rupiah amount"),
    "cell.odd_digits_retype": ("'{text}' ditulis dengan angka bukan 0-9 ('{odd}'); ketik ulang dengan angka biasa",
                               "'{text}' is written with digits other than 0-9 ('{odd}'); type it again with ordinary digits"),
    "cell.negative": ("'{text}' adalah angka negatif (dalam kurung atau bertanda minus); pagu tidak boleh negatif, "
                      "baris diimpor tanpa nilai ini",
                      "'{text}' is a negative number (in brackets or with a minus sign); a budget cannot be negative, "
                      "the row is imported without this value"),
    "cell.sheet_error": ("'{text}' adalah galat lembar kerja", "'{text}' is a spreadsheet error"),
    "cell.odd_digits": ("'{text}' ditulis dengan angka bukan 0-9 ('{odd}')", "'{text}' is written with digits other than 0-9 ('{odd}')"),
    "cell.not_performance": ("'{text}' bukan angka kinerja yang terbaca", "'{text}' is not a readable performance figure"),
    "cell.other_year": ("kolom '{column}' bertahun lain dari tahun dokumen {year}; tetap dibaca sebagai {name}",
                        "column '{column}' is for another year than the document's {year}; still read as {name}"),
    "cell.table_not_imported": ("Tabel {table} (mulai baris {line}) tidak diimpor: {reason}",
                                "Table {table} (from line {line}) not imported: {reason}"),
    "cell.table_note": ("Tabel {table}: {note}", "Table {table}: {note}"),
    "cell.columns_not_kept": ("Tabel {table}: kolom tidak disimpan: {columns}", "Table {table}: columns not kept: {columns}"),
    "cell.blank": ("baris kosong", "empty row"),
    "cell.header": ("baris kepala tabel", "table header row"),
    "cell.caption": ("judul Tabel {table}", "title of Table {table}"),
    "cell.page_header": ("kepala halaman berjalan (pindah halaman)", "running page header (page break)"),
    "cell.number_row": ("baris nomor kolom", "column number row"),
    "cell.comment": ("baris komentar atau judul di luar tabel", "comment or title row outside the table"),
    "cell.total": ("baris TOTAL (disimpan sebagai nilai tercetak)", "TOTAL row (kept as a printed value)"),
    "cell.summary": ("baris rata-rata/ringkasan (dihitung aplikasi)", "average/summary row (computed by the application)"),
    "cell.nihil": ("NIHIL: tidak ada usulan", "NIHIL: no proposals"),
    "cell.summary_figures": ("angka rata-rata/ringkasan tercetak tidak dapat dicocokkan dengan perhitungan aplikasi: "
                             "{figures}",
                             "printed average/summary figures cannot be matched with the application's computation: "
                             "{figures}"),
    "cell.percentage": ("kolom {field} berisi persentase '{text}', bukan rupiah; tidak diimpor",
                        "column {field} holds a percentage '{text}', not Rupiah; not imported"),
    "cell.other_figures": ("angka lain di luar kolom pagu diabaikan: {figures}",
                           "other figures outside the budget columns ignored: {figures}"),
    "cell.shifted": ("kolom {field} bergeser {shift} sel dari tempatnya; dibaca '{text}'",
                     "column {field} shifted {shift} cells from its place; read '{text}'"),
    "cell.parent_missing": ("induk berkode {parent} tidak ada; ditempatkan di bawah {level} {row} di atasnya",
                            "the parent with code {parent} is missing; placed under the {level} {row} above it"),
    "cell.code_twice": ("kode {kode} sudah dipakai baris lain; baris ini tetap diimpor (kode ganda)",
                        "code {kode} is already used by another row; this row is imported anyway (duplicate code)"),
    "cell.code_given": ("tanpa kode; diberi kode {kode}", "no code; given the code {kode}"),
    "cell.total_unknown_code": ("jumlah untuk kode {kode} yang tidak ada di tabel; dicatat sebagai nilai tercetak",
                                "a total for code {kode}, which is not in the table; kept as a printed value"),
    "cell.column_error": ("kolom {field}: {reason}", "column {field}: {reason}"),
    "cell.code_unreadable": ("kolom kode tidak terbaca: {reason}", "the code column cannot be read: {reason}"),
    "cell.no_code": ("baris tanpa kode", "a row without a code"),
    "cell.code_only": ("baris hanya berisi kode, tanpa nama dan nilai", "the row holds only a code, no name and no values"),
    "cell.other_name": ("nama berbeda dengan baris yang sudah ada ('{name}'); nama lama dipertahankan",
                        "the name differs from the existing row's ('{name}'); the old name is kept"),
    "cell.column_text_error": ("kolom {field} '{text}': {reason}", "column {field} '{text}': {reason}"),
    "cell.other_value": ("{field} tercetak {printed} berbeda dengan yang sudah ada {current}; disimpan sebagai nilai "
                         "tercetak untuk pemeriksaan",
                         "{field} printed as {printed} differs from the existing {current}; kept as a printed value "
                         "for the checks"),
    "cell.funding_ignored": ("sumber dana '{name}' pada {level} diabaikan (hanya untuk sub kegiatan)",
                             "funding source '{name}' ignored on this {level} (for sub-activities only)"),
    "cell.completes": ("melengkapi baris yang sudah ada", "completes an existing row"),
    "cell.bad_number": ("nomor '{no}' tidak menunjukkan program (I, II), kegiatan (A, B) atau sub kegiatan (1, 2)",
                        "number '{no}' shows no program (I, II), activity (A, B) or sub-activity (1, 2)"),
    "cell.no_match": ("tidak cocok dengan {level} mana pun di dokumen; ditambahkan tanpa kode",
                      "matches no {level} in the document; added without a code"),
    "cell.matched": ("dicocokkan dengan {what}", "matched with {what}"),
    "cell.matched_similar": ("dicocokkan dengan {what} (kemiripan nama {score})", "matched with {what} (name similarity {score})"),
    "cell.no_name": ("nama program/kegiatan tidak ditemukan pada baris", "no program/activity name found in the row"),
    "cell.k_error": ("kolom {column} K: {reason}; dikosongkan", "column {column} K: {reason}; left empty"),
    "cell.rp_error": ("kolom {column} Rp '{text}': {reason}; dikosongkan", "column {column} Rp '{text}': {reason}; left empty"),
    "cell.recomputed": ("kolom {column} {side} tercetak '{text}'; aplikasi menghitung ulang (penyebut nol ditampilkan '–')",
                        "column {column} {side} printed as '{text}'; the application computes it again (a zero "
                        "denominator is shown as '–')"),
    "cell.key_empty": ("kolom {field} kosong", "column {field} is empty"),
    "cell.updates": ("memperbarui baris yang sudah ada", "updates an existing row"),
    "cell.unit_shifted": ("kolom 16 bergeser: '{text}' dilewati, unit penanggung jawab diambil dari kolom berikutnya",
                          "column 16 shifted: '{text}' skipped, the responsible unit taken from the next column"),
    "cell.unit_number": ("kolom 16 berisi angka '{text}', bukan unit penanggung jawab; dikosongkan",
                         "column 16 holds the number '{text}', not a responsible unit; left empty"),
    # damaged rows (row digests)
    "file.rows_damaged": (
        "Berkas '{name}' rusak: isi {count} baris tidak cocok dengan sidik barisnya ({rows}). Kerusakan di dalam "
        "nilai (atau perubahan oleh program lain) yang tidak terlihat oleh pemeriksaan SQLite. Berkas tidak diubah; "
        "pulihkan dari cadangan (renja-desktop restore) atau selamatkan isinya (renja-desktop recover).",
        "File '{name}' is damaged: the content of {count} rows does not match their row digests ({rows}). Damage "
        "inside the values (or a change by another program) that SQLite's own check does not see. The file was not "
        "changed; restore it from a backup (renja-desktop restore) or rescue its content (renja-desktop recover)."),
    "file.rows_unreadable": (
        "Berkas '{name}' rusak: baris-barisnya tidak dapat dibaca seluruhnya ({reason}). Berkas tidak diubah; "
        "pulihkan dari cadangan atau selamatkan isinya (renja-desktop recover).",
        "File '{name}' is damaged: its rows cannot all be read ({reason}). The file was not changed; restore it "
        "from a backup or rescue its content (renja-desktop recover)."),
    "file.changed_since_saved": (
        "Isi berkas '{name}' tidak lagi sama persis dengan saat disimpan {by} pada {time}: berkas itu disunting "
        "langsung, atau rusak tanpa terdeteksi quick_check. Periksa isinya (renja-desktop check --deep) atau "
        "bandingkan dengan salinan lain.",
        "The content of file '{name}' is no longer exactly what was saved {by} on {time}: the file was edited "
        "directly, or damaged without quick_check noticing. Check its content (renja-desktop check --deep) or "
        "compare it with another copy."),
    "rowcheck.row": ("{what} {row}", "{what} {row}"),
    "rowcheck.row_gone": ("{what} #{rowid} hilang", "{what} #{rowid} missing"),
    "rowcheck.digest_bucket": ("catatan sidik baris kelompok {bucket}", "row digest record of group {bucket}"),
    "rowcheck.more": ("dan {count} lainnya", "and {count} more"),
    # rescuing a damaged file (recover)
    "recover.title": ("Penyelamatan '{name}' -> '{output}'", "Rescue of '{name}' -> '{output}'"),
    "recover.unreadable": ("- {table}: tidak terbaca sama sekali ({reason})", "- {table}: not readable at all ({reason})"),
    "recover.saved_of": ("- {table}: {saved} dari {expected} baris terselamatkan",
                         "- {table}: {saved} of {expected} rows saved"),
    "recover.lost": (" ({count} hilang)", " ({count} lost)"),
    "recover.saved": ("- {table}: {saved} baris terselamatkan", "- {table}: {saved} rows saved"),
    "recover.skipped": ("; {count} bagian rusak dilompati", "; {count} damaged parts skipped"),
    "recover.lost_codes": ("    kode baris yang hilang: {codes}", "    codes of the lost rows: {codes}"),
    "recover.unplaced": ("    tidak dapat ditempatkan: {what}", "    could not be placed: {what}"),
    "recover.more": ("    ... dan {count} lagi", "    ... and {count} more"),
    "recover.note": ("Catatan: {note}", "Note: {note}"),
    "recover.complete": ("Hasil: semua isi terselamatkan.", "Result: all content was saved."),
    "recover.partial": ("Hasil: sebagian isi hilang; periksa daftar di atas dan bandingkan dengan cadangan.",
                        "Result: some content was lost; check the list above and compare it with a backup."),
    "recover.no_table": ("tabel tidak ada", "the table is missing"),
    "recover.journal_foreign": ("Jurnal '{name}' bukan milik isi berkas sekarang; diabaikan.",
                                "Journal '{name}' does not belong to the file's present content; ignored."),
    "recover.rows_damaged": ("{count} baris tidak cocok dengan sidik barisnya (isinya mungkin rusak; periksa dengan "
                             "cadangan): {rows}",
                             "{count} rows do not match their row digests (their content may be damaged; check them "
                             "against a backup): {rows}"),
    "recover.placeholders": ("{count} baris induk {table} yang hilang dibuat kembali sebagai penanda ('{name}') "
                             "dengan kode aslinya, agar baris di bawahnya tetap di tempatnya.",
                             "{count} lost parent rows among the {table} were made again as markers ('{name}') with "
                             "their original codes, so that the rows under them keep their place."),
    "recover.identity_lost": ("Identitas dokumen (Pemda, Perangkat Daerah, tahun, penandatangan) hilang; diisi "
                              "sementara, lengkapi kembali. Dokumen hasil mendapat id baru sehingga tidak dapat "
                              "digabung otomatis dengan salinan lain.",
                              "The document identity (local government, agency, year, signatory) was lost; it was "
                              "filled in provisionally, complete it again. The resulting document has a new id, so "
                              "it cannot be merged automatically with other copies."),
    "recover.parent_lost": ("{what}: induknya hilang, ditempatkan di tingkat teratas",
                            "{what}: its parent was lost; placed at the top level"),
    "recover.owner_lost": ("'{what}': {owner}-nya hilang", "'{what}': the {owner} it belongs to was lost"),
    # combining the agencies' Renja (consolidate)
    "consolidate.refused_head": ("Berkas yang ditolak:", "Files refused:"),
    "consolidate.written": ("Gabungan {count} Renja ditulis ke {path} (hanya-baca).",
                            "The combination of {count} Renja was written to {path} (read-only)."),
    "consolidate.not_written": ("Tidak ada berkas yang ditulis.", "No file was written."),
    "consolidate.per_agency": ("Per perangkat daerah:", "By agency:"),
    "consolidate.agency": ("  {name}  {count} sub kegiatan  pagu n Rp {pagu}  n+1 Rp {pagu_n1}",
                           "  {name}  {count} sub-activities  budget n Rp {pagu}  n+1 Rp {pagu_n1}"),
    "consolidate.warning": ("      peringatan: {warning}", "      warning: {warning}"),
    "consolidate.per_affair": ("Per urusan:", "By affair:"),
    "consolidate.total": ("TOTAL pagu n Rp {pagu}; pagu n+1 Rp {pagu_n1}", "TOTAL budget n Rp {pagu}; budget n+1 Rp {pagu_n1}"),
    "consolidate.missing": ("berkas tidak ditemukan", "file not found"),
    "consolidate.is_combined": ("berkas ini sendiri adalah gabungan; gabungkan dari Renja masing-masing perangkat "
                                "daerah", "this file is itself a combination; combine the Renja of each agency"),
    "consolidate.check_errors": ("{count} galat pemeriksaan isi (mis. {example}); periksa dengan "
                                 "'renja-desktop check {name}'",
                                 "{count} errors in the content check (e.g. {example}); check with "
                                 "'renja-desktop check {name}'"),
    "consolidate.over_bound": ("{field} baris {row} (Rp {value}) melebihi batas satu nilai Rp {max}; perbaiki "
                               "nilainya di berkas itu dahulu",
                               "{field} of row {row} (Rp {value}) exceeds the limit of one amount, Rp {max}; "
                               "correct it in that file first"),
    "consolidate.output_is_input": ("berkas hasil tidak boleh sekaligus menjadi masukan",
                                    "the result file cannot also be an input"),
    "consolidate.same_document": ("dokumen yang sama dengan '{name}' (id dokumen sama: salinan dari Renja {agency}); "
                                  "setiap perangkat daerah hanya sekali",
                                  "the same document as '{name}' (same document id: a copy of the Renja of "
                                  "{agency}); each agency only once"),
    "consolidate.other_year": ("tahun rencana {year}, sedangkan yang lain {other}",
                               "plan year {year}, while the others are {other}"),
    "consolidate.other_pemda": ("Pemda '{pemda}', sedangkan yang lain '{other}'",
                                "local government '{pemda}', while the others are '{other}'"),
    "consolidate.same_name": ("nama perangkat daerah sama dengan '{name}' tetapi dokumennya berbeda; pastikan bukan "
                              "dua versi Renja yang sama",
                              "the agency's name is the same as in '{name}' but the document differs; make sure "
                              "these are not two versions of the same Renja"),
    # next year's Renja (rollover)
    "rollover.made": ("Renja {new} dibuat dari Renja {old}: {path}", "Renja {new} made from Renja {old}: {path}"),
    "rollover.carried": ("Dibawa: {tables}", "Carried over: {tables}"),
    "rollover.table_rows": ("{table} {count} baris", "{table} {count} rows"),
    "rollover.pagu": ("Pagu {year} dari {source}; total pagu Rp {total}",
                      "Budget {year} from {source}; total budget Rp {total}"),
    "rollover.mapped": ("  dipetakan: {old} → {new} {name}", "  mapped: {old} → {new} {name}"),
    "rollover.flagged": ("  ditandai: {kode} {name}: {reason}", "  flagged: {kode} {name}: {reason}"),
    "rollover.dropped": ("  tidak dibawa: {table} {count} baris ({reason})",
                         "  not carried over: {table} {count} rows ({reason})"),
    "rollover.code_not_listed": ("kode tidak ada di nomenklatur {version}; dibawa apa adanya",
                                 "the code is not in nomenclature {version}; carried over as it is"),
    "rollover.code_changed": ("{what}{where} di nomenklatur {version}; dibawa apa adanya",
                              "{what}{where} in nomenclature {version}; carried over as it is"),
    "rollover.name_in": ("nama di nomenklatur {version}: {names}", "name in nomenclature {version}: {names}"),
    "rollover.year_moved": ("tahun {old} → {new}", "year {old} → {new}"),
    "rollover.no_renstra_budget": ("tidak ada anggaran Renstra {year}; pagu dikosongkan",
                                   "no Renstra budget for {year}; the budget is left empty"),
    "rollover.no_forward": ("prakiraan maju {year} kosong; pagu dikosongkan",
                            "the forward estimate for {year} is empty; the budget is left empty"),
    "rollover.pagu_moved": ("pagu {old} → {new}", "budget {old} → {new}"),
    "rollover.eval_shift": ("kolom 6 := kolom 14 tahun lalu", "column 6 := column 14 of last year"),
    "rollover.years_shift": ("kolom tahun digeser satu tahun", "year columns moved by one year"),
    "rollover.proposals": ("usulan pemangku kepentingan tahun {year}; usulan {new} dihimpun baru",
                           "stakeholders' proposals of {year}; the proposals for {new} are gathered anew"),
    "rollover.printed": ("nilai tercetak dokumen impor, hanya untuk pemeriksaan tahun ini",
                         "printed values of an imported document, for this year's checks only"),
    "rollover.stages": ("tahap Renja {year}", "stages of Renja {year}"),
    "rollover.notes": ("catatan verifikasi Renja {year}", "verification notes of Renja {year}"),
    # opening a file from a flash drive or a share (workspace)
    "workspace.combined": ("Berkas ini adalah gabungan Renja (tampilan kota), dibuka hanya-baca.",
                           "This file is a combination of Renja (the city view), opened read-only."),
    "workspace.no_lock": ("Kunci tidak dapat dibuat di folder jaringan '{folder}'.",
                          "A lock cannot be made in the network folder '{folder}'."),
    "workspace.old_copy": (
        "Salinan kerja lama '{name}' berbeda dari berkas di {folder}; disimpan sebagai cadangan '{backup}'. Bila "
        "berisi perubahan yang belum disimpan ke flash disk, pulihkan cadangan itu (Berkas ▸ Cadangan…) lalu "
        "gabungkan lewat Berkas ▸ Bandingkan / gabungkan dengan salinan….",
        "The old working copy '{name}' differs from the file in {folder}; it was kept as the backup '{backup}'. If it "
        "holds changes not yet saved to the flash drive, restore that backup (File ▸ Backups…) and then merge "
        "through File ▸ Compare / merge with a copy…."),
}


class RenjaError(Exception):
    """The base of every error shown to the user: a message key and its arguments."""

    def __init__(self, key: "str | Msg", /, **params: Any):
        if isinstance(key, Msg):  # a message made earlier (a report's text): its key and arguments
            key, params = key.key, {**key.params, **params}
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (bawaan: the current language)."""
        return _render(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.message()


class EditError(RenjaError, ValueError):
    """An edit that was refused; the message names the row and field. It lives here, at the bottom
    of the module graph, so that lower modules can raise it; :mod:`.service` re-exports it."""


class Msg(str):
    """A message as a value (the text of a finding): the string is its Indonesian text, so it is
    stored, compared and printed on the command line as before; :meth:`message` (and
    :func:`message`) give it in the window's language."""

    key: str
    params: dict

    def __new__(cls, key: str, /, **params: Any) -> "Msg":
        self = super().__new__(cls, _render(key, params, "id"))
        self.key = key
        self.params = params
        return self

    def message(self, lang: str | None = None) -> str:
        return _render(self.key, self.params, lang)

    def data(self) -> dict:
        """The message as JSON data, to store next to its text: ``{"kunci": key, "arg": {...}}``
        (an argument that is a message itself as the same, a :class:`Text` as ``{"id", "en"}``,
        plain values as they are); :meth:`from_data` makes the message again."""
        return _to_data(self)

    @classmethod
    def from_data(cls, data: dict) -> "Msg | None":
        """The message stored by :meth:`data` (``kunci`` and ``arg`` of ``data``), or None when
        ``data`` holds none or a key this version does not know."""
        key, args = data.get("kunci"), data.get("arg", {})
        if not isinstance(key, str) or key not in MESSAGES or not isinstance(args, dict):
            return None
        return cls(key, **{str(k): _from_data(v) for k, v in args.items()})

    @classmethod
    def from_stored(cls, data: dict) -> "Msg | None":
        """As :meth:`from_data`, for an item that also stored the message's Indonesian text as
        ``pesan``: that text is the message's string as it is, and the arguments are rebuilt only
        when the message is first shown in another language (an import may store tens of thousands)."""
        key, args, text = data.get("kunci"), data.get("arg", {}), data.get("pesan")
        if not isinstance(text, str):
            return cls.from_data(data)
        if not isinstance(key, str) or key not in MESSAGES or not isinstance(args, dict):
            return None
        return _StoredMsg(key, args, text)

    @classmethod
    def of(cls, exc: BaseException) -> "Msg | str":
        """An error as a message value (its key and arguments kept), or its text when it has no key."""
        if isinstance(exc, (RenjaError, Msg)):
            return cls(exc.key, **exc.params)
        return str(exc)


class _StoredMsg(Msg):
    """A message read back from storage (:meth:`Msg.from_stored`): its string the stored text, its
    arguments made from their stored form when first needed."""

    def __new__(cls, key: str, args: dict, text: str) -> "_StoredMsg":
        self = str.__new__(cls, text)
        self.key = key
        self._args = args
        return self

    @property
    def params(self) -> dict:  # type: ignore[override]
        made = self.__dict__.get("_params")
        if made is None:
            made = self.__dict__["_params"] = {str(k): _from_data(v) for k, v in self._args.items()}
        return made


def _to_data(value: Any) -> Any:
    if type(value) is str or type(value) is int:
        return value
    if isinstance(value, (RenjaError, Msg)):
        return {"kunci": value.key, "arg": {k: _to_data(v) for k, v in value.params.items()}}
    if isinstance(value, Text):
        return {"id": value.id, "en": value.en}
    if isinstance(value, (list, tuple)):
        return [_to_data(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)  # a string as it is; anything else (a Decimal, a path) as it prints


def _from_data(value: Any) -> Any:
    if isinstance(value, dict):
        if isinstance(value.get("kunci"), str) and isinstance(value.get("arg", {}), dict):
            return Msg(value["kunci"], **{str(k): _from_data(v) for k, v in value.get("arg", {}).items()})
        if set(value) == {"id", "en"}:
            return Text(str(value["id"]), str(value["en"]))
    if isinstance(value, list):
        return [_from_data(v) for v in value]
    return value


def joined(parts: "list[Any]", sep: str = ", ") -> Text:
    """Messages (or words) joined by ``sep`` in both languages, as one argument of a message."""
    return Text(sep.join(_argument(p, "id") for p in parts), sep.join(_argument(p, "en") for p in parts))


def _render(key: str, params: dict, lang: str | None) -> str:
    entry = MESSAGES.get(key)
    template = pick(entry[0], entry[1], lang) if entry else key
    if not params:
        return template
    values = {k: _argument(v, lang) for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def _argument(value: Any, lang: str | None) -> str:
    if type(value) is str:  # the common case first (tens of thousands of notes in a large import)
        return value
    if isinstance(value, Msg) and (lang or current_language()) == "id":
        return str.__str__(value)  # its string is its Indonesian text: not rendered again
    if isinstance(value, list):  # a list argument: its items, each in the language, joined by '; '
        return "; ".join(_argument(v, lang) for v in value)
    if isinstance(value, (RenjaError, Msg)):
        return value.message(lang)
    if isinstance(value, Text):
        return pick(value.id, value.en, lang)
    return str(value)


def message(exc: "BaseException | str", lang: str | None = None) -> str:
    """What to tell the user about ``exc`` (an error, or a finding's :class:`Msg`), in ``lang``
    (bawaan: the current language)."""
    if isinstance(exc, (RenjaError, Msg)):
        return exc.message(lang)
    return str(exc)


__all__ = ["RenjaError", "EditError", "Msg", "Text", "MESSAGES", "message", "joined", "level_text", "field_text", "one_line",
           "medium_text", "LOCK_CHECK"]


def one_line(exc: BaseException | str) -> str:
    """An error's text as one line without SQL or engine detail: SQLAlchemy's ``[SQL: ...]`` and
    ``(Background on this error ...)`` tails, the ``(sqlite3.OperationalError)`` prefix, and
    SQLite's ``*** in database main ***`` report lines are cut."""
    import re

    text = exc if isinstance(exc, str) else (str(exc) or type(exc).__name__)
    text = re.sub(r"\[SQL:.*", "", text, flags=re.S)
    text = re.sub(r"\[parameters:.*", "", text, flags=re.S)
    text = re.sub(r"\(Background on this error.*", "", text, flags=re.S)
    text = re.sub(r"\((?:sqlite3|builtins)\.\w+\)\s*", "", text)
    text = re.sub(r"\*\*\* in database \w+ \*\*\*", "", text)
    text = " ".join(text.split())
    return text[:400] + ("…" if len(text) > 400 else "")


def medium_text(exc: BaseException) -> Text | None:
    """What SQLite's error says about the medium (full, read-only, removed), in both languages."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    code = getattr(getattr(exc, "orig", None) or exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == 13 or "disk is full" in text:
        return Text("ruang penyimpanan penuh; kosongkan sebagian isi atau pilih tempat lain",
                    "the storage is full; free some space or choose another place")
    if primary == 8 or "readonly" in text or "read-only" in text:
        return Text("media hanya dapat dibaca (flash disk terkunci tulis atau media hanya-baca)",
                    "the medium is read-only (a write-protected flash drive or read-only medium)")
    if primary == 10 or "disk i/o error" in text:
        return Text("media tidak dapat diakses (flash disk dicabut atau rusak?)",
                    "the medium cannot be reached (flash drive removed or damaged?)")
    if primary in (3, 23):
        return Text("tidak ada izin menulis di folder itu", "no permission to write in that folder")
    return None


#: set by :mod:`renja_desktop.exchange.lock`: refuses to edit a file a window holds (sidecar lock)
LOCK_CHECK = None

