<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AddRowDialog</name>
    <message>
        <source>Tambah %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>Tingkat:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>(tingkat teratas)</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <source>Di bawah:</source>
        <translation>Under:</translation>
    </message>
    <message>
        <source>mis. 8.01.01.2.01.0001</source>
        <translation>e.g. 8.01.01.2.01.0001</translation>
    </message>
    <message>
        <source>boleh kosong</source>
        <translation>may be empty</translation>
    </message>
    <message>
        <source>&amp;Kode:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>ketik untuk melihat nama dari nomenklatur</source>
        <translation>type to see names from the nomenclature</translation>
    </message>
    <message>
        <source>&amp;Uraian:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>contoh: 1.500.000</source>
        <translation>example: 1.500.000</translation>
    </message>
    <message>
        <source>&amp;Pagu indikatif:</source>
        <translation>&amp;Indicative budget:</translation>
    </message>
    <message>
        <source>Kode &apos;%1&apos; ditulis sebagai %2. Periksa kodenya, lalu tekan Oke sekali lagi.</source>
        <translation>Code &apos;%1&apos; is written as %2. Check the code, then press OK once more.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Galat tak terduga</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Laporan galat disimpan di:
%1
Serahkan berkas itu kepada petugas TI. Perubahan yang sudah tampil sudah tersimpan di berkas Renja.</source>
        <translation>The error report was saved to:
%1
Give that file to your IT staff. Changes already shown are saved in the Renja file.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Cadangan dokumen</source>
        <translation>Document backups</translation>
    </message>
    <message>
        <source>Salinan cadangan otomatis dari &apos;%1&apos;, terbaru di atas. Cadangan dibuat sebelum pembaruan format, penggabungan, impor, pemulihan, dan sebelum salinan lama ditimpa.</source>
        <translation>Automatic backup copies of &apos;%1&apos;, newest first. Backups are made before a format upgrade, a merge, an import, a restore, and before an old copy is overwritten.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Belum ada cadangan untuk dokumen ini.</source>
        <translation>There are no backups of this document yet.</translation>
    </message>
    <message>
        <source>&amp;Pulihkan sebagai berkas baru...</source>
        <translation>&amp;Restore as a new file...</translation>
    </message>
    <message>
        <source>&amp;Bandingkan dengan dokumen</source>
        <translation>&amp;Compare with the document</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pulihkan cadangan sebagai</source>
        <translation>Restore the backup as</translation>
    </message>
    <message>
        <source>Dokumen Renja (*.sqlite)</source>
        <translation>Renja documents (*.sqlite)</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan ke %1 (terverifikasi).</source>
        <translation>Backup restored to %1 (verified).</translation>
    </message>
    <message>
        <source>Dokumen sekarang</source>
        <translation>Current document</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>Katalog nomenklatur</source>
        <translation>Nomenclature catalog</translation>
    </message>
    <message>
        <source>Daftar kode dan nama resmi program, kegiatan dan sub kegiatan, satu versi per terbitan Kepmendagri. Pemeriksaan dokumen membandingkan kode dan nama dengan versi yang diikuti dokumen.</source>
        <translation>The official codes and names of programs, activities and sub-activities, one version per Home Affairs decree. The document check compares codes and names with the version the document follows.</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Asal</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>&amp;Muat versi baru…</source>
        <translation>&amp;Load new version…</translation>
    </message>
    <message>
        <source>&amp;Pakai untuk dokumen ini</source>
        <translation>&amp;Use for this document</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Memuat daftar nomenklatur dari berkas Excel (.xlsx), CSV atau TSV</source>
        <translation>Loads a nomenclature list from an Excel (.xlsx), CSV or TSV file</translation>
    </message>
    <message>
        <source>Dokumen yang terbuka mengikuti versi terpilih (dapat diurungkan)</source>
        <translation>The open document follows the selected version (can be undone)</translation>
    </message>
    <message>
        <source>bawaan</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>milik sendiri</source>
        <translation>own</translation>
    </message>
    <message>
        <source>%1 (dipakai dokumen ini)</source>
        <translation>%1 (used by this document)</translation>
    </message>
    <message>
        <source>Tidak ada dokumen yang terbuka.</source>
        <translation>No document is open.</translation>
    </message>
    <message>
        <source>Dokumen ini belum menyebut versi nomenklatur; pemeriksaan nomenklatur dilewati.</source>
        <translation>This document names no nomenclature version yet; the nomenclature check is skipped.</translation>
    </message>
    <message>
        <source>Dokumen ini menyebut versi &apos;%1&apos;, yang tidak ada di katalog.</source>
        <translation>This document names version &apos;%1&apos;, which is not in the catalog.</translation>
    </message>
    <message>
        <source>Dokumen ini mengikuti versi &apos;%1&apos; (dicetak tebal).</source>
        <translation>This document follows version &apos;%1&apos; (in bold).</translation>
    </message>
    <message>
        <source>Nama versi belum diisi.</source>
        <translation>The version name is empty.</translation>
    </message>
    <message>
        <source>Nama versi terlalu panjang: %1 karakter, paling banyak %2.</source>
        <translation>The version name is too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <source>Nama versi harus diawali huruf atau angka, bukan &apos;%1&apos;.</source>
        <translation>The version name must start with a letter or a digit, not &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Nama versi memuat karakter yang tidak boleh: %1. Pakai hanya huruf, angka, titik, garis bawah atau tanda hubung, mis. kep900-2023.</source>
        <translation>The version name contains characters that are not allowed: %1. Use only letters, digits, dots, underscores or hyphens, e.g. kep900-2023.</translation>
    </message>
    <message>
        <source>Muat katalog nomenklatur</source>
        <translation>Load nomenclature catalog</translation>
    </message>
    <message>
        <source>Daftar nomenklatur (*.xlsx *.csv *.tsv);;Semua berkas (*)</source>
        <translation>Nomenclature lists (*.xlsx *.csv *.tsv);;All files (*)</translation>
    </message>
    <message>
        <source>Lembar kerja yang berisi daftar nomenklatur:</source>
        <translation>Worksheet holding the nomenclature list:</translation>
    </message>
    <message>
        <source>Nama versi</source>
        <translation>Version name</translation>
    </message>
    <message>
        <source>Nama versi katalog (huruf, angka, titik, garis bawah, tanda hubung), mis. kep900-2023:</source>
        <translation>Catalog version name (letters, digits, dots, underscores, hyphens), e.g. kep900-2023:</translation>
    </message>
    <message>
        <source>Nama versi tidak sah</source>
        <translation>Invalid version name</translation>
    </message>
    <message>
        <source>Versi itu akan diganti dengan isi berkas %1.</source>
        <translation>That version will be replaced by the contents of %1.</translation>
    </message>
    <message>
        <source>Versi milik sendiri dengan nama itu akan dipakai menggantikan versi bawaan.</source>
        <translation>Your own version with that name will be used instead of the bundled one.</translation>
    </message>
    <message>
        <source>Ganti versi katalog</source>
        <translation>Replace catalog version</translation>
    </message>
    <message>
        <source>Versi katalog &apos;%1&apos; sudah ada. Ganti?</source>
        <translation>Catalog version &apos;%1&apos; already exists. Replace it?</translation>
    </message>
    <message>
        <source>Katalog tidak dimuat</source>
        <translation>Catalog not loaded</translation>
    </message>
    <message>
        <source>Katalog &apos;%1&apos; dimuat: %2 baris, %3 baris dilewati.</source>
        <translation>Catalog &apos;%1&apos; loaded: %2 rows, %3 rows skipped.</translation>
    </message>
    <message>
        <source>Yang dilewati pertama:</source>
        <translation>First rows skipped:</translation>
    </message>
    <message>
        <source>Katalog dimuat</source>
        <translation>Catalog loaded</translation>
    </message>
    <message>
        <source>Ikuti katalog %1</source>
        <translation>Follow catalog %1</translation>
    </message>
    <message>
        <source>Versi nomenklatur tidak diubah</source>
        <translation>Nomenclature version not changed</translation>
    </message>
    <message>
        <source>Dokumen kini mengikuti versi &apos;%1&apos;. Dapat diurungkan dengan Edit ▸ Urungkan (Ctrl+Z).</source>
        <translation>The document now follows version &apos;%1&apos;. This can be undone with Edit ▸ Undo (Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Petakan kolom</source>
        <translation>Map columns</translation>
    </message>
    <message>
        <source>(dikenali dari kepala kolom)</source>
        <translation>(recognised from the column headers)</translation>
    </message>
    <message>
        <source>Pilih isian Renja yang dimuat setiap kolom berkas; kolom “(abaikan)” tidak diimpor. Pilihan awal adalah yang dikenali aplikasi dari kepala kolom: bila sudah benar, klik Oke.</source>
        <translation>Choose the Renja field each column of the file holds; a “(skip)” column is not imported. The first choice is what the application recognised from the column headers: if it is right, click OK.</translation>
    </message>
    <message>
        <source>Kode yang tersebar di beberapa kolom berurutan (8 | 01 | 01 | …) cukup dipilih pada kolom pertamanya.</source>
        <translation>A code spread over several adjacent columns (8 | 01 | 01 | …) is chosen on its first column only.</translation>
    </message>
    <message>
        <source>Pratinjau berkas sumber</source>
        <translation>Preview of the source file</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>(abaikan)</source>
        <translation>(skip)</translation>
    </message>
    <message>
        <source>Isian kolom %1</source>
        <translation>Field of column %1</translation>
    </message>
    <message>
        <source>Kolom %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>&amp;Kembalikan pilihan awal</source>
        <translation>&amp;Restore recognised choice</translation>
    </message>
    <message>
        <source>Isian setiap kolom seperti yang dikenali aplikasi</source>
        <translation>Each column&apos;s field as the application recognised it</translation>
    </message>
    <message>
        <source>(bagian kode)</source>
        <translation>(part of the code)</translation>
    </message>
    <message>
        <source>Isian “%1” dipilih untuk lebih dari satu kolom (kolom %2). Pilih satu kolom saja; ubah yang lain menjadi “(abaikan)”.</source>
        <translation>The field “%1” is chosen for more than one column (columns %2). Choose one column only; set the others to “(skip)”.</translation>
    </message>
    <message>
        <source>Belum ada kolom untuk “%1”: Tabel %2 tidak dapat diimpor tanpanya.</source>
        <translation>No column is chosen for “%1”: Table %2 cannot be imported without it.</translation>
    </message>
    <message>
        <source>Belum ada kolom untuk “%1” atau “%2”: Tabel %3 memerlukan salah satunya.</source>
        <translation>No column is chosen for “%1” or “%2”: Table %3 needs one of them.</translation>
    </message>
</context>
<context>
    <name>ConsolidateDialog</name>
    <message>
        <source>Gabungkan Renja perangkat daerah</source>
        <translation>Consolidate agencies&apos; Renja</translation>
    </message>
    <message>
        <source>Pilih berkas Renja setiap perangkat daerah (tahun dan Pemda yang sama). Hasilnya satu tampilan kota hanya-baca dengan total per perangkat daerah dan per urusan.</source>
        <translation>Choose each agency&apos;s Renja file (same year and local government). The result is one read-only city view with totals per agency and per urusan.</translation>
    </message>
    <message>
        <source>&amp;Tambah berkas...</source>
        <translation>&amp;Add files...</translation>
    </message>
    <message>
        <source>&amp;Keluarkan</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Berkas hasil:</source>
        <translation>Result file:</translation>
    </message>
    <message>
        <source>mis. RKPD 2024.sqlite</source>
        <translation>e.g. RKPD 2024.sqlite</translation>
    </message>
    <message>
        <source>Pilih...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <source>Tetap gabungkan berkas yang baik bila ada yang ditolak</source>
        <translation>Consolidate the good files even when some are refused</translation>
    </message>
    <message>
        <source>Hasil penggabungan akan tampil di sini.</source>
        <translation>The consolidation result will be shown here.</translation>
    </message>
    <message>
        <source>&amp;Gabungkan</source>
        <translation>&amp;Consolidate</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih berkas Renja</source>
        <translation>Choose Renja files</translation>
    </message>
    <message>
        <source>Dokumen Renja (*.sqlite)</source>
        <translation>Renja documents (*.sqlite)</translation>
    </message>
    <message>
        <source>Simpan gabungan sebagai</source>
        <translation>Save the consolidation as</translation>
    </message>
    <message>
        <source>Belum ada berkas Renja yang dipilih.</source>
        <translation>No Renja file has been chosen yet.</translation>
    </message>
    <message>
        <source>Tentukan dahulu berkas hasil.</source>
        <translation>Choose the result file first.</translation>
    </message>
    <message>
        <source>Keluarkan atau perbaiki berkas yang ditolak, atau centang pilihan di atas.</source>
        <translation>Remove or repair the refused files, or tick the option above.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Kode &apos;%1&apos; dibaca sebagai %2</source>
        <translation>Code &apos;%1&apos; read as %2</translation>
    </message>
    <message>
        <source>Pilih satu baris pada pohon program.</source>
        <translation>Select a row in the program tree.</translation>
    </message>
    <message>
        <source>Kode:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Uraian:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Outcome / keluaran:</source>
        <translation>Outcome / output:</translation>
    </message>
    <message>
        <source>Lokasi:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Pagu indikatif %1 (Rp):</source>
        <translation>Indicative budget %1 (Rp):</translation>
    </message>
    <message>
        <source>Prakiraan maju %1 (Rp):</source>
        <translation>Forecast %1 (Rp):</translation>
    </message>
    <message>
        <source>Catatan penting:</source>
        <translation>Important notes:</translation>
    </message>
    <message>
        <source>Penanggung jawab:</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <source>Indikator kinerja</source>
        <translation>Performance indicator</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Sumber dana</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Pilih satu baris pada pohon program untuk melihat dan mengubah rinciannya.</source>
        <translation>Select a row in the program tree to see and edit its details.</translation>
    </message>
    <message>
        <source>Jumlah dari rinciannya (dihitung otomatis)</source>
        <translation>The sum of its rows (computed)</translation>
    </message>
    <message>
        <source>Belum ada sumber dana.</source>
        <translation>No funding source yet.</translation>
    </message>
    <message>
        <source>Seluruh pagu (Rp %1) dari satu sumber dana.</source>
        <translation>The whole budget (Rp %1) from one source.</translation>
    </message>
    <message>
        <source>Jumlah sumber dana Rp %1 = pagu.</source>
        <translation>Funding sources total Rp %1 = budget.</translation>
    </message>
    <message>
        <source>Jumlah sumber dana Rp %1 tidak sama dengan pagu Rp %2 (selisih Rp %3).</source>
        <translation>Funding sources total Rp %1, not equal to the budget Rp %2 (difference Rp %3).</translation>
    </message>
    <message>
        <source>Sumber dana baris %1: %2</source>
        <translation>Funding source row %1: %2</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Oke</source>
        <extracomment>submit(kode, nama, fields) -&gt; error message or None</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Jangan simpan</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Coba lagi</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>DocumentTab</name>
    <message>
        <source>&lt;b&gt;Kerangka dokumen&lt;/b&gt;</source>
        <extracomment>the field values last shown (the row counts among them are kept while no row is added)</extracomment>
        <translation>&lt;b&gt;Document outline&lt;/b&gt;</translation>
    </message>
    <message>
        <source>+ Bab</source>
        <translation>+ Chapter</translation>
    </message>
    <message>
        <source>+ Subbab</source>
        <translation>+ Section</translation>
    </message>
    <message>
        <source>Ubah judul</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>▲ Naik</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <source>▼ Turun</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Kerangka bawaan</source>
        <translation>Default outline</translation>
    </message>
    <message>
        <source>Sistematika Renja menurut Permendagri 86/2017, dengan letak tabel</source>
        <translation>The Renja structure of Permendagri 86/2017, with the table placements</translation>
    </message>
    <message>
        <source>Impor naskah…</source>
        <translation>Import text…</translation>
    </message>
    <message>
        <source>Bab, paragraf dan daftar dari Renja lama (.docx atau teks)</source>
        <translation>Chapters, paragraphs and lists from an earlier Renja (.docx or text)</translation>
    </message>
    <message>
        <source>Cetak dokumen lengkap…</source>
        <translation>Print the whole document…</translation>
    </message>
    <message>
        <source>Isian dan nilainya sekarang (klik dua kali untuk menyisipkan)</source>
        <translation>Fields and their current values (double-click to insert)</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Tebal (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <source>Miring (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <source>Garis bawah (Ctrl+U)</source>
        <translation>Underline (Ctrl+U)</translation>
    </message>
    <message>
        <source>Daftar bernomor 1. 2. 3.</source>
        <translation>Numbered list 1. 2. 3.</translation>
    </message>
    <message>
        <source>Daftar huruf a. b. c.</source>
        <translation>Lettered list a. b. c.</translation>
    </message>
    <message>
        <source>Daftar berbutir</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Paragraf biasa (bukan daftar)</source>
        <translation>Plain paragraph (not a list)</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Sisipkan tabel sederhana (3 kolom)</source>
        <translation>Insert a simple table (3 columns)</translation>
    </message>
    <message>
        <source>Gambar…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <source>Sisipkan gambar PNG/JPEG (mis. logo daerah)</source>
        <translation>Insert a PNG/JPEG image (e.g. the regional logo)</translation>
    </message>
    <message>
        <source>Isian ▾</source>
        <translation>Fields ▾</translation>
    </message>
    <message>
        <source>Sisipkan isian {opd}, {tahun} …</source>
        <translation>Insert fields {opd}, {tahun} …</translation>
    </message>
    <message>
        <source>Tempatkan ▾</source>
        <translation>Place ▾</translation>
    </message>
    <message>
        <source>Tabel, teks terhitung, tanda tangan</source>
        <translation>Tables, generated text, signature</translation>
    </message>
    <message>
        <source>Tabel %1 %2</source>
        <translation>Table %1 %2</translation>
    </message>
    <message>
        <source>Teks terhitung: %1</source>
        <translation>Generated text: %1</translation>
    </message>
    <message>
        <source>Blok tanda tangan Kepala</source>
        <translation>Head&apos;s signature block</translation>
    </message>
    <message>
        <source>Jadikan teks terhitung teks biasa</source>
        <translation>Turn generated text into plain text</translation>
    </message>
    <message>
        <source>▣ Tabel %1 %2 — dicetak di sini pada halaman melintang</source>
        <translation>▣ Table %1 %2 — printed here on landscape pages</translation>
    </message>
    <message>
        <source>▣ Teks terhitung (selalu sesuai data): %1</source>
        <translation>▣ Generated text (always true to the data): %1</translation>
    </message>
    <message>
        <source>▣ Blok tanda tangan: %1</source>
        <translation>▣ Signature block: %1</translation>
    </message>
    <message>
        <source>(nama Kepala belum diisi)</source>
        <translation>(head&apos;s name not filled in)</translation>
    </message>
    <message>
        <source>Pilih bagian di kerangka</source>
        <translation>Choose a section in the outline</translation>
    </message>
    <message>
        <source>Disusun otomatis saat dicetak, dengan nomor halaman yang benar.</source>
        <translation>Built automatically when printed, with the right page numbers.</translation>
    </message>
    <message>
        <source>Perubahan ditolak</source>
        <translation>Change refused</translation>
    </message>
    <message>
        <source>Tambah bagian</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>Judul:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Tambah bagian &apos;%1&apos;</source>
        <translation>Add section &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Bagian tidak ditambahkan</source>
        <translation>Section not added</translation>
    </message>
    <message>
        <source>Ubah judul &apos;%1&apos;</source>
        <translation>Rename &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Pindahkan &apos;%1&apos;</source>
        <translation>Move &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Hapus &apos;%1&apos;</source>
        <translation>Delete &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Tidak ada teks terhitung</source>
        <translation>No generated text</translation>
    </message>
    <message>
        <source>Bagian ini tidak memuat teks terhitung.</source>
        <translation>This section holds no generated text.</translation>
    </message>
    <message>
        <source>Jadikan teks biasa &apos;%1&apos;</source>
        <translation>Make plain text &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Ganti kerangka</source>
        <translation>Replace outline</translation>
    </message>
    <message>
        <source>Ganti seluruh kerangka dan naskah dengan kerangka bawaan? (Dapat diurungkan.)</source>
        <translation>Replace the whole outline and text with the default outline? (Can be undone.)</translation>
    </message>
    <message>
        <source>Buat kerangka bawaan</source>
        <translation>Create the default outline</translation>
    </message>
    <message>
        <source>Impor naskah Renja</source>
        <translation>Import Renja text</translation>
    </message>
    <message>
        <source>Dokumen Word atau teks (*.docx *.txt)</source>
        <translation>Word document or text (*.docx *.txt)</translation>
    </message>
    <message>
        <source>Pilih berkas .docx atau .txt.</source>
        <translation>Choose a .docx or .txt file.</translation>
    </message>
    <message>
        <source>Naskah tidak diimpor</source>
        <translation>Text not imported</translation>
    </message>
    <message>
        <source>Impor naskah dari %1</source>
        <translation>Import text from %1</translation>
    </message>
    <message>
        <source>Ubah isi &apos;%1&apos;</source>
        <translation>Edit text of &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Isi tidak disimpan</source>
        <translation>Text not saved</translation>
    </message>
    <message>
        <source>Kolom 1</source>
        <translation>Column 1</translation>
    </message>
    <message>
        <source>Kolom 2</source>
        <translation>Column 2</translation>
    </message>
    <message>
        <source>Kolom 3</source>
        <translation>Column 3</translation>
    </message>
    <message>
        <source>Sisipkan gambar</source>
        <translation>Insert image</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Gambar tidak dapat dibaca</source>
        <translation>Image cannot be read</translation>
    </message>
    <message>
        <source>Bukan gambar</source>
        <translation>Not an image</translation>
    </message>
    <message>
        <source>Berkas &apos;%1&apos; bukan gambar PNG atau JPEG; naskah tidak diubah.</source>
        <translation>File &apos;%1&apos; is not a PNG or JPEG image; the text was not changed.</translation>
    </message>
    <message>
        <source>Isian tidak dikenal</source>
        <translation>Unknown field</translation>
    </message>
    <message>
        <source>Isian {%1} tidak ada.</source>
        <translation>There is no field {%1}.</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>EvalModel</name>
    <message>
        <source>Rata-rata tingkat capaian dari %1 baris yang memiliki target</source>
        <translation>Mean achievement rate over %1 rows that have a target</translation>
    </message>
    <message>
        <source>Dihitung otomatis: %1</source>
        <translation>Computed: %1</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Galat</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Tingkat</source>
        <extracomment>the user wants to see where a finding is row rule findings by plan row id (rows without findings left out), from the last check plan rows to check again, and moved rows (their subtrees); None: check everything each plan row&apos;s code, how many rows have each code, and the codes used more than once: kept up to date with the rows checked again, so an edit need not look at every code</extracomment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Tercetak</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Terhitung</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>Klik dua kali untuk menuju baris yang bersangkutan.</source>
        <translation>Double-click to go to the row.</translation>
    </message>
    <message>
        <source>Memeriksa dokumen…</source>
        <translation>Checking the document…</translation>
    </message>
    <message>
        <source>Tidak ada temuan: dokumen lolos pemeriksaan.</source>
        <translation>No findings: the document passes the check.</translation>
    </message>
    <message>
        <source>%1 galat, %2 peringatan, %3 info</source>
        <translation>%1 errors, %2 warnings, %3 info</translation>
    </message>
    <message>
        <source>pagu %1</source>
        <translation>budget %1</translation>
    </message>
    <message>
        <source>sumber dana</source>
        <translation>funding source</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Panduan Renja Desktop</source>
        <translation>Renja Desktop user guide</translation>
    </message>
    <message>
        <source>Berkas panduan tidak ditemukan: %1</source>
        <translation>User guide file not found: %1</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>Identitas dokumen</source>
        <translation>Document identity</translation>
    </message>
    <message>
        <source>Pemerintah daerah:</source>
        <translation>Regional government:</translation>
    </message>
    <message>
        <source>mis. Kota Binjai</source>
        <translation>e.g. Kota Binjai</translation>
    </message>
    <message>
        <source>Perangkat Daerah:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <source>mis. Badan Kesatuan Bangsa dan Politik</source>
        <translation>e.g. Badan Kesatuan Bangsa dan Politik</translation>
    </message>
    <message>
        <source>Nama singkat:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <source>mis. Badan Kesbangpol (untuk kepala halaman)</source>
        <translation>e.g. Badan Kesbangpol (for the page header)</translation>
    </message>
    <message>
        <source>Tahun rencana (n):</source>
        <translation>Plan year (n):</translation>
    </message>
    <message>
        <source>Renstra mulai:</source>
        <translation>Renstra from:</translation>
    </message>
    <message>
        <source>Renstra selesai:</source>
        <translation>Renstra to:</translation>
    </message>
    <message>
        <source>Versi nomenklatur:</source>
        <translation>Nomenclature version:</translation>
    </message>
    <message>
        <source>mis. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>Judul dokumen:</source>
        <translation>Document title:</translation>
    </message>
    <message>
        <source>mis. RANCANGAN AWAL RENJA</source>
        <translation>e.g. RANCANGAN AWAL RENJA</translation>
    </message>
    <message>
        <source>Kepala halaman:</source>
        <translation>Page header:</translation>
    </message>
    <message>
        <source>Tercetak di setiap halaman:</source>
        <translation>Printed on every page:</translation>
    </message>
    <message>
        <source>Pengesahan (blok tanda tangan)</source>
        <translation>Approval (signature block)</translation>
    </message>
    <message>
        <source>Tempat:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>mis. Binjai</source>
        <translation>e.g. Binjai</translation>
    </message>
    <message>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>mis. Juni 2023</source>
        <translation>e.g. Juni 2023</translation>
    </message>
    <message>
        <source>Jabatan:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>mis. Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai</source>
        <translation>e.g. Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai</translation>
    </message>
    <message>
        <source>Nama Kepala:</source>
        <translation>Head&apos;s name:</translation>
    </message>
    <message>
        <source>Pangkat:</source>
        <translation>Rank:</translation>
    </message>
    <message>
        <source>mis. Pembina</source>
        <translation>e.g. Pembina</translation>
    </message>
    <message>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>18 digit, mis. 19670621 199702 1 002</source>
        <translation>18 digits, e.g. 19670621 199702 1 002</translation>
    </message>
    <message>
        <source>(otomatis dari tahun dan nama singkat)</source>
        <translation>(automatic from the year and short name)</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Kenali dari kepala kolom (otomatis)</source>
        <translation>Recognise from the column headers (automatic)</translation>
    </message>
    <message>
        <source>Tabel 4.1 Rencana kerja dan pendanaan</source>
        <translation>Table 4.1 Work and funding plan</translation>
    </message>
    <message>
        <source>Tabel 3.1 Rencana program dan kegiatan</source>
        <translation>Table 3.1 Programme and activity plan</translation>
    </message>
    <message>
        <source>Tabel 2.3 Review rancangan awal RKPD</source>
        <translation>Table 2.3 Review of the draft RKPD</translation>
    </message>
    <message>
        <source>Tabel 2.1 Evaluasi Renja tahun lalu</source>
        <translation>Table 2.1 Evaluation of last year&apos;s Renja</translation>
    </message>
    <message>
        <source>Tabel 2.2 Kinerja pelayanan</source>
        <translation>Table 2.2 Service performance</translation>
    </message>
    <message>
        <source>Tabel 2.4 Usulan pemangku kepentingan</source>
        <translation>Table 2.4 Stakeholder proposals</translation>
    </message>
    <message>
        <source>Impor tabel</source>
        <translation>Import table</translation>
    </message>
    <message>
        <source>Tabel (*.xlsx *.tsv *.csv *.txt);;Semua berkas (*)</source>
        <translation>Tables (*.xlsx *.tsv *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca</source>
        <translation>The file cannot be read</translation>
    </message>
    <message>
        <source>Pilih lembar kerja</source>
        <translation>Choose a worksheet</translation>
    </message>
    <message>
        <source>Lembar kerja yang diimpor:</source>
        <translation>Worksheet to import:</translation>
    </message>
    <message>
        <source>Jenis tabel</source>
        <translation>Table type</translation>
    </message>
    <message>
        <source>Tabel yang diimpor:</source>
        <translation>Table to import:</translation>
    </message>
    <message>
        <source>Jenis tabel tidak dikenali</source>
        <translation>Table type not recognised</translation>
    </message>
    <message>
        <source>Jenis tabel %1 tidak dikenali dari kepala kolomnya.</source>
        <translation>The table type of %1 was not recognised from its column headers.</translation>
    </message>
    <message>
        <source>Pilih jenis tabelnya, lalu periksa kolom-kolomnya.</source>
        <translation>Choose the table type, then check its columns.</translation>
    </message>
    <message>
        <source>Impor dibatalkan</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>Cadangan sebelum impor tidak dapat dibuat.</source>
        <translation>The backup before importing could not be made.</translation>
    </message>
    <message>
        <source>Impor %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Impor gagal</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Dokumen tidak diubah.</source>
        <translation>The document was not changed.</translation>
    </message>
    <message>
        <source>Laporan impor</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>Impor dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z).</source>
        <translation>The import can be undone with Edit ▸ Undo (Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Kode</source>
        <extracomment>field labels; {n}, {n+1}, {n-1}... become the plan year and the years around it</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama program/kegiatan/sub kegiatan</source>
        <translation>Program/activity/sub-activity name</translation>
    </message>
    <message>
        <source>Pagu indikatif {n} (Rp)</source>
        <translation>Indicative budget {n} (Rp)</translation>
    </message>
    <message>
        <source>Pagu prakiraan maju {n+1} (Rp)</source>
        <translation>Forward estimate budget {n+1} (Rp)</translation>
    </message>
    <message>
        <source>Sumber dana</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Indikator kinerja</source>
        <translation>Performance indicator</translation>
    </message>
    <message>
        <source>Target capaian {n}</source>
        <translation>Target {n}</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Catatan penting</source>
        <translation>Important notes</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Keluaran</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Target capaian {n+1}</source>
        <translation>Target {n+1}</translation>
    </message>
    <message>
        <source>Penanggung jawab</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>Keluaran {n+1}</source>
        <translation>Output {n+1}</translation>
    </message>
    <message>
        <source>Capaian kinerja {n}</source>
        <translation>Performance achievement {n}</translation>
    </message>
    <message>
        <source>Capaian kinerja {n+1}</source>
        <translation>Performance achievement {n+1}</translation>
    </message>
    <message>
        <source>Nomor urut (No)</source>
        <translation>Row number (No)</translation>
    </message>
    <message>
        <source>RKPD: program/kegiatan/sub kegiatan</source>
        <translation>RKPD: program/activity/sub-activity</translation>
    </message>
    <message>
        <source>RKPD: lokasi</source>
        <translation>RKPD: location</translation>
    </message>
    <message>
        <source>RKPD: indikator kinerja</source>
        <translation>RKPD: performance indicator</translation>
    </message>
    <message>
        <source>RKPD: target capaian</source>
        <translation>RKPD: target</translation>
    </message>
    <message>
        <source>RKPD: pagu indikatif (Rp)</source>
        <translation>RKPD: indicative budget (Rp)</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>SPM/standar nasional</source>
        <translation>Minimum service standard/national standard</translation>
    </message>
    <message>
        <source>IKK</source>
        <translation>IKK</translation>
    </message>
    <message>
        <source>Target {n-3}</source>
        <translation>Target {n-3}</translation>
    </message>
    <message>
        <source>Target {n-2}</source>
        <translation>Target {n-2}</translation>
    </message>
    <message>
        <source>Target {n}</source>
        <translation>Target {n}</translation>
    </message>
    <message>
        <source>Realisasi {n-3}</source>
        <translation>Achieved {n-3}</translation>
    </message>
    <message>
        <source>Realisasi {n-2}</source>
        <translation>Achieved {n-2}</translation>
    </message>
    <message>
        <source>Proyeksi {n}</source>
        <translation>Projection {n}</translation>
    </message>
    <message>
        <source>Proyeksi {n+1}</source>
        <translation>Projection {n+1}</translation>
    </message>
    <message>
        <source>Program/kegiatan</source>
        <translation>Program/activity</translation>
    </message>
    <message>
        <source>Besaran/volume</source>
        <translation>Amount/volume</translation>
    </message>
    <message>
        <source>Analisis: program/kegiatan/sub kegiatan</source>
        <extracomment>where a table prints a field under another meaning</extracomment>
        <translation>Needs analysis: program/activity/sub-activity</translation>
    </message>
    <message>
        <source>Analisis: lokasi</source>
        <translation>Needs analysis: location</translation>
    </message>
    <message>
        <source>Analisis: indikator kinerja</source>
        <translation>Needs analysis: performance indicator</translation>
    </message>
    <message>
        <source>Analisis: target capaian</source>
        <translation>Needs analysis: target</translation>
    </message>
    <message>
        <source>Analisis: pagu indikatif (Rp)</source>
        <translation>Needs analysis: indicative budget (Rp)</translation>
    </message>
    <message>
        <source>Target {n-1}</source>
        <translation>Target {n-1}</translation>
    </message>
    <message>
        <source>Catatan analisis</source>
        <translation>Analysis notes</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Unit penanggung jawab</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>target Renstra</source>
        <extracomment>Tabel 2.1 columns 5-15 (K and Rp each)</extracomment>
        <translation>Renstra target</translation>
    </message>
    <message>
        <source>realisasi Renstra s.d. tahun lalu</source>
        <translation>Renstra achieved up to last year</translation>
    </message>
    <message>
        <source>target Renja</source>
        <translation>Renja target</translation>
    </message>
    <message>
        <source>realisasi triwulan I</source>
        <translation>achieved in quarter I</translation>
    </message>
    <message>
        <source>realisasi triwulan II</source>
        <translation>achieved in quarter II</translation>
    </message>
    <message>
        <source>realisasi triwulan III</source>
        <translation>achieved in quarter III</translation>
    </message>
    <message>
        <source>realisasi triwulan IV</source>
        <translation>achieved in quarter IV</translation>
    </message>
    <message>
        <source>realisasi Renja</source>
        <translation>Renja achieved</translation>
    </message>
    <message>
        <source>tingkat realisasi (%)</source>
        <translation>realisation rate (%)</translation>
    </message>
    <message>
        <source>realisasi Renstra</source>
        <translation>Renstra achieved</translation>
    </message>
    <message>
        <source>tingkat capaian Renstra (%)</source>
        <translation>Renstra achievement rate (%)</translation>
    </message>
    <message>
        <source>Kolom %1 K: %2</source>
        <translation>Column %1 K: %2</translation>
    </message>
    <message>
        <source>Kolom %1 Rp: %2</source>
        <translation>Column %1 Rp: %2</translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>%1 dan %2</source>
        <translation>%1 and %2</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Bila daftar kosong, tabel dicetak dengan satu baris “NIHIL”.</source>
        <translation>An empty list prints as one “NIHIL” row.</translation>
    </message>
    <message>
        <source>Indikator kinerja pelayanan Perangkat Daerah; tidak ada rumus.</source>
        <translation>The agency&apos;s service performance indicators; no formulas.</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Delete rows</translation>
    </message>
    <message>
        <source>Hapus %1 baris yang dipilih?</source>
        <translation>Delete the %1 selected rows?</translation>
    </message>
    <message>
        <source>Penghapusan dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z).</source>
        <translation>Deleting can be undone with Edit ▸ Undo (Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>LockedFileDialog</name>
    <message>
        <source>Berkas sedang dibuka</source>
        <translation>The file is open elsewhere</translation>
    </message>
    <message>
        <source>Berkas ini sedang dibuka oleh %1 di komputer %2 sejak %3.</source>
        <translation>This file is open by %1 on computer %2 since %3.</translation>
    </message>
    <message>
        <source>Berkas ini terkunci, tetapi keterangan kuncinya tidak terbaca.</source>
        <translation>This file is locked, but its lock details cannot be read.</translation>
    </message>
    <message>
        <source>Aplikasi yang membukanya tampaknya sudah tertutup (mis. listrik padam atau komputer macet). Anda dapat mengambil alih kuncinya dan menyunting berkas ini.</source>
        <translation>The application that opened it seems to have closed (e.g. a power cut or a frozen computer). You can take over its lock and edit this file.</translation>
    </message>
    <message>
        <source>Bila Anda juga menyuntingnya, perubahan dari dua tempat akan saling menimpa. Bukalah hanya-baca, atau tunggu sampai berkas ditutup di sana.</source>
        <translation>If you edit it too, changes from two places will overwrite each other. Open it read-only, or wait until it is closed there.</translation>
    </message>
    <message>
        <source>Buka &amp;hanya-baca</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <source>&amp;Ambil alih kunci</source>
        <translation>&amp;Take over the lock</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hanya bila Anda yakin berkas itu tidak sedang disunting.</source>
        <translation>Only when you are sure the file is not being edited.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Baru…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Membuat dokumen Renja baru</source>
        <translation>Create a new Renja document</translation>
    </message>
    <message>
        <source>Membuka berkas Renja (.sqlite)</source>
        <translation>Open a Renja file (.sqlite)</translation>
    </message>
    <message>
        <source>Buka &amp;contoh</source>
        <translation>Open &amp;sample</translation>
    </message>
    <message>
        <source>Membuka salinan baru dokumen contoh Kesbangpol Binjai 2024</source>
        <translation>Open a fresh copy of the Kesbangpol Binjai 2024 sample</translation>
    </message>
    <message>
        <source>Simpan ke &amp;flash disk</source>
        <translation>Save to &amp;flash drive</translation>
    </message>
    <message>
        <source>Menyimpan dokumen kembali ke flash disk atau folder jaringan asalnya (salinan terverifikasi)</source>
        <translation>Saves the document back to the flash drive or network folder it came from (verified copy)</translation>
    </message>
    <message>
        <source>&amp;Simpan salinan sebagai…</source>
        <translation>Save a cop&amp;y as…</translation>
    </message>
    <message>
        <source>Menyimpan salinan terverifikasi, mis. ke flash disk</source>
        <translation>Save a verified copy, e.g. to a flash drive</translation>
    </message>
    <message>
        <source>Ba&amp;ndingkan / gabungkan dengan salinan…</source>
        <translation>Compare / &amp;merge with a copy…</translation>
    </message>
    <message>
        <source>Membandingkan dokumen ini dengan salinan lainnya (mis. dari komputer lain) dan menggabungkan keduanya ke berkas baru</source>
        <translation>Compares this document with another copy of it (e.g. from another PC) and merges both into a new file</translation>
    </message>
    <message>
        <source>Ca&amp;dangan…</source>
        <translation>Bac&amp;kups…</translation>
    </message>
    <message>
        <source>Cadangan otomatis dokumen ini: pulihkan sebagai berkas baru atau bandingkan</source>
        <translation>Automatic backups of this document: restore one as a new file, or compare</translation>
    </message>
    <message>
        <source>&amp;Gabungkan Renja perangkat daerah…</source>
        <translation>Conso&amp;lidate agencies&apos; Renja…</translation>
    </message>
    <message>
        <source>Menggabungkan Renja banyak perangkat daerah menjadi satu tampilan kota (untuk Bappeda)</source>
        <translation>Gathers many agencies&apos; Renja into one city view (for Bappeda)</translation>
    </message>
    <message>
        <source>Selamatkan berkas &amp;rusak…</source>
        <translation>Resc&amp;ue a damaged file…</translation>
    </message>
    <message>
        <source>Menyelamatkan isi yang masih terbaca dari berkas rusak ke berkas baru</source>
        <translation>Saves what can still be read from a damaged file into a new file</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Menutup dokumen</source>
        <translation>Close the document</translation>
    </message>
    <message>
        <source>&amp;Impor tabel…</source>
        <translation>&amp;Import table…</translation>
    </message>
    <message>
        <source>Mengimpor tabel Renja dari Excel (.xlsx), CSV/TSV atau teks</source>
        <translation>Imports a Renja table from Excel (.xlsx), CSV/TSV or text</translation>
    </message>
    <message>
        <source>K&amp;atalog nomenklatur…</source>
        <translation>Nomenclature c&amp;atalog…</translation>
    </message>
    <message>
        <source>Versi katalog nomenklatur: memuat versi baru dari Excel/CSV/TSV, memilih versi yang diikuti dokumen</source>
        <translation>Nomenclature catalog versions: load a new version from Excel/CSV/TSV, choose the version the document follows</translation>
    </message>
    <message>
        <source>Mencetak tabel lampiran, menyimpan PDF atau mengekspor Excel</source>
        <translation>Prints the appendix tables, saves a PDF or exports to Excel</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Tambah &amp;anak</source>
        <translation>Add c&amp;hild</translation>
    </message>
    <message>
        <source>Menambah baris rincian di bawah baris terpilih</source>
        <translation>Add a row under the selected row</translation>
    </message>
    <message>
        <source>Tambah &amp;saudara</source>
        <translation>Add &amp;sibling</translation>
    </message>
    <message>
        <source>Menambah baris setingkat sesudah baris terpilih</source>
        <translation>Add a row of the same level after the selected row</translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Menghapus baris terpilih beserta rinciannya</source>
        <translation>Delete the selected rows with their children</translation>
    </message>
    <message>
        <source>Pindah &amp;naik</source>
        <translation>Mo&amp;ve up</translation>
    </message>
    <message>
        <source>Memindah baris ke atas (kode mengikuti induk baru)</source>
        <translation>Move the row up (codes follow the new parent)</translation>
    </message>
    <message>
        <source>Memindah baris ke bawah (kode mengikuti induk baru)</source>
        <translation>Move the row down (codes follow the new parent)</translation>
    </message>
    <message>
        <source>Sa&amp;lin</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Menyalin baris terpilih beserta rinciannya</source>
        <translation>Copy the selected rows with their children</translation>
    </message>
    <message>
        <source>&amp;Tempel</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>Menempel baris yang disalin, atau baris dari Excel (dipisah tab)</source>
        <translation>Paste copied rows, or rows from Excel (tab-separated)</translation>
    </message>
    <message>
        <source>&amp;Cari…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>Hapus nilai tercetak hasil &amp;impor…</source>
        <translation>Remove printed values from the &amp;import…</translation>
    </message>
    <message>
        <source>Setelah ditinjau: pemeriksaan tidak lagi membandingkan angka tercetak dokumen asal</source>
        <translation>After review: the check no longer compares the source document&apos;s printed figures</translation>
    </message>
    <message>
        <source>&amp;Bentangkan semua</source>
        <translation>&amp;Expand all</translation>
    </message>
    <message>
        <source>&amp;Ciutkan ke program</source>
        <translation>&amp;Collapse to programs</translation>
    </message>
    <message>
        <source>Kolom &amp;triwulan pada Tabel 2.1</source>
        <translation>&amp;Quarter columns in Table 2.1</translation>
    </message>
    <message>
        <source>&amp;Tentang Renja Desktop</source>
        <translation>&amp;About Renja Desktop</translation>
    </message>
    <message>
        <source>&amp;Panduan</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>Panduan pemakaian Renja Desktop</source>
        <translation>How to use Renja Desktop</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <extracomment>when an action can be used, by the name an :class:`ActionSpec` gives the menu bar: (title, entries); an entry is an action key, ``None`` (a separator), a dock&apos;s toggle (``detail_dock``, ``findings_dock``) or a submenu (title, entries)</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Alat</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Rincian baris</source>
        <translation>Row details</translation>
    </message>
    <message>
        <source>Temuan pemeriksaan</source>
        <translation>Check findings</translation>
    </message>
    <message>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Buka berkas Renja</source>
        <extracomment>a change another process made to the open file (a command-line edit with --force, a second window) is noticed within this interval and the document reloaded; the window starts it while it shows a document</extracomment>
        <translation>Open a Renja file</translation>
    </message>
    <message>
        <source>Berkas Renja (*.sqlite);;Semua berkas (*)</source>
        <translation>Renja files (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Berkas tidak ditemukan</source>
        <translation>File not found</translation>
    </message>
    <message>
        <source>Berkas &apos;%1&apos; tidak ditemukan.</source>
        <translation>File &apos;%1&apos; was not found.</translation>
    </message>
    <message>
        <source>Bila berkas itu ada di flash disk, pasang flash disknya lalu coba lagi.</source>
        <translation>If the file is on a flash drive, plug the drive in and try again.</translation>
    </message>
    <message>
        <source>Dokumen ini sudah terbuka: %1</source>
        <translation>This document is already open: %1</translation>
    </message>
    <message>
        <source>Dibuka dari %1 %2; Anda bekerja pada salinan di komputer ini (%3).</source>
        <translation>Opened from %1 %2; you are working on a copy on this computer (%3).</translation>
    </message>
    <message>
        <source>Catatan pemeriksaan berkas</source>
        <translation>File check notes</translation>
    </message>
    <message>
        <source>Berkas &apos;%1&apos; dibuka dengan catatan berikut:</source>
        <translation>The file &apos;%1&apos; was opened with these notes:</translation>
    </message>
    <message>
        <source>Dokumen sudah terbuka</source>
        <translation>Document already open</translation>
    </message>
    <message>
        <source>Dokumen &apos;%1&apos; sudah terbuka di jendela Renja Desktop ini.</source>
        <translation>The document &apos;%1&apos; is already open in this Renja Desktop window.</translation>
    </message>
    <message>
        <source>Berkas rusak</source>
        <translation>Damaged file</translation>
    </message>
    <message>
        <source>Berkas ini tidak akan diubah. Selamatkan isi yang masih terbaca ke berkas baru?</source>
        <translation>This file will not be changed. Save what can still be read into a new file?</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibuka</source>
        <translation>The file cannot be opened</translation>
    </message>
    <message>
        <source>Dokumen contoh sudah terbuka.</source>
        <translation>The sample document is already open.</translation>
    </message>
    <message>
        <source>Contoh dibuat baru; salinan yang telah Anda ubah disimpan sebagai &apos;%1 (diubah).sqlite&apos; di %2.</source>
        <translation>A fresh sample was made; the copy you changed is kept as &apos;%1 (diubah).sqlite&apos; in %2.</translation>
    </message>
    <message>
        <source>Belum disimpan ke %1</source>
        <translation>Not yet saved to the %1</translation>
    </message>
    <message>
        <source>Perubahan pada &apos;%1&apos; belum disimpan ke %2.</source>
        <translation>The changes to &apos;%1&apos; are not yet saved to the %2.</translation>
    </message>
    <message>
        <source>Perubahan tetap ada di salinan kerja di komputer ini (%1), tetapi berkas di %2 masih versi lama. Simpan ke %2 sekarang?</source>
        <translation>The changes stay in the working copy on this computer (%1), but the file on the %2 is still the old version. Save to the %2 now?</translation>
    </message>
    <message>
        <source>folder jaringan</source>
        <translation>network folder</translation>
    </message>
    <message>
        <source>flash disk</source>
        <translation>flash drive</translation>
    </message>
    <message>
        <source>Belum tersimpan ke %1</source>
        <translation>Not saved to the %1</translation>
    </message>
    <message>
        <source>Berkas %1 diubah lagi di tempat lain; tidak ditimpa.</source>
        <translation>The file %1 was changed elsewhere again; it was not overwritten.</translation>
    </message>
    <message>
        <source>Berkas kerja Anda di komputer ini tidak berubah dan tetap aman.</source>
        <translation>Your working file on this computer is unchanged and safe.</translation>
    </message>
    <message>
        <source>Tersimpan ke %1: %2</source>
        <translation>Saved to the %1: %2</translation>
    </message>
    <message>
        <source>Berkas %1 di %2 telah diubah di tempat lain (mis. di komputer lain) sejak Anda membukanya. Bila ditimpa, perubahan itu akan hilang, jadi berkas itu tidak ditimpa.</source>
        <translation>The file %1 on the %2 was changed elsewhere (e.g. on another computer) since you opened it. Overwriting it would lose those changes, so it was not overwritten.</translation>
    </message>
    <message>
        <source>Renja Desktop dapat membandingkan kedua versi dan menggabungkannya: perubahan yang tidak bertentangan diambil dari keduanya, dan untuk setiap pertentangan Anda memilih sendiri. Hasilnya menjadi dokumen Anda lalu disimpan ke %1; versi lama disimpan sebagai cadangan.

Bandingkan dan gabungkan sekarang?</source>
        <translation>Renja Desktop can compare both versions and merge them: changes that do not conflict are taken from both, and you choose for each conflict. The result becomes your document and is then saved to the %1; the old versions are kept as backups.

Compare and merge now?</translation>
    </message>
    <message>
        <source>Berkas di %1 sudah berubah</source>
        <translation>The file on the %1 has changed</translation>
    </message>
    <message>
        <source>Belum disimpan ke %1; berkas di sana tidak diubah.</source>
        <translation>Not saved to the %1; the file there was not changed.</translation>
    </message>
    <message>
        <source>Tidak dapat dibandingkan</source>
        <translation>Cannot compare</translation>
    </message>
    <message>
        <source>Di komputer ini</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Di %1</source>
        <translation>On the %1</translation>
    </message>
    <message>
        <source>Penggabungan dibatalkan; berkas di %1 tidak diubah.</source>
        <translation>Merge cancelled; the file on the %1 was not changed.</translation>
    </message>
    <message>
        <source>Hasil gabungan menjadi dokumen Anda dan tersimpan ke %1.</source>
        <translation>The merged result is now your document and is saved to the %1.</translation>
    </message>
    <message>
        <source>Hasil gabungan tidak dapat dipakai</source>
        <translation>The merged result cannot be used</translation>
    </message>
    <message>
        <source>Dokumen Anda dibuka kembali seperti sebelumnya.</source>
        <translation>Your document was reopened as it was before.</translation>
    </message>
    <message>
        <source>Pilih salinan lain dokumen ini</source>
        <translation>Choose another copy of this document</translation>
    </message>
    <message>
        <source>Simpan hasil gabungan sebagai</source>
        <translation>Save the merged result as</translation>
    </message>
    <message>
        <source>Pilih nama berkas hasil gabungan untuk melanjutkan.</source>
        <translation>Choose a file name for the merged result to continue.</translation>
    </message>
    <message>
        <source>Dokumen ini</source>
        <translation>This document</translation>
    </message>
    <message>
        <source>Salinan lain</source>
        <translation>Other copy</translation>
    </message>
    <message>
        <source>Hasil gabungan disimpan: %1</source>
        <translation>Merged result saved: %1</translation>
    </message>
    <message>
        <source>Penggabungan selesai</source>
        <translation>Merge finished</translation>
    </message>
    <message>
        <source>Hasil gabungan disimpan di %1. Kedua berkas masukan tidak diubah.</source>
        <translation>The merged result was saved as %1. Both input files are unchanged.</translation>
    </message>
    <message>
        <source>Buka hasil gabungan sekarang?</source>
        <translation>Open the merged result now?</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan ke %1.</source>
        <translation>The backup was restored to %1.</translation>
    </message>
    <message>
        <source>Buka berkas itu sekarang?</source>
        <translation>Open that file now?</translation>
    </message>
    <message>
        <source>Gabungan Renja selesai</source>
        <translation>Consolidation finished</translation>
    </message>
    <message>
        <source>Tampilan kota ditulis ke %1.</source>
        <translation>The city view was written to %1.</translation>
    </message>
    <message>
        <source>Buka sekarang (hanya-baca)?</source>
        <translation>Open it now (read-only)?</translation>
    </message>
    <message>
        <source>Pilih berkas Renja yang rusak</source>
        <translation>Choose the damaged Renja file</translation>
    </message>
    <message>
        <source>Simpan hasil penyelamatan sebagai</source>
        <translation>Save the rescued content as</translation>
    </message>
    <message>
        <source>Hasil penyelamatan harus berkas baru, bukan berkas yang rusak.</source>
        <translation>The rescued content must go to a new file, not to the damaged one.</translation>
    </message>
    <message>
        <source>Penyelamatan gagal</source>
        <translation>Rescue failed</translation>
    </message>
    <message>
        <source>Berkas yang rusak tidak diubah.</source>
        <translation>The damaged file was not changed.</translation>
    </message>
    <message>
        <source>Semua isi &apos;%1&apos; terselamatkan ke %2.</source>
        <translation>All content of &apos;%1&apos; was rescued into %2.</translation>
    </message>
    <message>
        <source>Sebagian isi &apos;%1&apos; terselamatkan ke %2; ada yang hilang (lihat rincian).</source>
        <translation>Part of &apos;%1&apos; was rescued into %2; some content is lost (see the details).</translation>
    </message>
    <message>
        <source>Hasil penyelamatan</source>
        <translation>Rescue result</translation>
    </message>
    <message>
        <source>Berkas yang rusak tidak diubah. Buka hasil penyelamatan sekarang?</source>
        <translation>The damaged file was not changed. Open the rescued file now?</translation>
    </message>
    <message>
        <source>Diurungkan: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Diulangi: %1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <source>Ulan&amp;gi %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Dibuka: %1</source>
        <translation>Opened: %1</translation>
    </message>
    <message>
        <source>Berkas berubah</source>
        <translation>File changed</translation>
    </message>
    <message>
        <source>Berkas &apos;%1&apos; diubah oleh program lain; isinya dimuat ulang.</source>
        <translation>File &apos;%1&apos; was changed by another program; its content was reloaded.</translation>
    </message>
    <message>
        <source>B&amp;uka…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>C&amp;etak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Ulan&amp;gi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Pindah tu&amp;run</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>Buka terak&amp;hir</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Ba&amp;hasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Simpan Renja baru sebagai</source>
        <translation>Save the new Renja as</translation>
    </message>
    <message>
        <source>Berkas Renja (*.sqlite)</source>
        <translation>Renja files (*.sqlite)</translation>
    </message>
    <message>
        <source>Dokumen tidak dapat dibuat</source>
        <translation>The document cannot be created</translation>
    </message>
    <message>
        <source>Contoh tidak tersedia</source>
        <translation>Sample not available</translation>
    </message>
    <message>
        <source>Dokumen contoh tidak disertakan dalam instalasi ini.</source>
        <translation>The sample document is not included in this installation.</translation>
    </message>
    <message>
        <source>Contoh Renja Kesbangpol Binjai 2024</source>
        <translation>Sample Renja Kesbangpol Binjai 2024</translation>
    </message>
    <message>
        <source>Contoh tidak dapat dibuat</source>
        <translation>The sample cannot be created</translation>
    </message>
    <message>
        <source>%1 di komputer %2 sejak %3</source>
        <translation>%1 on computer %2 since %3</translation>
    </message>
    <message>
        <source>Kunci berkas &apos;%1&apos; telah diambil alih oleh %2.</source>
        <translation>The lock on &apos;%1&apos; was taken over by %2.</translation>
    </message>
    <message>
        <source>aplikasi lain</source>
        <translation>another application</translation>
    </message>
    <message>
        <source>Kunci berkas diambil alih</source>
        <translation>File lock taken over</translation>
    </message>
    <message>
        <source>Perubahan dari dua tempat dapat saling menimpa. Simpan salinan dokumen ini ke tempat lain (Berkas ▸ Simpan salinan sebagai…), tutup dokumen, lalu gabungkan bila perlu.</source>
        <translation>Changes made in two places may overwrite each other. Save a copy of this document elsewhere (File ▸ Save a copy as…), close the document, then merge if needed.</translation>
    </message>
    <message>
        <source>Rencana Program (Tabel 3.1 / 4.1)</source>
        <translation>Program plan (Table 3.1 / 4.1)</translation>
    </message>
    <message>
        <source>Evaluasi (Tabel 2.1)</source>
        <translation>Evaluation (Table 2.1)</translation>
    </message>
    <message>
        <source>Kinerja Pelayanan (Tabel 2.2)</source>
        <translation>Service performance (Table 2.2)</translation>
    </message>
    <message>
        <source>Review RKPD (Tabel 2.3)</source>
        <translation>RKPD review (Table 2.3)</translation>
    </message>
    <message>
        <source>Usulan (Tabel 2.4)</source>
        <translation>Proposals (Table 2.4)</translation>
    </message>
    <message>
        <source>Identitas &amp;&amp; Pengesahan</source>
        <translation>Identity &amp;&amp; Approval</translation>
    </message>
    <message>
        <source>Simpan salinan sebagai</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <source>Salinan tidak tersimpan</source>
        <translation>The copy was not saved</translation>
    </message>
    <message>
        <source>Berkas kerja Anda tidak berubah dan tetap aman.</source>
        <translation>Your working file is unchanged and safe.</translation>
    </message>
    <message>
        <source>Tidak dapat diurungkan</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>Total pagu %1: Rp %2</source>
        <translation>Total budget %1: Rp %2</translation>
    </message>
    <message>
        <source>Prakiraan maju %1: Rp %2</source>
        <translation>Forecast %1: Rp %2</translation>
    </message>
    <message>
        <source>Renja Desktop</source>
        <translation>Renja Desktop</translation>
    </message>
    <message>
        <source>dari %1 %2</source>
        <translation>from %1 %2</translation>
    </message>
    <message>
        <source>Asal: %1 (%2)</source>
        <translation>Origin: %1 (%2)</translation>
    </message>
    <message>
        <source>Anda bekerja pada salinan di komputer ini: %1</source>
        <translation>You are working on a copy on this computer: %1</translation>
    </message>
    <message>
        <source>(hanya baca)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <source>Hanya baca</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>Dokumen dibuka hanya-baca; perubahan tidak dapat dibuat.</source>
        <translation>The document is open read-only; it cannot be changed.</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Setiap perubahan langsung tersimpan ke salinan di komputer ini; isinya sama dengan berkas di %1.</source>
        <translation>Every change is saved at once to the copy on this computer; its content is the same as the file on the %1.</translation>
    </message>
    <message>
        <source>Setiap perubahan langsung tersimpan ke berkas kerja ini.</source>
        <translation>Every change is saved to this working file at once.</translation>
    </message>
    <message>
        <source>(belum disimpan ke %1)</source>
        <translation>(not yet saved to the %1)</translation>
    </message>
    <message>
        <source>Tersimpan di komputer ini; belum disimpan ke %1</source>
        <translation>Saved on this computer; not yet saved to the %1</translation>
    </message>
    <message>
        <source>Perubahan sudah tersimpan di salinan kerja di komputer ini, tetapi belum ke %1 (Berkas ▸ Simpan ke flash disk, Ctrl+S).</source>
        <translation>Changes are saved in the working copy on this computer, but not yet to %1 (File ▸ Save to flash drive, Ctrl+S).</translation>
    </message>
    <message>
        <source>(ada perubahan belum disalin)</source>
        <translation>(changes not yet copied)</translation>
    </message>
    <message>
        <source>Tersimpan di berkas kerja; belum disalin</source>
        <translation>Saved in the working file; not yet copied</translation>
    </message>
    <message>
        <source>Perubahan sudah tersimpan di berkas ini, tetapi belum disalin (Berkas ▸ Simpan salinan sebagai…), mis. ke flash disk.</source>
        <translation>Changes are saved in this file but not yet copied (File ▸ Save a copy as…), e.g. to a flash drive.</translation>
    </message>
    <message>
        <source>&amp;Urungkan %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>Simpan ke &amp;folder jaringan</source>
        <translation>Save to &amp;network folder</translation>
    </message>
    <message>
        <source>Menyimpan dokumen kembali ke %1</source>
        <translation>Saves the document back to %1</translation>
    </message>
    <message>
        <source>Hanya untuk dokumen yang dibuka dari flash disk atau folder jaringan</source>
        <translation>Only for documents opened from a flash drive or a network folder</translation>
    </message>
    <message>
        <source>Baris temuan ini tidak ada di pohon (mis. nilai TOTAL tercetak): %1</source>
        <translation>This finding&apos;s row is not in the tree (e.g. a printed TOTAL): %1</translation>
    </message>
    <message>
        <source>Hapus nilai tercetak</source>
        <translation>Remove printed values</translation>
    </message>
    <message>
        <source>Hapus %1 nilai tercetak dari dokumen hasil impor?</source>
        <translation>Remove %1 printed values from the imported document?</translation>
    </message>
    <message>
        <source>Nilai itu hanya dipakai untuk memeriksa angka dokumen asal; tabel selalu dicetak dari nilai terhitung. Temuan &apos;tercetak berbeda&apos; akan hilang. Dapat diurungkan.</source>
        <translation>These values are only used to check the source document&apos;s figures; tables are always printed from computed values. The &apos;printed value differs&apos; findings will disappear. This can be undone.</translation>
    </message>
    <message>
        <source>Nilai tercetak tidak dihapus</source>
        <translation>Printed values were not removed</translation>
    </message>
    <message>
        <source>%1 nilai tercetak dihapus.</source>
        <translation>%1 printed values removed.</translation>
    </message>
    <message>
        <source>Tentang Renja Desktop</source>
        <translation>About Renja Desktop</translation>
    </message>
    <message>
        <source>Renja Desktop %1</source>
        <translation>Renja Desktop %1</translation>
    </message>
    <message>
        <source>Menyusun Rencana Kerja Perangkat Daerah secara luring: pohon program dengan total yang selalu terhitung, pemeriksaan, dan tabel lampiran siap cetak.</source>
        <translation>Write an agency&apos;s annual work plan (Renja) offline: a program tree whose totals are always computed, checks, and print-ready appendix tables.</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Milik saya</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Milik mereka</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Bandingkan salinan</source>
        <translation>Compare copies</translation>
    </message>
    <message>
        <source>Gabungkan salinan</source>
        <translation>Merge copies</translation>
    </message>
    <message>
        <source>%1: %2    %3: %4</source>
        <translation>%1: %2    %3: %4</translation>
    </message>
    <message>
        <source>Perbandingan tiga arah</source>
        <translation>Three-way comparison</translation>
    </message>
    <message>
        <source>Perbandingan dua arah (tanpa versi dasar)</source>
        <translation>Two-way comparison (no base version)</translation>
    </message>
    <message>
        <source>Perubahan (diterapkan otomatis)</source>
        <translation>Changes (applied automatically)</translation>
    </message>
    <message>
        <source>Perbedaan</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Sisi</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Pertentangan (pilih untuk masing-masing)</source>
        <translation>Conflicts (choose for each)</translation>
    </message>
    <message>
        <source>Pertentangan</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Semua: %1</source>
        <translation>All: %1</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Versi dasar</source>
        <translation>Base version</translation>
    </message>
    <message>
        <source>Pilihan</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Gabungkan</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Keduanya</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>ditambah</source>
        <translation>added</translation>
    </message>
    <message>
        <source>dihapus</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>diubah</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>dipindah</source>
        <translation>moved</translation>
    </message>
    <message>
        <source>hanya di sisi ini</source>
        <translation>only on this side</translation>
    </message>
    <message>
        <source>urutan diubah</source>
        <translation>order changed</translation>
    </message>
    <message>
        <source>dihapus di %1, tetapi diubah di %2</source>
        <translation>deleted in %1 but changed in %2</translation>
    </message>
    <message>
        <source>(termasuk %1 baris di bawahnya)</source>
        <translation>(including %1 rows below it)</translation>
    </message>
    <message>
        <source>urutan baris di bawahnya</source>
        <translation>order of the rows below it</translation>
    </message>
    <message>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Yang lebih baru: %1</source>
        <translation>The newer one: %1</translation>
    </message>
    <message>
        <source>%1 perubahan, %2 pertentangan</source>
        <translation>%1 changes, %2 conflicts</translation>
    </message>
    <message>
        <source>%1 belum dipilih</source>
        <translation>%1 not chosen yet</translation>
    </message>
    <message>
        <source>semua sudah dipilih</source>
        <translation>all chosen</translation>
    </message>
    <message>
        <source>Isi kedua salinan sama.</source>
        <translation>Both copies have the same content.</translation>
    </message>
</context>
<context>
    <name>MoneyDelegate</name>
    <message>
        <source>contoh: 1.500.000</source>
        <translation>example: 1.500.000</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <source>Isi nama pemerintah daerah dan perangkat daerah.</source>
        <translation>Fill in the regional government and the agency.</translation>
    </message>
    <message>
        <source>(tanpa katalog: kode tidak diperiksa)</source>
        <translation>(no catalog: codes are not checked)</translation>
    </message>
    <message>
        <source>Renja baru</source>
        <translation>New Renja</translation>
    </message>
    <message>
        <source>&amp;Pemerintah daerah:</source>
        <translation>&amp;Regional government:</translation>
    </message>
    <message>
        <source>mis. Kota Binjai</source>
        <translation>e.g. Kota Binjai</translation>
    </message>
    <message>
        <source>Perangkat &amp;Daerah:</source>
        <translation>&amp;Agency:</translation>
    </message>
    <message>
        <source>mis. Badan Kesatuan Bangsa dan Politik</source>
        <translation>e.g. Badan Kesatuan Bangsa dan Politik</translation>
    </message>
    <message>
        <source>Nama &amp;singkat:</source>
        <translation>&amp;Short name:</translation>
    </message>
    <message>
        <source>mis. Badan Kesbangpol</source>
        <translation>e.g. Badan Kesbangpol</translation>
    </message>
    <message>
        <source>&amp;Tahun rencana (n):</source>
        <translation>Plan &amp;year (n):</translation>
    </message>
    <message>
        <source>&amp;Nomenklatur:</source>
        <translation>&amp;Nomenclature:</translation>
    </message>
    <message>
        <source>Versi katalog nomenklatur yang diikuti dokumen: kode dan nama baris diperiksa terhadapnya</source>
        <translation>Nomenclature catalog version the document follows: row codes and names are checked against it</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Kode &apos;%1&apos; dibaca sebagai %2</source>
        <extracomment>item flags, combined once (enum ``|`` is Python-level and data() hot paths call flags() a lot) columns holding one of the row&apos;s first indicator&apos;s fields</extracomment>
        <translation>Code &apos;%1&apos; read as %2</translation>
    </message>
    <message>
        <source>Baris hanya dapat dipindah ke bawah induk satu tingkat di atasnya.</source>
        <translation>A row can only move under a parent one level above it.</translation>
    </message>
    <message>
        <source>(+%1 lainnya)</source>
        <translation>(+%1 more)</translation>
    </message>
    <message>
        <source>Jumlah dari rincian %1 ini (dihitung otomatis, tidak dapat diubah)</source>
        <translation>The sum of this %1&apos;s rows (computed, cannot be edited)</translation>
    </message>
    <message>
        <source>Ubah pembagian sumber dana di panel Rincian.</source>
        <translation>Change the funding split in the Row details panel.</translation>
    </message>
    <message>
        <source>Selisih = pagu hasil analisis kebutuhan − pagu rancangan awal RKPD</source>
        <translation>Difference = needs-analysis budget − RKPD first-draft budget</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Cetak Tabel Lampiran</source>
        <extracomment>preview zoom choices: None fits the page width emitted after a job ends: &apos;preview&apos;, &apos;pdf&apos;, &apos;excel&apos; or &apos;print&apos;, and True when it succeeded</extracomment>
        <translation>Print appendix tables</translation>
    </message>
    <message>
        <source>Yang dicetak</source>
        <translation>What to print</translation>
    </message>
    <message>
        <source>Tabel lampiran</source>
        <translation>Appendix tables</translation>
    </message>
    <message>
        <source>Dokumen lengkap (PDF)</source>
        <translation>Whole document (PDF)</translation>
    </message>
    <message>
        <source>Dokumen lengkap (Word)</source>
        <translation>Whole document (Word)</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>tegak</source>
        <translation>portrait</translation>
    </message>
    <message>
        <source>Kertas halaman teks</source>
        <translation>Text page paper</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Tabel %1  %2</source>
        <translation>Table %1  %2</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Kertas dan huruf</source>
        <translation>Paper and font</translation>
    </message>
    <message>
        <source>melintang</source>
        <translation>landscape</translation>
    </message>
    <message>
        <source>Ukuran kertas</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <source>Menurut tabel</source>
        <translation>Per table</translation>
    </message>
    <message>
        <source>Ukuran huruf</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>Atas</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>Bawah</source>
        <translation>Bottom</translation>
    </message>
    <message>
        <source>Kiri</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Kanan</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margins</translation>
    </message>
    <message>
        <source>Pilihan</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Rupiah dalam ribuan (Rp.000)</source>
        <translation>Rupiah in thousands (Rp.000)</translation>
    </message>
    <message>
        <source>Dengan halaman sampul</source>
        <translation>With a cover page</translation>
    </message>
    <message>
        <source>Tabel 2.1 lengkap (kolom triwulan I-IV dan keterangan)</source>
        <translation>Full Table 2.1 (quarter I-IV and remarks columns)</translation>
    </message>
    <message>
        <source>Perbarui pratinjau</source>
        <translation>Update preview</translation>
    </message>
    <message>
        <source>Cetak ke printer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Ekspor Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>◀ Sebelumnya</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Berikutnya ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>dari %1</source>
        <translation>of %1</translation>
    </message>
    <message>
        <source>Selebar jendela</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Halaman</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Perbesaran</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih sekurang-kurangnya satu tabel.</source>
        <translation>Choose at least one table.</translation>
    </message>
    <message>
        <source>Cetak Dokumen Lengkap</source>
        <translation>Print Whole Document</translation>
    </message>
    <message>
        <source>Simpan Word…</source>
        <translation>Save Word…</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Dibatalkan.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Pratinjau siap: %1 halaman.</source>
        <translation>Preview ready: %1 pages.</translation>
    </message>
    <message>
        <source>Menyusun pratinjau…</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Berkas PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>PDF tidak dapat disimpan ke %1: %2</source>
        <translation>The PDF cannot be saved to %1: %2</translation>
    </message>
    <message>
        <source>PDF disimpan: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>PDF disimpan: %1 (%2 halaman)</source>
        <translation>PDF saved: %1 (%2 pages)</translation>
    </message>
    <message>
        <source>Simpan dokumen Word</source>
        <translation>Save Word document</translation>
    </message>
    <message>
        <source>Dokumen Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Ekspor Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel disimpan: %1</source>
        <translation>Excel saved: %1</translation>
    </message>
    <message>
        <source>Dokumen Word disimpan: %1</source>
        <translation>Word document saved: %1</translation>
    </message>
    <message>
        <source>Cetak ke printer</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Printer tidak dapat dibuka.</source>
        <translation>The printer cannot be opened.</translation>
    </message>
    <message>
        <source>Mencetak halaman %1 dari %2</source>
        <translation>Printing page %1 of %2</translation>
    </message>
    <message>
        <source>Terkirim ke printer: %1 halaman.</source>
        <translation>Sent to the printer: %1 pages.</translation>
    </message>
    <message>
        <source>Pencetakan dibatalkan.</source>
        <translation>Printing cancelled.</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Bekukan tahap</source>
        <translation>Freeze stage</translation>
    </message>
    <message>
        <source>Nama tahap</source>
        <translation>Stage name</translation>
    </message>
    <message>
        <source>Dibekukan oleh</source>
        <translation>Frozen by</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Keadaan dokumen sekarang disimpan sebagai tahap hanya-baca di dalam berkas; penyusunan berlanjut seperti biasa.</source>
        <translation>The document as it is now is kept as a read-only stage inside the file; work continues as usual.</translation>
    </message>
    <message>
        <source>Bandingkan tahap</source>
        <translation>Compare stages</translation>
    </message>
    <message>
        <source>Sebelum:</source>
        <translation>Before:</translation>
    </message>
    <message>
        <source>Sesudah:</source>
        <translation>After:</translation>
    </message>
    <message>
        <source>Cetak Perubahan Renja (PDF)…</source>
        <translation>Print the Perubahan Renja table (PDF)…</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Uraian / isian</source>
        <translation>Name / field</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Selisih pagu</source>
        <translation>Budget difference</translation>
    </message>
    <message>
        <source>Belum ada tahap yang dibekukan.</source>
        <translation>No stage has been frozen yet.</translation>
    </message>
    <message>
        <source>%1 → %2: %3 baris berubah; total pagu Rp %4 → Rp %5 (selisih %6)</source>
        <translation>%1 → %2: %3 rows changed; total budget Rp %4 → Rp %5 (difference %6)</translation>
    </message>
    <message>
        <source>Simpan Perubahan Renja</source>
        <translation>Save the Perubahan Renja table</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tahap %1 (hanya-baca)</source>
        <translation>Stage %1 (read-only)</translation>
    </message>
    <message>
        <source>Tahap &lt;b&gt;%1&lt;/b&gt;, dibekukan %2 oleh %3; %4 baris, total pagu Rp %5</source>
        <translation>Stage &lt;b&gt;%1&lt;/b&gt;, frozen %2 by %3; %4 rows, total budget Rp %5</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pagu n</source>
        <translation>Budget n</translation>
    </message>
    <message>
        <source>Pagu n+1</source>
        <translation>Budget n+1</translation>
    </message>
    <message>
        <source>Cetak tahap ini (PDF)…</source>
        <translation>Print this stage (PDF)…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cetak tahap</source>
        <translation>Print stage</translation>
    </message>
    <message>
        <source>semua</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Tahap:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Catatan untuk baris yang dipilih di pohon program…</source>
        <translation>Note on the row selected in the program tree…</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Selesai / buka lagi</source>
        <translation>Done / reopen</translation>
    </message>
    <message>
        <source>Pilih dahulu baris di pohon program.</source>
        <translation>Select a row in the program tree first.</translation>
    </message>
    <message>
        <source>Pilih dahulu catatan di daftar.</source>
        <translation>Select a note in the list first.</translation>
    </message>
    <message>
        <source>Catatan verifikasi</source>
        <translation>Verification notes</translation>
    </message>
    <message>
        <source>Renja tahun berikutnya</source>
        <translation>Next year&apos;s Renja</translation>
    </message>
    <message>
        <source>Renja %1 dari Renja %2</source>
        <translation>Renja %1 from Renja %2</translation>
    </message>
    <message>
        <source>Pohon program, identitas, penandatangan, Tabel 2.1 (kolom 6 := kolom 14) dan Renstra dibawa ke berkas baru; dokumen ini tidak diubah.</source>
        <translation>The program tree, identity, signer, Table 2.1 (column 6 := column 14) and the Renstra are carried into a new file; this document is not changed.</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Berkas baru</source>
        <translation>New file</translation>
    </message>
    <message>
        <source>prakiraan maju %1 dokumen ini</source>
        <translation>this document&apos;s forecast for %1</translation>
    </message>
    <message>
        <source>anggaran Renstra tahun %1</source>
        <translation>the Renstra budget for %1</translation>
    </message>
    <message>
        <source>Pagu tahun baru dari</source>
        <translation>New year&apos;s budget from</translation>
    </message>
    <message>
        <source>sama (%1)</source>
        <translation>unchanged (%1)</translation>
    </message>
    <message>
        <source>Nomenklatur tahun baru</source>
        <translation>New year&apos;s nomenclature</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Setiap baris yang dibawa, dipetakan, ditandai atau tidak dibawa.</source>
        <translation>Every row carried, mapped, flagged or left out.</translation>
    </message>
    <message>
        <source>Berkas Renja baru</source>
        <translation>New Renja file</translation>
    </message>
    <message>
        <source>Baris yang dibawa:</source>
        <translation>Rows carried:</translation>
    </message>
    <message>
        <source>Pemeriksaan Renstra</source>
        <translation>Renstra check</translation>
    </message>
    <message>
        <source>Renstra %1-%2 dibanding Renja %3: %4 galat jumlah, %5 selisih</source>
        <translation>Renstra %1-%2 against Renja %3: %4 sum errors, %5 differences</translation>
    </message>
    <message>
        <source>Galat jumlah Renstra</source>
        <translation>Renstra sum errors</translation>
    </message>
    <message>
        <source>Renja dibanding Renstra</source>
        <translation>Renja against Renstra</translation>
    </message>
    <message>
        <source>Status kegiatan</source>
        <translation>Kegiatan status</translation>
    </message>
    <message>
        <source>&amp;Bekukan tahap…</source>
        <translation>&amp;Freeze stage…</translation>
    </message>
    <message>
        <source>&amp;Lihat tahap…</source>
        <translation>&amp;View stage…</translation>
    </message>
    <message>
        <source>Ba&amp;ndingkan tahap…</source>
        <translation>&amp;Compare stages…</translation>
    </message>
    <message>
        <source>&amp;Catatan verifikasi</source>
        <translation>Verification &amp;notes</translation>
    </message>
    <message>
        <source>Mulai &amp;Perubahan Renja</source>
        <translation>Start a &amp;Renja amendment (Perubahan)</translation>
    </message>
    <message>
        <source>&amp;Renja tahun berikutnya…</source>
        <translation>Next &amp;year&apos;s Renja…</translation>
    </message>
    <message>
        <source>&amp;Impor Renstra…</source>
        <translation>&amp;Import Renstra…</translation>
    </message>
    <message>
        <source>Periksa Rens&amp;tra…</source>
        <translation>Check Rens&amp;tra…</translation>
    </message>
    <message>
        <source>Buka dahulu sebuah dokumen Renja.</source>
        <translation>Open a Renja document first.</translation>
    </message>
    <message>
        <source>Belum ada tahap yang dibekukan (Tahap ▸ Bekukan tahap…).</source>
        <translation>No stage has been frozen yet (Stages ▸ Freeze stage…).</translation>
    </message>
    <message>
        <source>Lihat tahap</source>
        <translation>View stage</translation>
    </message>
    <message>
        <source>Perubahan Renja</source>
        <translation>Renja amendment (Perubahan)</translation>
    </message>
    <message>
        <source>Dokumen belum ditetapkan: suntingan sudah diperbolehkan.</source>
        <translation>The document is not fixed yet: editing is already allowed.</translation>
    </message>
    <message>
        <source>Dokumen sudah ditetapkan. Mulai %1 untuk menyuntingnya?</source>
        <translation>The document has been fixed (Penetapan). Start %1 to edit it?</translation>
    </message>
    <message>
        <source>Tahap Penetapan tetap tersimpan apa adanya; bekukan %1 setelah selesai.</source>
        <translation>The Penetapan stage stays as it was; freeze %1 when done.</translation>
    </message>
    <message>
        <source>Mulai %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>Impor Renstra</source>
        <translation>Import Renstra</translation>
    </message>
    <message>
        <source>Tabel (*.xlsx *.csv *.tsv *.txt)</source>
        <translation>Tables (*.xlsx *.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Renstra %1-%2 diimpor: %3 baris; Tabel 2.1 kolom 5 diisi pada %4 baris.</source>
        <translation>Renstra %1-%2 imported: %3 rows; Table 2.1 column 5 filled in %4 rows.</translation>
    </message>
    <message>
        <source>Taha&amp;p</source>
        <translation>&amp;Stages</translation>
    </message>
</context>
<context>
    <name>TreePage</name>
    <message>
        <source>Cari kode atau uraian…</source>
        <extracomment>a line for the status bar the current row changed (row id or None)</extracomment>
        <translation>Search code or name…</translation>
    </message>
    <message>
        <source>Bentangkan semua</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <source>Ciutkan ke program</source>
        <translation>Collapse to programs</translation>
    </message>
    <message numerus="yes">
        <source>%n baris cocok</source>
        <translation>
            <numerusform>%n row matches</numerusform>
            <numerusform>%n rows match</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 ditambahkan.</source>
        <translation>%1 %2 added.</translation>
    </message>
    <message>
        <source>Sub kegiatan tidak dapat memiliki rincian.</source>
        <translation>A sub-activity cannot have rows under it.</translation>
    </message>
    <message>
        <source>Hapus %1 %2 %3?</source>
        <translation>Delete %1 %2 %3?</translation>
    </message>
    <message>
        <source>Hapus %1 baris yang dipilih?</source>
        <translation>Delete the %1 selected rows?</translation>
    </message>
    <message>
        <source>Seluruh rinciannya ikut terhapus: %1 baris.</source>
        <translation>All its rows are deleted with it: %1 rows.</translation>
    </message>
    <message>
        <source>Pagu yang ikut terhapus: Rp %1.</source>
        <translation>Budget deleted with it: Rp %1.</translation>
    </message>
    <message>
        <source>Penghapusan dapat dibatalkan dengan Edit ▸ Urungkan (Ctrl+Z).</source>
        <translation>Deleting can be undone with Edit ▸ Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Delete rows</translation>
    </message>
    <message>
        <source>%1 baris dihapus.</source>
        <translation>%1 rows deleted.</translation>
    </message>
    <message>
        <source>Baris sudah di posisi paling atas.</source>
        <translation>The row is already at the top.</translation>
    </message>
    <message>
        <source>Baris sudah di posisi paling bawah.</source>
        <translation>The row is already at the bottom.</translation>
    </message>
    <message>
        <source>%1 baris disalin.</source>
        <translation>%1 rows copied.</translation>
    </message>
    <message>
        <source>Tempel %1 baris</source>
        <translation>Paste %1 rows</translation>
    </message>
    <message>
        <source>%1 baris ditempel.</source>
        <translation>%1 rows pasted.</translation>
    </message>
    <message>
        <source>Tempel dari Excel</source>
        <translation>Paste from Excel</translation>
    </message>
    <message>
        <source>%1 baris ditempel dari teks.</source>
        <translation>%1 rows pasted from text.</translation>
    </message>
    <message>
        <source>%1 baris ditolak (baris %2: %3).</source>
        <translation>%1 rows refused (line %2: %3).</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Baris tidak ditemukan (mungkin sudah dihapus).</source>
        <translation>Row not found (it may have been deleted).</translation>
    </message>
    <message>
        <source>Ubah %1 %2</source>
        <extracomment>errors an operation reports to the user (anything else is a bug and propagates) an undo or redo that could not be carried out (the message)</extracomment>
        <translation>Change %1 %2</translation>
    </message>
    <message>
        <source>Ubah indikator %1</source>
        <translation>Change indicators %1</translation>
    </message>
    <message>
        <source>Ubah sumber dana %1</source>
        <translation>Change funding %1</translation>
    </message>
    <message>
        <source>baris</source>
        <translation>row</translation>
    </message>
    <message>
        <source>Tambah %1 %2</source>
        <translation>Add %1 %2</translation>
    </message>
    <message>
        <source>Tidak ada baris yang dipilih.</source>
        <translation>No row selected.</translation>
    </message>
    <message>
        <source>Hapus %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Hapus %1 baris</source>
        <translation>Delete %1 rows</translation>
    </message>
    <message>
        <source>Pindahkan %1</source>
        <translation>Move %1</translation>
    </message>
    <message>
        <source>Ubah Tabel 2.1 %1</source>
        <translation>Change Table 2.1 %1</translation>
    </message>
    <message>
        <source>Ubah identitas dokumen</source>
        <translation>Change the document identity</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Ubah baris</source>
        <translation>Change row</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Delete rows</translation>
    </message>
    <message>
        <source>Pindahkan baris</source>
        <translation>Move row</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Renja Desktop</source>
        <translation>Renja Desktop</translation>
    </message>
    <message>
        <source>Menyusun Rencana Kerja Perangkat Daerah secara luring: pohon program, pagu, evaluasi, dan tabel lampiran yang siap dicetak.</source>
        <translation>Write an agency&apos;s annual work plan (Renja) offline: program tree, budgets, evaluation and print-ready appendix tables.</translation>
    </message>
    <message>
        <source>Renja baru…</source>
        <translation>New Renja…</translation>
    </message>
    <message>
        <source>Buka berkas…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <source>Buka contoh (Kesbangpol Binjai 2024)</source>
        <translation>Open the sample (Kesbangpol Binjai 2024)</translation>
    </message>
    <message>
        <source>Berkas terakhir:</source>
        <translation>Recent files:</translation>
    </message>
</context>
</TS>
