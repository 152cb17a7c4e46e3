"""The seed's Tabel 4.1 (Renja Kesbangpol Kota Binjai 2024) as typed test data.

Sub kegiatan pagu exactly as printed in the seed; parents carry no money. The sixth program is
printed as ``8.01.05`` in the seed (a reused code); its rows say ``8.01.6``/``8.01.06``, so it is
``8.01.06`` here. ``FORUM`` is the row Tabel 4.1 leaves empty (``0006``) and Tabel 3.1 prints as
Pelaksanaan Forum Koordinasi Pimpinan Daerah with 2.000.000.
"""
from renja_desktop.service import RenjaDocument

TREE = [
    ("8", "UNSUR PEMERINTAHAN UMUM", None),
    ("8.01", "KESATUAN BANGSA DAN POLITIK", None),
    ("8.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", None),
    ("8.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", None),
    ("8.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 1_000_000),
    ("8.01.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", 1_000_000),
    ("8.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", None),
    ("8.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", 4_348_298_123),
    ("8.01.01.2.02.0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD", 300_000_000),
    ("8.01.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", None),
    ("8.01.01.2.05.0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", 50_000_000),
    ("8.01.01.2.06", "Administrasi Umum Perangkat Daerah", None),
    ("8.01.01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", 6_000_000),
    ("8.01.01.2.06.0003", "Penyediaan Peralatan Rumah Tangga", 10_000_000),
    ("8.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", 35_000_000),
    ("8.01.01.2.06.0005", "Penyediaan Bahan Cetakan dan Penggandaan", 15_000_000),
    ("8.01.01.2.06.0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", 10_000_000),
    ("8.01.01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 200_000_000),
    ("8.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", None),
    ("8.01.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 3_500_000),
    ("8.01.01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 99_000_000),
    ("8.01.01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor", 30_000_000),
    ("8.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", None),
    ("8.01.01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau Lapangan", 60_000_000),
    ("8.01.01.2.09.0006", "Pemeliharaan Peralatan dan Mesin Lainnya", 9_000_000),
    ("8.01.02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN", None),
    ("8.01.02.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter Kebangsaan", None),
    ("8.01.02.2.01.0001", "Penyusunan Program Kerja di Bidang Ideologi Wawasan Kebangsaan", 70_000_000),
    ("8.01.02.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan", 353_000_000),
    ("8.01.02.2.01.0007", "Pembinaan terhadap Aktivitas Kepaskibrakaan dan Purnapaskibraka", 2_000_000),
    ("8.01.02.2.01.0008", "Pembentukan Paskibraka", 650_000_000),
    ("8.01.03", "PROGRAM PENINGKATAN PERAN PARTAI POLITIK DAN LEMBAGA PENDIDIKAN MELALUI PENDIDIKAN POLITIK DAN PENGEMBANGAN ETIKA SERTA BUDAYA POLITIK", None),
    ("8.01.03.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan Politik", None),
    ("8.01.03.2.01.0003", "Pelaksanaan Kebijakan di Bidang Pendidikan Politik", 33_409_770_595),
    ("8.01.03.2.01.0005", "Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Pendidikan Politik", 35_000_000),
    ("8.01.04", "PROGRAM PEMBERDAYAAN DAN PENGAWASAN ORGANISASI KEMASYARAKATAN", None),
    ("8.01.04.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan", None),
    ("8.01.04.2.01.0003", "Pelaksanaan Kebijakan di Bidang Pendaftaran Ormas", 35_000_000),
    ("8.01.05", "PROGRAM PEMBINAAN DAN PENGEMBANGAN KETAHANAN EKONOMI, SOSIAL, DAN BUDAYA", None),
    ("8.01.05.2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Ketahanan Ekonomi, Sosial dan Budaya", None),
    ("8.01.05.2.01.0003", "Pelaksanaan Kebijakan di Bidang Ketahanan Ekonomi, Sosial, Budaya", 130_000_000),
    ("8.01.05.2.01.0004", "Pelaksanaan Koordinasi di Bidang Ketahanan Ekonomi, Sosial, Budaya", 80_000_000),
    ("8.01.06", "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENINGKATAN KUALITAS DAN FASILITASI PENANGANAN KONFLIK SOSIAL", None),
    ("8.01.06.2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Kewaspadaan Nasional dan Penanganan Konflik Sosial", None),
    ("8.01.06.2.01.0002", "Penyusunan Bahan Perumusan Kebijakan di Bidang Kewaspadaan Dini", 135_000_000),
    ("8.01.06.2.01.0003", "Pelaksanaan Kebijakan di Bidang Kewaspadaan Dini", 1_000_000),
    ("8.01.06.2.01.0004", "Pelaksanaan Koordinasi di Bidang Kewaspadaan Dini", 65_000_000),
]
FORUM = ("8.01.06.2.01.0008", "Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota", 2_000_000)

PROGRAM_TOTALS = {
    "8.01.01": 5_177_798_123,   # the seed prints 5.117.798.123
    "8.01.02": 1_075_000_000,
    "8.01.03": 33_444_770_595,
    "8.01.04": 35_000_000,
    "8.01.05": 210_000_000,
    "8.01.06": 203_000_000,
}
GRAND_TOTAL = 40_145_568_718


def build(path, with_forum: bool = True) -> RenjaDocument:
    doc = RenjaDocument.create(
        path, tahun=2024, pemda="Kota Binjai", opd="Badan Kesatuan Bangsa dan Politik",
        opd_singkat="Badan Kesbangpol", tempat="Binjai", tanggal="Juni 2023",
        kepala_jabatan="Kepala Badan Kesatuan Bangsa dan Politik Kota Binjai",
        kepala_nama="Drs. Ruslianto, M.Pd", kepala_pangkat="Pembina",
    )
    rows = TREE + ([FORUM] if with_forum else [])
    with doc.batch():
        for kode, nama, pagu in rows:
            parent = doc.plan_by_kode(kode.rsplit(".", 2 if kode.count(".") == 4 else 1)[0]) if "." in kode else None
            fields = {"pagu": pagu} if pagu is not None else {}
            doc.add_plan_row(parent.id if parent else None, kode, nama, **fields)
    return doc
